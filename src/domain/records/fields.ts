import { z } from 'zod';
import { sha256 } from '@noble/hashes/sha2.js';
import { canonicalBytes } from '../jcs.js';
import { toHex } from '../encoding.js';
import { stringProblem } from '../strict-json.js';

// Body fields shared by the agreement, meeting, investigation, finding and commitment records. Every body is
// attacker-controlled (any member may sign anything its role allows), so every string and list is bounded.

/** Lower-case hex SHA-256: a content hash (agreement version, finding, joint statement) or an evidence blob's address. */
export const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'must be a lower-case hex SHA-256 (64 characters)');

// Times and dates. zod's ISO checks know the calendar (2025-02-30 and 2026-11-31 are refused, 2024-02-29 is not),
// unlike Date.parse, which rolls an impossible day over into the next month. Years are 0001-9999: PostgreSQL refuses
// year 0000, and an instant outside those years has no four-digit RFC 3339 form. Every time and date a body carries
// goes through one of these, so nothing the database would refuse reaches the sequencer.

/** The year of a date or date-time string, and of its UTC instant, lies in 0001-9999. */
const yearsInRange = (t: string): boolean => {
  if (t.startsWith('0000') || /\.\d{10}/.test(t)) return false; // at most nanoseconds, as RFC 3339 writers do
  const instant = Date.parse(t.length === 10 ? `${t}T00:00:00Z` : t);
  const year = new Date(instant).getUTCFullYear();
  return Number.isFinite(instant) && year >= 1 && year <= 9999;
};
const YEARS = 'must be a real date in the years 0001-9999';

/** RFC 3339 UTC with seconds, e.g. 2025-10-15T18:00:00Z. */
export const utcTime = z.iso.datetime({ message: 'must be a real RFC 3339 UTC time, e.g. 2025-10-15T18:00:00Z' }).refine(yearsInRange, YEARS);

/** A calendar date, YYYY-MM-DD, that exists. */
export const calendarDate = z.iso.date({ message: 'must be a real date, YYYY-MM-DD' }).refine(yearsInRange, YEARS);

/** RFC 3339 with an offset (Z or the place's own, e.g. +05:00); seconds may be omitted. */
export const offsetTime = z
  .union([z.iso.datetime({ offset: true }), z.iso.datetime({ offset: true, precision: -1 })], { message: 'must be a real RFC 3339 time with the local UTC offset, e.g. 2025-10-11T18:00:00+05:00' })
  .refine(yearsInRange, YEARS);

/** A calendar date (YYYY-MM-DD, read as UTC midnight) or an RFC 3339 UTC time. */
export const dateOrTime = z.union([calendarDate, utcTime], { message: 'must be a real YYYY-MM-DD date or RFC 3339 UTC time' });

/** A calendar date or an RFC 3339 time with an offset (e.g. when a source was published). */
export const dateOrOffsetTime = z.union([calendarDate, offsetTime], { message: 'must be a real YYYY-MM-DD date or RFC 3339 time' });

/** Ids chosen by a signer (agreement id, clause id): short, no spaces, so they read well in URLs and CSV. */
export const slug = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'ids are 1-64 of A-Z a-z 0-9 . _ -');

/** A side of the conflict as party members carry it (Member.side), e.g. "pk". */
export const side = z.string().min(1).max(64);

/** A record created by a statement is named by that statement's id: the hex of its leaf hash. */
export const recordId = sha256Hex;

// Text is kept exactly as signed (no trimming: a projection must not differ from the signed bytes, and content hashes
// are over the body as it is in the log); a value that is only whitespace is refused.
// Text is also free of NUL (PostgreSQL text refuses it), other control characters and lone surrogates (strict-json.ts
// refuses them in any string of a statement; the schemas say so too, for bodies checked on their own).
const notBlank = (s: string) => /\S/.test(s);
const printable = (s: string) => stringProblem(s) === null;
const PRINTABLE = 'must be Unicode text without control characters other than tab and newlines';
/**
 * Text taken in as found (article HTML, a feed): any characters a page may hold, except what PostgreSQL refuses (NUL)
 * and what is not Unicode (a lone surrogate).
 */
export const storableString = (max: number) =>
  z
    .string()
    .max(max)
    .refine((s) => !s.includes('\u0000') && !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s), 'must be Unicode text without NUL');
export const plainString = (max: number) => z.string().max(max).refine(printable, PRINTABLE);
export const line = (max = 300) => plainString(max).refine(notBlank, 'must not be empty');
export const text = (max = 20000) => plainString(max).refine(notBlank, 'must not be empty');

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
