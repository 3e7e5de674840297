// The body of POST /v1/statements/batch cut into each statement's exact bytes, without parsing the statements: each
// is then checked exactly as if it came alone (its bytes are what is signed and logged, so nothing is re-serialized).
import { TruceError } from '../domain/errors.js';

/** At most this many statements in one batch request: one commit carries them, and the answer lists each. */
export const MAX_BATCH_STATEMENTS = 1000;
/** At most this many bytes in one batch request (a statement alone is at most 64 KiB). */
export const MAX_BATCH_BYTES = 4 * 1024 * 1024;

const NEWLINE = 0x0a;
const CR = 0x0d;
const isSpace = (b: number | undefined): boolean => b === 0x20 || b === 0x09 || b === NEWLINE || b === CR;

function checkCount(count: number): void {
  if (count > MAX_BATCH_STATEMENTS) throw new TruceError('too_large', `a batch holds at most ${MAX_BATCH_STATEMENTS} statements; this one holds more`);
}

/**
 * NDJSON: one statement per line (canonical JSON has no raw newline; a trailing CR is dropped); empty lines are
 * skipped.
 * @example ndjsonItems(Buffer.from('{"a":1}\n{"b":2}\n')).length // 2
 */
export function ndjsonItems(body: Uint8Array): Uint8Array[] {
  const items: Uint8Array[] = [];
  let start = 0;
  while (start < body.length) {
    let end = body.indexOf(NEWLINE, start);
    if (end < 0) end = body.length;
    const stop = end > start && body[end - 1] === CR ? end - 1 : end;
    if (stop > start) {
      items.push(body.subarray(start, stop));
      checkCount(items.length);
    }
    start = end + 1;
  }
  return items;
}

/**
 * A JSON array of statements: each element's exact bytes (whitespace around it dropped). Only the array's structure
 * is read here (strings, nesting); an element that is not a valid statement is refused on its own later. A body
 * that is not an array at all is refused whole.
 * @example jsonArrayItems(Buffer.from('[{"a":1}, {"b":[2]}]')).map((b) => Buffer.from(b).toString()) // ['{"a":1}', '{"b":[2]}']
 */
export function jsonArrayItems(body: Uint8Array): Uint8Array[] {
  const bad = (why: string) => new TruceError('bad_request', `a batch sent as application/json is a JSON array of statements: ${why}`);
  let i = 0;
  while (isSpace(body[i])) i++;
  if (body[i] !== 0x5b) throw bad('it does not start with [');
  i++;
  const items: Uint8Array[] = [];
  let depth = 0;
  let start = -1;
  let inString = false;
  let closed = false;
  for (; i < body.length && !closed; i++) {
    const b = body[i]!;
    if (inString) {
      if (b === 0x5c) i++; // backslash: skip the escaped byte
      else if (b === 0x22) inString = false;
      continue;
    }
    if (start < 0 && !isSpace(b) && !(b === 0x5d && depth === 0 && items.length === 0)) {
      if (b === 0x2c || b === 0x5d) throw bad(`an element is missing at byte ${i}`);
      start = i;
    }
    if (b === 0x22) inString = true;
    else if (b === 0x7b || b === 0x5b) depth++;
    else if ((b === 0x7d || b === 0x5d) && depth > 0) depth--;
    else if (depth === 0 && (b === 0x2c || b === 0x5d)) {
      if (start >= 0) {
        let end = i;
        while (isSpace(body[end - 1])) end--;
        items.push(body.subarray(start, end));
        checkCount(items.length);
      }
      start = -1;
      closed = b === 0x5d;
    }
  }
  if (!closed) throw bad('the array is not closed');
  while (isSpace(body[i])) i++;
  if (i < body.length) throw bad(`there is more after the array, at byte ${i}`);
  return items;
}
