import type { MechanismState } from '../state.js';
import { actionStatus, listActions, type CommitmentAction } from '../records/commitments.js';
import { ms } from '../records/fields.js';
import { listRequests, requestStatus, type PartyRequest } from '../records/requests.js';
import { listTerms } from '../records/terms.js';

/**
 * due: the deadline is ahead and nothing is reported; reported: the party reported an action the mediators have not
 * verified; verified: a mediator verified an action and none disputed it; overdue: the deadline passed with no action
 * reported by then and none verified.
 */
export type CommitmentStatus = 'due' | 'reported' | 'verified' | 'overdue';

export interface BenchmarkStatus {
  readonly term: string;
  readonly side: string;
  /** null: the commitment as a whole (its own deadline), else one of its benchmarks. */
  readonly benchmark: string | null;
  readonly text: string;
  readonly indicator: string;
  readonly deadline: string | null;
  readonly status: CommitmentStatus;
  /** The actions reported toward it (ids), oldest first. */
  readonly actions: readonly string[];
}

export interface CommitmentsView {
  readonly asOf: string;
  readonly commitments: readonly BenchmarkStatus[];
  readonly requests: readonly (PartyRequest & { readonly status: ReturnType<typeof requestStatus> })[];
}

function statusOf(actions: readonly CommitmentAction[], deadline: string | null, asOf: string): CommitmentStatus {
  if (actions.some((a) => actionStatus(a) === 'verified')) return 'verified';
  const inTime = actions.filter((a) => deadline === null || ms(a.ref.at) <= ms(deadline));
  if (deadline !== null && ms(asOf) >= ms(deadline) && inTime.length === 0) return 'overdue';
  return actions.length > 0 ? 'reported' : 'due';
}

/**
 * GET /v1/commitments (the `commitments` and `requests` parts): for each commitment term and each party it binds,
 * each benchmark (or the term itself) with its deadline and where it stands as of `asOf`; and the requests between
 * parties, with their answers and deadlines.
 * @example commitmentsView(state, '2026-01-01T00:00:00Z').commitments[0]?.status // 'overdue'
 */
export function commitmentsView(state: MechanismState, asOf: string): CommitmentsView {
  const actions = listActions(state);
  const out: BenchmarkStatus[] = [];
  for (const term of listTerms(state)) {
    if (term.kind !== 'commitment' && term.kind !== 'obligation') continue;
    for (const p of term.parties) {
      if (p.bases.length === 0) continue;
      const mine = actions.filter((a) => a.clause === term.id && a.side === p.side);
      const steps = term.benchmarks?.length ? term.benchmarks : [{ id: null, text: term.text, deadline: term.deadline ?? null, indicator: term.indicator }];
      for (const b of steps) {
        const toward = b.id === null ? mine : mine.filter((a) => a.benchmark === b.id);
        out.push({ term: term.id, side: p.side, benchmark: b.id, text: b.text, indicator: b.indicator, deadline: b.deadline, status: statusOf(toward, b.deadline, asOf), actions: toward.map((a) => a.id) });
      }
    }
  }
  return { asOf, commitments: out, requests: listRequests(state).map((r) => ({ ...r, status: requestStatus(r, asOf) })) };
}
