import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { chunkedVerify, createVerifierPool, inlineVerifier } from './verify-pool.js';
import { generateKeyPair } from './node-ed25519.js';
import type { VerifyJob } from './sequencer.js';

describe('the verifier pool verifies a batch in its threads, in chunks', () => {
  const pool = createVerifierPool(1);
  after(() => pool.close());
  const keys = [generateKeyPair(), generateKeyPair(), generateKeyPair()];
  const jobs = (n: number, forged: ReadonlySet<number>): VerifyJob[] =>
    Array.from({ length: n }, (_, i) => {
      const key = keys[i % keys.length]!;
      const message = randomBytes(100 + (i % 50));
      const signature = key.sign(message);
      if (forged.has(i)) signature[i % 64] = signature[i % 64]! ^ 1;
      return { publicKey: key.publicKey, message, signature };
    });

  it('gives one verdict per signature in order, a forged one false wherever it falls (first, last, at the chunks\' edges)', async () => {
    for (const n of [1, 15, 16, 33, 64, 65, 250, 256, 257, 513, 1000]) {
      const forged = new Set([0, 1, 31, 32, 63, 255, 256, 257, Math.floor(n / 2), n - 33, n - 2, n - 1].filter((i) => i >= 0 && i < n));
      const batch = jobs(n, forged);
      const verdicts = await pool.verifyMany(batch);
      assert.deepEqual(verdicts, Array.from({ length: n }, (_, i) => !forged.has(i)), `${n} signatures`);
      assert.deepEqual(verdicts, await inlineVerifier.verifyMany(batch), `${n} signatures, as the event loop alone decides`);
    }
  });

  it('decides malformed keys and signatures false, as the inline rule does', async () => {
    const batch = jobs(100, new Set());
    const broken = batch.map((j, i) => (i === 40 ? { ...j, publicKey: j.publicKey.subarray(1) } : i === 90 ? { ...j, signature: j.signature.subarray(2) } : j));
    const verdicts = await pool.verifyMany(broken);
    assert.deepEqual(verdicts, batch.map((_, i) => i !== 40 && i !== 90));
  });

  it('hands every chunk over at once, at most 256 signatures each, about equal, at least one per thread', async () => {
    for (const [n, threads, expected] of [[16, 1, [16]], [256, 1, [256]], [257, 1, [129, 128]], [500, 1, [250, 250]], [1000, 3, [250, 250, 250, 250]], [20, 3, [7, 7, 6]], [2, 3, [1, 1]]] as const) {
      const batch = jobs(n, new Set([n - 1]));
      const sizes: number[] = [];
      let waiting = 0;
      let mostWaiting = 0;
      const verdicts = await chunkedVerify(batch, async (part) => {
        sizes.push(part.length);
        waiting += 1;
        mostWaiting = Math.max(mostWaiting, waiting);
        await new Promise((resolve) => setTimeout(resolve, 1));
        waiting -= 1;
        return inlineVerifier.verifyMany(part);
      }, threads);
      assert.deepEqual(sizes, expected, `${n} signatures, ${threads} threads`);
      assert.equal(mostWaiting, expected.length, 'no chunk waits for another to come back before it is handed over');
      assert.deepEqual(verdicts, batch.map((_, i) => i !== n - 1));
    }
  });
});
