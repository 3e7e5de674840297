import { z } from 'zod';
import { defineHandler } from '../handler.js';
import { ok, refuse, type Refusal } from '../errors.js';
import { collection, type LogRef, type MechanismState } from '../state.js';
import { SEVERITIES, type AgreementContent } from './agreement-schema.js';
import { findClause, versionInForce } from './agreement.js';
import { getEvidence } from './evidence.js';
import { contentHash, recordId, sha256Hex, side, slug, text, uniqueList } from './fields.js';
import { getInvestigation, investigationTouches } from './investigations.js';

export const DETERMINATIONS = ['violation', 'no_violation', 'inconclusive', 'unattributable'] as const;
export type Determination = (typeof DETERMINATIONS)[number];

/** finding.propose: a mediator's proposed determination; the proposal counts as the proposer's signature. */
export const findingProposeBody = z
  .object({
    investigation: recordId,
    determination: z.enum(DETERMINATIONS),
    /** The side found responsible: required for a violation, absent when the incident could not be attributed. */
    responsible: side.optional(),
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
      if (b.severity === undefined) issue('severity', 'a violation has a severity from the penalty schedule');
      if (b.clauses.length === 0) issue('clauses', 'a violation names the clauses broken');
    } else if (b.severity !== undefined) issue('severity', `a severity applies only to a violation, not to ${b.determination}`);
    if (b.determination === 'unattributable' && b.responsible !== undefined) issue('responsible', 'an unattributable incident has no responsible party');
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
  /** The agreement version the finding judges against: the one in force when it was proposed. */
  readonly agreement: { readonly id: string; readonly agreement: string; readonly version: number; readonly hash: string; readonly terms: AgreementContent };
  readonly signatures: FindingSignature[];
  /** pending until the quorum concurs (final) or enough mediators dissent that it never can (rejected). */
  state: 'pending' | 'final' | 'rejected';
  decided: LogRef | null;
}

export const FINDINGS = 'findings';

export function getFinding(state: MechanismState, id: string): Finding | undefined {
  return collection<Finding>(state, FINDINGS).get(id);
}

/** Every finding proposed in the investigation, oldest first. */
export function findingsOf(state: MechanismState, investigationId: string): Finding[] {
  return [...collection<Finding>(state, FINDINGS).values()].filter((f) => f.content.investigation === investigationId).sort((a, b) => a.ref.index - b.ref.index);
}

/** Checks a proposal against the agreement version it is judged under. */
function checkAgainstAgreement(state: MechanismState, body: FindingContent, terms: AgreementContent): Refusal | null {
  if (body.responsible !== undefined && !terms.parties.includes(body.responsible)) return refuse('invalid_state', `${body.responsible} is not a party to the agreement in force`);
  for (const id of body.clauses) {
    const clause = findClause(terms, id);
    if (!clause) return refuse('invalid_state', `clause ${id} is not in ${terms.agreement} version ${terms.version}, the agreement in force`);
    if (body.responsible !== undefined && !clause.bound.includes(body.responsible)) return refuse('invalid_state', `clause ${id} does not bind ${body.responsible}`);
  }
  if (body.severity !== undefined && !terms.penalties[body.severity]) return refuse('invalid_state', `the penalty schedule has no ${body.severity} severity`);
  for (const sha of body.evidence) if (!getEvidence(state, sha)) return refuse('not_found', `evidence ${sha} is not registered`);
  return null;
}

/** Counts the signatures; final at the quorum of concurrences, rejected once dissents leave the quorum out of reach. */
function settle(state: MechanismState, finding: Finding, ref: LogRef): void {
  const { quorum, mediators } = finding.agreement.terms;
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

export const proposeFinding = defineHandler('finding.propose', findingProposeBody, (state, body, ctx) => {
  const inv = getInvestigation(state, body.investigation);
  if (!inv) return refuse('not_found', `no investigation ${body.investigation} was opened; a finding follows an investigation`);
  if (inv.closed) return refuse('invalid_state', `investigation ${inv.id} was closed by the final finding ${inv.closed.finding}`);
  const pending = findingsOf(state, inv.id).find((f) => f.state === 'pending');
  if (pending) return refuse('invalid_state', `finding ${pending.id} is pending in this investigation: sign it (concur or dissent) before another is proposed`);
  const version = versionInForce(state);
  if (!version) return refuse('invalid_state', 'no agreement version is in force: a finding judges against the clauses in force');
  const terms = version.content;
  if (!terms.mediators.includes(ctx.signer.id)) return refuse('forbidden', `${ctx.signer.id} is not one of the agreement's mediators`);
  const bad = checkAgainstAgreement(state, body, terms);
  if (bad) return bad;
  const finding: Finding = {
    id: ctx.ref.id,
    ref: ctx.ref,
    hash: contentHash(ctx.statement.body),
    content: body,
    agreement: { id: version.id, agreement: terms.agreement, version: terms.version, hash: version.hash, terms },
    signatures: [{ member: ctx.signer.id, position: 'concur', note: null, ref: ctx.ref }],
    state: 'pending',
    decided: null,
  };
  collection<Finding>(state, FINDINGS).set(finding.id, finding);
  settle(state, finding, ctx.ref);
  return ok([{ kind: 'finding', id: finding.id }, ...investigationTouches(inv)]);
});

export const signFinding = defineHandler('finding.sign', findingSignBody, (state, body, ctx) => {
  const finding = getFinding(state, body.finding);
  if (!finding) return refuse('not_found', `no finding ${body.finding} was proposed`);
  if (body.hash !== finding.hash) return refuse('invalid_state', `the signed hash is not the finding's hash (${finding.hash})`);
  if (finding.state !== 'pending') return refuse('invalid_state', `finding ${finding.id} is already ${finding.state}`);
  if (!finding.agreement.terms.mediators.includes(ctx.signer.id)) return refuse('forbidden', `${ctx.signer.id} is not one of the mediators of the agreement the finding judges under`);
  if (finding.signatures.some((s) => s.member === ctx.signer.id)) return refuse('invalid_state', `${ctx.signer.id} already signed finding ${finding.id}`);
  finding.signatures.push({ member: ctx.signer.id, position: body.position, note: body.note ?? null, ref: ctx.ref });
  settle(state, finding, ctx.ref);
  const inv = getInvestigation(state, finding.content.investigation);
  return ok([{ kind: 'finding', id: finding.id }, ...(inv ? investigationTouches(inv) : [])]);
});
