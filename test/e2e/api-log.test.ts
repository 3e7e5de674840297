// End to end over HTTP: a fresh log on the embedded store, refusals that append nothing, checkpoints, proofs,
// witnesses, and the auditor's `truce verify` reaching the same answer from the log alone.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { startServer, type RunningServer } from './helpers/server.js';
import { bootstrap, keyAdd, member, nowUtc, post, signed } from './helpers/members.js';
import { fromBase64 } from '../../src/log/encoding.js';
import { hashLeaf } from '../../src/log/hash.js';
import { openCheckpoint } from '../../src/log/checkpoint-note.js';
import { noteVerifierFromKey } from '../../src/log/note-ed25519.js';
import { verifyConsistency, verifyInclusion } from '../../src/log/proof-verify.js';
import { witnessOnce } from '../../src/services/witness.js';
import { agreeRules } from './helpers/rules.js';
import { auditMechanism } from '../../src/services/audit.js';
import { httpAudit, httpWitness, confirmedCheckpoint } from './helpers/http.js';
import { asBody } from './helpers/case-bodies.js';
import { reportBody } from '../../src/domain/test-builders-reports.js';

/** An RFC 3339 time h hours before now (negative: in the future). */
const hoursAgo = (h: number): string => new Date(Date.now() - h * 3_600_000).toISOString().replace(/\.\d{3}Z$/, 'Z');

const operator = member('secretariat');
const pk = member('pk');
const af = member('af');
const qa = member('qa');
const tr = member('tr');
const monitor = member('field-team-1');
let server: RunningServer;

async function json(path: string) {
  const r = await fetch(server.url + path);
  return { status: r.status, type: r.headers.get('content-type'), body: (await r.json()) as Record<string, any> };
}

async function size(): Promise<number> {
  return (await json('/v1/log')).body.size as number;
}

before(async () => {
  server = await startServer({ checkpointIntervalMs: 50 });
  await bootstrap(server.url, operator, 'e2e', [
    { m: pk, role: 'party' },
    { m: af, role: 'party' },
    { m: qa, role: 'mediator' },
    { m: tr, role: 'mediator' },
    { m: monitor, role: 'monitor' },
  ]);
  await server.mechanism.publishCheckpoint();
});
after(async () => server.close());

test('GET /v1/log answers origin, C2SP verifier key and size', async () => {
  const { body } = await json('/v1/log');
  assert.equal(body.origin, 'truce/e2e');
  assert.match(body.vkey, /^truce\/e2e\+[0-9a-f]{8}\+[A-Za-z0-9+/]+=*$/);
  assert.equal(body.size, 6);
});

test('refusals are problem+json, name the rule, and append nothing', async () => {
  const before = await size();
  const good = await signed(monitor, 'key.add', { key: member('x').key });
  const cases: [string, Uint8Array | string, number, string][] = [
    ['malformed JSON', '{"v":1,', 400, 'bad_request'],
    ['not canonical', JSON.stringify(JSON.parse(new TextDecoder().decode(good)), null, 2), 400, 'not_canonical'],
    ['wrong envelope', '{"v":2}', 400, 'bad_request'],
    ['bad signature', new TextDecoder().decode(good).replace(/"sig":"[A-Za-z0-9+/]/, '"sig":"' + (new TextDecoder().decode(good).match(/"sig":"(.)/)![1] === 'A' ? 'B' : 'A')), 401, 'bad_signature'],
    ['unknown key', await signed(member('stranger'), 'report.file', {}), 401, 'unknown_key'],
    ['outside the role', await signed(monitor, 'agreement.propose', {}), 403, 'forbidden'],
    ['back-dated beyond the late limit', await signed(pk, 'key.add', { key: member('y').key }, hoursAgo(73)), 422, 'clock_skew'],
    ['signed in the future', await signed(pk, 'key.add', { key: member('y').key }, hoursAgo(-0.25)), 422, 'clock_skew'],
    ['oversize', '{"v":1,"pad":"' + 'x'.repeat(70_000) + '"}', 413, 'too_large'],
  ];
  for (const [name, bytes, status, code] of cases) {
    const r = await post(server.url, bytes);
    assert.equal(r.status, status, `${name}: ${JSON.stringify(r.body)}`);
    assert.equal(r.body.code, code, name);
    assert.match(r.type ?? '', /application\/problem\+json/, name);
    assert.ok(typeof r.body.detail === 'string' && r.body.detail.length > 10, name);
  }
  assert.equal(await size(), before, 'nothing was appended');
  const first = await post(server.url, good);
  assert.equal(first.status, 201);
  const replay = await post(server.url, good);
  assert.equal(replay.status, 409);
  assert.equal(replay.body.code, 'replay');
  assert.equal(await size(), before + 1);
});

test('a report signed offline a day before it arrives is accepted and shown with both times', async () => {
  const at = hoursAgo(26);
  const filed = await post(server.url, await signed(monitor, 'report.file', asBody(reportBody({ clauses: [], narrative: 'Written at a border post with no network.' })), at));
  assert.equal(filed.status, 201, JSON.stringify(filed.body));
  await server.mechanism.publishCheckpoint();
  const { body } = await json(`/v1/incidents/${filed.body.id as string}`);
  assert.equal(body.filed.at, at, 'the time it was signed');
  const arrival = body.proofs.entries[String(filed.body.index)].arrival;
  const late = Date.parse(arrival.arrived) - Date.parse(at);
  assert.ok(late > 26 * 3_600_000 - 5_000 && late < 26 * 3_600_000 + 60_000, `arrived about 26 h after it was signed: ${arrival.arrived}`);
  assert.ok(arrival.checkpoint.size > (filed.body.index as number), 'the first checkpoint holding it bounds its arrival');
});

test('a revoked key signs no more', async () => {
  const extra = member('pk');
  assert.equal((await post(server.url, await signed(pk, 'key.add', await keyAdd('e2e', 'pk', extra)))).status, 201);
  assert.equal((await post(server.url, await signed(pk, 'key.revoke', { member: 'pk', key: extra.key, reason: 'test' }))).status, 201);
  const r = await post(server.url, await signed({ ...extra, id: 'pk' }, 'key.add', { key: member('z').key }));
  assert.equal(r.status, 401);
  assert.equal(r.body.code, 'revoked_key');
});

test('checkpoint verifies; inclusion and consistency proofs verify against it', async () => {
  const first = await server.mechanism.publishCheckpoint();
  assert.ok(first);
  const info = (await json('/v1/log')).body;
  const note = await (await fetch(server.url + '/checkpoint')).text();
  const opened = openCheckpoint(note, { origin: info.origin, log: noteVerifierFromKey(info.vkey)! });
  assert.ok(opened.ok, JSON.stringify(opened));
  const { size: n, rootHash } = opened.checkpoint;
  const entries = (await json(`/v1/statements?from=0&limit=${n}`)).body.items as { index: number; statement: unknown; id: string }[];
  for (const e of entries) {
    const proof = (await json(`/v1/proof/inclusion?index=${e.index}&size=${n}`)).body.proof as string[];
    const leaf = fromBase64((await json(`/v1/proof/inclusion?index=${e.index}&size=${n}`)).body.leaf)!;
    assert.equal(Buffer.from(leaf).toString('hex'), e.id);
    assert.ok(verifyInclusion(leaf, e.index, n, proof.map((p) => fromBase64(p)!), rootHash), `entry ${e.index}`);
  }
  const mid = 3;
  const midRoot = await server.mechanism.tree.rootAt(mid);
  const proof = (await json(`/v1/proof/consistency?from=${mid}&to=${n}`)).body.proof as string[];
  assert.ok(verifyConsistency(mid, n, proof.map((p) => fromBase64(p)!), midRoot, rootHash));
  assert.ok(hashLeaf(new Uint8Array()).length === 32);
});

test('bad tile paths and proof parameters are 4xx problem+json', async () => {
  for (const path of ['/tile/0/x001', '/tile/0/01', '/tile/9/000', '/tile/entries/000.p/0', '/tile/abc']) {
    const r = await fetch(server.url + path);
    assert.ok(r.status >= 400 && r.status < 500, `${path}: ${r.status}`);
  }
  for (const q of ['index=-1&size=2', 'index=5&size=2', 'index=0&size=100000', 'index=a&size=2']) {
    const r = await json(`/v1/proof/inclusion?${q}`);
    assert.equal(r.status, 400, q);
    assert.match(r.type ?? '', /problem\+json/);
  }
  assert.equal((await json('/v1/proof/consistency?from=0&to=2')).status, 400);
});

test('three of four witnesses cosign: the checkpoint is witnessed; a stranger cannot cosign', async () => {
  // Before the parties name witnesses in rules they all signed, nobody's cosignature counts (not the member list's).
  await server.mechanism.publishCheckpoint();
  await assert.rejects(witnessOnce(httpWitness(server.url), { ...qa, member: qa.id }, join(server.dataDir, 'witness-early.json'), await confirmedCheckpoint(server.url)), /cosignature refused/);
  await agreeRules(server.url, qa, [pk, af, qa, tr]);
  await server.mechanism.publishCheckpoint();
  const states = server.dataDir;
  for (const w of [pk, af, qa]) {
    const step = await witnessOnce(httpWitness(server.url), { ...w, member: w.id }, join(states, `witness-${w.id}.json`), await confirmedCheckpoint(server.url));
    assert.equal(step.outcome, 'cosigned');
  }
  const list = (await json('/v1/checkpoints?limit=1')).body;
  assert.equal(list.items[0].cosignatures.length, 3);
  assert.equal(list.items[0].witnessed, true);
  await assert.rejects(witnessOnce(httpWitness(server.url), { ...member('mallory'), member: 'mallory' }, join(states, 'witness-mallory.json'), await confirmedCheckpoint(server.url)));
  // A second round with no new entries changes nothing.
  const again = await witnessOnce(httpWitness(server.url), { ...pk, member: pk.id }, join(states, 'witness-pk.json'));
  assert.equal(again.outcome, 'unchanged');
  // The log grows; the witness checks consistency and cosigns the new checkpoint.
  assert.equal((await post(server.url, await signed(qa, 'key.add', await keyAdd('e2e', 'qa', member('qa2'))))).status, 201);
  await server.mechanism.publishCheckpoint();
  const grown = await witnessOnce(httpWitness(server.url), { ...pk, member: pk.id }, join(states, 'witness-pk.json'));
  assert.equal(grown.outcome, 'cosigned');
  assert.ok(grown.size > grown.previous);
});

test('verify rebuilds everything from the log and agrees; a tampered entry fails it', async () => {
  await server.mechanism.publishCheckpoint();
  const report = await auditMechanism(httpAudit(server.url));
  assert.ok(report.ok, JSON.stringify(report.checks, null, 1));
  assert.ok(report.checks.some((c) => c.name === 'statements' && c.ok));
  const tampered = await auditMechanism(
    httpAudit(server.url, (path, bytes) => {
      if (!path.startsWith('tile/entries/')) return bytes;
      const copy = bytes.slice();
      copy[copy.length - 5]! ^= 1;
      return copy;
    }),
  );
  assert.equal(tampered.ok, false);
  assert.ok(tampered.checks.some((c) => !c.ok && (c.name === 'tree' || c.name === 'statements')));
});

test('the time check uses the server clock: a statement dated now is accepted', async () => {
  assert.equal((await post(server.url, await signed(tr, 'key.add', await keyAdd('e2e', 'tr', member('tr2')), nowUtc()))).status, 201);
});
