// Issue 8's known bad inputs, each answered 4xx problem+json with the log unchanged, then fast-check over every
// route: random paths, queries and bodies never get a 5xx, and never append. Security headers; rate limits per
// address and per key (429 problem+json).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { Mechanism } from '../../src/services/mechanism.js';
import { buildApp } from '../../src/server/app.js';
import { startServer, type RunningServer } from './helpers/server.js';
import { bootstrap, member, post, signed, type TestMember } from './helpers/members.js';
import { ingestAs, signedHeaders } from './helpers/ingest.js';
import { RUNS } from '../fuzz/runs.js';

const operator = member('secretariat');
const monitor = member('field-team-1');
let server: RunningServer;

before(async () => {
  // No rate limit here (its own test below has one): a long fuzz run would otherwise be answered 429 before the parsers.
  server = await startServer({ rateLimits: false });
  await bootstrap(server.url, operator, 'edge', [{ m: monitor, role: 'monitor' }]);
  await server.mechanism.publishCheckpoint();
});
after(async () => server.close());

const logSize = async () => ((await (await fetch(`${server.url}/v1/log`)).json()) as { size: number }).size;

async function expectProblem(what: string, response: Response, status?: number): Promise<void> {
  const body = await response.text();
  assert.ok(response.status >= 400 && response.status < 500, `${what}: ${response.status} ${body.slice(0, 200)}`);
  if (status) assert.equal(response.status, status, `${what}: ${body.slice(0, 200)}`);
  assert.match(response.headers.get('content-type') ?? '', /application\/problem\+json/, `${what}: ${body.slice(0, 200)}`);
  assert.equal(typeof JSON.parse(body).detail, 'string', what);
}

test('the known 5xx and non-problem answers of issue 8 are 4xx problem+json now', async () => {
  const size = await logSize();
  const get = (path: string) => fetch(server.url + path);
  await expectProblem('candidate %00', await get('/v1/candidates/%00'), 400);
  await expectProblem('receipt 0x10', await get('/v1/receipts/0x10'), 400);
  await expectProblem('receipt 1e1', await get('/v1/receipts/1e1'), 400);
  await expectProblem('bad escape in incident id', await get('/v1/incidents/%ZZ'), 400);
  await expectProblem('malformed incident id', await get('/v1/incidents/xyz'), 400);
  await expectProblem('long URL', await get(`/v1/incidents?q=${'a'.repeat(5000)}`), 414);
  await expectProblem('very long URL', await get(`/${'a'.repeat(20_000)}`), 414);
  const ingest = (body: unknown) => ingestAs(server.url, monitor, body);
  await expectProblem('garbage now', await ingest({ articles: [{ text: 'Two people were killed in Kabul on Friday.' }], now: 'garbage' }), 400);
  await expectProblem('lone surrogate', await ingest('{"articles":[{"text":"Killed \\ud800 in Kabul."}]}'), 400);
  await expectProblem('NUL', await ingest('{"articles":[{"text":"Killed \\u0000 in Kabul."}]}'), 400);
  await expectProblem('javascript: url', await ingest({ articles: [{ text: 'Killed in Kabul.', url: 'javascript:alert(1)' }] }), 400);
  await expectProblem('1e400', await fetch(`${server.url}/v1/cosignatures`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"size":1e400,"cosignature":"x"}' }), 400);
  const deep = '['.repeat(50_000) + ']'.repeat(50_000);
  await expectProblem('deep JSON statement', await fetch(`${server.url}/v1/statements`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: deep.slice(0, 60_000) }), 400);
  await expectProblem('deep JSON ingest', await ingest(`{"articles":${deep}}`), 400);
  const good = new TextDecoder().decode(await signed(monitor, 'key.add', { key: member('x').key }));
  for (const [what, bytes] of [
    ['__proto__ in body', good.replace('"body":{"key"', '"body":{"__proto__":{"a":1},"key"')],
    ['NUL', good.replace('"body":{"key"', '"body":{"a":"\\u0000","key"')],
    ['lone surrogate', good.replace('"body":{"key"', '"body":{"a":"\\udfff","key"')],
    ['1e400', good.replace('"body":{"key"', '"body":{"a":1e400,"key"')],
    ['impossible at', good.replace(/"at":"[^"]+"/, '"at":"2026-11-31T12:00:00Z"')],
    ['year 0000', good.replace(/"at":"[^"]+"/, '"at":"0000-01-01T00:00:00Z"')],
  ] as const) {
    const r = await post(server.url, bytes);
    assert.equal(r.status, 400, `${what}: ${JSON.stringify(r.body)}`);
  }
  assert.equal(await logSize(), size, 'nothing appended');
});

test('security headers: strict CSP without inline script, no framing, nosniff, no referrer', async () => {
  for (const path of ['/', '/v1/log']) {
    const r = await fetch(server.url + path);
    const csp = r.headers.get('content-security-policy') ?? '';
    assert.match(csp, /script-src 'self'(;|$)/, path);
    assert.doesNotMatch(csp, /script-src[^;]*unsafe-inline/, path);
    assert.match(csp, /frame-ancestors 'none'/, path);
    assert.equal(r.headers.get('x-content-type-options'), 'nosniff', path);
    assert.equal(r.headers.get('referrer-policy'), 'no-referrer', path);
    assert.equal(r.headers.get('x-frame-options'), 'DENY', path);
  }
});

const GET_ROUTES = ['/v1/log', '/v1/incidents', '/v1/incidents/', '/v1/agreement', '/v1/compliance', '/v1/commitments', '/v1/meetings', '/v1/members', '/v1/candidates', '/v1/candidates/', '/v1/statements', '/v1/checkpoints', '/v1/receipts/', '/v1/proof/inclusion', '/v1/proof/consistency', '/v1/evidence/', '/tile/', '/tile/entries/', '/checkpoint'];
const QUERY_KEYS = ['from', 'to', 'bbox', 'type', 'party', 'status', 'q', 'limit', 'cursor', 'asOf', 'index', 'size', 'before', 'order', 'access', 'at', 'sig'];
const nasty = fc.oneof(fc.string({ maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 40 }), fc.constantFrom('0x10', '1e400', '-1', '%00', '%ZZ', '%ED%A0%80', '2025-02-30', '9'.repeat(30), 'NaN', '..%2F..%2F', '\u0000'));

test('property: random GETs on every route never answer 5xx and append nothing', async () => {
  const size = await logSize();
  await fc.assert(
    fc.asyncProperty(fc.constantFrom(...GET_ROUTES), nasty, fc.dictionary(fc.constantFrom(...QUERY_KEYS), nasty, { maxKeys: 3 }), async (route, tail, query) => {
      const qs = Object.entries(query).map(([k, v]) => `${k}=${/%/.test(v) ? v : encodeURIComponent(v)}`).join('&');
      const path = route + (route.endsWith('/') ? (/%/.test(tail) ? tail : encodeURIComponent(tail)) : '') + (qs ? `?${qs}` : '');
      const r = await fetch(server.url + path);
      const body = await r.text();
      assert.ok(r.status < 500, `${path}: ${r.status} ${body.slice(0, 200)}`);
      if (r.status >= 400) assert.match(r.headers.get('content-type') ?? '', /problem\+json/, `${path}: ${r.status}`);
    }),
    { numRuns: RUNS },
  );
  assert.equal(await logSize(), size);
});

test('property: random and mutated POST bodies never answer 5xx and append nothing', async () => {
  const size = await logSize();
  const good = new TextDecoder().decode(await signed(monitor, 'key.add', { key: member('y').key }));
  // A mutation that gives back the signed bytes themselves (nothing cut, nothing inserted, or a character put back
  // in its place) is the valid statement, which would rightly be appended: those are not mutations.
  const mutated = fc
    .tuple(fc.nat(good.length), fc.nat(10), nasty)
    .map(([at, cut, s]) => good.slice(0, at) + s + good.slice(at + cut))
    .filter((body) => body !== good);
  const json = fc.oneof(fc.json({ depthSize: 'small' }), mutated, fc.string({ maxLength: 200 }));
  await fc.assert(
    fc.asyncProperty(fc.constantFrom('/v1/statements', '/v1/ingest', '/v1/cosignatures', '/v1/evidence'), json, fc.constantFrom('application/json', 'text/plain', 'application/octet-stream'), async (route, body, type) => {
      // Ingest bodies are signed by a monitor, so the fuzz reaches the parser behind the signature check.
      const signature = route === '/v1/ingest' ? await signedHeaders(monitor, body) : {};
      const r = await fetch(server.url + route, { method: 'POST', headers: { 'content-type': type, ...signature }, body });
      const text = await r.text();
      assert.ok(r.status < 500, `${route} ${type} ${body.slice(0, 100)}: ${r.status} ${text.slice(0, 200)}`);
      if (r.status >= 400) assert.match(r.headers.get('content-type') ?? '', /problem\+json/, `${route}: ${r.status}`);
    }),
    { numRuns: RUNS },
  );
  assert.equal(await logSize(), size);
});

test('rate limits: 429 problem+json with Retry-After, per address and per signing key', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'truce-rate-'));
  const mechanism = await Mechanism.open({ dataDir, checkpointIntervalMs: 200 });
  const app = await buildApp(mechanism, { rateLimits: { perAddress: 6, perKey: 3 } });
  try {
    const expect429 = (what: string, r: { statusCode: number; headers: Record<string, unknown>; body: string }) => {
      assert.equal(r.statusCode, 429, `${what}: ${r.body.slice(0, 200)}`);
      assert.match(String(r.headers['content-type']), /application\/problem\+json/, what);
      assert.ok(Number(r.headers['retry-after']) > 0, `${what}: Retry-After`);
      assert.match(JSON.parse(r.body).detail, /a minute/, what);
    };
    // Per address: the 7th API request from one address in a minute is refused; another address still answers,
    // and the probes outside /v1/ are never counted (a load balancer's health checks must not lock it out).
    const from = (remoteAddress: string, url = '/v1/log') => app.inject({ method: 'GET', url, remoteAddress });
    for (let i = 0; i < 6; i++) assert.equal((await from('10.0.0.1')).statusCode, 200);
    expect429('7th request from one address', await from('10.0.0.1'));
    assert.equal((await from('10.0.0.2')).statusCode, 200, 'another address is not limited');
    assert.equal((await from('10.0.0.1', '/healthz')).statusCode, 200, '/healthz is not limited');
    // Per key: the 4th write signed by one key is refused even when each comes from a new address (here: refused
    // statements, which count like accepted ones); another key is not limited by it.
    const writer = member('flooder');
    const statement = async (by: TestMember, i: number) =>
      app.inject({ method: 'POST', url: '/v1/statements', remoteAddress: `10.1.0.${i}`, headers: { 'content-type': 'application/json' }, payload: Buffer.from(await signed(by, 'key.add', { key: member('k').key })) });
    for (let i = 1; i <= 3; i++) assert.notEqual((await statement(writer, i)).statusCode, 429, `write ${i}`);
    expect429('4th write signed by one key, from a 4th address', await statement(writer, 4));
    assert.notEqual((await statement(member('other'), 5)).statusCode, 429, 'another key is not limited');
  } finally {
    await app.close();
    await mechanism.close();
    await rm(dataDir, { recursive: true, force: true });
  }
});
