import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApiError, getBytes, retryAfterMs } from '../api/http.js';
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

  it('waits as long as a busy server asks (Retry-After), and not for one that asks for too long', async () => {
    const f = flaky([new ApiError(429, 'Too many', 'x', 'rate_limited', 300)]);
    const t0 = performance.now();
    assert.equal(await retrying(f.request, [0, 0]), 'ok');
    assert.ok(performance.now() - t0 >= 290, 'waited for the Retry-After, not the shorter delay');
    const g = flaky([new ApiError(503, 'Busy', 'x', undefined, 3_600_000)]);
    await assert.rejects(retrying(g.request, [0, 0], 60_000), (e: unknown) => e instanceof ApiError && e.status === 503);
    assert.equal(g.calls(), 1);
  });

  it('reads Retry-After as seconds or an HTTP date', () => {
    const now = Date.parse('2026-12-05T08:00:00Z');
    assert.equal(retryAfterMs('120', now), 120_000);
    assert.equal(retryAfterMs('Sat, 05 Dec 2026 08:00:30 GMT', now), 30_000);
    assert.equal(retryAfterMs('Sat, 05 Dec 2026 07:00:00 GMT', now), 0);
    assert.equal(retryAfterMs('soon', now), undefined);
    assert.equal(retryAfterMs(null, now), undefined);
  });

  it('a body that fails after the headers (one that does not decode) is a network error, asked for again', async () => {
    let calls = 0;
    const server = createServer((req, res) => {
      calls += 1;
      if (req.url === '/retry-after') {
        res.writeHead(429, { 'content-type': 'application/problem+json', 'retry-after': '1' }).end('{"title":"Too many"}');
        return;
      }
      // A body that says it is compressed and is not, which the browser's fetch failed on ("Failed to fetch"). Gzip:
      // Node's fetch takes bad brotli for an empty body, Chromium's refuses it (net::ERR_CONTENT_DECODING_FAILED).
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-encoding': 'gzip' }).end(Buffer.from([0x38, 0x30, 1, 2, 3, 4]));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      await assert.rejects(getBytes(`${url}/tile/0/461`), (e: unknown) => e instanceof ApiError && e.status === 0);
      await assert.rejects(retrying(() => getBytes(`${url}/tile/0/461`), [0, 0]), (e: unknown) => e instanceof ApiError && e.status === 0);
      assert.equal(calls, 4);
      await assert.rejects(getBytes(`${url}/retry-after`), (e: unknown) => e instanceof ApiError && e.status === 429 && e.retryAfterMs === 1000);
    } finally {
      server.close();
    }
  });
});
