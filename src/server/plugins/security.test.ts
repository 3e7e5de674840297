import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import Fastify from 'fastify';
import { securityHeaderValues, securityHeaders } from './security.js';

describe('security headers', () => {
  it('are helmet\'s for our options, recorded once', () => {
    const h = securityHeaderValues();
    assert.match(h['content-security-policy'] ?? '', /script-src 'self';/);
    assert.match(h['content-security-policy'] ?? '', /frame-ancestors 'none'/);
    assert.equal(h['x-frame-options'], 'DENY');
    assert.equal(h['referrer-policy'], 'no-referrer');
    assert.equal(h['x-content-type-options'], 'nosniff');
    assert.equal(h['strict-transport-security'], undefined);
    assert.equal(h['cross-origin-embedder-policy'], undefined);
  });

  it('are on every answer, errors included', async () => {
    const app = Fastify();
    await app.register(securityHeaders);
    app.get('/ok', async () => ({ ok: true }));
    for (const url of ['/ok', '/missing']) {
      const res = await app.inject({ url });
      assert.equal(res.headers['x-frame-options'], 'DENY', url);
      assert.equal(res.headers['content-security-policy'], securityHeaderValues()['content-security-policy'], url);
    }
    await app.close();
  });
});
