import assert from 'node:assert/strict';
import { createPublicKey, verify as nodeVerify, webcrypto } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { join } from 'node:path';
import { ed25519 } from '@noble/curves/ed25519.js';
import { verifyEd25519 } from '../../log/ed25519.js';
import { fromHex, utf8 } from '../../log/encoding.js';
import { agreesWithSharedRule, edgeCases, webCryptoVerifier } from './webcrypto-ed25519.js';
import { SHARED } from '../../../test/repo-paths.js';

const VECTORS = join(SHARED, 'vectors/ed25519/cctv-ed25519vectors.json');
const SPKI_PREFIX = fromHex('302a300506032b6570032100')!;

/** node:crypto's decision; a key it cannot import is a rejection. */
function nodeAccepts(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): boolean {
  try {
    return nodeVerify(null, message, createPublicKey({ key: Buffer.concat([SPKI_PREFIX, publicKey]), format: 'der', type: 'spki' }), signature);
  } catch {
    return false;
  }
}

describe('WebCrypto Ed25519, used only where it decides as the shared rule', () => {
  it('asks about inputs where engines disagree, each decided by the shared rule exactly as node:crypto decides it', () => {
    const cases = edgeCases();
    const decisions = cases.map(([k, m, s]) => verifyEd25519(k, m, s));
    assert.deepEqual(decisions, cases.map(([k, m, s]) => nodeAccepts(k, m, s)));
    // valid, other message, S + L, identity key (canonical / y = p + 1), identity R, R + torsion, mixed-order key, non-canonical R
    assert.deepEqual(decisions, [true, false, false, true, true, true, false, true, false]);
  });

  it('trusts node:crypto\'s WebCrypto, and refuses the cofactored (ZIP-215) and the strict (RFC 8032) rules', async () => {
    assert.equal(await agreesWithSharedRule(webCryptoVerifier(webcrypto.subtle as SubtleCrypto)), true);
    assert.equal(await agreesWithSharedRule(async (k, m, s) => ed25519.verify(s, m, k, { zip215: true })), false);
    assert.equal(await agreesWithSharedRule(async (k, m, s) => ed25519.verify(s, m, k, { zip215: false })), false);
    assert.equal(await agreesWithSharedRule(async () => { throw new Error('no Ed25519 here'); }), false);
  });

  it('decides every CCTV vector as the shared rule through WebCrypto\'s calls (here OpenSSL\'s; Chromium\'s in web-verify.test.ts)', async () => {
    const vectors = JSON.parse(readFileSync(VECTORS, 'utf8')) as { number: number; key: string; sig: string; msg: string }[];
    assert.equal(vectors.length, 914);
    const verify = webCryptoVerifier(webcrypto.subtle as SubtleCrypto);
    let accepted = 0;
    for (const v of vectors) {
      const [key, sig, msg] = [fromHex(v.key)!, fromHex(v.sig)!, utf8(v.msg)];
      const ours = await verify(key, msg, sig);
      assert.equal(ours, verifyEd25519(key, msg, sig), `vector ${v.number}`);
      if (ours) accepted++;
    }
    assert.equal(accepted, 208);
    assert.equal(await verify(new Uint8Array(31), utf8('x'), new Uint8Array(64)), false);
  });
});
