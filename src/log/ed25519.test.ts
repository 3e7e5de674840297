import assert from 'node:assert/strict';
import { type KeyObject, createPrivateKey, createPublicKey, sign as nodeSign, verify as nodeVerify } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { join } from 'node:path';
import fc from 'fast-check';
import { publicKeyFromSeed, signEd25519, verifyEd25519 } from './ed25519.js';
import { fromHex, toHex, utf8 } from './encoding.js';
import { SHARED } from '../../test/repo-paths.js';

// Edge cases: C2SP/CCTV ed25519vectors, copied to ../shared/vectors/ed25519 (914 cases; OpenSSL accepts 208).
const VECTORS = join(SHARED, 'vectors/ed25519/cctv-ed25519vectors.json');

const SPKI_PREFIX = fromHex('302a300506032b6570032100')!;
const PKCS8_PREFIX = fromHex('302e020100300506032b657004220420')!;

function nodePublicKey(raw: Uint8Array): KeyObject {
  return createPublicKey({ key: Buffer.concat([SPKI_PREFIX, raw]), format: 'der', type: 'spki' });
}
/** node:crypto's decision, the rule everyone follows; a key it cannot even import is a rejection. */
function nodeAccepts(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): boolean {
  try {
    return nodeVerify(null, message, nodePublicKey(publicKey), signature);
  } catch {
    return false;
  }
}

interface Vector { number: number; key: string; sig: string; msg: string; flags: string[] | null }

describe('Ed25519 (the node:crypto rule)', () => {
  it('decides every CCTV edge case exactly as node:crypto, accepting 208', () => {
    assert.ok(existsSync(VECTORS), `missing ${VECTORS} (see ../shared/vectors/README.md)`);
    const vectors = JSON.parse(readFileSync(VECTORS, 'utf8')) as Vector[];
    assert.equal(vectors.length, 914);
    // Twice: the second pass finds every repeated key in the verifier's table cache, and must decide alike.
    for (const pass of [1, 2]) {
      let accepted = 0;
      for (const v of vectors) {
        const key = fromHex(v.key)!;
        const sig = fromHex(v.sig)!;
        const msg = utf8(v.msg);
        const ours = verifyEd25519(key, msg, sig);
        assert.equal(ours, nodeAccepts(key, msg, sig), `pass ${pass}, vector ${v.number} (${(v.flags ?? []).join(', ')})`);
        if (ours) accepted++;
      }
      assert.equal(accepted, 208);
    }
  });

  it('rejects S + L (malleability), like node:crypto', () => {
    const seed = new Uint8Array(32).fill(7);
    const pub = publicKeyFromSeed(seed);
    const msg = utf8('truce');
    const sig = signEd25519(seed, msg);
    const L = 2n ** 252n + 27742317777372353535851937790883648493n;
    let s = 0n;
    for (let i = 63; i >= 32; i--) s = (s << 8n) | BigInt(sig[i]!);
    const bumped = sig.slice();
    let t = s + L;
    for (let i = 32; i < 64; i++, t >>= 8n) bumped[i] = Number(t & 0xffn);
    assert.ok(verifyEd25519(pub, msg, sig));
    assert.equal(nodeAccepts(pub, msg, bumped), false);
    assert.equal(verifyEd25519(pub, msg, bumped), false);
  });

  it('signs like node:crypto and agrees with it on random keys, messages and corruptions', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 32, maxLength: 32 }), fc.uint8Array({ maxLength: 200 }), fc.nat({ max: 64 * 8 - 1 }), (seed, msg, bit) => {
        const pub = publicKeyFromSeed(seed);
        const priv = createPrivateKey({ key: Buffer.concat([PKCS8_PREFIX, seed]), format: 'der', type: 'pkcs8' });
        assert.equal(toHex(pub), toHex(new Uint8Array(nodePublicKey(pub).export({ format: 'der', type: 'spki' }).subarray(12))));
        const sig = signEd25519(seed, msg);
        assert.equal(toHex(sig), toHex(new Uint8Array(nodeSign(null, msg, priv))));
        assert.ok(verifyEd25519(pub, msg, sig));
        const bad = sig.slice();
        bad[bit >> 3]! ^= 1 << (bit & 7);
        assert.equal(verifyEd25519(pub, msg, bad), nodeAccepts(pub, msg, bad));
        assert.equal(verifyEd25519(pub, msg, bad), false);
      }),
      { numRuns: 100 },
    );
  });

  it('returns false for wrong lengths instead of throwing', () => {
    const seed = new Uint8Array(32);
    const sig = signEd25519(seed, utf8('x'));
    const pub = publicKeyFromSeed(seed);
    assert.equal(verifyEd25519(pub.subarray(1), utf8('x'), sig), false);
    assert.equal(verifyEd25519(pub, utf8('x'), sig.subarray(1)), false);
    assert.equal(verifyEd25519(pub, utf8('x'), new Uint8Array(65)), false);
    assert.throws(() => signEd25519(new Uint8Array(31), utf8('x')), RangeError);
    assert.throws(() => publicKeyFromSeed(new Uint8Array(33)), RangeError);
  });
});
