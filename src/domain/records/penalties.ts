import { z } from 'zod';
import { defineHandler } from '../handler.js';
import { ok, refuse } from '../errors.js';
import { collection, type LogRef, type MechanismState } from '../state.js';
import { SEVERITIES, consequenceSchema, type Consequence, type Severity } from './agreement-schema.js';
import { contentHash, recordId, text } from './fields.js';
import { getFinding } from './findings.js';
import { getInvestigation, investigationTouches } from './investigations.js';

/**
 * penalty.apply: the penalty the schedule sets for a final violation finding's severity. The body restates the
 * schedule's terms, so the signed statement carries the penalty itself; any difference from the schedule is refused.
 */
export const penaltyApplyBody = z
  .object({ finding: recordId, severity: z.enum(SEVERITIES), penalty: text(2000), consequence: consequenceSchema.optional(), note: text(5000).optional() })
  .strict();

export interface Penalty {
  readonly id: string;
  readonly ref: LogRef;
  readonly finding: string;
  /** The side the final finding held responsible. */
  readonly side: string;
  readonly clauses: readonly string[];
  readonly severity: Severity;
  readonly penalty: string;
  readonly consequence: Consequence | null;
  readonly note: string | null;
}

export const PENALTIES = 'penalties';
/** The penalty applied for each final finding (finding id -> penalty id; at most one): see investigations-by-report. */
const PENALTY_BY_FINDING = 'penalty-by-finding';

export function listPenalties(state: MechanismState): Penalty[] {
  return [...collection<Penalty>(state, PENALTIES).values()].sort((a, b) => a.ref.index - b.ref.index);
}

export function penaltyOf(state: MechanismState, findingId: string): Penalty | undefined {
  const id = collection<string>(state, PENALTY_BY_FINDING).get(findingId);
  return id === undefined ? undefined : collection<Penalty>(state, PENALTIES).get(id);
}

export const applyPenalty = defineHandler('penalty.apply', penaltyApplyBody, (state, body, ctx) => {
  const finding = getFinding(state, body.finding);
  if (!finding) return refuse('not_found', `no finding ${body.finding} was proposed`);
  if (finding.state !== 'final') return refuse('invalid_state', `finding ${finding.id} is ${finding.state}: a penalty follows only a final finding`);
  const { content, schedule } = finding;
  if (content.determination !== 'violation' || !content.responsible || !content.severity) {
    return refuse('invalid_state', `finding ${finding.id} determined ${content.determination}: a penalty follows only a violation`);
  }
  if (!finding.rules.mediators.includes(ctx.signer.id)) return refuse('forbidden', `${ctx.signer.id} is not one of the mediators the finding was decided under`);
  if (body.severity !== content.severity) return refuse('invalid_state', `the finding's severity is ${content.severity}, not ${body.severity}`);
  const terms = schedule?.[content.severity];
  if (!terms) return refuse('invalid_state', `no penalty schedule the parties accepted has a ${content.severity} penalty for the terms found broken`);
  if (body.penalty !== terms.penalty || contentHash(body.consequence ?? null) !== contentHash(terms.consequence ?? null)) {
    return refuse('invalid_state', `the penalty does not match the ${content.severity} penalty of the schedule`);
  }
  const already = penaltyOf(state, finding.id);
  if (already) return refuse('invalid_state', `a penalty was already applied for finding ${finding.id} (log index ${already.ref.index})`);
  const penalty: Penalty = {
    id: ctx.ref.id,
    ref: ctx.ref,
    finding: finding.id,
    side: content.responsible,
    clauses: content.clauses,
    severity: content.severity,
    penalty: body.penalty,
    consequence: body.consequence ?? null,
    note: body.note ?? null,
  };
  collection<Penalty>(state, PENALTIES).set(penalty.id, penalty);
  collection<string>(state, PENALTY_BY_FINDING).set(finding.id, penalty.id);
  const inv = getInvestigation(state, content.investigation);
  return ok([{ kind: 'finding', id: finding.id }, ...(inv ? investigationTouches(inv) : [])]);
});
