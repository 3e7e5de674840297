import { collection, type MechanismState } from '../state.js';
import { localDate } from '../time.js';
import type { ClauseKind } from '../records/agreement-schema.js';
import { mechanismRules } from '../records/agreement-rules.js';
import { RESPONSIBILITY_BASES, type ResponsibilityBasis } from '../records/findings.js';
import { inForceDuring, listTerms, type Term } from '../records/terms.js';
import type { BasisKind } from '../records/term-schema.js';
import { actionStatus, listActions } from '../records/commitments.js';
import { DETERMINATIONS, FINDINGS, type Determination, type Finding } from '../records/findings.js';
import { INVESTIGATIONS, getInvestigation, type Investigation } from '../records/investigations.js';
import { listPenalties } from '../records/penalties.js';
import { getReport, listReports, type Report } from '../records/reports.js';
import { reportsAwaitingReview } from '../records/staging.js';

/** The figures for one side, or one side and one clause. */
export interface ComplianceCounts {
  /** Reports about the side citing no term in force for it at the incident's time: incidents, not alleged breaches. */
  readonly incidents: number;
  /** Reports alleging a breach by the side of a term in force for it at the incident's time: claims, not facts. */
  readonly alleged: number;
  /** Of those, with an investigation open now. */
  readonly underInvestigation: number;
  /** Of those, not yet decided by a final finding (reported or under investigation). */
  readonly open: number;
  /** Final findings (signed by the mediators' quorum) on the side's cases; a violation counts only against the side found responsible. */
  readonly findings: Readonly<Record<Determination, number>>;
  /** Final violation findings by the basis of responsibility: own forces, support to a group, failure to prevent. */
  readonly violationsByBasis: Readonly<Record<ResponsibilityBasis, number>>;
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
  readonly kind: ClauseKind | null;
  /** Whether the term still binds this side on some basis (a period with no end, as far as the record goes). */
  readonly binding: boolean;
  /** The bases on which it binds this side (signed text, verbal undertaking, declaration, joint statement). */
  readonly bases: readonly BasisKind[];
}

export interface PartyCompliance extends ComplianceCounts {
  readonly side: string;
  readonly clauses: readonly ClauseCompliance[];
  /** What cites no term in force for the side (its reports count as incidents), so the clause rows add up to the total. */
  readonly uncited: ComplianceCounts;
}

export interface ComplianceView {
  /** The log size the figures were computed at. */
  readonly size: number;
  /** The written version whose rules are in force (every party signed it); null under the default rules. */
  readonly agreement: { readonly agreement: string; readonly version: number; readonly hash: string } | null;
  readonly parties: readonly PartyCompliance[];
  readonly legend: Readonly<Record<'incidents' | 'alleged' | 'findings' | 'actions', string>>;
}

class Tally {
  readonly incidents = new Set<string>();
  readonly alleged = new Set<string>();
  readonly underInvestigation = new Set<string>();
  readonly open = new Set<string>();
  readonly findings = new Map<Determination, Set<string>>(DETERMINATIONS.map((d) => [d, new Set<string>()]));
  readonly violationMonth = new Map<string, string>();
  readonly violationBasis = new Map<string, ResponsibilityBasis>();
  readonly penalties = new Set<string>();
  readonly actions = new Map<string, ReturnType<typeof actionStatus>>();
  readonly hours = new Map<string, number>();

  counts(): ComplianceCounts {
    const months = new Map<string, number>();
    for (const m of this.violationMonth.values()) months.set(m, (months.get(m) ?? 0) + 1);
    const statuses = [...this.actions.values()];
    const n = (s: string) => statuses.filter((x) => x === s).length;
    const basis = [...this.violationBasis.values()];
    return {
      incidents: this.incidents.size,
      alleged: this.alleged.size,
      underInvestigation: this.underInvestigation.size,
      open: this.open.size,
      findings: Object.fromEntries(DETERMINATIONS.map((d) => [d, this.findings.get(d)?.size ?? 0])) as Record<Determination, number>,
      violationsByBasis: Object.fromEntries(RESPONSIBILITY_BASES.map((b) => [b, basis.filter((x) => x === b).length])) as Record<ResponsibilityBasis, number>,
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
  readonly sides = new Map<string, { all: Tally; clauses: Map<string, Tally>; uncited: Tally }>();
  side(s: string) {
    let e = this.sides.get(s);
    if (!e) this.sides.set(s, (e = { all: new Tally(), clauses: new Map(), uncited: new Tally() }));
    return e;
  }
  /** The side's tally and those of the given clauses (with none, the tally of what cites no term). */
  tallies(s: string, clauses: Iterable<string>): Tally[] {
    const e = this.side(s);
    const cited = new Set(clauses);
    const out = [e.all];
    if (cited.size === 0) out.push(e.uncited);
    for (const c of cited) {
      let t = e.clauses.get(c);
      if (!t) e.clauses.set(c, (t = new Tally()));
      out.push(t);
    }
    return out;
  }
}

/** The cited terms in force for the side at the report's incident time: only those make it an alleged breach. */
function inForceCited(terms: ReadonlyMap<string, Term>, r: Report, side: string): string[] {
  return r.clauses.filter((id) => {
    const t = terms.get(id);
    return t !== undefined && inForceDuring(t, side, r.body.when.start, r.body.when.end);
  });
}

function countReports(state: MechanismState, book: Book, terms: ReadonlyMap<string, Term>): void {
  // One pass over the investigations, not one per report.
  const byReport = new Map<string, Investigation[]>();
  for (const inv of collection<Investigation>(state, INVESTIGATIONS).values()) {
    for (const id of inv.reports) byReport.set(id, [...(byReport.get(id) ?? []), inv]);
  }
  // A report the terms stage counts once it is public: compliance is a public page (docs/FIELD.md). The reports not
  // yet public are the staging handlers' index, a few: not a read of every report's staging.
  const hidden = new Set(reportsAwaitingReview(state));
  for (const r of listReports(state)) {
    if (hidden.has(r.id)) continue;
    const invs = byReport.get(r.id) ?? [];
    const isOpen = invs.some((i) => i.closed === null);
    const decided = !isOpen && invs.some((i) => i.closed !== null);
    for (const s of r.accused) {
      const cited = inForceCited(terms, r, s);
      for (const t of book.tallies(s, cited)) {
        (cited.length > 0 ? t.alleged : t.incidents).add(r.id);
        if (isOpen) t.underInvestigation.add(r.id);
        if (!decided) t.open.add(r.id);
      }
    }
  }
}

function countFinding(state: MechanismState, book: Book, f: Finding, terms: ReadonlyMap<string, Term>): void {
  const inv = getInvestigation(state, f.content.investigation);
  const reports = (inv?.reports ?? []).map((id) => getReport(state, id)).filter((r): r is Report => r !== undefined);
  const c = f.content;
  const sides = new Set([...(c.responsible ? [c.responsible] : []), ...reports.flatMap((r) => r.accused)]);
  const firstFiled = Math.min(...reports.map((r) => Date.parse(r.ref.at)));
  const hours = f.decided && reports.length > 0 ? (Date.parse(f.decided.at) - firstFiled) / 3_600_000 : null;
  const incident = reports.map((r) => localDate(r.body.when.start)).sort()[0]?.slice(0, 7) ?? f.decided?.at.slice(0, 7) ?? '';
  for (const s of sides) {
    const responsible = c.responsible === s;
    const clauses = [...(responsible ? c.clauses : []), ...reports.filter((r) => r.accused.includes(s)).flatMap((r) => inForceCited(terms, r, s))];
    const counts = c.determination !== 'violation' || responsible;
    for (const t of book.tallies(s, clauses)) {
      if (counts) t.findings.get(c.determination)?.add(f.id);
      if (c.determination === 'violation' && responsible) t.violationMonth.set(f.id, incident);
      if (c.determination === 'violation' && responsible && c.responsibility) t.violationBasis.set(f.id, c.responsibility);
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
  const rules = mechanismRules(state);
  const all = listTerms(state);
  const terms = new Map(all.map((t) => [t.id, t]));
  const sides = [...state.members.values()].filter((m) => m.role === 'party' && m.side).map((m) => m.side as string);
  for (const p of sides) book.side(p);
  countReports(state, book, terms);
  for (const f of collection<Finding>(state, FINDINGS).values()) if (f.state === 'final') countFinding(state, book, f, terms);
  for (const p of listPenalties(state)) for (const t of book.tallies(p.side, p.clauses)) t.penalties.add(p.id);
  for (const a of listActions(state)) for (const t of book.tallies(a.side, [a.clause])) t.actions.set(a.id, actionStatus(a));

  const order = new Map(sides.map((p, i) => [p, i]));
  const parties = [...book.sides].sort(([a], [b]) => (order.get(a) ?? 99) - (order.get(b) ?? 99) || a.localeCompare(b)).map(([side, e]): PartyCompliance => {
    for (const t of all) if (t.bound.includes(side)) book.tallies(side, [t.id]);
    const rank = (id: string) => {
      const i = all.findIndex((t) => t.id === id);
      return i < 0 ? all.length : i;
    };
    const clauses = [...e.clauses].sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b)).map(([clause, t]): ClauseCompliance => {
      const meta = terms.get(clause);
      const mine = meta?.parties.find((p) => p.side === side);
      const bases = [...new Set((mine?.bases ?? []).map((b) => b.kind))];
      // Binding: the side's last period in force on some basis is still open as far as the record goes.
      const periods = (mine?.bases ?? []).flatMap((b) => b.periods);
      const binding = periods.some((p) => p.until === null);
      return { clause, text: meta?.text ?? null, kind: meta?.kind ?? null, binding, bases, ...t.counts() };
    });
    return { side, ...e.all.counts(), clauses, uncited: e.uncited.counts() };
  });
  return {
    size: state.size,
    agreement: rules.version ? { agreement: rules.version.agreement, version: rules.version.version, hash: rules.version.hash } : null,
    parties,
    legend: {
      incidents: 'reports about the side that cite no term in force for it at the time: incidents, not alleged breaches',
      alleged: 'reports alleging a breach by the side of a term in force for it at the time: claims attributed to their filers, not findings',
      findings: "final findings, signed by the mediators' quorum after the reply period: the only figures that state facts",
      actions: "actions the side itself reported, by the mediators' verdict",
    },
  };
}
