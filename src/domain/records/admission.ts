import { z } from 'zod';
import { verifyEd25519Fast } from '../../log/ed25519.js';
import { sha256 } from '../../log/hash.js';
import { concatBytes } from '../../log/encoding.js';
import { canonicalBytes } from '../jcs.js';
import { fromBase64, toBase64, toHex } from '../encoding.js';
import { type Result, ok, refuse } from '../errors.js';
import type { MechanismState, Member } from '../state.js';
import { memberIdSchema } from '../statement.js';

// "Nobody speaks for another" (design.md): the operator submits admissions, but a party's or mediator's key enters
// the log only with that key's own signature over its admission (proof of possession, `pop`), and a later member or
// key of a side only with a signature of that side (`consents`). Both sign the same message, so one admission
// request, passed from hand to hand, collects every signature it needs. The bodies are attacker-controlled (the
// operator composes them), so every signature is checked here, on the server and on replay alike.

export const publicKey = z.string().refine((k) => fromBase64(k)?.length === 32, 'key must be the base64 of a 32-byte Ed25519 public key');
const signature = z.string().refine((s) => fromBase64(s)?.length === 64, 'must be the base64 of a 64-byte Ed25519 signature');

/** A countersignature by a registered, unrevoked key of a member who consents to the admission. */
export const consentSchema = z.object({ member: memberIdSchema, key: publicKey, sig: signature }).strict();
export type Consent = z.infer<typeof consentSchema>;
export const consentsSchema = z.array(consentSchema).max(16);
export { signature as signatureSchema };

export type AdmissionType = 'member.admit' | 'key.add';

/**
 * The bytes the new key (pop) and each consenting key sign: a fixed context, the mechanism (so an admission cannot be
 * replayed into another log), the statement type, then the JCS of the admission without its signatures.
 * @example signEd25519(seed, admissionMessage('pk-af', 'member.admit', { member: 'pk2', name: 'PK 2', role: 'party', key, side: 'pk' }))
 */
export function admissionMessage(mechanism: string, type: AdmissionType, content: Readonly<Record<string, unknown>>): Uint8Array {
  const { pop: _pop, consents: _consents, ...rest } = content;
  return concatBytes(new TextEncoder().encode(`truce/admission/v1\n${mechanism}\n${type}\n`), canonicalBytes(rest));
}

/**
 * What the parties compare at the table: the SHA-256 of the raw 32-byte key, first 20 bytes in hex groups of four.
 * @example keyFingerprint(key) // "9f3a 11c0 7b2e 54d8 a0c1 e9f2 3d47 0b66 c5a8 12fe"
 */
export function keyFingerprint(key: string | Uint8Array): string {
  const raw = typeof key === 'string' ? fromBase64(key) : key;
  if (!raw || raw.length !== 32) return 'invalid key';
  return (toHex(sha256(raw)).slice(0, 40).match(/.{4}/g) ?? []).join(' ');
}

/** Roles that speak in the conflict: their keys need proof of possession and their side's consent. */
export const speaksForASide = (role: string): boolean => role === 'party' || role === 'mediator';

/** The new key's own signature over the admission. */
export function checkPop(message: Uint8Array, key: string, pop: string | undefined, who: string): Result<true> {
  if (pop === undefined) return refuse('forbidden', `${who}'s key is registered only with that key's own signature over the admission (body.pop, proof of possession)`);
  const raw = fromBase64(key);
  const sig = fromBase64(pop);
  if (!raw || !sig || !verifyEd25519Fast(raw, message, sig)) return refuse('bad_signature', `body.pop is not a signature of the new key over this admission (truce/admission/v1, mechanism, type, the body without pop and consents)`);
  return ok(true);
}

/**
 * The members whose valid consent the admission carries: each consent's key must be registered to its member and
 * unrevoked, and its signature must verify over the message. An invalid consent refuses the whole statement, so a
 * log never shows a consent that was not given.
 */
export function consentingMembers(state: MechanismState, message: Uint8Array, consents: readonly Consent[] | undefined): Result<Member[]> {
  const members: Member[] = [];
  for (const c of consents ?? []) {
    const member = state.members.get(c.member);
    const key = state.keys.get(c.key);
    if (!member || !key || key.member !== c.member) return refuse('unknown_key', `consent by ${c.member}: that key is not registered to ${c.member}`);
    if (key.revoked) return refuse('revoked_key', `consent by ${c.member}: that key was revoked at log index ${key.revoked.index}`);
    if (!verifyEd25519Fast(fromBase64(c.key)!, message, fromBase64(c.sig)!)) return refuse('bad_signature', `consent by ${c.member} does not verify over this admission`);
    members.push(member);
  }
  return ok(members);
}

/** The sides that have a party member now (each side speaks through any of its members). */
export function sides(state: MechanismState): Set<string> {
  return new Set([...state.members.values()].filter((m) => m.role === 'party' && m.side !== null).map((m) => m.side!));
}

/** A key that signs, held anywhere (node:crypto, WebCrypto, a seed in memory). */
export interface Signer {
  readonly member: string;
  readonly key: string;
  sign(message: Uint8Array): Uint8Array | Promise<Uint8Array>;
}

/**
 * Add the proof of possession (by the new key) and the consents (by each consenter) to an admission body, for the
 * CLI, the browser and the demo loader alike.
 * @example await signAdmission('pk-af', 'member.admit', body, newKey.sign, [pkSigner, afSigner])
 */
export async function signAdmission(
  mechanism: string,
  type: AdmissionType,
  body: Readonly<Record<string, unknown>>,
  newKey: ((message: Uint8Array) => Uint8Array | Promise<Uint8Array>) | null,
  consenters: readonly Signer[] = [],
): Promise<Record<string, unknown>> {
  if (type === 'key.add' && typeof body.member !== 'string') throw new TypeError('signAdmission: a key.add body names its member');
  const message = admissionMessage(mechanism, type, body);
  const earlier = Array.isArray(body.consents) ? (body.consents as Consent[]) : [];
  const added = await Promise.all(consenters.map(async (c) => ({ member: c.member, key: c.key, sig: toBase64(await c.sign(message)) })));
  const consents = [...earlier, ...added];
  return { ...body, ...(newKey ? { pop: toBase64(await newKey(message)) } : {}), ...(consents.length ? { consents } : {}) };
}
