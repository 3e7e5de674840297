import canonicalize from 'canonicalize';

/**
 * RFC 8785 (JCS) canonical JSON text of a value.
 * @example canonicalJson({ b: 1, a: [true, null] }) // '{"a":[true,null],"b":1}'
 */
export function canonicalJson(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) throw new TypeError('value has no JSON form');
  return text;
}

/** Whether every object in a parsed JSON value lists its keys in RFC 8785's order (UTF-16 code units, ascending). */
function keysInOrder(value: unknown, depth = 0): boolean {
  if (value === null || typeof value !== 'object') return true;
  // Deeper than any parsed statement may be (strict-json.ts): let the library decide.
  if (depth > 64) return false;
  if (Array.isArray(value)) {
    for (const item of value) if (!keysInOrder(item, depth + 1)) return false;
    return true;
  }
  let previous: string | null = null;
  for (const key in value) {
    if (!Object.prototype.hasOwnProperty.call(value, key)) return false;
    if (previous !== null && !(previous < key)) return false;
    previous = key;
    if (!keysInOrder((value as Record<string, unknown>)[key], depth + 1)) return false;
  }
  return true;
}

/**
 * Whether `text` is the RFC 8785 canonical form of `value`, a value parsed from it that strict-json.ts accepted (no
 * lone surrogate, which has no canonical form: the library throws): the same verdict as
 * `canonicalJson(value) === text`, at a fraction of the cost. When every object already lists its keys in canonical
 * order, the canonical text is what JSON.stringify writes (the library serializes numbers, strings and literals with
 * JSON.stringify itself and only sorts the keys), so the native serializer decides; otherwise (keys out of order, or
 * integer-like keys, which V8 lists first whatever the text said) the library does. On the append path this was a
 * quarter of the bytes the event loop allocated a statement (BENCHMARKS.md).
 * @example isCanonicalText(JSON.parse('{"a":1,"b":[2]}'), '{"a":1,"b":[2]}') // true
 */
export function isCanonicalText(value: unknown, text: string): boolean {
  if (keysInOrder(value)) return JSON.stringify(value) === text;
  return canonicalJson(value) === text;
}

const encoder = new TextEncoder();

/** UTF-8 bytes of the canonical JSON text. */
export function canonicalBytes(value: unknown): Uint8Array {
  return encoder.encode(canonicalJson(value));
}
