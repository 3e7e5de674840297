import secureJson from 'secure-json-parse';
import { type Result, ok, refuse } from './errors.js';

// Statements arrive from anyone and are stored as sent, so their JSON is parsed strictly, before any schema sees it:
//   - `__proto__` (and `constructor.prototype`) keys are refused at any depth by secure-json-parse (fastify's own
//     parser, maintained, and pure JS so the browser verifier runs it too): a schema that copies the object would
//     drop or reinterpret such a key, so the bytes stored and the object checked would differ;
//   - duplicate keys cannot pass: JSON.parse keeps the last one and RFC 8785 output never repeats a key, so the
//     byte-equality with the canonical form (statement.ts) refuses them;
//   - every string (keys too) must be well-formed UTF-16 (no lone surrogate) and free of the control characters
//     PostgreSQL text refuses (NUL) or that have no business in a record (C0 controls other than tab, LF, CR);
//   - numbers must be finite (`1e400` parses to Infinity, which has no JSON form);
//   - nesting is bounded, so no recursive code downstream (canonicalisation, schemas) can run out of stack.

/** Deepest nesting of objects and arrays a statement may have (bodies use fewer than 10 levels). */
export const MAX_JSON_DEPTH = 32;

// Tab, LF and CR are allowed in text; every other C0 control character, and DEL, is refused.
// eslint-disable-next-line no-control-regex
const FORBIDDEN_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

// A high surrogate not followed by a low one, or a low one not preceded by a high one (String#isWellFormed is ES2024).
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why a string may not be stored, or null if it may. */
export function stringProblem(s: string): string | null {
  if (LONE_SURROGATE.test(s)) return 'holds a lone UTF-16 surrogate (not Unicode text)';
  const bad = FORBIDDEN_CONTROL.exec(s);
  if (bad) return `holds the control character U+${bad[0].charCodeAt(0).toString(16).padStart(4, '0').toUpperCase()}`;
  return null;
}

/**
 * Parse JSON text that came from outside, refusing what the record must never hold (see above).
 * @example parseStrictJson('{"a":{"__proto__":{}}}') // { ok: false, code: 'bad_request', ... }
 */
export function parseStrictJson(text: string): Result<unknown> {
  let value: unknown;
  try {
    value = secureJson.parse(text, undefined, { protoAction: 'error', constructorAction: 'error' });
  } catch (e) {
    return refuse('bad_request', `not acceptable JSON: ${(e as Error).message}`);
  }
  const problem = valueProblem(value);
  return problem ? refuse('bad_request', problem) : ok(value);
}

/**
 * The first reason a parsed JSON value may not be stored (path named), or null. The recursion stops at
 * MAX_JSON_DEPTH, so it is bounded here; the path is spelled only for the value refused (this runs on every
 * statement appended).
 */
export function valueProblem(root: unknown): string | null {
  const path: (string | number)[] = [];
  const problem = problemIn(root, 0, path);
  if (problem === null) return null;
  const where = path.map((step) => (typeof step === 'number' ? `[${step}]` : `.${step}`)).join('') || '(root)';
  return problem.replace('{where}', where);
}

/** What is wrong at `value` or below it, with `{where}` for its path, which `path` then holds; or null. */
function problemIn(value: unknown, depth: number, path: (string | number)[]): string | null {
  if (typeof value === 'string') {
    const p = stringProblem(value);
    return p ? `the string at {where} ${p}` : null;
  }
  if (typeof value === 'number') return Number.isFinite(value) ? null : 'the number at {where} is out of range';
  if (value === null || typeof value !== 'object') return null;
  if (depth >= MAX_JSON_DEPTH) return `nesting deeper than ${MAX_JSON_DEPTH} levels at {where}`;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const p = problemIn(value[i], depth + 1, path);
      if (p) {
        path.unshift(i);
        return p;
      }
    }
    return null;
  }
  for (const key of Object.keys(value)) {
    const k = stringProblem(key);
    if (k) return `a key at {where} ${k}`;
    const p = problemIn((value as Record<string, unknown>)[key], depth + 1, path);
    if (p) {
      path.unshift(key);
      return p;
    }
  }
  return null;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * The path of the first key of `raw` that a schema's output `parsed` no longer has (a zod object strips keys it does
 * not know), or null. A signed body with keys the schema ignores would be stored and served but never checked, so
 * unknown keys are refused at any depth rather than silently carried.
 * @example droppedKey({ a: 1, x: 2 }, { a: 1 }) // '.x'
 */
export function droppedKey(raw: unknown, parsed: unknown, path = ''): string | null {
  if (isPlainObject(raw) && isPlainObject(parsed)) {
    for (const key of Object.keys(raw)) {
      if (!Object.prototype.hasOwnProperty.call(parsed, key)) return `${path}.${key}`;
      const inner = droppedKey(raw[key], parsed[key], `${path}.${key}`);
      if (inner) return inner;
    }
  } else if (Array.isArray(raw) && Array.isArray(parsed) && raw.length === parsed.length) {
    for (let i = 0; i < raw.length; i++) {
      const inner = droppedKey(raw[i], parsed[i], `${path}[${i}]`);
      if (inner) return inner;
    }
  }
  return null;
}
