// The report form's state, as the member types it (strings, rows), and the report.file body built from it. The body
// is checked with the domain's schema (report-schema.ts) before signing; times are written in the place's own offset.
import { ACTOR_ROLES, ACTOR_TYPES, TAXONOMY, type TimePrecision } from '../../domain/taxonomy.js';
import { intervalFor } from '../../domain/time.js';
import { reportFileBody, SOURCE_KINDS, type ReportBody } from '../../domain/records/report-schema.js';
import { checkBody, type FieldErrors } from '../forms/issues.js';
import { t } from '../i18n/index.js';

export type ActorRole = (typeof ACTOR_ROLES)[number];
export type SourceKind = (typeof SOURCE_KINDS)[number];
export const CASUALTY_STATUSES = ['unknown', 'civilian', 'combatant'] as const;
export type CasualtyStatus = (typeof CASUALTY_STATUSES)[number];

export interface ActorRow {
  readonly name: string;
  /** A party's side, or '' for none (an armed group, civilians). */
  readonly side: string;
  readonly role: ActorRole;
  /** One of ACLED's actor types, or '' when not given. */
  readonly actorType: string;
}

export interface SourceRow {
  readonly kind: SourceKind;
  readonly title: string;
  readonly publisher: string;
  readonly url: string;
  /** YYYY-MM-DD or '' */
  readonly published: string;
}

export interface CasualtyRow {
  readonly status: CasualtyStatus;
  readonly min: string;
  readonly best: string;
  readonly max: string;
}

export interface ReportDraft {
  readonly precision: TimePrecision;
  /** Local date-times as a datetime-local input holds them: "2025-11-06T18:00". */
  readonly start: string;
  readonly end: string;
  /** The place's UTC offset: "Z" or "+05:00". */
  readonly offset: string;
  readonly place: string;
  readonly admin1: string;
  readonly country: string;
  readonly lat: string;
  readonly lon: string;
  readonly geoPrecision: '1' | '2' | '3';
  readonly eventType: string;
  readonly subType: string;
  readonly actors: readonly ActorRow[];
  readonly killed: CasualtyRow;
  readonly injured: CasualtyRow;
  readonly narrative: string;
  readonly sources: readonly SourceRow[];
  readonly clauses: readonly string[];
  readonly accused: readonly string[];
}

export const EMPTY_ACTOR: ActorRow = { name: '', side: '', role: 'other', actorType: '' };
export const EMPTY_SOURCE: SourceRow = { kind: 'witness', title: '', publisher: '', url: '', published: '' };
const EMPTY_COUNT: CasualtyRow = { status: 'unknown', min: '', best: '', max: '' };

/** UTC offsets a place may have, whole hours and the half and quarter hours in use. */
export const OFFSETS: readonly string[] = (() => {
  const minutes = new Set<number>();
  for (let h = -12; h <= 14; h++) minutes.add(h * 60);
  for (const m of [-570, -210, 210, 270, 330, 345, 390, 525, 570, 630, 765]) minutes.add(m);
  return [...minutes]
    .sort((a, b) => a - b)
    .map((m) => (m === 0 ? 'Z' : `${m < 0 ? '-' : '+'}${String(Math.floor(Math.abs(m) / 60)).padStart(2, '0')}:${String(Math.abs(m) % 60).padStart(2, '0')}`));
})();

export const offsetLabel = (o: string): string => `UTC${o === 'Z' ? '±00:00' : o}`;

/** The browser's own offset, as a starting value (the member changes it to the place's). */
export function browserOffset(): string {
  const m = -new Date().getTimezoneOffset();
  if (m === 0) return 'Z';
  const o = `${m < 0 ? '-' : '+'}${String(Math.floor(Math.abs(m) / 60)).padStart(2, '0')}:${String(Math.abs(m) % 60).padStart(2, '0')}`;
  return OFFSETS.includes(o) ? o : 'Z';
}

const local = (t: string): string => t.slice(0, 16);

/** The standard interval of a precision for the date of `start`: "night" runs 18:00 to 06:00 the next day. */
export function standardInterval(precision: TimePrecision, start: string, offset: string): { start: string; end: string } {
  const date = start.slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return { start, end: start };
  if (precision === 'exact') return { start, end: start };
  const i = intervalFor(precision, date, offset);
  return { start: local(i.start), end: local(i.end) };
}

export function emptyDraft(today: string, offset: string): ReportDraft {
  const day = standardInterval('day', `${today}T00:00`, offset);
  const eventType = 'Ceasefire mechanism';
  return {
    precision: 'day',
    ...day,
    offset,
    place: '',
    admin1: '',
    country: '',
    lat: '',
    lon: '',
    geoPrecision: '1',
    eventType,
    subType: TAXONOMY[eventType]?.[0] ?? '',
    actors: [EMPTY_ACTOR],
    killed: EMPTY_COUNT,
    injured: EMPTY_COUNT,
    narrative: '',
    sources: [EMPTY_SOURCE],
    clauses: [],
    accused: [],
  };
}

/** A number field: '' is absent; anything else must be a number (the schema then checks its range). */
function num(value: string, path: string, errors: Record<string, string>, integer = false): number | undefined {
  const v = value.trim();
  if (v === '') return undefined;
  const n = Number(v);
  if (!Number.isFinite(n) || (integer && !Number.isInteger(n))) errors[path] = integer ? t('form.wholeNumber') : t('form.number');
  return n;
}

function count(row: CasualtyRow, path: string, errors: Record<string, string>) {
  if (!row.min.trim() && !row.best.trim() && !row.max.trim()) return undefined;
  const min = num(row.min, `${path}.min`, errors, true);
  if (min === undefined) errors[`${path}.min`] = t('form.giveMin');
  const best = num(row.best, `${path}.best`, errors, true);
  const max = num(row.max, `${path}.max`, errors, true);
  return { status: row.status, range: { min: min ?? 0, ...(best !== undefined ? { best } : {}), ...(max !== undefined ? { max } : {}) } };
}

const stamp = (t: string, offset: string): string => (t.length === 16 ? `${t}:00${offset}` : `${t}${offset}`);
const opt = (v: string): string | undefined => (v.trim() === '' ? undefined : v.trim());

/**
 * The report.file body of a draft, and the problems found: first those of the form itself (a number that is not
 * one), then the domain schema's, keyed by the body's paths.
 */
export function buildReport(d: ReportDraft): { body: ReportBody; errors: FieldErrors } {
  const before: Record<string, string> = {};
  const lat = num(d.lat, 'where.lat', before);
  const lon = num(d.lon, 'where.lon', before);
  const killed = count(d.killed, 'casualties.killed', before);
  const injured = count(d.injured, 'casualties.injured', before);
  const casualties = {
    ...(killed ? { killed: { [killed.status]: killed.range } } : {}),
    ...(injured ? { injured: { [injured.status]: injured.range } } : {}),
  };
  const body = {
    when: { start: stamp(d.start, d.offset), end: stamp(d.end || d.start, d.offset), precision: d.precision },
    where: {
      place: d.place.trim(),
      ...(opt(d.admin1) ? { admin1: opt(d.admin1) } : {}),
      country: d.country.trim(),
      ...(lat !== undefined ? { lat } : {}),
      ...(lon !== undefined ? { lon } : {}),
      geo_precision: Number(d.geoPrecision),
    },
    event_type: d.eventType,
    sub_event_type: d.subType,
    actors: d.actors
      .filter((a) => a.name.trim() !== '' || a.actorType !== '' || a.side !== '')
      .map((a) => ({ name: a.name.trim(), side: a.side || null, role: a.role, ...(a.actorType ? { actor_type: a.actorType } : {}) })),
    ...(killed || injured ? { casualties } : {}),
    narrative: d.narrative.trim(),
    sources: d.sources
      .filter((s) => s.title.trim() !== '' || s.url.trim() !== '' || s.publisher.trim() !== '')
      .map((s) => ({ kind: s.kind, title: s.title.trim(), ...(opt(s.publisher) ? { publisher: opt(s.publisher) } : {}), ...(opt(s.url) ? { url: opt(s.url) } : {}), ...(opt(s.published) ? { published: opt(s.published) } : {}) })),
    clauses: [...d.clauses],
    accused: [...d.accused],
  } as unknown as ReportBody;
  // Rows dropped as empty shift indexes: errors on actors and sources are keyed by the rows kept, so map them back.
  const errors = remapRows(checkBody(reportFileBody, body, before), d);
  return { body, errors };
}

function keptRows<T>(rows: readonly T[], keep: (r: T) => boolean): number[] {
  return rows.flatMap((r, i) => (keep(r) ? [i] : []));
}

/** Body paths "actors.<k>.x" (k-th row kept) to form paths "actors.<i>.x" (i-th row shown). */
function remapRows(errors: FieldErrors, d: ReportDraft): FieldErrors {
  const actors = keptRows(d.actors, (a) => a.name.trim() !== '' || a.actorType !== '' || a.side !== '');
  const sources = keptRows(d.sources, (s) => s.title.trim() !== '' || s.url.trim() !== '' || s.publisher.trim() !== '');
  const out: Record<string, string> = {};
  for (const [path, message] of Object.entries(errors)) {
    const m = /^(actors|sources)\.(\d+)(.*)$/.exec(path);
    if (!m) {
      out[path] = message;
      continue;
    }
    const rows = m[1] === 'actors' ? actors : sources;
    out[`${m[1]}.${rows[Number(m[2])] ?? m[2]}${m[3]}`] = message;
  }
  return out;
}

export { ACTOR_ROLES, ACTOR_TYPES, SOURCE_KINDS };

const OFFSET = /(Z|[+-]\d{2}:\d{2})$/;
const localPart = (time: string): string => time.replace(OFFSET, '').slice(0, 16);

type Range = { readonly min: number; readonly best?: number; readonly max?: number };

function casualtyRow(group: Partial<Record<CasualtyRow['status'], Range>> | undefined): CasualtyRow {
  const status = CASUALTY_STATUSES.find((s) => group?.[s]) ?? 'unknown';
  const r = group?.[status];
  return { status, min: r ? String(r.min) : '', best: r?.best !== undefined ? String(r.best) : '', max: r?.max !== undefined ? String(r.max) : '' };
}

/** A report form draft holding a report body (the current version to amend, or one drafted from a news candidate). */
export function draftFromReport(r: ReportBody): ReportDraft {
  const base = emptyDraft(r.when.start.slice(0, 10), OFFSET.exec(r.when.start)?.[1] ?? 'Z');
  return {
    ...base,
    precision: r.when.precision,
    start: localPart(r.when.start),
    end: localPart(r.when.end),
    place: r.where.place,
    admin1: r.where.admin1 ?? '',
    country: r.where.country,
    lat: r.where.lat !== undefined ? String(r.where.lat) : '',
    lon: r.where.lon !== undefined ? String(r.where.lon) : '',
    geoPrecision: String(r.where.geo_precision) as ReportDraft['geoPrecision'],
    eventType: r.event_type,
    subType: r.sub_event_type,
    actors: r.actors.length ? r.actors.map((a) => ({ name: a.name, side: a.side ?? '', role: a.role, actorType: a.actor_type ?? '' })) : base.actors,
    killed: casualtyRow(r.casualties?.killed),
    injured: casualtyRow(r.casualties?.injured),
    narrative: r.narrative,
    sources: r.sources.length ? r.sources.map((s) => ({ kind: s.kind, title: s.title, publisher: s.publisher ?? '', url: s.url ?? '', published: s.published ?? '' })) : base.sources,
    clauses: [...r.clauses],
    accused: [...r.accused],
  };
}
