import { z } from 'zod';
import { defineHandler } from '../handler.js';
import { ok, refuse, type Refusal } from '../errors.js';
import { collection, type LogRef, type MechanismState } from '../state.js';
import { SEVERITIES, type PenaltySchedule } from './agreement-schema.js';
import { mechanismRules, rulesSnapshot, type RulesSnapshot } from './agreement-rules.js';
import { getEvidence } from './evidence.js';
import { contentHash, line, ms, recordId, sha256Hex, side, slug, text, uniqueList } from './fields.js';
import { getInvestigation, investigationTouches, type Investigation } from './investigations.js';
import { getReport, type Report } from './reports.js';
import { describePeriods, inForceDuring, listTerms } from './terms.js';

export const DETERMINATIONS = ['violation', 'no_violation', 'inconclusive', 'unattributable'] as const;
export type Determination = (typeof DETERMINATIONS)[number];

/**
 * Why a party answers for an act: its own forces did it; it supported the group that did; or it failed to prevent a
 * group acting from its territory. Compliance counts each apart.
 */
export const RESPONSIBILITY_BASES = ['own_forces', 'support', 'failure_to_prevent'] as const;
export type ResponsibilityBasis = (typeof RESPONSIBILITY_BASES)[number];

/** finding.propose: a mediator's proposed determination; the proposal counts as the proposer's signature. */
export const findingProposeBody = z
  .object({
    investigation: recordId,
    determination: z.enum(DETERMINATIONS),
    /** The side found responsible: required for a violation, absent when the incident could not be attributed. */
    responsible: side.optional(),
    /** The basis of the responsible party's responsibility; with "support" or "failure_to_prevent", the group. */
    responsibility: z.enum(RESPONSIBILITY_BASES).optional(),
    group: line(200).optional(),
    clauses: uniqueList(slug, 'clauses', 50),
    severity: z.enum(SEVERITIES).optional(),
    reasoning: text(30000),
    /** SHA-256 of registered evidence the finding relies on. */
    evidence: uniqueList(sha256Hex, 'evidence', 200),
  })
  .strict()
  .superRefine((b, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    if (b.determination === 'violation') {
      if (b.responsible === undefined) issue('responsible', 'a violation names the responsible party');
      if (b.responsibility === undefined) issue('responsibility', 'a violation names the basis of responsibility: own_forces, support or failure_to_prevent');
      if (b.severity === undefined) issue('severity', 'a violation has a severity from the penalty schedule');
      if (b.clauses.length === 0) issue('clauses', 'a violation names the clauses broken');
    } else if (b.severity !== undefined) issue('severity', `a severity applies only to a violation, not to ${b.determination}`);
    if (b.determination === 'unattributable' && b.responsible !== undefined) issue('responsible', 'an unattributable incident has no responsible party');
    if (b.responsibility !== undefined && b.responsible === undefined) issue('responsibility', 'a basis of responsibility goes with a responsible party');
    if (b.responsibility !== undefined && b.responsibility !== 'own_forces' && b.group === undefined) issue('group', `responsibility by ${b.responsibility} names the group`);
    if (b.group !== undefined && (b.responsibility === undefined || b.responsibility === 'own_forces')) issue('group', 'a group is named only for support or failure_to_prevent');
  });
export type FindingContent = z.infer<typeof findingProposeBody>;

export const FINDING_POSITIONS = ['concur', 'dissent'] as const;

/** finding.sign: a mediator's signature over the finding's hash; a dissent counts against the quorum. */
export const findingSignBody = z
  .object({ finding: recordId, hash: sha256Hex, position: z.enum(FINDING_POSITIONS).default('concur'), note: text(5000).optional() })
  .strict();

export interface FindingSignature {
  readonly member: string;
  readonly position: (typeof FINDING_POSITIONS)[number];
  readonly note: string | null;
  readonly ref: LogRef;
}

export interface Finding {
  readonly id: string;
  readonly ref: LogRef;
  /** SHA-256 (hex) of the JCS of the finding.propose body exactly as in the log: what finding.sign covers. */
  readonly hash: string;
  readonly content: FindingContent;
  /** The rules it is decided under (whose signatures count, the quorum), as in force when it was proposed. */
  readonly rules: RulesSnapshot;
  /** The penalty schedule for its severity: the first cited term's own, else the rules'; null if none. */
  readonly schedule: PenaltySchedule | null;
  readonly signatures: FindingSignature[];
  /** pending until the quorum concurs (final) or enough mediators dissent that it never can (rejected). */
  state: 'pending' | 'final' | 'rejected';
  decided: LogRef | null;
}

export const FINDINGS = 'findings';
/** Which findings were proposed in each investigation (investigation id -> finding ids, oldest first): see investigations-by-report. */
const FINDINGS_BY_INVESTIGATION = 'findings-by-investigation';

export function getFinding(state: MechanismState, id: string): Finding | undefined {
  return collection<Finding>(state, FINDINGS).get(id);
}

/** Every finding proposed in the investigation, oldest first. */
export function findingsOf(state: MechanismState, investigationId: string): Finding[] {
  const ids = collection<readonly string[]>(state, FINDINGS_BY_INVESTIGATION).get(investigationId) ?? [];
  return ids.flatMap((id) => getFinding(state, id) ?? []).sort((a, b) => a.ref.index - b.ref.index);
}

function reportsOf(state: MechanismState, inv: Investigation): Report[] {
  return inv.reports.map((id) => getReport(state, id)).filter((r): r is Report => r !== undefined);
}

/**
 * Checks a proposal against the terms: a responsible side must be a party; each term cited must exist, bind the
 * responsible side and have been in force for it at the time of an incident investigated; the severity must be in the
 * schedule; the finding cannot be dated before what it judges.
 */
function checkProposal(state: MechanismState, body: FindingContent, inv: Investigation, at: string, schedule: PenaltySchedule | null): Refusal | null {
  const sides = new Set([...state.members.values()].filter((m) => m.role === 'party').map((m) => m.side));
  if (body.responsible !== undefined && !sides.has(body.responsible)) return refuse('invalid_state', `${body.responsible} is not the side of any admitted party`);
  const reports = reportsOf(state, inv);
  const latest = [inv.ref, ...reports.map((r) => r.ref)].reduce((a, b) => (ms(b.at) > ms(a.at) ? b : a));
  if (ms(at) < ms(latest.at)) return refuse('invalid_state', `a finding cannot be dated ${at}, before what it judges (log index ${latest.index}, ${latest.at})`);
  const terms = listTerms(state);
  for (const id of body.clauses) {
    const term = terms.find((t) => t.id === id);
    if (!term) return refuse('invalid_state', `term ${id} does not exist`);
    const side = body.responsible;
    if (side === undefined) continue;
    if (!term.bound.includes(side)) return refuse('invalid_state', `term ${id} does not bind ${side}`);
    if (!reports.some((r) => inForceDuring(term, side, r.body.when.start, r.body.when.end))) {
      return refuse('invalid_state', `term ${id} was not in force for ${side} at the time of the incidents investigated: ${describePeriods(term, side)}`);
    }
  }
  if (body.severity !== undefined && schedule && !schedule[body.severity]) return refuse('invalid_state', `the penalty schedule has no ${body.severity} severity`);
  for (const sha of body.evidence) if (!getEvidence(state, sha)) return refuse('not_found', `evidence ${sha} is not registered`);
  return null;
}

/**
 * A finding becomes final only once every accused party had its say: its reply is in, or the reply deadline passed.
 * Returns a refusal naming the side and its deadline, or null.
 */
function replyPeriodOpen(state: MechanismState, finding: Finding, at: string): Refusal | null {
  const inv = getInvestigation(state, finding.content.investigation);
  for (const r of inv ? reportsOf(state, inv) : []) {
    const sides = new Set([...r.accused, ...(finding.content.responsible ? [finding.content.responsible] : [])]);
    for (const side of sides) {
      const replied = r.replies.some((x) => x.side === side);
      if (!replied && r.replyDeadline !== null && ms(at) < ms(r.replyDeadline)) {
        return refuse('invalid_state', `the finding cannot be final yet: ${side} may reply to report ${r.id} until ${r.replyDeadline}, and has not replied`);
      }
    }
  }
  return null;
}

/** The schedule for the first cited term with its own, else the rules'. */
function scheduleFor(state: MechanismState, clauses: readonly string[], fallback: PenaltySchedule | null): PenaltySchedule | null {
  const terms = listTerms(state);
  for (const id of clauses) {
    const own = terms.find((t) => t.id === id)?.penalties;
    if (own) return own;
  }
  return fallback;
}

/** Counts the signatures; final at the quorum of concurrences, rejected once dissents leave the quorum out of reach. */
function settle(state: MechanismState, finding: Finding, ref: LogRef): void {
  const { quorum, mediators } = finding.rules;
  const concur = finding.signatures.filter((s) => s.position === 'concur').length;
  const dissent = finding.signatures.length - concur;
  if (concur >= quorum) {
    finding.state = 'final';
    finding.decided = ref;
    const inv = getInvestigation(state, finding.content.investigation);
    if (inv) inv.closed = { finding: finding.id, ref };
  } else if (dissent > mediators.length - quorum) {
    finding.state = 'rejected';
    finding.decided = ref;
  }
}

/** Whether a concurrence now would complete the quorum (so the reply period must be over). */
const completes = (f: Finding) => f.signatures.filter((s) => s.position === 'concur').length + 1 >= f.rules.quorum;

export const proposeFinding = defineHandler('finding.propose', findingProposeBody, (state, body, ctx) => {
  const inv = getInvestigation(state, body.investigation);
  if (!inv) return refuse('not_found', `no investigation ${body.investigation} was opened; a finding follows an investigation`);
  if (inv.closed) return refuse('invalid_state', `investigation ${inv.id} was closed by the final finding ${inv.closed.finding}`);
  const pending = findingsOf(state, inv.id).find((f) => f.state === 'pending');
  if (pending) return refuse('invalid_state', `finding ${pending.id} is pending in this investigation: sign it (concur or dissent) before another is proposed`);
  const rules = mechanismRules(state);
  if (!rules.mediators.includes(ctx.signer.id)) return refuse('forbidden', `${ctx.signer.id} is not a mediator under the rules in force (${rules.mediators.join(', ') || 'none'})`);
  const schedule = scheduleFor(state, body.clauses, rules.penalties);
  const bad = checkProposal(state, body, inv, ctx.ref.at, schedule);
  if (bad) return bad;
  const finding: Finding = {
    id: ctx.ref.id,
    ref: ctx.ref,
    hash: contentHash(ctx.statement.body),
    content: body,
    rules: rulesSnapshot(rules),
    schedule,
    signatures: [{ member: ctx.signer.id, position: 'concur', note: null, ref: ctx.ref }],
    state: 'pending',
    decided: null,
  };
  if (rules.quorum <= 1) {
    const open = replyPeriodOpen(state, finding, ctx.ref.at);
    if (open) return open;
  }
  collection<Finding>(state, FINDINGS).set(finding.id, finding);
  const byInvestigation = collection<readonly string[]>(state, FINDINGS_BY_INVESTIGATION);
  byInvestigation.set(body.investigation, [...(byInvestigation.get(body.investigation) ?? []), finding.id]);
  settle(state, finding, ctx.ref);
  return ok([{ kind: 'finding', id: finding.id }, ...investigationTouches(inv)]);
});

export const signFinding = defineHandler('finding.sign', findingSignBody, (state, body, ctx) => {
  const finding = getFinding(state, body.finding);
  if (!finding) return refuse('not_found', `no finding ${body.finding} was proposed`);
  if (body.hash !== finding.hash) return refuse('invalid_state', `the signed hash is not the finding's hash (${finding.hash})`);
  if (finding.state !== 'pending') return refuse('invalid_state', `finding ${finding.id} is already ${finding.state}`);
  if (!finding.rules.mediators.includes(ctx.signer.id)) return refuse('forbidden', `${ctx.signer.id} is not one of the mediators the finding is decided under`);
  if (finding.signatures.some((s) => s.member === ctx.signer.id)) return refuse('invalid_state', `${ctx.signer.id} already signed finding ${finding.id}`);
  if (ms(ctx.ref.at) < ms(finding.ref.at)) return refuse('invalid_state', `a signature cannot be dated ${ctx.ref.at}, before the finding it signs (${finding.ref.at})`);
  if (body.position === 'concur' && completes(finding)) {
    const open = replyPeriodOpen(state, finding, ctx.ref.at);
    if (open) return open;
  }
  finding.signatures.push({ member: ctx.signer.id, position: body.position, note: body.note ?? null, ref: ctx.ref });
  settle(state, finding, ctx.ref);
  const inv = getInvestigation(state, finding.content.investigation);
  return ok([{ kind: 'finding', id: finding.id }, ...(inv ? investigationTouches(inv) : [])]);
});
