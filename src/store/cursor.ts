// Opaque keyset cursors. A cursor comes back from the client, so it is attacker-controlled: it is decoded strictly,
// bounded in size, and its values are only ever bound as parameters.
import { TruceError } from '../domain/errors.js';

const MAX_CURSOR_CHARS = 512;

/**
 * Encode the sort key of the last item of a page.
 * @example encodeCursor(['2025-10-12', 42]) // 'WyIyMDI1LTEwLTEyIiw0Ml0'
 */
export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

/**
 * Decode a cursor made by encodeCursor and check each part against a pattern; throws TruceError('bad_request')
 * on anything else.
 * @example decodeCursor('WyIyMDI1LTEwLTEyIiw0Ml0', [isDate, isIndex]) // ['2025-10-12', 42]
 */
export function decodeCursor(cursor: string, shape: readonly ((value: unknown) => boolean)[]): (string | number)[] {
  const bad = () => new TruceError('bad_request', 'the cursor is not one this server issued');
  if (cursor.length > MAX_CURSOR_CHARS || !/^[A-Za-z0-9_-]+$/.test(cursor)) throw bad();
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw bad();
  }
  if (!Array.isArray(parsed) || parsed.length !== shape.length || !shape.every((ok, i) => ok(parsed[i]))) throw bad();
  return parsed as (string | number)[];
}

/** A calendar date YYYY-MM-DD that exists. @example isDate('2025-02-30') // false */
export function isDate(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

/** @example isIndex(42) // true */
export const isIndex = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;

/** A timestamp as this store writes it in cursors (microseconds, UTC). @example isTimestamp('2025-10-13T08:00:00.000000Z') // true */
export const isTimestamp = (value: unknown): value is string =>
  typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/.test(value);

/** @example isShortText('cand-1') // true */
export const isShortText = (value: unknown): value is string => typeof value === 'string' && value.length <= 256;
