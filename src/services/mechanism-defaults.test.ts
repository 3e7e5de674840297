// The server's defaults that depend on the machine: which signatures go to the verifier threads.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { batchesVerifiedInWorkers } from './mechanism.js';

test("a batch's signatures go to the verifier threads from 4 cores, and on 2 with PostgreSQL only (BENCHMARKS.md)", () => {
  const pg = 'postgres://127.0.0.1:5432/truce';
  assert.equal(batchesVerifiedInWorkers(undefined, 2), false, 'PGlite runs on the event loop: no gain measured on 2 cores');
  assert.equal(batchesVerifiedInWorkers(pg, 2), true);
  assert.equal(batchesVerifiedInWorkers(pg, 1), false, 'one core: a thread only adds handoffs');
  assert.equal(batchesVerifiedInWorkers(undefined, 4), true);
  assert.equal(batchesVerifiedInWorkers(pg, 8), true);
});
