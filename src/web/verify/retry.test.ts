import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ApiError } from '../api/http.js';
import { retrying } from './retry.js';

/** A request failing with each error in turn, then answering 'ok'. */
function flaky(errors: unknown[]) {
  let calls = 0;
  return {
    request: async () => {
      calls += 1;
      const error = errors.shift();
      if (error) throw error;
      return 'ok';
    },
    calls: () => calls,
  };
}

describe('retrying a tile request', () => {
  it('asks again after a dropped connection or a busy server, and answers', async () => {
    const f = flaky([new ApiError(0, 'Network error', 'x'), new ApiError(503, 'Busy', 'x')]);
    assert.equal(await retrying(f.request, [0, 0, 0]), 'ok');
    assert.equal(f.calls(), 3);
  });

  it('gives up after its last delay, with the last failure', async () => {
    const f = flaky([new ApiError(0, 'a', 'x'), new ApiError(0, 'b', 'x'), new ApiError(502, 'c', 'x')]);
    await assert.rejects(retrying(f.request, [0, 0]), (e: unknown) => e instanceof ApiError && e.status === 502);
    assert.equal(f.calls(), 3);
  });

  it('does not ask again for an answer that will not change (a missing tile, a refusal)', async () => {
    const f = flaky([new ApiError(404, 'Not found', 'x')]);
    await assert.rejects(retrying(f.request, [0, 0]), (e: unknown) => e instanceof ApiError && e.status === 404);
    assert.equal(f.calls(), 1);
  });
});
