// Byte helpers shared by the log module: hex, strict base64, UTF-8 and comparisons.
// No dependencies, no node:* (the browser runs this code too).
// Decoders are strict on purpose: every base64 and hex string they see (checkpoints, notes, tiles, receipts,
// proofs) may come from a hostile server or file, and the log accepts exactly one spelling of each value.

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B64_INDEX = new Int16Array(128).fill(-1);
const B64_CODES = new TextEncoder().encode(B64);
const PAD = '='.charCodeAt(0);
const asciiDecoder = new TextDecoder();

/**
 * ASCII character codes as one flat string. toBase64 and toHex write codes and decode them once: built with `+=`
 * the text is a rope of small strings (V8 cons strings, ~32 bytes each) that a kept result keeps whole, e.g. ~2 KB
 * for a statement id held in every LogRef, ~1.7 KB of each replayed key.add's state (server and browser verifier).
 */
const ascii = (codes: Uint8Array): string => asciiDecoder.decode(codes);
for (let i = 0; i < B64.length; i++) B64_INDEX[B64.charCodeAt(i)] = i;

/**
 * Standard base64 (RFC 4648 §4) with padding.
 * @example toBase64(new Uint8Array([1, 2, 3])) // "AQID"
 */
export function toBase64(bytes: Uint8Array): string {
  const out = new Uint8Array(Math.ceil(bytes.length / 3) * 4);
  let i = 0;
  let o = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out[o++] = B64_CODES[n >>> 18]!;
    out[o++] = B64_CODES[(n >>> 12) & 63]!;
    out[o++] = B64_CODES[(n >>> 6) & 63]!;
    out[o++] = B64_CODES[n & 63]!;
  }
  const rest = bytes.length - i;
  if (rest > 0) {
    const n = (bytes[i]! << 16) | (rest === 2 ? bytes[i + 1]! << 8 : 0);
    out[o++] = B64_CODES[n >>> 18]!;
    out[o++] = B64_CODES[(n >>> 12) & 63]!;
    out[o++] = rest === 2 ? B64_CODES[(n >>> 6) & 63]! : PAD;
    out[o] = PAD;
  }
  return ascii(out);
}

/**
 * Strict standard base64: padding required, no whitespace, no URL alphabet, and the unused bits of the last
 * character must be zero (so each byte string has exactly one accepted spelling). Returns null when invalid.
 * @example fromBase64("AQID") // Uint8Array [1, 2, 3]; fromBase64("AQI") // null
 */
export function fromBase64(text: string): Uint8Array | null {
  if (text.length % 4 !== 0) return null;
  let pad = 0;
  if (text.endsWith('==')) pad = 2;
  else if (text.endsWith('=')) pad = 1;
  const out = new Uint8Array((text.length / 4) * 3 - pad);
  // Every statement's key and signature are decoded here twice (envelope schema, then the sequencer): nothing is
  // allocated per group of four characters (an array each was ~2.4 KB of garbage a statement).
  const full = pad > 0 ? text.length - 4 : text.length;
  let o = 0;
  for (let i = 0; i < full; i += 4) {
    const a = sextet(text, i);
    const b = sextet(text, i + 1);
    const c = sextet(text, i + 2);
    const d = sextet(text, i + 3);
    if ((a | b | c | d) < 0) return null;
    const n = (a << 18) | (b << 12) | (c << 6) | d;
    out[o++] = n >>> 16;
    out[o++] = (n >>> 8) & 0xff;
    out[o++] = n & 0xff;
  }
  if (pad > 0) {
    // The last group: "xx==" or "xxx=", the bits after the last byte zero, so each byte string has one spelling.
    const a = sextet(text, full);
    const b = sextet(text, full + 1);
    const c = pad === 2 ? (text.charCodeAt(full + 2) === PAD ? 0 : -1) : sextet(text, full + 2);
    if ((a | b | c) < 0 || text.charCodeAt(full + 3) !== PAD) return null;
    const n = (a << 18) | (b << 12) | (c << 6);
    if ((n & (pad === 2 ? 0xffff : 0xff)) !== 0) return null;
    out[o++] = n >>> 16;
    if (pad === 1) out[o] = (n >>> 8) & 0xff;
  }
  return out;
}

/** The 6-bit value of the base64 character at `i`, or -1. */
function sextet(text: string, i: number): number {
  const code = text.charCodeAt(i);
  return code < 128 ? B64_INDEX[code]! : -1;
}

const HEX_CODES = new TextEncoder().encode('0123456789abcdef');

/**
 * Lower-case hex.
 * @example toHex(new Uint8Array([0xab, 1])) // "ab01"
 */
export function toHex(bytes: Uint8Array): string {
  const out = new Uint8Array(bytes.length * 2);
  for (let i = 0; i < bytes.length; i++) {
    out[2 * i] = HEX_CODES[bytes[i]! >>> 4]!;
    out[2 * i + 1] = HEX_CODES[bytes[i]! & 15]!;
  }
  return ascii(out);
}

/**
 * Hex (either case) to bytes; null on odd length or a non-hex character.
 * @example fromHex("ab01") // Uint8Array [171, 1]
 */
export function fromHex(text: string): Uint8Array | null {
  if (text.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(text)) return null;
  const out = new Uint8Array(text.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(text.slice(2 * i, 2 * i + 2), 16);
  return out;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * UTF-8 bytes of a string.
 * @example utf8("—") // Uint8Array [0xe2, 0x80, 0x94]
 */
export function utf8(text: string): Uint8Array {
  return encoder.encode(text);
}

/**
 * Decodes UTF-8, returning null on invalid input (no replacement characters, a leading BOM is kept as text).
 * @example fromUtf8(new Uint8Array([0xff])) // null
 */
export function fromUtf8(bytes: Uint8Array): string | null {
  try {
    return decoder.decode(bytes);
  } catch {
    return null;
  }
}

/**
 * True when a JS string has no lone surrogate, i.e. it round-trips through UTF-8 unchanged.
 * @example isWellFormedText("\ud800") // false
 */
export function isWellFormedText(text: string): boolean {
  return !/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(text);
}

/**
 * Byte equality (variable time: every value compared in this module is public).
 * @example bytesEqual(new Uint8Array([1]), new Uint8Array([1])) // true
 */
export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Concatenates byte arrays into a new one.
 * @example concatBytes(new Uint8Array([1]), new Uint8Array([2, 3])) // Uint8Array [1, 2, 3]
 */
export function concatBytes(...parts: readonly Uint8Array[]): Uint8Array {
  let length = 0;
  for (const p of parts) length += p.length;
  const out = new Uint8Array(length);
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}
