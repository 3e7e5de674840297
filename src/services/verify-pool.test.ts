import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { createVerifierPool, inlineVerifier } from './verify-pool.js';
import { SharedBatch, UNIT } from './shared-batch.js';
import { generateKeyPair } from './node-ed25519.js';
import type { VerifyJob } from './sequencer.js';

describe('the verifier pool verifies a batch in its threads and, when idle, on the event loop', () => {
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

  it('gives one verdict per signature in order, a forged one false wherever it falls (first, last, at the units\' edges)', async () => {
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

  it('lets the idle event loop verify units of a batch from the back, each signature once, verdicts in order', async () => {
    const stealing = createVerifierPool(1);
    try {
      const n = 3000;
      const forged = new Set([0, 15, 16, 1500, n - 17, n - 16, n - 1]);
      const batch = jobs(n, forged);
      const verdicts = await stealing.verifyMany(batch);
      assert.deepEqual(verdicts, Array.from({ length: n }, (_, i) => !forged.has(i)));
      // With nothing else to do, the event loop took part of the batch while the thread took the rest.
      assert.ok(stealing.stolenUnits > 0 && stealing.stolenUnits < n / UNIT, `${stealing.stolenUnits} units verified on the event loop`);
    } finally {
      await stealing.close();
    }
  });

  it('leaves every unit to the threads when stealing is off', async () => {
    const threadsOnly = createVerifierPool(1, { steal: false });
    try {
      const batch = jobs(600, new Set([599]));
      assert.deepEqual(await threadsOnly.verifyMany(batch), batch.map((_, i) => i !== 599));
      assert.equal(threadsOnly.stolenUnits, 0);
    } finally {
      await threadsOnly.close();
    }
  });
});

describe('a batch in shared memory', () => {
  const key = generateKeyPair();
  const job = (i: number): VerifyJob => {
    const message = randomBytes(20 + i);
    return { publicKey: key.publicKey, message, signature: key.sign(message) };
  };

  it('gives every unit to exactly one side: the event loop from the back stops where a thread holds a unit', () => {
    const jobs = Array.from({ length: 5 * UNIT - 3 }, (_, i) => job(i));
    const batch = new SharedBatch(jobs);
    const header = new Int32Array(batch.buffer, 0, 8);
    assert.deepEqual([...header.subarray(1, 4)], [jobs.length, UNIT, 5]);
    // A thread claims units 0 and 1 as verify-worker.mjs does; the event loop then takes 4, 3 and 2, and no more.
    const claims = new Uint8Array(batch.buffer, header[5]!, 5);
    for (let u = 0; u < 2; u++) assert.equal(Atomics.compareExchange(claims, Atomics.add(header, 0, 1), 0, 1), 0);
    const taken: boolean[] = [];
    while (batch.open) taken.push(batch.stealOne());
    assert.deepEqual(taken, [true, true, true]);
    assert.equal(batch.stolen, 3);
    assert.equal(batch.stealOne(), false, 'nothing left from the back');
    // The thread's next claim fails on the event loop's unit: it stops, each unit claimed once.
    assert.notEqual(Atomics.compareExchange(claims, Atomics.add(header, 0, 1), 0, 1), 0);
    const verdicts = batch.verdicts();
    assert.deepEqual(verdicts.slice(2 * UNIT), Array(jobs.length - 2 * UNIT).fill(true), 'the stolen units verified');
    assert.deepEqual(verdicts.slice(0, 2 * UNIT), Array(2 * UNIT).fill(false), 'the thread\'s units are left to the thread');
  });

  it('stores a job with a key or signature of the wrong length empty, and decides it false', () => {
    const jobs = Array.from({ length: UNIT }, (_, i) => job(i));
    jobs[3] = { ...jobs[3]!, publicKey: jobs[3]!.publicKey.subarray(1) };
    jobs[9] = { ...jobs[9]!, signature: new Uint8Array(65) };
    const batch = new SharedBatch(jobs);
    assert.equal(batch.stealOne(), true);
    assert.deepEqual(batch.verdicts(), jobs.map((_, i) => i !== 3 && i !== 9));
  });
});
