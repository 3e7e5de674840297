import { z } from 'zod';
import { defineHandler, type Touched } from '../handler.js';
import { ok, refuse } from '../errors.js';
import { collection, type LogRef, type MechanismState } from '../state.js';
import { mechanismRules } from './agreement-rules.js';
import { describePeriods, inForceDuring, listTerms } from './terms.js';
import { getEvidence } from './evidence.js';
import { dateOrTime, line, recordId, sha256Hex, slug, text, uniqueList } from './fields.js';

/** commitment.action: a party reports an action it took on a clause binding it, e.g. "handed over 3 militants". */
export const commitmentActionBody = z
  .object({
    clause: slug,
    /** The benchmark of a commitment the action meets, if any. */
    benchmark: slug.optional(),
    action: text(5000),
    /** When the action was taken (YYYY-MM-DD or RFC 3339 UTC). */
    date: dateOrTime,
    /** A measurable quantity when the action has one, e.g. { amount: 3, unit: "persons handed over" }. */
    quantity: z.object({ amount: z.number().finite().nonnegative(), unit: line(100) }).strict().optional(),
    evidence: uniqueList(sha256Hex, 'evidence', 100),
  })
  .strict();

export const VERDICTS = ['verified', 'not_verified', 'disputed'] as const;
export type Verdict = (typeof VERDICTS)[number];

/** commitment.verify: a mediator's verdict on a reported action, with its reasoning. */
export const commitmentVerifyBody = z
  .object({ action: recordId, result: z.enum(VERDICTS), reasoning: text(10000), evidence: uniqueList(sha256Hex, 'evidence', 100).optional() })
  .strict();

export interface ActionVerdict {
  readonly member: string;
  readonly result: Verdict;
  readonly reasoning: string;
  readonly evidence: readonly string[];
  readonly ref: LogRef;
}

/** A reported action: the party's claim, with the mediators' verdicts beside it. */
export interface CommitmentAction {
  readonly id: string;
  readonly ref: LogRef;
  readonly member: string;
  readonly side: string;
  readonly clause: string;
  readonly benchmark: string | null;
  /** The mediators whose verdicts count: those of the rules in force when the action was reported. */
  readonly mediators: readonly string[];
  readonly action: string;
  readonly date: string;
  readonly quantity: { readonly amount: number; readonly unit: string } | null;
  readonly evidence: readonly string[];
  readonly verdicts: ActionVerdict[];
}

/** unverified: no verdict yet; verified / not_verified when every verdict says so; disputed otherwise. */
export type ActionStatus = 'unverified' | Verdict;

export const COMMITMENTS = 'commitments';

export function getAction(state: MechanismState, id: string): CommitmentAction | undefined {
  return collection<CommitmentAction>(state, COMMITMENTS).get(id);
}

export function listActions(state: MechanismState): CommitmentAction[] {
  return [...collection<CommitmentAction>(state, COMMITMENTS).values()].sort((a, b) => a.ref.index - b.ref.index);
}

/** @example actionStatus({ verdicts: [] }) // 'unverified' */
export function actionStatus(action: Pick<CommitmentAction, 'verdicts'>): ActionStatus {
  const results = new Set(action.verdicts.map((v) => v.result));
  if (results.size === 0) return 'unverified';
  if (results.size === 1) return [...results][0] as Verdict;
  return 'disputed';
}

const touches = (a: CommitmentAction): Touched[] => [{ kind: 'commitment', id: a.id }, ...a.evidence.map((sha): Touched => ({ kind: 'evidence', id: sha }))];

export const reportAction = defineHandler('commitment.action', commitmentActionBody, (state, body, ctx) => {
  const { signer } = ctx;
  if (signer.role !== 'party' || !signer.side) return refuse('forbidden', 'only a party reports actions on the commitments binding it');
  const term = listTerms(state).find((t) => t.id === body.clause);
  if (!term) return refuse('invalid_state', `term ${body.clause} does not exist`);
  if (!term.bound.includes(signer.side)) return refuse('invalid_state', `term ${body.clause} does not bind ${signer.side}`);
  // An action counts toward a term only while the term binds the party, whatever its basis.
  if (!inForceDuring(term, signer.side, body.date, body.date)) return refuse('invalid_state', `term ${body.clause} was not in force for ${signer.side} on ${body.date}: ${describePeriods(term, signer.side)}`);
  if (body.benchmark !== undefined && !(term.benchmarks ?? []).some((b) => b.id === body.benchmark)) {
    return refuse('invalid_state', `term ${body.clause} has no benchmark ${body.benchmark}`);
  }
  for (const sha of body.evidence) if (!getEvidence(state, sha)) return refuse('not_found', `evidence ${sha} is not registered`);
  const action: CommitmentAction = {
    id: ctx.ref.id,
    ref: ctx.ref,
    member: signer.id,
    side: signer.side,
    clause: body.clause,
    benchmark: body.benchmark ?? null,
    mediators: mechanismRules(state).mediators,
    action: body.action,
    date: body.date,
    quantity: body.quantity ?? null,
    evidence: body.evidence,
    verdicts: [],
  };
  collection<CommitmentAction>(state, COMMITMENTS).set(action.id, action);
  return ok(touches(action));
});

export const verifyAction = defineHandler('commitment.verify', commitmentVerifyBody, (state, body, ctx) => {
  const action = getAction(state, body.action);
  if (!action) return refuse('not_found', `no action ${body.action} was reported`);
  if (!action.mediators.includes(ctx.signer.id)) return refuse('forbidden', `${ctx.signer.id} is not one of the mediators under whose rules the action was reported`);
  if (action.verdicts.some((v) => v.member === ctx.signer.id)) return refuse('invalid_state', `${ctx.signer.id} already gave a verdict on action ${action.id}`);
  for (const sha of body.evidence ?? []) if (!getEvidence(state, sha)) return refuse('not_found', `evidence ${sha} is not registered`);
  action.verdicts.push({ member: ctx.signer.id, result: body.result, reasoning: body.reasoning, evidence: body.evidence ?? [], ref: ctx.ref });
  return ok([{ kind: 'commitment', id: action.id }]);
});
