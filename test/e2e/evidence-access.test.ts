// Evidence access follows the confidentiality level and nothing else (issue 8, item 4), on PGlite and PostgreSQL:
// the operator cannot grant itself (or anyone) a mediators-only item; a download link is bound to the key that signed
// the access, opens one download, lives 2 minutes, and dies with the key; every access is in the custody chain.
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { startServer, type RunningServer } from './helpers/server.js';
import { bootstrap, keyAdd, member, signed, type TestMember } from './helpers/members.js';
import { assertProblem, getJson, mustAppend, mustRefuse, rawGet, type Json } from './helpers/http.js';
import { evidenceBody, jpegBytes } from './helpers/case-bodies.js';
import { evidenceDownloadMessage } from '../../src/domain/records/evidence.js';
import { createScratchDatabase } from '../../src/store/postgres-test-db.js';

async function scenario(server: RunningServer, t: TestContext): Promise<void> {
  const url = server.url;
  const [operator, pk, af, qa, tr, monitor] = ['secretariat', 'pk', 'af', 'qa', 'tr', 'field-team-1'].map(member) as TestMember[] as [TestMember, TestMember, TestMember, TestMember, TestMember, TestMember];
  await bootstrap(url, operator, 'evidence', [{ m: pk, role: 'party' }, { m: af, role: 'party' }, { m: qa, role: 'mediator' }, { m: tr, role: 'mediator' }, { m: monitor, role: 'monitor' }]);
  const bytes = jpegBytes('statement of a witness at the crossing');
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  assert.equal((await fetch(`${url}/v1/evidence`, { method: 'POST', headers: { 'content-type': 'image/jpeg' }, body: Buffer.from(bytes) })).status, 201);
  await mustAppend(url, await signed(monitor, 'evidence.register', evidenceBody(sha256, bytes.length, { confidentiality: 'mediators' })));

  // Dated to the millisecond: two accesses by one member within a second are two statements, not a replay.
  const access = async (by: TestMember) => (await mustAppend(url, await signed(by, 'evidence.access', { sha256 }, new Date().toISOString()))).id;
  const link = (by: TestMember, accessId: string, at = new Date().toISOString()) =>
    `${url}/v1/evidence/${sha256}?access=${accessId}&at=${encodeURIComponent(at)}&sig=${encodeURIComponent(Buffer.from(by.sign(evidenceDownloadMessage(sha256, accessId, at))).toString('base64'))}`;
  const refused = async (href: string, status: number, code: string, detail: RegExp) => {
    const r = await fetch(href);
    assert.equal(r.status, status, href);
    assertProblem(r.headers.get('content-type'), (await r.json()) as Json, status, code, detail);
  };

  // The operator grants itself nothing, nor anyone else.
  await mustRefuse(url, await signed(operator, 'evidence.access', { sha256 }), 403, 'forbidden', /secretariat may not download evidence classed mediators/);
  await mustRefuse(url, await signed(operator, 'evidence.access', { sha256, member: 'qa' }), 403, 'forbidden', /the operator included/);

  // One access, one download, by the key that signed it.
  const first = await access(qa);
  await refused(link(tr, first), 403, 'forbidden', /not signed by the key that signed the evidence\.access/);
  await refused(link(operator, first), 403, 'forbidden', /not signed by the key/);
  const ok = await fetch(link(qa, first));
  assert.equal(ok.status, 200);
  assert.deepEqual(new Uint8Array(await ok.arrayBuffer()), bytes);
  await refused(link(qa, first), 403, 'forbidden', /already opened its one download/);

  // Short-lived: a request signed for a time 2 minutes off is refused, and so is an access statement over 2 minutes old.
  const second = await access(qa);
  await refused(link(qa, second, new Date(Date.now() - 120_000).toISOString()), 403, 'forbidden', /must be the current time/);
  const realNow = Date.now;
  t.mock.method(Date, 'now', () => realNow() + 3 * 60_000);
  const late = await fetch(link(qa, second));
  t.mock.restoreAll();
  assert.equal(late.status, 403, 'a 3-minute-old access opens nothing');

  // The link dies with its key: qa signs an access with a second key, then revokes that key before downloading.
  const qa2 = { ...member('qa-spare'), id: 'qa' };
  await mustAppend(url, await signed(qa, 'key.add', await keyAdd('evidence', 'qa', qa2)));
  const third = await access(qa2);
  await mustAppend(url, await signed(qa, 'key.revoke', { member: 'qa', key: qa2.key, reason: 'The laptop was seized.' }));
  await refused(link(qa2, third), 401, 'revoked_key', /has been revoked/);

  // Every access is in the custody chain, with its signer.
  const record = (await getJson(url, `/v1/evidence/${sha256}/record`)).body;
  assert.deepEqual(
    (record.custody as Json[]).map((c) => [c.kind, c.member, c.recordedBy, c.ref.id]).filter((c) => c[0] === 'accessed'),
    [first, second, third].map((id) => ['accessed', 'qa', 'qa', id]),
  );

  // Evidence leaves as stored, never under a Content-Encoding its bytes do not have, whatever they begin with: the
  // answer compression takes a body beginning like a zlib or gzip header for one already compressed and sends it raw
  // under the encoding it chose (as with tiles, tile-encoding.test.ts). "80" is such a beginning (0x38 0x30), and so is
  // a .gz archive's 1f 8b.
  const notes = new TextEncoder().encode('80 shells fell on the crossing between 02:10 and 02:40. '.repeat(40));
  const archive = new Uint8Array(gzipSync(Buffer.from('field notes from the crossing, '.repeat(200))));
  for (const [item, type] of [[notes, 'text/plain'], [archive, 'application/gzip']] as const) {
    const itemSha = createHash('sha256').update(item).digest('hex');
    assert.equal((await fetch(`${url}/v1/evidence`, { method: 'POST', headers: { 'content-type': type }, body: Buffer.from(item) })).status, 201);
    await mustAppend(url, await signed(monitor, 'evidence.register', evidenceBody(itemSha, item.length, { media_type: type, confidentiality: 'public' })));
    for (const accept of ['br, gzip, deflate', 'gzip', 'identity']) {
      const r = await rawGet(`${url}/v1/evidence/${itemSha}`, accept);
      assert.equal(r.status, 200, `${type} (${accept})`);
      assert.equal(r.headers['content-encoding'], undefined, `${type} (${accept}): the download is not content-encoded`);
      assert.deepEqual(new Uint8Array(r.body), item, `${type} (${accept}): the download holds the bytes whose hash was registered`);
    }
  }
}

test('evidence access on PGlite: by confidentiality only; links bound to the key, single-use, short-lived, dead with the key', async (t) => {
  const server = await startServer({ checkpointIntervalMs: 60_000 });
  try {
    await scenario(server, t);
  } finally {
    await server.close();
  }
});

test('evidence access on PostgreSQL: the same', async (t) => {
  const db = await createScratchDatabase();
  const server = await startServer({ db: db.url, checkpointIntervalMs: 60_000 });
  try {
    await scenario(server, t);
  } finally {
    await server.close();
    await db.drop();
  }
});
