import { defineHandler } from '../handler.js';
import { ok, refuse } from '../errors.js';
import { collection, type LogRef, type MechanismState } from '../state.js';
import { agreementProposeBody, agreementSignBody, type AgreementContent, type Clause } from './agreement-schema.js';
import { contentHash } from './fields.js';
import { wordingConflict } from './terms-store.js';

export * from './agreement-schema.js';

export interface AgreementSignature {
  readonly member: string;
  readonly role: 'party' | 'mediator';
  /** The side a party member signed for; null for a mediator. */
  readonly side: string | null;
  readonly ref: LogRef;
}

/** One proposed version, immutable once proposed; only its signatures and in-force mark grow. */
export interface AgreementVersion {
  /** The id of the agreement.propose statement. */
  readonly id: string;
  readonly ref: LogRef;
  /** SHA-256 (hex) of the JCS of the version content (the agreement.propose body). */
  readonly hash: string;
  readonly content: AgreementContent;
  readonly signatures: AgreementSignature[];
  /** The signature that completed the parties and the mediators' quorum; null while incomplete. */
  inForce: LogRef | null;
}

/** The version whose rules are in force (every party and its mediators' quorum signed it), flattened. */
export interface AgreementInForce extends AgreementContent {
  readonly id: string;
  readonly hash: string;
  /** The log position of the signature that put this version in force. */
  readonly since: LogRef;
}

export const AGREEMENTS = 'agreements';

/** Every version ever proposed, in log order. */
export function agreementVersions(state: MechanismState): AgreementVersion[] {
  return [...collection<AgreementVersion>(state, AGREEMENTS).values()].sort((a, b) => a.ref.index - b.ref.index);
}

/** A version by agreement id and number. */
export function getAgreementVersion(state: MechanismState, agreement: string, version: number): AgreementVersion | undefined {
  return agreementVersions(state).find((v) => v.content.agreement === agreement && v.content.version === version);
}

/** The newest version that entered into force (a later version in force supersedes the earlier). */
export function versionInForce(state: MechanismState): AgreementVersion | undefined {
  let best: AgreementVersion | undefined;
  for (const v of agreementVersions(state)) if (v.inForce && (!best || v.content.version > best.content.version)) best = v;
  return best;
}

/**
 * The agreement version in force with its clauses, parties, mediators, quorum, penalty schedule and reply deadline;
 * undefined until some version has been signed by every party and the mediators' quorum.
 * @example const a = agreementInForce(state); a?.clauses.find((c) => c.id === 'C1')?.bound // ['pk', 'af']
 */
export function agreementInForce(state: MechanismState): AgreementInForce | undefined {
  const v = versionInForce(state);
  if (!v || !v.inForce) return undefined;
  return { ...v.content, id: v.id, hash: v.hash, since: v.inForce };
}

/** The clause of a version, if it has one. */
export function findClause(content: AgreementContent, clauseId: string): Clause | undefined {
  return content.clauses.find((c) => c.id === clauseId);
}

/** Whether a version's signatures cover every party and the mediators' quorum. */
export function isComplete(content: AgreementContent, signatures: readonly AgreementSignature[]): boolean {
  const sides = new Set(signatures.filter((s) => s.role === 'party').map((s) => s.side));
  const mediators = signatures.filter((s) => s.role === 'mediator').length;
  return content.parties.every((p) => sides.has(p)) && mediators >= content.quorum;
}

export const proposeAgreement = defineHandler('agreement.propose', agreementProposeBody, (state, body, ctx) => {
  const versions = agreementVersions(state);
  const first = versions[0];
  // One agreement per mechanism: amendments are versions of it, never a second agreement beside it.
  if (first && first.content.agreement !== body.agreement) {
    return refuse('invalid_state', `this mechanism's agreement is ${first.content.agreement}; amend it with a new version rather than proposing ${body.agreement}`);
  }
  const latest = versions.at(-1);
  const expected = (latest?.content.version ?? 0) + 1;
  if (body.version !== expected) return refuse('invalid_state', `the next version of ${body.agreement} is ${expected}, not ${body.version} (versions are immutable)`);
  if (latest && body.amends !== latest.hash) return refuse('invalid_state', `version ${body.version} must amend version ${latest.content.version}, whose hash is ${latest.hash}`);
  for (const p of body.parties) {
    const found = [...state.members.values()].some((m) => m.role === 'party' && m.side === p);
    if (!found) return refuse('invalid_state', `no admitted party member speaks for side ${p}`);
  }
  for (const id of body.mediators) {
    if (state.members.get(id)?.role !== 'mediator') return refuse('invalid_state', `${id} is not an admitted mediator`);
  }
  // A party may put its own written text forward (e.g. the text it asks the other to sign); it must be a party to it.
  if (ctx.signer.role === 'party' && (!ctx.signer.side || !body.parties.includes(ctx.signer.side))) {
    return refuse('forbidden', `${ctx.signer.id} proposes a text only as one of its parties`);
  }
  for (const id of body.witnesses?.members ?? []) {
    const m = state.members.get(id);
    if (m?.role !== 'mediator' && m?.role !== 'party') return refuse('invalid_state', `witness ${id} is not an admitted party or mediator`);
  }
  for (const clause of body.clauses) {
    const bad = wordingConflict(state, clause, true);
    if (bad) return bad;
  }
  const version: AgreementVersion = { id: ctx.ref.id, ref: ctx.ref, hash: contentHash(ctx.statement.body), content: body, signatures: [], inForce: null };
  collection<AgreementVersion>(state, AGREEMENTS).set(ctx.ref.id, version);
  return ok([{ kind: 'agreement', id: body.agreement }]);
});

export const signAgreement = defineHandler('agreement.sign', agreementSignBody, (state, body, ctx) => {
  const v = getAgreementVersion(state, body.agreement, body.version);
  if (!v) return refuse('not_found', `no version ${body.version} of agreement ${body.agreement} was proposed`);
  if (body.hash !== v.hash) return refuse('invalid_state', `the signed hash is not the hash of ${body.agreement} version ${body.version} (${v.hash}); a signature covers the exact text`);
  const signer = ctx.signer;
  let side: string | null = null;
  if (signer.role === 'party') {
    if (!signer.side || !v.content.parties.includes(signer.side)) return refuse('forbidden', `${signer.id} speaks for ${signer.side ?? 'no side'}, which is not a party to this version`);
    side = signer.side;
  } else if (signer.role !== 'mediator' || !v.content.mediators.includes(signer.id)) {
    return refuse('forbidden', `${signer.id} is not one of this version's mediators`);
  }
  if (v.signatures.some((s) => s.member === signer.id)) return refuse('invalid_state', `${signer.id} already signed ${body.agreement} version ${body.version}`);
  const current = versionInForce(state);
  if (current && current.content.version > v.content.version) {
    return refuse('invalid_state', `version ${current.content.version} is in force; version ${body.version} can no longer enter into force`);
  }
  // A mediator beyond the quorum may still countersign a version in force; the in-force mark keeps the first completion.
  const signature: AgreementSignature = { member: signer.id, role: signer.role, side, ref: ctx.ref };
  v.signatures.push(signature);
  if (!v.inForce && isComplete(v.content, v.signatures)) v.inForce = ctx.ref;
  return ok([{ kind: 'agreement', id: body.agreement }]);
});
