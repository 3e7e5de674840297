import { type AcledRow, TAG, acledCountryName, countryFacts } from './acled-tables.js';
import { type AcledEventType, MECHANISM_EVENT_TYPE, MECHANISM_SUB_TYPES, type MechanismSubType, casualtyTotal, disorderType } from './taxonomy.js';
import { localDate, middleLocalDate } from './time.js';
import type { IncidentView } from './views/incident.js';
import type { ReportBody } from './records/report-schema.js';

export { ACLED_COLUMNS, type AcledColumn, type AcledRow } from './acled-tables.js';
export { acledRowToReportBody } from './acled-import.js';

// ACLED-style CSV rows from incidents. Pure: the CLI turns rows into CSV text (csv-stringify) and back (csv-parse).
// Choices, where ACLED and a report differ:
// - event_id_cnty is the report's id (the hex id of its report.file statement), so a row points back to the log.
// - event_date is the local start date (exact, day, night) or, for a week or a month, the middle day, with
//   time_precision 1, 2 or 3 as ACLED codes them; written YYYY-MM-DD (ACLED's API form).
// - the mechanism's own event types are exported as the ACLED pair taxonomy.ts names, and kept in tags.
// - actor1 is the first perpetrator, actor2 the first target; the others go to assoc_actor_1 / assoc_actor_2.
// - notes start with the attribution: a report is a claim of its filer, and stays one in a spreadsheet.
// - fatalities is the sum of the best (else minimum) killed figures, ACLED's single conservative number.

const join = (xs: readonly (string | undefined)[]): string => xs.filter((x): x is string => !!x).join('; ');

/** The ACLED pair a report's type is exported as. */
export function acledPair(body: Pick<ReportBody, 'event_type' | 'sub_event_type'>): [AcledEventType, string] {
  if (body.event_type === MECHANISM_EVENT_TYPE) {
    const pair = MECHANISM_SUB_TYPES[body.sub_event_type as MechanismSubType];
    if (pair) return [pair[0], pair[1]];
  }
  return [body.event_type as AcledEventType, body.sub_event_type];
}

function eventDate(body: ReportBody): { date: string; precision: string } {
  const { start, end, precision } = body.when;
  if (precision === 'week') return { date: middleLocalDate(start, end), precision: '2' };
  if (precision === 'month') return { date: middleLocalDate(start, end), precision: '3' };
  return { date: localDate(start), precision: '1' };
}

function actorColumns(body: ReportBody) {
  const perpetrators = body.actors.filter((a) => a.role === 'perpetrator');
  const targets = body.actors.filter((a) => a.role === 'target');
  const others = body.actors.filter((a) => a.role === 'other');
  const a1 = perpetrators[0] ?? others.shift();
  const a2 = targets[0] ?? (perpetrators.length > 0 ? others.shift() : undefined);
  const inter1 = a1?.actor_type ?? '';
  const inter2 = a2?.actor_type ?? '';
  return {
    actor1: a1?.name ?? '',
    assoc_actor_1: join(perpetrators.slice(1).map((a) => a.name)),
    inter1,
    actor2: a2?.name ?? '',
    assoc_actor_2: join([...targets.slice(1), ...others].map((a) => a.name)),
    inter2,
    interaction: inter1 && inter2 ? `${inter1}-${inter2}` : inter1 ? `${inter1} only` : '',
    civilian_targeting: a2?.actor_type === 'Civilians' ? 'Civilian targeting' : '',
  };
}

/** The latest log time in the view (ACLED's timestamp: when the event was last updated), as Unix seconds. */
function lastUpdate(view: IncidentView): string {
  const times = [view.filed.at, ...view.history.map((h) => h.ref.at), ...view.replies.map((r) => r.ref.at)].map((t) => Date.parse(t));
  return String(Math.floor(Math.max(...times) / 1000));
}

/**
 * One ACLED row (every column, as text) for an incident view.
 * @example incidentToAcledRow(incidentView(state, id)!).event_type // 'Battles'
 */
export function incidentToAcledRow(view: IncidentView): AcledRow {
  const body = view.report;
  const [eventType, subEventType] = acledPair(body);
  const { date, precision } = eventDate(body);
  const facts = countryFacts(body.where.country);
  const iso = body.where.iso ?? facts?.iso;
  const tags = [
    `${TAG.report}=${view.id}`,
    `${TAG.status}=${view.status}`,
    body.event_type === MECHANISM_EVENT_TYPE ? `${TAG.event}=${body.sub_event_type}` : undefined,
    body.accused.length > 0 ? `${TAG.accused}=${body.accused.join('|')}` : undefined,
    body.clauses.length > 0 ? `${TAG.clauses}=${body.clauses.join('|')}` : undefined,
  ];
  return {
    event_id_cnty: view.id,
    event_date: date,
    year: date.slice(0, 4),
    time_precision: precision,
    disorder_type: disorderType(eventType, subEventType),
    event_type: eventType,
    sub_event_type: subEventType,
    ...actorColumns(body),
    iso: iso === undefined ? '' : String(iso),
    region: facts?.region ?? '',
    country: acledCountryName(body.where.country),
    admin1: body.where.admin1 ?? '',
    admin2: body.where.admin2 ?? '',
    admin3: body.where.admin3 ?? '',
    location: body.where.place,
    latitude: body.where.lat === undefined ? '' : String(body.where.lat),
    longitude: body.where.lon === undefined ? '' : String(body.where.lon),
    geo_precision: String(body.where.geo_precision),
    source: join(body.sources.map((s) => s.publisher ?? s.title)),
    source_scale: '',
    notes: `${view.attribution[0]?.toUpperCase()}${view.attribution.slice(1)}: ${body.narrative}`,
    fatalities: String(casualtyTotal(body.casualties, 'killed')),
    tags: join(tags),
    timestamp: lastUpdate(view),
  };
}
