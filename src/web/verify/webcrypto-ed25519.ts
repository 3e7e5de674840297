// Ed25519 through the browser's own WebCrypto, used by the verifier only where it decides exactly as the shared rule
// (src/log/ed25519.ts: node:crypto's). Chromium's (BoringSSL) decides all 914 CCTV edge-case vectors as node:crypto
// does (test/e2e/web-verify.test.ts runs them through this file in Chromium), and is ~10x faster than the JavaScript
// code. Other engines may differ on edge cases, so before any use the engine is asked about one input of each class
// where implementations are known to disagree, built here with the shared code, which gives the expected answer:
// a malleable S + L, a small-order key (canonical and not), a mixed-order key, an R with a small-order component,
// an identity R, a non-canonical R. One different answer and the verifier stays with the JavaScript code.
import { ed25519 } from '@noble/curves/ed25519.js';
import { sha512 } from '@noble/hashes/sha2.js';
import { type Ed25519Verify, verifyEd25519 } from '../../log/ed25519.js';
import { concatBytes, utf8 } from '../../log/encoding.js';

/** An Ed25519 verifier that may answer later. */
export type Ed25519VerifyAsync = (publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array) => Promise<boolean>;

const ALGORITHM = { name: 'Ed25519' } as const;
const MAX_KEYS = 256;

/** WebCrypto's verify with the shared rule's input handling: wrong lengths, a key it cannot import, or an error are a rejection. */
export function webCryptoVerifier(subtle: SubtleCrypto): Ed25519VerifyAsync {
  const keys = new Map<string, Promise<CryptoKey | null>>();
  return async (publicKey, message, signature) => {
    if (publicKey.length !== 32 || signature.length !== 64) return false;
    const id = String.fromCharCode(...publicKey);
    let key = keys.get(id);
    if (key === undefined) {
      if (keys.size >= MAX_KEYS) keys.clear();
      key = subtle.importKey('raw', publicKey.slice(), ALGORITHM, false, ['verify']).catch(() => null);
      keys.set(id, key);
    }
    const imported = await key;
    if (imported === null) return false;
    try {
      return await subtle.verify(ALGORITHM, imported, signature.slice(), message.slice());
    } catch {
      return false;
    }
  };
}

const Point = ed25519.Point;
const L = Point.Fn.ORDER;
const P = 2n ** 255n - 19n;

function le(n: bigint, length = 32): Uint8Array {
  const out = new Uint8Array(length);
  for (let i = 0; i < length; i++, n >>= 8n) out[i] = Number(n & 0xffn);
  return out;
}
const scalarOf = (bytes: Uint8Array) => bytes.reduceRight((n, b) => (n << 8n) | BigInt(b), 0n);
const challenge = (r: Uint8Array, a: Uint8Array, m: Uint8Array) => scalarOf(sha512(concatBytes(r, a, m))) % L;

/** A point of order 8 (the torsion that cofactored verifiers ignore). */
function orderEight(): ReturnType<typeof Point.fromBytes> {
  for (let y = 2n; ; y++) {
    let point;
    try {
      point = Point.fromBytes(le(y), true);
    } catch {
      continue;
    }
    const torsion = point.multiplyUnsafe(L - 1n).add(point); // [L]P: P's small-order part
    if (!torsion.multiplyUnsafe(4n).is0()) return torsion;
  }
}

/**
 * Inputs on which Ed25519 implementations are known to disagree, with a plain valid and invalid one, each as
 * [publicKey, message, signature]. The expected answers are the shared rule's (verifyEd25519's).
 */
export function edgeCases(): [Uint8Array, Uint8Array, Uint8Array][] {
  const cases: [Uint8Array, Uint8Array, Uint8Array][] = [];
  const message = utf8('truce: does this engine decide as node:crypto does?');
  const a = 0x1234_5678_9abc_def0_1357_9bdf_2468_ace0_1122_3344_5566_7788n % L;
  const A = Point.BASE.multiply(a);
  const sign = (key: Uint8Array, scalar: bigint, m: Uint8Array, r = 0x42n) => {
    const R = Point.BASE.multiply(r).toBytes();
    return concatBytes(R, le((r + challenge(R, key, m) * scalar) % L));
  };
  const valid = sign(A.toBytes(), a, message);
  cases.push([A.toBytes(), message, valid]);
  cases.push([A.toBytes(), utf8('another message'), valid]);
  // S + L: the same signature, malleated.
  cases.push([A.toBytes(), message, concatBytes(valid.subarray(0, 32), le(scalarOf(valid.subarray(32)) + L))]);
  // The identity as the key, canonical and with y = p + 1; S = 0, so [S]B - [k]A is the identity: R is its encoding.
  const identity = Point.ZERO.toBytes();
  for (const key of [identity, le(P + 1n)]) cases.push([key, message, concatBytes(identity, new Uint8Array(32))]);
  // An identity R from a real key: S = k·a makes [S]B - [k]A the identity.
  const k = challenge(identity, A.toBytes(), message);
  cases.push([A.toBytes(), message, concatBytes(identity, le((k * a) % L))]);
  const T = orderEight();
  // R with a small-order component: valid for a cofactored verifier only.
  cases.push([A.toBytes(), message, concatBytes(Point.fromBytes(valid.subarray(0, 32)).add(T).toBytes(), valid.subarray(32))]);
  // A mixed-order key (A + T) with a message whose k is a multiple of 8, so [k]T vanishes: valid cofactorless.
  const mixed = A.add(T).toBytes();
  for (let n = 0; ; n++) {
    const m = utf8(`truce mixed-order key ${n}`);
    const R = Point.BASE.multiply(0x42n).toBytes();
    if (challenge(R, mixed, m) % 8n !== 0n) continue;
    cases.push([mixed, m, sign(mixed, a, m)]);
    break;
  }
  // A non-canonical R (y = p + 1 for the identity) where the canonical one verifies.
  cases.push([identity, message, concatBytes(le(P + 1n), new Uint8Array(32))]);
  return cases;
}

/** Whether `verify` decides every edge case as the shared rule does (false if it cannot run at all). */
export async function agreesWithSharedRule(verify: Ed25519VerifyAsync, rule: Ed25519Verify = verifyEd25519): Promise<boolean> {
  try {
    for (const [key, message, signature] of edgeCases()) {
      if ((await verify(key, message, signature)) !== rule(key, message, signature)) return false;
    }
    return true;
  } catch {
    return false;
  }
}

/** This context's WebCrypto Ed25519 if it agrees with the shared rule, else null. */
export async function trustedWebCrypto(): Promise<Ed25519VerifyAsync | null> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) return null;
  const verify = webCryptoVerifier(subtle);
  return (await agreesWithSharedRule(verify)) ? verify : null;
}
