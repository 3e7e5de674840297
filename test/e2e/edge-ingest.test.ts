// POST /v1/ingest under attack (issue 8, "Limits"): only a member who may file reports or review candidates can
// ingest, by a signed request bound to the exact body; a page nested a million deep is refused at once; a page
// that takes too long to read is stopped at its time limit, and meanwhile /healthz and the log keep answering.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { Mechanism } from '../../src/services/mechanism.js';
import { buildApp } from '../../src/server/app.js';
import { bootstrap, keyAdd, member, post, signed } from './helpers/members.js';
import { ingestAs, signedHeaders } from './helpers/ingest.js';

const operator = member('secretariat');
const monitor = member('field-team-1');
const observer = member('observer-1');
const ARTICLE = { source: 'Example Wire (test)', published: '2025-10-20', text: 'PESHAWAR, Oct 20: Mortar shells landed near the Torkham crossing on Sunday, injuring three labourers, local officials said.' };
const TIME_LIMIT_MS = 3000;
let dataDir: string;
let mechanism: Mechanism;
let app: FastifyInstance;
let url: string;

before(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'truce-ingest-'));
  mechanism = await Mechanism.open({ dataDir, checkpointIntervalMs: 200 });
  app = await buildApp(mechanism, { parseLimits: { timeMs: TIME_LIMIT_MS, threads: 1, maxQueue: 4 } });
  url = await app.listen({ port: 0, host: '127.0.0.1' });
  await bootstrap(url, operator, 'edge-ingest', [{ m: monitor, role: 'monitor' }, { m: observer, role: 'observer' }]);
});
after(async () => {
  await app.close();
  await mechanism.close();
  await rm(dataDir, { recursive: true, force: true });
});

async function expectProblem(what: string, response: Response, status: number, detail?: RegExp): Promise<void> {
  const text = await response.text();
  assert.equal(response.status, status, `${what}: ${text.slice(0, 300)}`);
  assert.match(response.headers.get('content-type') ?? '', /application\/problem\+json/, what);
  if (detail) assert.match(JSON.parse(text).detail, detail, what);
}

test('ingest needs the signature of a member who may file reports or review candidates, over the exact body', async () => {
  const body = JSON.stringify({ articles: [ARTICLE] });
  const send = (headers: Record<string, string>, text = body) => fetch(`${url}/v1/ingest`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: text });
  await expectProblem('unsigned', await send({}), 401, /needs a member's signature/);
  await expectProblem('an unregistered key', await ingestAs(url, member('stranger'), body), 401, /not a key registered/);
  await expectProblem('an observer', await ingestAs(url, observer, body), 403, /observer.*may not ingest/);
  await expectProblem('the operator', await ingestAs(url, operator, body), 403, /operator.*may not ingest/);
  const headers = await signedHeaders(monitor, body);
  await expectProblem('another body under the same signature', await send(headers, body.replace('three', 'thirty')), 401, /does not verify/);
  await expectProblem('signed two minutes ago', await send(await signedHeaders(monitor, body, 'ingest', new Date(Date.now() - 120_000).toISOString())), 422);
  await expectProblem('signed for another purpose', await send(await signedHeaders(monitor, body, 'evidence')), 401);
  const accepted = await send(headers);
  assert.equal(accepted.status, 201, await accepted.clone().text());
  assert.ok(((await accepted.json()) as { candidates: string[] }).candidates.length >= 1);
  await expectProblem('the same signed request again', await send(headers), 409, /already received/);
});

test('a revoked key ingests nothing', async () => {
  const spare = member('field-team-1');
  assert.equal((await post(url, await signed(monitor, 'key.add', await keyAdd('edge-ingest', monitor.id, spare)))).status, 201);
  assert.equal((await ingestAs(url, spare, { articles: [ARTICLE] })).status, 201);
  assert.equal((await post(url, await signed(monitor, 'key.revoke', { member: monitor.id, key: spare.key, reason: 'test' }))).status, 201);
  await expectProblem('revoked key', await ingestAs(url, spare, { articles: [ARTICLE] }), 401, /revoked/);
});

test('a page nested 450,000 deep (5 MB) is refused at once, as an error of that article', async () => {
  const html = '<html><body>' + '<div>'.repeat(450_000) + 'Two people were killed in Kabul on Friday.' + '</div>'.repeat(450_000) + '</body></html>';
  const started = performance.now();
  const r = await ingestAs(url, monitor, { articles: [{ html }] });
  assert.equal(r.status, 201);
  const { errors, candidates } = (await r.json()) as { errors: { code: string }[]; candidates: string[] };
  assert.deepEqual(errors.map((e) => e.code), ['too_deep']);
  assert.equal(candidates.length, 0);
  assert.ok(performance.now() - started < 5000, `refused in ${Math.round(performance.now() - started)} ms`);
});

test('a 5 MB page that takes minutes to read leaves /healthz answering within 1 s, and is refused at its time limit', async () => {
  // 200-deep blocks stay under the nesting limit, yet linkedom and Readability need ~100 s for 5 MB of them.
  const block = '<div>'.repeat(200) + '<p>Two people were killed in Kabul on Friday, officials said.</p>' + '</div>'.repeat(200);
  const html = '<html><body>' + block.repeat(Math.floor(5_000_000 / block.length)) + '</body></html>';
  const started = performance.now();
  const parsing = ingestAs(url, monitor, { articles: [{ html }] });
  const probes: number[] = [];
  let answered: Response | undefined;
  void parsing.then((r) => (answered = r));
  while (!answered && performance.now() - started < 30_000) {
    const t = performance.now();
    const health = await fetch(`${url}/healthz`);
    assert.equal(health.status, 200);
    probes.push(performance.now() - t);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const slowest = Math.max(...probes);
  assert.ok(probes.length >= 5, `${probes.length} probes while parsing`);
  assert.ok(slowest < 1000, `the slowest /healthz took ${Math.round(slowest)} ms`);
  await expectProblem('past its time limit', await parsing, 413, /longer than 3 s/);
  const took = performance.now() - started;
  assert.ok(took >= TIME_LIMIT_MS && took < TIME_LIMIT_MS + 15_000, `refused after ${Math.round(took)} ms`);
  // The pool starts a fresh worker (loading it is not counted in the limit): the next request is read as usual.
  assert.equal((await ingestAs(url, monitor, { articles: [ARTICLE] })).status, 201);
});
