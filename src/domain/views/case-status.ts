import type { LogRef, MechanismState } from '../state.js';
import type { PenaltyTerms, Severity } from '../records/agreement-schema.js';
import { findingsOf, type Determination, type Finding } from '../records/findings.js';
import { investigationsOf, type Investigation } from '../records/investigations.js';
import { penaltyOf, type Penalty } from '../records/penalties.js';

/**
 * The status of a case (a report). "replied" is the incident view's to set (it sees the replies); this module answers
 * "reported", "under_investigation", or the final finding's determination.
 */
export type CaseStatusName = 'reported' | 'replied' | 'under_investigation' | Determination;

export interface InvestigationView {
  readonly id: string;
  readonly ref: LogRef;
  readonly title: string | null;
  readonly mandate: string;
  readonly reports: readonly string[];
  readonly state: 'open' | 'closed';
  readonly closed: { readonly finding: string; readonly ref: LogRef } | null;
}

export interface FindingView {
  readonly id: string;
  readonly ref: LogRef;
  readonly hash: string;
  readonly investigation: string;
  readonly determination: Determination;
  readonly responsible: string | null;
  readonly clauses: readonly string[];
  readonly severity: Severity | null;
  readonly reasoning: string;
  readonly evidence: readonly string[];
  readonly responsibility: 'own_forces' | 'support' | 'failure_to_prevent' | null;
  readonly group: string | null;
  /** The written version whose rules it was decided under; null when decided under the default rules. */
  readonly agreement: { readonly agreement: string; readonly version: number; readonly hash: string } | null;
  /** pending: a mediator's proposal, not a fact; final: the mediators' quorum signed it; rejected: it cannot reach it. */
  readonly state: Finding['state'];
  readonly quorum: number;
  /** The schedule's penalty for its severity (the cited term's own schedule, else the rules'); null if none. */
  readonly schedulePenalty: PenaltyTerms | null;
  readonly signatures: readonly { readonly member: string; readonly position: 'concur' | 'dissent'; readonly note: string | null; readonly ref: LogRef }[];
  readonly decided: LogRef | null;
  /** One sentence saying who states what, e.g. "Proposed by qa; not final (1 of 2 signatures)". */
  readonly attribution: string;
}

/** A penalty as views show it: the record itself, which names its finding, side, clauses and schedule entry. */
export type PenaltyView = Penalty;

export interface CaseStatus {
  readonly status: CaseStatusName;
  /** The open investigation, else the latest closed one; null when none was opened. */
  readonly investigation: InvestigationView | null;
  /** Every investigation that took up the report, oldest first. */
  readonly investigations: readonly InvestigationView[];
  /** Every finding proposed in those investigations, oldest first, pending and rejected ones included and labelled. */
  readonly findings: readonly FindingView[];
  readonly penalties: readonly PenaltyView[];
}

export function investigationView(inv: Investigation): InvestigationView {
  return { id: inv.id, ref: inv.ref, title: inv.title, mandate: inv.mandate, reports: inv.reports, state: inv.closed ? 'closed' : 'open', closed: inv.closed };
}

const BASIS_WORDS = { own_forces: 'by its own forces', support: 'by support to a group', failure_to_prevent: 'by failing to prevent a group acting from its territory' } as const;

function describe(f: Finding): string {
  const c = f.content;
  const what =
    c.determination === 'violation'
      ? `violation of ${c.clauses.join(', ')} by ${c.responsible}${c.responsibility ? `, ${BASIS_WORDS[c.responsibility]}${c.group ? ` (${c.group})` : ''}` : ''} (${c.severity})`
      : c.determination === 'no_violation'
        ? `no violation${c.responsible ? ` by ${c.responsible}` : ''}`
        : c.determination === 'unattributable'
          ? 'the incident could not be attributed'
          : 'inconclusive';
  const concur = f.signatures.filter((s) => s.position === 'concur').map((s) => s.member);
  const proposer = f.signatures[0]?.member ?? f.ref.by;
  if (f.state === 'final') return `Final finding of the mediators (${concur.join(', ')}): ${what}`;
  if (f.state === 'rejected') return `Proposed by ${proposer} (${what}); rejected: the quorum of ${f.rules.quorum} can no longer be reached`;
  return `Proposed by ${proposer}: ${what}; not final (${concur.length} of ${f.rules.quorum} signatures)`;
}

export function findingView(f: Finding): FindingView {
  const c = f.content;
  return {
    id: f.id,
    ref: f.ref,
    hash: f.hash,
    investigation: c.investigation,
    determination: c.determination,
    responsible: c.responsible ?? null,
    clauses: c.clauses,
    severity: c.severity ?? null,
    reasoning: c.reasoning,
    evidence: c.evidence,
    responsibility: c.responsibility ?? null,
    group: c.group ?? null,
    agreement: f.rules.version ? { agreement: f.rules.version.agreement, version: f.rules.version.version, hash: f.rules.version.hash } : null,
    state: f.state,
    quorum: f.rules.quorum,
    schedulePenalty: c.severity ? (f.schedule?.[c.severity] ?? null) : null,
    signatures: [...f.signatures],
    decided: f.decided,
    attribution: describe(f),
  };
}

export function penaltyView(p: Penalty): PenaltyView {
  return { id: p.id, ref: p.ref, finding: p.finding, side: p.side, clauses: p.clauses, severity: p.severity, penalty: p.penalty, consequence: p.consequence, note: p.note };
}

/**
 * Where a report's case stands with the mediators: under investigation, or decided by a final finding.
 * @example caseStatus(state, reportId).status // 'under_investigation'
 */
export function caseStatus(state: MechanismState, reportId: string): CaseStatus {
  const investigations = investigationsOf(state, reportId);
  const current = investigations.find((i) => i.closed === null) ?? investigations.at(-1) ?? null;
  const findings = investigations.flatMap((i) => findingsOf(state, i.id));
  const penalties = findings.flatMap((f) => {
    const p = penaltyOf(state, f.id);
    return p ? [penaltyView(p)] : [];
  });
  let status: CaseStatusName = 'reported';
  if (current && current.closed === null) status = 'under_investigation';
  else if (current?.closed) {
    const final = findings.find((f) => f.id === current.closed?.finding);
    if (final) status = final.content.determination;
  }
  return { status, investigation: current ? investigationView(current) : null, investigations: investigations.map(investigationView), findings: findings.map(findingView), penalties };
}
