import { countryOffset, offsetAt } from './place-offset.js';
import { type AcledRow, NUMERIC_INTER, TAG, countryFacts, ownEntry, parseTags } from './acled-tables.js';
import { type Result, ok, refuse } from './errors.js';
import { ACTOR_TYPES, ACLED_TAXONOMY, MECHANISM_EVENT_TYPE, MECHANISM_SUB_TYPES } from './taxonomy.js';
import { intervalFor } from './time.js';
import { type ReportBody, reportFileBody } from './records/report-schema.js';

// ACLED row → report.file body. The row is hostile input (any CSV a user points `truce import` at): every field is
// checked and each bad one named, so the CLI can list them with the row's line number and keep the good rows.

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** ACLED dates come as YYYY-MM-DD (API) or "16 May 2025" (export tool). */
function parseDate(text: string): string | null {
  const t = text.trim();
  let y: number, m: number, d: number;
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  const long = /^(\d{1,2})[ -]([A-Za-z]+)[ -](\d{4})$/.exec(t);
  if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (long) {
    const month = MONTHS.findIndex((name) => name.startsWith((long[2] as string).toLowerCase()) && (long[2] as string).length >= 3);
    if (month < 0) return null;
    [y, m, d] = [Number(long[3]), month + 1, Number(long[1])];
  } else return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d ? date.toISOString().slice(0, 10) : null;
}

/** The ACLED pair as written, tolerating case and the older spelling "protestors". */
function acledPairOf(eventType: string, subEventType: string): [string, string] | null {
  const type = Object.keys(ACLED_TAXONOMY).find((k) => k.toLowerCase() === eventType.trim().toLowerCase());
  if (!type) return null;
  const wanted = subEventType.trim().toLowerCase().replace('protestors', 'protesters');
  const sub = (ACLED_TAXONOMY[type as keyof typeof ACLED_TAXONOMY] as readonly string[]).find((s) => s.toLowerCase() === wanted);
  return sub ? [type, sub] : null;
}

function actorType(text: string): (typeof ACTOR_TYPES)[number] | undefined {
  const name = ownEntry(NUMERIC_INTER, text.trim()) ?? text.trim();
  return ACTOR_TYPES.find((t) => t.toLowerCase() === name.toLowerCase());
}

const split = (text: string): string[] =>
  text
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean);

function number(text: string, field: string, problems: string[]): number | undefined {
  if (text.trim() === '') {
    problems.push(`${field}: empty`);
    return undefined;
  }
  const n = Number(text);
  if (!Number.isFinite(n)) problems.push(`${field}: "${text}" is not a number`);
  return Number.isFinite(n) ? n : undefined;
}

/**
 * A report.file body from one ACLED row, or a refusal listing every bad field ("event_date: ...; latitude: ...").
 * Sides are unknown to ACLED: actors get side null and nobody is accused, unless the row came from a Truce export
 * (its truce_* tags). The row's sources and an ACLED provenance source are kept.
 * @example acledRowToReportBody(row) // { ok: true, value: { when: {...}, where: {...}, ... } }
 */
export function acledRowToReportBody(row: Partial<AcledRow>): Result<ReportBody> {
  const get = (c: keyof AcledRow) => (row[c] ?? '').trim();
  const problems: string[] = [];
  const tags = parseTags(get('tags'));

  const date = parseDate(get('event_date'));
  if (!date) problems.push(`event_date: "${get('event_date')}" is not a date (YYYY-MM-DD or "16 May 2025")`);
  const tp = get('time_precision') || '1';
  if (!['1', '2', '3'].includes(tp)) problems.push(`time_precision: "${tp}" is not 1, 2 or 3`);

  const pair = acledPairOf(get('event_type'), get('sub_event_type'));
  if (!pair) problems.push(`event_type/sub_event_type: "${get('event_type')}" / "${get('sub_event_type')}" is not in ACLED's taxonomy`);
  const mechanism = tags.get(TAG.event);
  const what = mechanism && Object.hasOwn(MECHANISM_SUB_TYPES, mechanism) ? [MECHANISM_EVENT_TYPE, mechanism] : pair;

  // ACLED rows always carry a point; a Truce export of a report without one leaves both cells empty.
  const noPoint = get('latitude') === '' && get('longitude') === '';
  const lat = noPoint ? undefined : number(get('latitude'), 'latitude', problems);
  const lon = noPoint ? undefined : number(get('longitude'), 'longitude', problems);
  if (lat !== undefined && (lat < -90 || lat > 90)) problems.push(`latitude: ${lat} is outside -90..90`);
  if (lon !== undefined && (lon < -180 || lon > 180)) problems.push(`longitude: ${lon} is outside -180..180`);
  const gp = get('geo_precision') || '1';
  if (!['1', '2', '3'].includes(gp)) problems.push(`geo_precision: "${gp}" is not 1, 2 or 3`);
  const country = get('country');
  if (!country) problems.push('country: empty');
  const location = get('location') || get('admin2') || get('admin1');
  if (!location) problems.push('location: empty (and no admin area to stand for it)');
  const isoText = get('iso');
  const iso = isoText === '' ? undefined : Number(isoText);
  if (iso !== undefined && !(Number.isInteger(iso) && iso >= 0 && iso <= 999)) problems.push(`iso: "${isoText}" is not an ISO 3166-1 numeric code`);

  const fatalitiesText = get('fatalities') || '0';
  const fatalities = Number(fatalitiesText);
  if (!(Number.isInteger(fatalities) && fatalities >= 0)) problems.push(`fatalities: "${fatalitiesText}" is not a whole number >= 0`);

  let notes = get('notes');
  if (tags.has(TAG.report)) notes = notes.replace(/^Alleged by [^:]*: /, '');
  if (!notes) problems.push('notes: empty (the report needs an account)');
  for (const [col, text] of [['inter1', get('inter1')], ['inter2', get('inter2')]] as const) {
    if (text && !actorType(text)) problems.push(`${col}: "${text}" is not an ACLED actor type`);
  }
  if (problems.length > 0 || !date || !what) return refuse('bad_request', problems.join('; '));

  // The place's own offset on the event's day (daylight saving included): by its country when all its zones agree (a
  // border town's coordinates may fall in the neighbour's zone on the lookup's simplified borders), else by its
  // coordinates.
  const noon = new Date(`${date}T12:00:00Z`);
  const offset = countryOffset(country, noon) ?? (lat !== undefined && lon !== undefined ? offsetAt(lat, lon, noon) : null) ?? countryFacts(country)?.offset ?? 'Z';
  const when = intervalFor(tp === '1' ? 'day' : tp === '2' ? 'week' : 'month', date, offset);
  const actor = (name: string, role: 'perpetrator' | 'target', type: string) => ({ name, side: null, role, ...(actorType(type) ? { actor_type: actorType(type) } : {}) });
  const actors = [
    ...(get('actor1') ? [actor(get('actor1'), 'perpetrator', get('inter1'))] : []),
    ...split(get('assoc_actor_1')).map((n) => actor(n, 'perpetrator', '')),
    ...(get('actor2') ? [actor(get('actor2'), 'target', get('inter2'))] : []),
    ...split(get('assoc_actor_2')).map((n) => actor(n, 'target', '')),
  ];
  const body = {
    when,
    where: {
      ...(lat !== undefined && lon !== undefined ? { lat, lon } : {}),
      place: location,
      ...(get('admin1') ? { admin1: get('admin1') } : {}),
      ...(get('admin2') ? { admin2: get('admin2') } : {}),
      ...(get('admin3') ? { admin3: get('admin3') } : {}),
      country,
      ...(iso !== undefined ? { iso } : {}),
      geo_precision: Number(gp),
    },
    event_type: what[0],
    sub_event_type: what[1],
    actors,
    casualties: { killed: { unknown: { min: fatalities, best: fatalities } } },
    narrative: notes,
    sources: [
      ...split(get('source')).map((name) => ({ kind: 'media', title: name, publisher: name })),
      { kind: 'open_source', title: `ACLED event ${get('event_id_cnty') || '(no id)'}`, publisher: 'ACLED' },
    ],
    clauses: (tags.get(TAG.clauses) ?? '').split('|').filter(Boolean),
    accused: (tags.get(TAG.accused) ?? '').split('|').filter(Boolean),
  };
  const parsed = reportFileBody.safeParse(body);
  if (!parsed.success) return refuse('bad_request', parsed.error.issues.map((i) => `${i.path.join('.') || '(row)'}: ${i.message}`).join('; '));
  return ok(parsed.data);
}
