import type { Role } from '../roles.js';
import type { MechanismState } from '../state.js';
import { getStaging, reportsAwaitingReview, type Staging } from '../records/staging.js';
import { cosignaturesOf } from '../records/joint.js';
import { getReport } from '../records/reports.js';
import { localDate } from '../time.js';
import type { IncidentView } from './incident.js';

// Who reads a staged report, and how much (docs/FIELD.md, "What is public when"). The API answers each reader from
// here; `truce verify` recomputes the public answer from the log alone and compares it with the server's.

/** Who asks: null is the public (no signature); a member proves who it is with a signed request. */
export type Reader = { readonly member: string; readonly role: Role; readonly side: string | null } | null;

/** full: the report as logged; summary: what it is about, not its account; none: only counted. */
export type Access = 'full' | 'summary' | 'none';

/** The grid (degrees) a monitor's position is shown on until the review releases it: about 55 km. */
export const GRID_DEGREES = 0.5;

/** The centre of the grid cell a point falls in. @example gridCell(30.92, 66.45) // { lat: 30.75, lon: 66.25 } */
export function gridCell(lat: number, lon: number): { lat: number; lon: number } {
  const centre = (x: number) => Math.floor(x / GRID_DEGREES) * GRID_DEGREES + GRID_DEGREES / 2;
  return { lat: centre(lat), lon: centre(lon) };
}

/** Whether the public may read the report in full (time plays no part: only the log's reviews). */
export const isPublic = (staging: Staging | undefined): boolean => !staging?.review || staging.published !== null;

/** The members who made the report: its filer, its co-signers, the team it speaks for. */
function makers(state: MechanismState, reportId: string): Set<string> {
  const report = getReport(state, reportId);
  return new Set([report?.filedBy ?? '', ...cosignaturesOf(state, reportId).map((c) => c.member), ...(report?.denial?.team ?? [])]);
}

/** When the report's filing reached the log (the server's record, services/arrival.ts), and when it was signed. */
export interface Arrived {
  readonly at: string;
  readonly arrived: string | null;
}

/**
 * From when the parties read a staged report in full: the terms' delay after it ARRIVED, so a report signed offline
 * and sent days later is not shown to them sooner. A statement cannot arrive before it was signed (beyond the small
 * skew the log allows), so the later of the two counts; where no arrival was recorded, its signing time.
 * @example partiesFrom(staging, { at: '2026-01-01T06:00:00Z', arrived: '2026-01-02T06:00:00Z' }) // '2026-01-03T06:00:00Z' at 24 h
 */
export function partiesFrom(staging: Staging, filing: Arrived): string {
  const from = Math.max(Date.parse(filing.at), filing.arrived === null ? -Infinity : Date.parse(filing.arrived));
  return new Date(from + staging.partiesAfterHours * 3_600_000).toISOString().replace('.000Z', 'Z');
}

/**
 * How much `reader` reads of a report at `now` (ms): the mediators and the report's makers at once; the parties in
 * full from `partiesFrom` (the delay after its arrival) or once it is public, a summary before (both parties the same,
 * so each can prove what the other was shown); everyone else once the review made it public, and otherwise nothing but the count.
 * @example accessTo(state, id, null, Date.now(), null) // 'none' while the mediators have not reviewed it
 */
export function accessTo(state: MechanismState, reportId: string, reader: Reader, now: number, arrived: string | null): Access {
  const staging = getStaging(state, reportId);
  if (!staging) return 'full';
  if (reader && (reader.role === 'mediator' || makers(state, reportId).has(reader.member))) return 'full';
  // A party reads at least what the public reads: a reviewed report is full for it even before its own delay ends.
  if (reader?.role === 'party' && !isPublic(staging)) {
    const at = getReport(state, reportId)?.versions[0]?.ref.at;
    return at !== undefined && now >= Date.parse(partiesFrom(staging, { at, arrived })) ? 'full' : 'summary';
  }
  return isPublic(staging) ? 'full' : 'none';
}

/** Whether `reader` reads the report's view as it is stored (presentIncident changes nothing). */
export function presentsAsStored(state: MechanismState, reportId: string, reader: Reader): boolean {
  const staging = getStaging(state, reportId);
  const privileged = reader && (reader.role === 'mediator' || makers(state, reportId).has(reader.member));
  return !staging?.review || staging.position === 'exact' || Boolean(privileged);
}

/**
 * The view as a reader with `access` sees it: a reviewed report of a filer the terms review keeps its position on the
 * grid for everyone but its makers and the mediators, unless the review released it exact.
 */
export function presentIncident(state: MechanismState, view: IncidentView, reader: Reader): IncidentView {
  if (presentsAsStored(state, view.id, reader)) return view;
  const coarse = <W extends { lat?: number; lon?: number; geo_precision: 1 | 2 | 3 }>(w: W): W => {
    if (w.lat === undefined || w.lon === undefined) return w;
    return { ...w, ...gridCell(w.lat, w.lon), geo_precision: Math.max(w.geo_precision, 2) as 2 | 3 };
  };
  const body = (b: IncidentView['report']) => ({ ...b, where: coarse(b.where), ...(b.origin ? { origin: coarse(b.origin) } : {}) });
  return { ...view, report: body(view.report), history: view.history.map((h) => ({ ...h, body: body(h.body) })), positionOnGrid: GRID_DEGREES };
}

/** What a party reads of a report it may not yet read in full: what, when, roughly where, who is accused, and the evidence's titles. */
export interface IncidentSummary {
  readonly id: string;
  readonly access: 'summary';
  readonly filed: IncidentView['filed'];
  readonly attribution: string;
  readonly day: string;
  readonly cell: { readonly lat: number; readonly lon: number } | null;
  readonly country: string;
  readonly eventType: string;
  readonly subEventType: string;
  readonly accused: readonly string[];
  readonly clauses: readonly string[];
  readonly evidence: readonly { readonly sha256: string; readonly title: string; readonly mediaType: string; readonly confidentiality: string }[];
  readonly partiesFrom: string;
}

export function summarizeIncident(state: MechanismState, view: IncidentView, arrived: string | null): IncidentSummary {
  const r = view.report;
  return {
    id: view.id,
    access: 'summary',
    filed: view.filed,
    attribution: view.attribution,
    day: localDate(r.when.start),
    cell: r.where.lat !== undefined && r.where.lon !== undefined ? gridCell(r.where.lat, r.where.lon) : null,
    country: r.where.country,
    eventType: r.event_type,
    subEventType: r.sub_event_type,
    accused: r.accused,
    clauses: r.clauses,
    evidence: view.evidence.map((e) => ({ sha256: e.sha256, title: e.title, mediaType: e.mediaType, confidentiality: e.confidentiality })),
    partiesFrom: partiesFromOf(state, view, arrived),
  };
}

/** partiesFrom of a report's view (its filing's time, if the terms stage nothing). */
function partiesFromOf(state: MechanismState, view: IncidentView, arrived: string | null): string {
  const staging = getStaging(state, view.id);
  return staging ? partiesFrom(staging, { at: view.filed.at, arrived }) : view.filed.at;
}

/** The view as the server answers it to a member: with the time the parties read it in full, from its arrival. */
export function withPartiesFrom(state: MechanismState, view: IncidentView, arrived: string | null): IncidentView {
  if (!view.publication) return view;
  return { ...view, publication: { ...view.publication, partiesFrom: partiesFromOf(state, view, arrived) } };
}

/** The reports not yet public, counted per grid cell: the same for every reader, and recomputed by `truce verify`. */
export interface NotPublic {
  readonly count: number;
  readonly cells: readonly { readonly lat: number | null; readonly lon: number | null; readonly country: string; readonly count: number }[];
}

/**
 * The reports waiting for the mediators' review, within `bbox` (west, south, east, north) when given: a report without
 * a point is counted only when no bbox is asked. Nothing but the cell, the country and the count is shown.
 * @example notPublic(state).count // 3
 */
export function notPublic(state: MechanismState, bbox?: readonly [number, number, number, number]): NotPublic {
  const cells = new Map<string, { lat: number | null; lon: number | null; country: string; count: number }>();
  let count = 0;
  for (const id of reportsAwaitingReview(state)) {
    const report = getReport(state, id);
    if (!report) continue;
    const { lat, lon, country } = report.body.where;
    const cell = lat !== undefined && lon !== undefined ? gridCell(lat, lon) : null;
    if (bbox && (!cell || cell.lon < bbox[0] || cell.lat < bbox[1] || cell.lon > bbox[2] || cell.lat > bbox[3])) continue;
    const key = cell ? `${cell.lat},${cell.lon}` : `-,${country}`;
    const entry = cells.get(key) ?? { lat: cell?.lat ?? null, lon: cell?.lon ?? null, country, count: 0 };
    entry.count += 1;
    cells.set(key, entry);
    count += 1;
  }
  return { count, cells: [...cells.values()] };
}
