import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { createVerifierPool, inlineVerifier } from './verify-pool.js';
import { generateKeyPair } from './node-ed25519.js';
import type { VerifyJob } from './sequencer.js';

describe('the verifier pool shares a batch between its threads and the event loop', () => {
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

  it('gives one verdict per signature in order, a forged one false wherever it falls (threads\' chunks and the event loop\'s)', async () => {
    for (const n of [1, 15, 16, 33, 64, 65, 250, 1000]) {
      const forged = new Set([0, 1, 31, 32, 63, Math.floor(n / 2), n - 33, n - 2, n - 1].filter((i) => i >= 0 && i < n));
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
});
