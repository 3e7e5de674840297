import { z } from 'zod';
import { defineHandler } from '../handler.js';
import { ok, refuse } from '../errors.js';
import { ROLES } from '../roles.js';
import { memberIdSchema } from '../statement.js';
import { fromBase64 } from '../encoding.js';

const publicKey = z.string().refine((k) => fromBase64(k)?.length === 32, 'key must be the base64 of a 32-byte Ed25519 public key');

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
  })
  .strict();

export const admitMember = defineHandler('member.admit', memberAdmitBody, (state, body, ctx) => {
  if (state.members.has(body.member)) return refuse('invalid_state', `member ${body.member} is already admitted`);
  if (state.keys.has(body.key)) return refuse('invalid_state', 'that key is already registered to a member; every member needs its own key');
  if (body.mechanism !== undefined) return refuse('bad_request', 'only the genesis statement names the mechanism');
  state.members.set(body.member, { id: body.member, name: body.name, role: body.role, side: body.role === 'party' ? (body.side ?? body.member) : null, admitted: ctx.ref });
  state.keys.set(body.key, { key: body.key, member: body.member, added: ctx.ref, revoked: null });
  return ok([{ kind: 'member', id: body.member }]);
});

export const addKey = defineHandler('key.add', z.object({ key: publicKey }).strict(), (state, body, ctx) => {
  // Only the member, signing with a key it already holds, adds a key: so the operator can never give itself a way
  // to sign as someone else.
  if (state.keys.has(body.key)) return refuse('invalid_state', 'that key is already registered');
  state.keys.set(body.key, { key: body.key, member: ctx.signer.id, added: ctx.ref, revoked: null });
  return ok([{ kind: 'member', id: ctx.signer.id }]);
});

export const revokeKey = defineHandler(
  'key.revoke',
  z.object({ member: memberIdSchema, key: publicKey, reason: z.string().max(2000).optional() }).strict(),
  (state, body, ctx) => {
    const record = state.keys.get(body.key);
    if (!record || record.member !== body.member) return refuse('not_found', `member ${body.member} holds no such key`);
    if (record.revoked) return refuse('invalid_state', 'that key is already revoked');
    if (ctx.signer.id !== body.member && ctx.signer.role !== 'operator') return refuse('forbidden', 'a key is revoked by its member or by the operator');
    record.revoked = ctx.ref;
    return ok([{ kind: 'member', id: body.member }]);
  },
);
