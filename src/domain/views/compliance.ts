import { collection, type MechanismState } from '../state.js';
import { localDate } from '../time.js';
import { agreementVersions, versionInForce } from '../records/agreement.js';
import { actionStatus, listActions } from '../records/commitments.js';
import { DETERMINATIONS, FINDINGS, type Determination, type Finding } from '../records/findings.js';
import { INVESTIGATIONS, getInvestigation, type Investigation } from '../records/investigations.js';
import { listPenalties } from '../records/penalties.js';
import { getReport, listReports, type Report } from '../records/reports.js';

/** The figures for one side, or one side and one clause. */
export interface ComplianceCounts {
  /** Reports alleging a breach by the side: claims of their filers, not facts. */
  readonly alleged: number;
  /** Of those, with an investigation open now. */
  readonly underInvestigation: number;
  /** Of those, not yet decided by a final finding (reported or under investigation). */
  readonly open: number;
  /** Final findings (signed by the mediators' quorum) on the side's cases; a violation counts only against the side found responsible. */
  readonly findings: Readonly<Record<Determination, number>>;
  /** Final violation findings by month of the incident (its reported start, local date), oldest first. */
  readonly violationsByMonth: readonly { readonly month: string; readonly count: number }[];
  readonly penalties: number;
  /** Actions the side reported on its commitments, by the mediators' verdict (unverified: no verdict yet). */
  readonly actions: { readonly reported: number; readonly verified: number; readonly not_verified: number; readonly disputed: number; readonly unverified: number };
  /** Median hours from the first report of a case (its statement's `at`) to the final finding; null with no final finding. */
  readonly medianHoursToFinding: number | null;
}

export interface ClauseCompliance extends ComplianceCounts {
  readonly clause: string;
  readonly text: string | null;
  readonly kind: 'prohibition' | 'obligation' | null;
  /** Whether the clause is in the version in force and binds this side. */
  readonly binding: boolean;
}

export interface PartyCompliance extends ComplianceCounts {
  readonly side: string;
  readonly clauses: readonly ClauseCompliance[];
}

export interface ComplianceView {
  /** The log size the figures were computed at. */
  readonly size: number;
  readonly agreement: { readonly agreement: string; readonly version: number; readonly hash: string } | null;
  readonly parties: readonly PartyCompliance[];
  readonly legend: Readonly<Record<'alleged' | 'findings' | 'actions', string>>;
}

class Tally {
  readonly alleged = new Set<string>();
  readonly underInvestigation = new Set<string>();
  readonly open = new Set<string>();
  readonly findings = new Map<Determination, Set<string>>(DETERMINATIONS.map((d) => [d, new Set<string>()]));
  readonly violationMonth = new Map<string, string>();
  readonly penalties = new Set<string>();
  readonly actions = new Map<string, ReturnType<typeof actionStatus>>();
  readonly hours = new Map<string, number>();

  counts(): ComplianceCounts {
    const months = new Map<string, number>();
    for (const m of this.violationMonth.values()) months.set(m, (months.get(m) ?? 0) + 1);
    const statuses = [...this.actions.values()];
    const n = (s: string) => statuses.filter((x) => x === s).length;
    return {
      alleged: this.alleged.size,
      underInvestigation: this.underInvestigation.size,
      open: this.open.size,
      findings: Object.fromEntries(DETERMINATIONS.map((d) => [d, this.findings.get(d)?.size ?? 0])) as Record<Determination, number>,
      violationsByMonth: [...months].sort(([a], [b]) => a.localeCompare(b)).map(([month, count]) => ({ month, count })),
      penalties: this.penalties.size,
      actions: { reported: statuses.length, verified: n('verified'), not_verified: n('not_verified'), disputed: n('disputed'), unverified: n('unverified') },
      medianHoursToFinding: median([...this.hours.values()]),
    };
  }
}

function median(xs: number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  const m = s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
  return Math.round(m * 10) / 10;
}

/** Tallies per side and per side+clause, created on first use. */
class Book {
  readonly sides = new Map<string, { all: Tally; clauses: Map<string, Tally> }>();
  side(s: string) {
    let e = this.sides.get(s);
    if (!e) this.sides.set(s, (e = { all: new Tally(), clauses: new Map() }));
    return e;
  }
  /** The side's tally and those of the given clauses. */
  tallies(s: string, clauses: Iterable<string>): Tally[] {
    const e = this.side(s);
    const out = [e.all];
    for (const c of new Set(clauses)) {
      let t = e.clauses.get(c);
      if (!t) e.clauses.set(c, (t = new Tally()));
      out.push(t);
    }
    return out;
  }
}

function countReports(state: MechanismState, book: Book): void {
  // One pass over the investigations, not one per report.
  const byReport = new Map<string, Investigation[]>();
  for (const inv of collection<Investigation>(state, INVESTIGATIONS).values()) {
    for (const id of inv.reports) byReport.set(id, [...(byReport.get(id) ?? []), inv]);
  }
  for (const r of listReports(state)) {
    const invs = byReport.get(r.id) ?? [];
    const isOpen = invs.some((i) => i.closed === null);
    const decided = !isOpen && invs.some((i) => i.closed !== null);
    for (const s of r.accused) {
      for (const t of book.tallies(s, r.clauses)) {
        t.alleged.add(r.id);
        if (isOpen) t.underInvestigation.add(r.id);
        if (!decided) t.open.add(r.id);
      }
    }
  }
}

function countFinding(state: MechanismState, book: Book, f: Finding): void {
  const inv = getInvestigation(state, f.content.investigation);
  const reports = (inv?.reports ?? []).map((id) => getReport(state, id)).filter((r): r is Report => r !== undefined);
  const c = f.content;
  const sides = new Set([...(c.responsible ? [c.responsible] : []), ...reports.flatMap((r) => r.accused)]);
  const firstFiled = Math.min(...reports.map((r) => Date.parse(r.ref.at)));
  const hours = f.decided && reports.length > 0 ? (Date.parse(f.decided.at) - firstFiled) / 3_600_000 : null;
  const incident = reports.map((r) => localDate(r.body.when.start)).sort()[0]?.slice(0, 7) ?? f.decided?.at.slice(0, 7) ?? '';
  for (const s of sides) {
    const responsible = c.responsible === s;
    const clauses = [...(responsible ? c.clauses : []), ...reports.filter((r) => r.accused.includes(s)).flatMap((r) => r.clauses)];
    const counts = c.determination !== 'violation' || responsible;
    for (const t of book.tallies(s, clauses)) {
      if (counts) t.findings.get(c.determination)?.add(f.id);
      if (c.determination === 'violation' && responsible) t.violationMonth.set(f.id, incident);
      if (hours !== null) t.hours.set(f.id, hours);
    }
  }
}

/**
 * GET /v1/compliance: per party, and per party and clause, what is alleged, what is under investigation, what the
 * mediators found (final findings only), penalties, the party's reported actions and their verification, and the
 * median time from report to finding.
 *
 * ```json
 * { "size": 42, "agreement": { "agreement": "ceasefire", "version": 1, "hash": "<hex>" },
 *   "parties": [ { "side": "af", "alleged": 3, "underInvestigation": 1, "open": 2,
 *       "findings": { "violation": 1, "no_violation": 0, "inconclusive": 0, "unattributable": 0 },
 *       "violationsByMonth": [{ "month": "2025-11", "count": 1 }], "penalties": 1,
 *       "actions": { "reported": 1, "verified": 1, "not_verified": 0, "disputed": 0, "unverified": 0 },
 *       "medianHoursToFinding": 50.5,
 *       "clauses": [ { "clause": "C1", "text": "...", "kind": "prohibition", "binding": true, ...the same figures } ] } ],
 *   "legend": { "alleged": "...", "findings": "...", "actions": "..." } }
 * ```
 * @example complianceView(state).parties.find((p) => p.side === 'af')?.findings.violation // 1
 */
export function complianceView(state: MechanismState): ComplianceView {
  const book = new Book();
  const version = versionInForce(state);
  for (const p of version?.content.parties ?? []) book.side(p);
  countReports(state, book);
  for (const f of collection<Finding>(state, FINDINGS).values()) if (f.state === 'final') countFinding(state, book, f);
  for (const p of listPenalties(state)) for (const t of book.tallies(p.side, p.clauses)) t.penalties.add(p.id);
  for (const a of listActions(state)) for (const t of book.tallies(a.side, [a.clause])) t.actions.set(a.id, actionStatus(a));

  const allClauses = agreementVersions(state).flatMap((v) => v.content.clauses);
  const inForceClauses = version?.content.clauses ?? [];
  const order = new Map((version?.content.parties ?? []).map((p, i) => [p, i]));
  const parties = [...book.sides].sort(([a], [b]) => (order.get(a) ?? 99) - (order.get(b) ?? 99) || a.localeCompare(b)).map(([side, e]): PartyCompliance => {
    for (const c of inForceClauses) if (c.bound.includes(side)) book.tallies(side, [c.id]);
    const rank = (id: string) => {
      const i = inForceClauses.findIndex((c) => c.id === id);
      return i < 0 ? inForceClauses.length : i;
    };
    const clauses = [...e.clauses].sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b)).map(([clause, t]): ClauseCompliance => {
      const meta = inForceClauses.find((c) => c.id === clause) ?? allClauses.findLast((c) => c.id === clause);
      const binding = inForceClauses.some((c) => c.id === clause && c.bound.includes(side));
      return { clause, text: meta?.text ?? null, kind: meta?.kind ?? null, binding, ...t.counts() };
    });
    return { side, ...e.all.counts(), clauses };
  });
  return {
    size: state.size,
    agreement: version ? { agreement: version.content.agreement, version: version.content.version, hash: version.hash } : null,
    parties,
    legend: {
      alleged: 'reports filed alleging a breach by the side: claims attributed to their filers, not findings',
      findings: "final findings, signed by the mediators' quorum: the only figures that state facts",
      actions: "actions the side itself reported, by the mediators' verdict",
    },
  };
}
