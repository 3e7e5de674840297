import { z } from 'zod';
import { sha256 } from '@noble/hashes/sha2.js';
import { canonicalBytes } from '../jcs.js';
import { toHex } from '../encoding.js';

// Body fields shared by the agreement, meeting, investigation, finding and commitment records. Every body is
// attacker-controlled (any member may sign anything its role allows), so every string and list is bounded.

/** Lower-case hex SHA-256: a content hash (agreement version, finding, joint statement) or an evidence blob's address. */
export const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'must be a lower-case hex SHA-256 (64 characters)');

/** RFC 3339 UTC with seconds, e.g. 2025-10-15T18:00:00Z. */
export const utcTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z$/, 'must be RFC 3339 UTC, e.g. 2025-10-15T18:00:00Z')
  .refine((t) => !Number.isNaN(Date.parse(t)), 'is not a real date');

/** A calendar date (YYYY-MM-DD, read as UTC midnight) or an RFC 3339 UTC time. */
export const dateOrTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z)?$/, 'must be YYYY-MM-DD or RFC 3339 UTC')
  .refine((t) => !Number.isNaN(Date.parse(t)), 'is not a real date');

/** Ids chosen by a signer (agreement id, clause id): short, no spaces, so they read well in URLs and CSV. */
export const slug = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'ids are 1-64 of A-Z a-z 0-9 . _ -');

/** A side of the conflict as party members carry it (Member.side), e.g. "pk". */
export const side = z.string().min(1).max(64);

/** A record created by a statement is named by that statement's id: the hex of its leaf hash. */
export const recordId = sha256Hex;

// Text is kept exactly as signed (no trimming: a projection must not differ from the signed bytes, and content hashes
// are over the body as it is in the log); a value that is only whitespace is refused.
const notBlank = (s: string) => /\S/.test(s);
export const line = (max = 300) => z.string().max(max).refine(notBlank, 'must not be empty');
export const text = (max = 20000) => z.string().max(max).refine(notBlank, 'must not be empty');

/** A list with no repeated item; `what` names the items in the refusal. */
export function uniqueList<T extends z.ZodType>(item: T, what: string, max = 100) {
  return z
    .array(item)
    .max(max)
    .refine((xs) => new Set(xs.map((x) => JSON.stringify(x))).size === xs.length, `${what} must not repeat`);
}

/**
 * SHA-256 (hex) of the RFC 8785 canonical JSON of a value: the hash a signature over a record's content covers.
 * @example contentHash({ b: 1, a: 2 }) === contentHash({ a: 2, b: 1 }) // true
 */
export function contentHash(value: unknown): string {
  return toHex(sha256(canonicalBytes(value)));
}

/** SHA-256 (hex) of a text's UTF-8 bytes, e.g. a joint statement's text. */
export function textHash(value: string): string {
  return toHex(sha256(new TextEncoder().encode(value)));
}

/** Milliseconds since the epoch of a YYYY-MM-DD or RFC 3339 value (the schemas above already checked it parses). */
export const ms = (t: string): number => Date.parse(t);
