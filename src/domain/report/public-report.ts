import { sha256 } from '../../log/hash.js';
import { toHex } from '../encoding.js';
import { canonicalBytes } from '../jcs.js';
import type { LogRef, MechanismState } from '../state.js';
import { ceasefireOn, statusClaims, statusHistory, type CeasefireState } from '../records/agreement-status.js';
import { listReports } from '../records/reports.js';
import { listPenalties } from '../records/penalties.js';
import { listTerms } from '../records/terms.js';
import { seals } from '../records/seals.js';
import { commitmentsView, type CommitmentStatus } from '../views/commitments.js';
import { incidentView, type IncidentView } from '../views/incident.js';
import { meetingsView } from '../views/meetings.js';
import { isPublic, presentIncident } from '../views/publication.js';
import { getStaging } from '../records/staging.js';

/**
 * The mechanism's periodic public report (a day, a week, a month): what was reported, investigated, found and
 * committed in the period, every figure with the log entries behind it. It is a pure function of the log's first
 * `size` entries and the period, so anyone holding the log recomputes it byte for byte (`truce report`); "as of"
 * questions (does the ceasefire stand, is a commitment overdue) are answered at the period's end, never "now".
 */
export interface PublicReport {
  readonly kind: 'truce.public-report';
  readonly v: 1;
  readonly mechanism: string | null;
  readonly period: { readonly from: string; readonly to: string };
  /** The log size it was computed from: the first `size` entries. */
  readonly size: number;
  readonly status: ReportStatus;
  /** Every term, with each bound party's basis and whether it was in force for that party at the period's end. */
  readonly terms: readonly ReportTerm[];
  readonly incidents: ReportIncidents;
  readonly investigations: readonly { readonly id: string; readonly index: number; readonly at: string; readonly reports: readonly string[] }[];
  readonly findings: readonly ReportFinding[];
  readonly penalties: readonly { readonly id: string; readonly index: number; readonly finding: string; readonly side: string; readonly severity: string; readonly penalty: string }[];
  readonly commitments: ReportCommitments;
  readonly meetings: readonly ReportMeeting[];
  /** Sealed fields of statements logged in the period and not released: counted, so every party sees they exist. */
  readonly notPublic: number;
  /** Reports of the period still waiting for the mediators' review (absent when none). */
  readonly reportsNotPublic?: number;
}

export interface ReportStatus {
  readonly asOf: string;
  readonly stands: boolean;
  readonly state: CeasefireState;
  /** The mediators' decided change that answers it, with the signatures behind it; null before any. */
  readonly basis: { readonly index: number; readonly effective: string; readonly signers: readonly string[]; readonly indexes: readonly number[] } | null;
  readonly expires: string | null;
  /** Changes the mediators decided within the period. */
  readonly changes: readonly { readonly index: number; readonly status: string; readonly effective: string }[];
  /** The parties' own declarations within the period: their claims, not the ceasefire's status. */
  readonly claims: readonly { readonly index: number; readonly side: string; readonly status: string; readonly effective: string }[];
}

export interface ReportTerm {
  readonly id: string;
  readonly kind: string;
  readonly text: string;
  readonly parties: readonly {
    readonly side: string;
    /** In force for this side at the period's end (`status.asOf`). */
    readonly inForce: boolean;
    /** Each basis the side is bound on, with the log entry that records it (the signature, or the term record). */
    readonly bases: readonly { readonly kind: string; readonly index: number; readonly acknowledged: boolean | null }[];
  }[];
}

/** A count with the log entries it counts, so every figure can be checked. */
export interface Tally {
  readonly key: string;
  readonly count: number;
  readonly entries: readonly number[];
}

export interface ReportIncident {
  readonly id: string;
  readonly index: number;
  readonly start: string;
  readonly end: string;
  readonly place: string;
  readonly country: string;
  /** Absent when the report gives no point, or gives it at region precision only. */
  readonly lat?: number;
  readonly lon?: number;
  readonly eventType: string;
  readonly subEventType: string;
  readonly accused: readonly string[];
  readonly filedBy: string;
  readonly status: string;
  readonly fatalities: { readonly min: number; readonly max: number | null } | null;
}

export interface ReportIncidents {
  readonly total: number;
  readonly byType: readonly Tally[];
  readonly byAccused: readonly Tally[];
  readonly byPlace: readonly Tally[];
  readonly items: readonly ReportIncident[];
}

export interface ReportFinding {
  readonly id: string;
  readonly index: number;
  readonly decidedAt: string;
  readonly determination: string;
  readonly responsible: string | null;
  readonly responsibility: string | null;
  readonly clauses: readonly string[];
  readonly reports: readonly string[];
}

export interface ReportCommitments {
  readonly counts: Readonly<Record<CommitmentStatus, number>>;
  readonly items: readonly { readonly term: string; readonly side: string; readonly benchmark: string | null; readonly deadline: string | null; readonly status: CommitmentStatus; readonly actions: readonly string[] }[];
}

export interface ReportMeeting {
  readonly id: string;
  readonly index: number;
  readonly title: string;
  readonly start: string;
  readonly place: string;
  readonly outcome: string;
  readonly joint: { readonly signedBy: readonly string[]; readonly unsigned: readonly string[] } | null;
}

const DAY_MS = 86_400_000;
const startOf = (date: string): number => Date.parse(`${date}T00:00:00Z`);

/** Whether a time falls in the period [from 00:00 UTC, to + 1 day). */
function inPeriod(time: string, period: { from: string; to: string }): boolean {
  const t = Date.parse(time);
  return t >= startOf(period.from) && t < startOf(period.to) + DAY_MS;
}

/** An incident belongs to the period when its interval overlaps it (a continuing situation too). */
function overlaps(view: IncidentView, period: { from: string; to: string }): boolean {
  return Date.parse(view.report.when.start) < startOf(period.to) + DAY_MS && Date.parse(view.report.when.end) > startOf(period.from);
}

function tally(items: readonly ReportIncident[], keys: (i: ReportIncident) => readonly string[]): Tally[] {
  const by = new Map<string, number[]>();
  for (const item of items) for (const key of keys(item)) by.set(key, [...(by.get(key) ?? []), item.index]);
  return [...by.entries()].map(([key, entries]) => ({ key, count: entries.length, entries })).sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}

function incidentItem(v: IncidentView): ReportIncident {
  const { when, where, casualties } = v.report;
  const point = where.lat !== undefined && where.lon !== undefined && where.geo_precision < 3 ? { lat: where.lat, lon: where.lon } : {};
  const killed = casualties?.killed ? [casualties.killed.civilian, casualties.killed.combatant, casualties.killed.unknown].filter((r) => r !== undefined) : [];
  return {
    id: v.id,
    index: v.logIndex,
    start: when.start,
    end: when.end,
    place: where.place,
    country: where.country,
    ...point,
    eventType: v.report.event_type,
    subEventType: v.report.sub_event_type,
    accused: v.report.accused,
    filedBy: v.filedBy.id,
    status: v.status,
    // A range summed over civilians, combatants and unknown; the upper bound is open if any part's is.
    fatalities: killed.length ? { min: killed.reduce((n, r) => n + r.min, 0), max: killed.every((r) => r.max !== undefined) ? killed.reduce((n, r) => n + r.max!, 0) : null } : null,
  };
}

function statusPart(state: MechanismState, period: { from: string; to: string }): ReportStatus {
  const asOf = new Date(startOf(period.to) + DAY_MS - 1000).toISOString().replace('.000Z', 'Z');
  const on = ceasefireOn(state, asOf);
  const decided = statusHistory(state);
  return {
    asOf,
    stands: on.stands,
    state: on.state,
    basis: on.change ? { index: on.change.decided?.index ?? on.change.ref.index, effective: on.change.effective, signers: on.change.signatures.map((s) => s.member), indexes: on.change.signatures.map((s) => s.ref.index) } : null,
    expires: on.expires,
    changes: decided.filter((c) => c.decided && inPeriod(c.decided.at, period)).map((c) => ({ index: c.decided!.index, status: c.status, effective: c.effective })),
    claims: statusClaims(state).filter((c) => inPeriod(c.ref.at, period)).map((c) => ({ index: c.ref.index, side: c.side, status: c.status, effective: c.effective })),
  };
}

function termsPart(state: MechanismState, asOf: string): ReportTerm[] {
  const t = Date.parse(asOf);
  const within = (p: { from: string; until: string | null }) => Date.parse(p.from) <= t && (p.until === null || t < Date.parse(p.until));
  return listTerms(state).map((term) => ({
    id: term.id,
    kind: term.kind,
    text: term.text,
    parties: term.parties.map((p) => ({
      side: p.side,
      inForce: p.inForce.some(within),
      bases: p.bases.map((b) => ({
        kind: b.kind,
        index: b.version ? b.version.signature.index : (b.record?.recorded.index ?? -1),
        // Only a verbal undertaking asks for the party's acknowledgement; other bases show null.
        acknowledged: b.kind === 'verbal' ? b.record?.acknowledged !== null && b.record?.acknowledged !== undefined : null,
      })),
    })),
  }));
}

function byIndex<T extends { ref: LogRef }>(a: T, b: T): number {
  return a.ref.index - b.ref.index;
}

/**
 * Build the public report of a period from the state the log's first `state.size` entries make.
 * @example buildPublicReport(state, { from: '2025-11-01', to: '2025-11-07' }).incidents.total // 1
 */
export function buildPublicReport(state: MechanismState, period: { from: string; to: string }): PublicReport {
  // Only what is public: a report the terms stage waits for the mediators' review, and shows its position on the grid.
  const all = listReports(state).map((r) => incidentView(state, r.id)).filter((v): v is IncidentView => v !== undefined && overlaps(v, period));
  const views = all.filter((v) => isPublic(getStaging(state, v.id))).map((v) => presentIncident(state, v, null));
  const waiting = all.length - views.length;
  const items = views.map(incidentItem).sort((a, b) => a.start.localeCompare(b.start) || a.index - b.index);
  const investigations = new Map<string, { id: string; index: number; at: string; reports: readonly string[] }>();
  const findings = new Map<string, ReportFinding>();
  for (const v of listReports(state).map((r) => incidentView(state, r.id))) {
    for (const inv of v?.investigations ?? []) if (inPeriod(inv.ref.at, period)) investigations.set(inv.id, { id: inv.id, index: inv.ref.index, at: inv.ref.at, reports: inv.reports });
    for (const f of v?.findings ?? []) {
      // Only a final finding states a fact; proposals are not reported as findings.
      if (f.state !== 'final' || !f.decided || !inPeriod(f.decided.at, period)) continue;
      findings.set(f.id, { id: f.id, index: f.decided.index, decidedAt: f.decided.at, determination: f.determination, responsible: f.responsible, responsibility: f.responsibility, clauses: f.clauses, reports: v?.investigations.find((i) => i.id === f.investigation)?.reports ?? [] });
    }
  }
  const status = statusPart(state, period);
  const commitments = commitmentsView(state, status.asOf).commitments;
  const counts = { due: 0, reported: 0, verified: 0, overdue: 0 } as Record<CommitmentStatus, number>;
  for (const c of commitments) counts[c.status] += 1;
  return {
    kind: 'truce.public-report',
    v: 1,
    mechanism: state.mechanism,
    period,
    size: state.size,
    status,
    terms: termsPart(state, status.asOf),
    incidents: {
      total: items.length,
      byType: tally(items, (i) => [i.eventType]),
      byAccused: tally(items, (i) => (i.accused.length ? i.accused : ['(none named)'])),
      byPlace: tally(items, (i) => [i.place]),
      items,
    },
    investigations: [...investigations.values()].sort((a, b) => a.index - b.index),
    findings: [...findings.values()].sort((a, b) => a.index - b.index),
    penalties: listPenalties(state).filter((p) => inPeriod(p.ref.at, period)).sort(byIndex).map((p) => ({ id: p.id, index: p.ref.index, finding: p.finding, side: p.side, severity: p.severity, penalty: p.penalty })),
    commitments: { counts, items: commitments.map((c) => ({ term: c.term, side: c.side, benchmark: c.benchmark, deadline: c.deadline, status: c.status, actions: c.actions })) },
    meetings: meetingsView(state)
      .items.filter((m) => inPeriod(m.start, period) || inPeriod(m.ref.at, period))
      .map((m) => ({ id: m.id, index: m.ref.index, title: m.title, start: m.start, place: m.place.name, outcome: m.outcome, joint: m.joint ? { signedBy: m.joint.inForceFor, unsigned: m.joint.unsigned } : null })),
    notPublic: [...seals(state).values()].filter((s) => s.released === null && inPeriod(s.ref.at, period)).length,
    // Present only when some are waiting, so a report of a log without staging keeps the hash it was published with.
    ...(waiting > 0 ? { reportsNotPublic: waiting } : {}),
  };
}

/**
 * What a mediator signs to publish a report: SHA-256 (hex) of the JCS of the report without `size`, so a report of a
 * past period stays the same report while the log grows with later entries.
 */
export function publicReportHash(report: PublicReport): string {
  const { size: _size, ...content } = report;
  return toHex(sha256(canonicalBytes(content)));
}
