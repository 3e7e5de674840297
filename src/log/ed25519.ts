// Ed25519 with ONE acceptance rule for the server, the CLI and the browser: exactly what node:crypto (OpenSSL 3)
// accepts, pinned by the 914 C2SP/CCTV edge-case vectors (OpenSSL accepts 208 of them). Implementations of
// Ed25519 disagree on edge cases (non-canonical encodings, small-order keys, cofactored or not); if the server
// and a party's verifier disagreed, a statement could be valid for one and invalid for the other.
//
// The rule, worked out against node:crypto on the vectors and OpenSSL's ossl_ed25519_verify:
//   1. signature is 64 bytes R ‖ S, key 32 bytes;
//   2. S, little-endian, must be < L (the group order): no malleable S + L;
//   3. A is decoded leniently: the y coordinate may be non-canonical (>= p, reduced mod p) and x = 0 with the
//      sign bit set is accepted (as x = 0); only a y with no matching x on the curve is rejected;
//   4. small-order and mixed-order keys are NOT rejected;
//   5. R is never decoded: k = SHA-512(R ‖ A-as-given ‖ M) mod L, R' = [S]B - [k]A, and the canonical encoding
//      of R' must equal the 32 bytes of R (cofactorless; a non-canonical R can never match).
// The noble defaults differ (ZIP-215, cofactored: accepts 826), so the check is written out here.
import { ed25519 } from '@noble/curves/ed25519.js';
import { sha512 } from '@noble/hashes/sha2.js';
import { bytesEqual, concatBytes } from './encoding.js';

/** A verifier with the shared rule. node:crypto's `verify(null, msg, key, sig)` can be injected where faster. */
export type Ed25519Verify = (publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array) => boolean;

/** Signs a message with a key held elsewhere (node:crypto, WebCrypto, or a seed in memory). */
export type Ed25519Sign = (message: Uint8Array) => Uint8Array | Promise<Uint8Array>;

const Point = ed25519.Point;
const L = Point.Fn.ORDER;

function littleEndian(bytes: Uint8Array): bigint {
  let n = 0n;
  for (let i = bytes.length - 1; i >= 0; i--) n = (n << 8n) | BigInt(bytes[i]!);
  return n;
}

/**
 * -A for keys seen more than once, with a wNAF table for it: a log is signed by few keys many times each, and
 * [k](-A) from a table is ~3x faster than from the bare point (the browser's verifier spends its time here). A key is
 * tabled on its second use (a table costs ~20 ms; a key that signs once, such as a new key's proof, never pays it),
 * and the cache is bounded (cleared when full: a log with more keys than this only loses the speed-up).
 */
const MAX_TABLED_KEYS = 64;
const TABLE_WINDOW = 6;
const seenKeys = new Map<string, number>();
const tabledKeys = new Map<string, ReturnType<typeof Point.fromBytes>>();

function negatedKey(publicKey: Uint8Array): ReturnType<typeof Point.fromBytes> {
  const id = String.fromCharCode(...publicKey);
  const tabled = tabledKeys.get(id);
  if (tabled) return tabled;
  const negated = Point.fromBytes(publicKey, true).negate(); // lenient decoding of A, like OpenSSL's ge_frombytes_vartime
  const uses = (seenKeys.get(id) ?? 0) + 1;
  if (uses < 2) {
    if (seenKeys.size >= 4 * MAX_TABLED_KEYS) seenKeys.clear();
    seenKeys.set(id, uses);
    return negated;
  }
  if (tabledKeys.size >= MAX_TABLED_KEYS) tabledKeys.clear();
  negated.precompute(TABLE_WINDOW, false);
  tabledKeys.set(id, negated);
  seenKeys.delete(id);
  return negated;
}

/**
 * Verifies an Ed25519 signature with exactly node:crypto's (OpenSSL's) rule. Never throws on bad input.
 * @example verifyEd25519(publicKey, utf8("hello"), signature) // true or false
 */
export const verifyEd25519: Ed25519Verify = (publicKey, message, signature) => {
  if (publicKey.length !== 32 || signature.length !== 64) return false;
  const r = signature.subarray(0, 32);
  const s = littleEndian(signature.subarray(32));
  if (s >= L) return false;
  let minusA;
  try {
    minusA = negatedKey(publicKey);
  } catch {
    return false;
  }
  const k = littleEndian(sha512(concatBytes(r, publicKey, message))) % L;
  // [S]B + [k](-A) is [S]B - [k]A: the same point, so the same canonical encoding to compare with R.
  const expected = Point.BASE.multiplyUnsafe(s).add(minusA.multiplyUnsafe(k));
  return bytesEqual(expected.toBytes(), r);
};

let native: Ed25519Verify | null = null;

/**
 * A Node process hands node:crypto's verify in (services/node-ed25519.ts): the same acceptance rule, pinned by the
 * vectors, and some fifty times faster than the code above, which stays the browser's. Replaying admissions (each a
 * proof of possession and consents) was most of `truce report`'s and `truce verify`'s time on a small log.
 */
export function useNativeEd25519(verify: Ed25519Verify): void {
  native = verify;
}

/** The verifier to use where none is passed in: node:crypto's once handed in, else the rule written out above. */
export const verifyEd25519Fast: Ed25519Verify = (publicKey, message, signature) => (native ?? verifyEd25519)(publicKey, message, signature);

/**
 * Signs with a 32-byte seed (RFC 8032, deterministic). For tests, the CLI and the browser demo; the server
 * may sign with node:crypto instead (same bytes).
 * @example signEd25519(seed, utf8("hello")) // 64-byte signature
 */
export function signEd25519(seed: Uint8Array, message: Uint8Array): Uint8Array {
  if (seed.length !== 32) throw new RangeError('signEd25519: the seed is 32 bytes');
  return ed25519.sign(message, seed);
}

/**
 * The 32-byte public key of a 32-byte seed.
 * @example publicKeyFromSeed(new Uint8Array(32)) // 3b6a27bc...
 */
export function publicKeyFromSeed(seed: Uint8Array): Uint8Array {
  if (seed.length !== 32) throw new RangeError('publicKeyFromSeed: the seed is 32 bytes');
  return ed25519.getPublicKey(seed);
}
