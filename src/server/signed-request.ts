import { createHash } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { LRUCache } from 'lru-cache';
import { type Result, ok, refuse } from '../domain/errors.js';
import { fromBase64 } from '../domain/encoding.js';
import type { Role } from '../domain/roles.js';
import type { MechanismState } from '../domain/state.js';
import { verifyEd25519Node } from '../services/node-ed25519.js';
import { signedRequestMessage } from '../domain/request-message.js';

/** How far a request's signed time may be from the server's clock. */
export const REQUEST_SKEW_MS = 60_000;

export { signedRequestMessage };

export const sha256Hex = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** Who signed a request: a registered, unrevoked key of an admitted member. */
export interface RequestSigner {
  readonly member: string;
  readonly role: Role;
  readonly key: string;
}

/** A request as received: its headers and its exact body bytes. */
export interface SignedRequest {
  readonly headers: IncomingHttpHeaders;
  readonly body: Uint8Array;
}

/** What the signature is for, and which roles may make the request. */
export interface RequestRule {
  readonly purpose: string;
  readonly allowed: (role: Role) => boolean;
}

/**
 * Checks the headers Truce-Key (base64 Ed25519 public key), Truce-At (RFC 3339, within a minute of now) and
 * Truce-Signature (base64 signature of signedRequestMessage) of a request over its exact body. Everything in them is
 * attacker-controlled: the key must be registered and unrevoked in the log, the member's role must be `allowed`, and
 * a signature is accepted once (`seen`), so a captured request cannot be sent again (null for reads, which change
 * nothing: the same read may be sent again within the minute, e.g. a page that fetches twice in one second).
 */
export function checkSignedRequest(state: MechanismState, request: SignedRequest, rule: RequestRule, seen: SeenSignatures | null): Result<RequestSigner> {
  const { headers, body } = request;
  const { purpose, allowed } = rule;
  const [key, at, sig] = [headers['truce-key'], headers['truce-at'], headers['truce-signature']].map((h) => (typeof h === 'string' ? h : undefined));
  const how = 'sign the request: headers Truce-Key, Truce-At and Truce-Signature (see docs/api.md, "Signed requests")';
  if (!key || !at || !sig) return refuse('unknown_key', `this endpoint needs a member's signature: ${how}`);
  const record = state.keys.get(key);
  if (!record) return refuse('unknown_key', 'Truce-Key is not a key registered in the log');
  if (record.revoked) return refuse('revoked_key', `Truce-Key was revoked at log index ${record.revoked.index}`);
  const member = state.members.get(record.member);
  if (!member || !allowed(member.role)) return refuse('forbidden', `${record.member} (${member?.role ?? 'no role'}) may not ${purpose}`);
  const when = Date.parse(at);
  if (at.length > 40 || !/^\d{4}-\d\d-\d\dT/.test(at) || !(Math.abs(when - Date.now()) <= REQUEST_SKEW_MS)) return refuse('clock_skew', 'Truce-At must be the current time (RFC 3339, within 1 minute)');
  const signature = fromBase64(sig);
  const publicKey = fromBase64(key);
  if (!signature || !publicKey || !verifyEd25519Node(publicKey, signedRequestMessage(purpose, at, sha256Hex(body)), signature)) {
    return refuse('bad_signature', `Truce-Signature does not verify for this body under Truce-Key (${how})`);
  }
  if (seen?.has(sig)) return refuse('replay', 'this signed request was already received; sign a new one');
  seen?.set(sig, true);
  return ok({ member: member.id, role: member.role, key });
}

/** Signatures accepted in the last two skew windows (older ones fail the clock check anyway). */
export type SeenSignatures = LRUCache<string, true>;
export const seenSignatures = (): SeenSignatures => new LRUCache<string, true>({ max: 200_000, ttl: 2 * REQUEST_SKEW_MS + 1000 });
