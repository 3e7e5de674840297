import { z } from 'zod';
import { defineHandler } from '../handler.js';
import { type Result, ok, refuse } from '../errors.js';
import { ROLES } from '../roles.js';
import type { MechanismState, Member } from '../state.js';
import { memberIdSchema } from '../statement.js';
import { admissionMessage, checkPop, consentingMembers, consentsSchema, publicKey, sides, signatureSchema, speaksForASide } from './admission.js';

export const memberAdmitBody = z
  .object({
    member: memberIdSchema,
    name: z.string().min(1).max(200),
    role: z.enum(ROLES),
    key: publicKey,
    /** For a party, the side it speaks for; defaults to the member id. */
    side: z.string().min(1).max(64).optional(),
    /** Only in the genesis statement: the mechanism's id, which names the log (origin truce/<id>). */
    mechanism: z.string().regex(/^[a-z0-9][a-z0-9._-]{0,63}$/).optional(),
    /** The new key's signature over the admission (admission.ts): required for a party or a mediator. */
    pop: signatureSchema.optional(),
    /** Countersignatures of the sides that must consent: the member's own side, or both parties for a mediator. */
    consents: consentsSchema.optional(),
  })
  .strict();
type AdmitBody = z.infer<typeof memberAdmitBody>;

/**
 * The sides whose consent an admission needs: a later member of a party's side needs that side; a mediator needs
 * every party side already admitted (both parties). The operator admits monitors and observers alone, and the first
 * member of each side on its own key's proof of possession: that key's fingerprint is what the parties compare at
 * the table.
 */
function sidesToConsent(state: MechanismState, body: AdmitBody): string[] {
  const present = sides(state);
  if (body.role === 'party') {
    const side = body.side ?? body.member;
    return present.has(side) ? [side] : [];
  }
  return body.role === 'mediator' ? [...present].sort() : [];
}

function checkAdmission(state: MechanismState, body: AdmitBody): Result<true> {
  const message = admissionMessage(state.mechanism ?? '', 'member.admit', body);
  if (speaksForASide(body.role) || body.pop !== undefined) {
    const pop = checkPop(message, body.key, body.pop, `a ${body.role}`);
    if (!pop.ok) return pop;
  }
  const consenting = consentingMembers(state, message, body.consents);
  if (!consenting.ok) return consenting;
  const missing = sidesToConsent(state, body).filter((side) => !consenting.value.some((m) => m.role === 'party' && m.side === side));
  if (missing.length > 0) {
    const who = body.role === 'mediator' ? 'a new mediator needs the consent of every party' : `a later member of side ${missing[0]} needs that side's consent`;
    return refuse('forbidden', `${who}: body.consents lacks a signature by a member of ${missing.join(', ')} (the operator cannot admit on a side's behalf)`);
  }
  return ok(true);
}

export const admitMember = defineHandler('member.admit', memberAdmitBody, (state, body, ctx) => {
  if (state.members.has(body.member)) return refuse('invalid_state', `member ${body.member} is already admitted`);
  if (state.keys.has(body.key)) return refuse('invalid_state', 'that key is already registered to a member; every member needs its own key');
  if (body.mechanism !== undefined) return refuse('bad_request', 'only the genesis statement names the mechanism');
  const allowed = checkAdmission(state, body);
  if (!allowed.ok) return allowed;
  state.members.set(body.member, { id: body.member, name: body.name, role: body.role, side: body.role === 'party' ? (body.side ?? body.member) : null, admitted: ctx.ref });
  state.keys.set(body.key, { key: body.key, member: body.member, added: ctx.ref, revoked: null });
  return ok([{ kind: 'member', id: body.member }]);
});

/** Whether `signer` speaks for `target`'s side: itself, or a fellow party member of the same side. */
function sameSide(signer: Member, target: Member): boolean {
  return signer.id === target.id || (signer.role === 'party' && target.role === 'party' && signer.side === target.side);
}

export const keyAddBody = z
  .object({
    key: publicKey,
    /** The member the key is for: the signer (default) or, for a party, a fellow member of its side (recovery). */
    member: memberIdSchema.optional(),
    /** The new key's signature over the admission (admission.ts): required for a party's or a mediator's key. */
    pop: signatureSchema.optional(),
  })
  .strict();

export const addKey = defineHandler('key.add', keyAddBody, (state, body, ctx) => {
  // A member adds keys to itself, or a party to a fellow member of its side: the operator can never give itself (or
  // anyone) a way to sign as someone else.
  const target = state.members.get(body.member ?? ctx.signer.id);
  if (!target) return refuse('not_found', `no member ${body.member}`);
  if (!sameSide(ctx.signer, target)) return refuse('forbidden', `a key is added by its own member, or by a member of the same party's side; ${ctx.signer.id} does not speak for ${target.id}`);
  if (state.keys.has(body.key)) return refuse('invalid_state', 'that key is already registered');
  if (speaksForASide(target.role) || body.pop !== undefined) {
    const pop = checkPop(admissionMessage(state.mechanism ?? '', 'key.add', { ...body, member: target.id }), body.key, body.pop, `a ${target.role}`);
    if (!pop.ok) return pop;
  }
  state.keys.set(body.key, { key: body.key, member: target.id, added: ctx.ref, revoked: null });
  return ok([{ kind: 'member', id: target.id }]);
});

export const revokeKey = defineHandler(
  'key.revoke',
  z.object({ member: memberIdSchema, key: publicKey, reason: z.string().max(2000).optional() }).strict(),
  (state, body, ctx) => {
    const record = state.keys.get(body.key);
    const target = state.members.get(body.member);
    if (!record || !target || record.member !== body.member) return refuse('not_found', `member ${body.member} holds no such key`);
    if (record.revoked) return refuse('invalid_state', 'that key is already revoked');
    // A party's or mediator's key is revoked only by that side; the operator revokes only monitors', observers' and
    // operators' keys. A side that lost a key recovers with its other key (docs/decisions.md).
    const allowed = speaksForASide(target.role) ? sameSide(ctx.signer, target) : ctx.signer.id === target.id || ctx.signer.role === 'operator';
    if (!allowed) {
      const rule = speaksForASide(target.role) ? `a ${target.role}'s key is revoked only with a signature of its own side, never by the operator` : 'a key is revoked by its member or by the operator';
      return refuse('forbidden', rule);
    }
    record.revoked = ctx.ref;
    return ok([{ kind: 'member', id: body.member }]);
  },
);
