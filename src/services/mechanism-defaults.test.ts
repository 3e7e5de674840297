// The server's defaults that depend on the machine: which signatures go to the verifier threads.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { batchesVerifiedInWorkers } from './mechanism.js';

test("a batch's signatures go to the verifier threads from 2 cores, whatever the store (BENCHMARKS.md)", () => {
  assert.equal(batchesVerifiedInWorkers(1), false, 'one core: a thread only adds handoffs');
  assert.equal(batchesVerifiedInWorkers(2), true);
  assert.equal(batchesVerifiedInWorkers(8), true);
});
