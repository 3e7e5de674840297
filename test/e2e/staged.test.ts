// Staged publication through the HTTP API, on PGlite and on PostgreSQL, with the training mechanism (whose terms
// review the joint patrol's reports and show them to the parties a day after signing): the public reads only what is
// public, with the count of what waits; a member who signs the read gets what the terms give it; the late limit is
// the terms'; `truce verify` re-checks the public answer from the log alone.
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { startServer, type RunningServer } from './helpers/server.js';
import { assertProblem, httpAudit, type Json } from './helpers/http.js';
import { signedHeaders } from './helpers/ingest.js';
import { nowUtc, post } from './helpers/members.js';
import { readKeyFile, type MemberKey } from '../../src/services/key-file.js';
import { signStatement, type StatementType } from '../../src/domain/statement.js';
import { canonicalBytes } from '../../src/domain/jcs.js';
import { toBase64 } from '../../src/domain/encoding.js';
import { auditMechanism } from '../../src/services/audit.js';
import { createScratchDatabase } from '../../src/store/postgres-test-db.js';
import { formatIncidents } from '../../src/cli/commands/export.js';
import type { IncidentView } from '../../src/domain/views/incident.js';

async function play(t: TestContext, server: RunningServer): Promise<void> {
  const key = (m: string) => readKeyFile(join(server.dataDir, 'demo-keys', `${m}.json`));
  const read = async (path: string, as?: MemberKey) => {
    const response = await fetch(`${server.url}${path}`, { headers: as ? await signedHeaders(as, path, 'read') : {} });
    return { status: response.status, type: response.headers.get('content-type'), body: (await response.json()) as Json };
  };
  const submit = async (by: MemberKey, type: StatementType, body: Record<string, unknown>, at = nowUtc()) =>
    post(server.url, canonicalBytes(await signStatement({ v: 1, type, by: by.member, key: toBase64(by.publicKey), at, body }, by.sign)));

  const pub = (await read('/v1/incidents?limit=500')).body;
  const titles = (items: IncidentView[]) => items.map((i) => i.report.where.place);
  await t.test('the public reads what the review made public, on the grid, and the count of what waits', async () => {
    const road = (pub.items as IncidentView[]).find((i) => i.report.where.place.startsWith('Boundary road south of Northgate'));
    assert.deepEqual([road?.report.where.lat, road?.report.where.lon, road?.positionOnGrid, road?.cosigned.map((c) => c.member)], [1.25, 1.25, 0.5, ['north', 'south', 'med-a']]);
    assert.ok(!titles(pub.items).includes('Southgate checkpoint (fictional)'), 'the denied patrol waits for review');
    assert.deepEqual(pub.notPublic, { count: 1, cells: [{ lat: 0.75, lon: 1.25, country: 'Southern Federation (fictional)', count: 1 }] });
    assert.equal((await read('/v1/incidents?bbox=20,20,30,30')).body.notPublic.count, 0);
    assert.doesNotMatch(formatIncidents('geojson', pub.items), /Southgate/, 'exports hold only what is public');
  });

  const medB = await key('med-b');
  const all = (await read('/v1/incidents?limit=500', medB)).body;
  const denied = (all.items as IncidentView[]).find((i) => i.denial)!;
  await t.test('a mediator who signs the read gets every report as logged; the public gets a problem for the one that waits', async () => {
    assert.equal(denied.report.where.lat, 0.82);
    assert.deepEqual(all.notPublic, pub.notPublic, 'the same count for every reader');
    const refused = await read(`/v1/incidents/${denied.id}`);
    assertProblem(refused.type, refused.body, 403, 'forbidden', /not yet public/);
    assert.equal((await read(`/v1/incidents/${denied.id}`, medB)).body.denial.deniedBy.side, 'south');
  });

  await t.test('a signed read opens the URL it signs: another URL is refused, never answered as the public', async () => {
    const headers = await signedHeaders(medB, '/v1/incidents?limit=1', 'read');
    assert.equal((await fetch(`${server.url}/v1/incidents?limit=1`, { headers })).status, 200);
    assert.equal((await fetch(`${server.url}/v1/incidents?limit=1`, { headers })).status, 200, 'the same read again within the minute');
    const other = await fetch(`${server.url}/v1/incidents?limit=2`, { headers });
    assertProblem(other.headers.get('content-type'), (await other.json()) as Json, 401, 'bad_signature');
  });

  const patrol = await key('joint-patrol-1');
  const { patrol: _plan, ...seen } = denied.report;
  const fresh = await submit(patrol, 'report.file', { ...seen, where: { ...seen.where, place: 'Westford ford (test)' }, narrative: 'TEST: the patrol saw a burnt vehicle at the ford.', sources: [{ kind: 'witness', title: 'Joint patrol 1 (test)' }] });
  assert.equal(fresh.status, 201, JSON.stringify(fresh.body));
  const id = String(fresh.body.id);
  await t.test('a party reads a summary until the terms\' delay passes; the makers and the mediators read it in full', async () => {
    const south = await read(`/v1/incidents/${id}`, await key('south'));
    assert.deepEqual([south.body.access, south.body.subEventType, south.body.accused, south.body.narrative], ['summary', 'Obstruction or denial of access to monitors', ['south'], undefined]);
    const list = (await read('/v1/incidents?limit=500', await key('north'))).body;
    // Only the new report: the demo's reviewed one is public (a party reads what the public reads), and north was on
    // the team the demo's denial report speaks for.
    assert.deepEqual((list.summaries as { id: string }[]).map((x) => x.id), [id]);
    assert.equal((await read(`/v1/incidents/${id}`, patrol)).body.report.narrative, 'TEST: the patrol saw a burnt vehicle at the ford.');
    assert.equal((await read('/v1/incidents?limit=1')).body.notPublic.count, 2);
  });

  await t.test('the mediators\' quorum publishes it, position exact when both say so', async () => {
    for (const m of ['med-a', 'med-b']) assert.equal((await submit(await key(m), 'report.review', { report: id, version: id, position: 'exact' })).status, 201);
    const shown = (await read(`/v1/incidents/${id}`)).body;
    assert.deepEqual([shown.report.where.lat, shown.positionOnGrid, shown.publication.published.by], [0.82, undefined, 'med-b']);
  });

  await t.test('the late limit is the terms\' (96 h): 90 h late is appended, 100 h late is refused as problem+json', async () => {
    const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
    const north = await key('north');
    const late = await submit(north, 'report.cosign', { report: id, version: id }, hoursAgo(101));
    assertProblem(late.type, late.body, 422, 'clock_skew', /101 h before .* at most 96 h/);
    // north is not on this report's team (it names no plan): the clock passed, the workflow refuses.
    const inTime = await submit(north, 'report.cosign', { report: id, version: id }, hoursAgo(90));
    assertProblem(inTime.type, inTime.body, 409, 'invalid_state', /names no patrol plan/);
  });

  await t.test('a report signed 30 h before it arrived waits the parties\' full 24 h from its arrival, not from its signing', async () => {
    const signed = new Date(Date.now() - 30 * 3_600_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
    const sent = Date.now();
    const filed = await submit(patrol, 'report.file', { ...seen, where: { ...seen.where, place: 'Eastbrook bridge (test)' }, narrative: 'TEST: written offline, sent a day and more later.', sources: [{ kind: 'witness', title: 'Joint patrol 1 (test)' }] }, signed);
    assert.equal(filed.status, 201, JSON.stringify(filed.body));
    const lateId = String(filed.body.id);
    const dayAfter = (iso: unknown) => Date.parse(String(iso)) - sent;
    const south = (await read(`/v1/incidents/${lateId}`, await key('south'))).body;
    assert.equal(south.access, 'summary', 'signed 30 h ago, past the 24 h delay after signing, yet the parties read only the summary');
    assert.ok(dayAfter(south.partiesFrom) >= 24 * 3_600_000 - 5_000 && dayAfter(south.partiesFrom) <= 24 * 3_600_000 + 60_000, `full from a day after arrival, not signing: ${String(south.partiesFrom)}`);
    const north = (await read('/v1/incidents?limit=500', await key('north'))).body;
    assert.ok((north.summaries as { id: string }[]).some((x) => x.id === lateId), 'a summary in the list too');
    assert.ok(!(north.items as { id: string }[]).some((x) => x.id === lateId));
    const asMaker = (await read(`/v1/incidents/${lateId}`, patrol)).body;
    assert.equal(asMaker.filed.at, signed);
    assert.equal(asMaker.publication.partiesAfterHours, 24);
    assert.equal(asMaker.publication.partiesFrom, south.partiesFrom, 'every reader is told the same time');
  });

  await t.test('truce verify recomputes the public answer and the count from the log', async () => {
    await server.mechanism.publishCheckpoint();
    const report = await auditMechanism(httpAudit(server.url));
    assert.ok(report.ok, JSON.stringify(report.checks.filter((c) => !c.ok)));
    assert.match(report.checks.find((c) => c.name === 'projection: not yet public')?.detail ?? '', /^2 reports not yet public/);
  });
}

test('staged publication on PGlite', async (t) => {
  const server = await startServer({ demo: 'training' });
  try {
    await play(t, server);
  } finally {
    await server.close();
  }
});

test('staged publication on PostgreSQL', async (t) => {
  const db = await createScratchDatabase();
  try {
    const server = await startServer({ demo: 'training', db: db.url });
    try {
      await play(t, server);
    } finally {
      await server.close();
    }
  } finally {
    await db.drop();
  }
});
