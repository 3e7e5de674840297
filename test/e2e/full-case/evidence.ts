// The full case, evidence: upload, registration, access by confidentiality, acknowledgement (run in order by
// ../full-case.test.ts).
import type { TestContext } from 'node:test';
import { evidenceDownloadMessage } from '../../../src/domain/records/evidence.js';
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { signed } from '../helpers/members.js';
import { assertProblem, getJson, logSize, mustRefuse, type Json } from '../helpers/http.js';
import { evidenceBody, jpegBytes } from '../helpers/case-bodies.js';
import { type CaseContext } from './context.js';

export async function evidenceCustody(t: TestContext, k: CaseContext): Promise<void> {
  const { url, m, c, append, early } = k;
  await t.test('evidence: streamed upload, registration, downloads only as confidentiality allows, acknowledgement', async (st) => {
    const bytes = jpegBytes(`crossing photo ${randomBytes(8).toString('hex')}`);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const upload = await fetch(`${url}/v1/evidence`, { method: 'POST', headers: { 'content-type': 'image/jpeg' }, body: Buffer.from(bytes) });
    assert.equal(upload.status, 201);
    assert.deepEqual(await upload.json(), { sha256, size: bytes.length, mediaType: 'image/jpeg', declaredType: 'image/jpeg', registered: false });
    c.evidence = { sha256, bytes, access: '' };
    const sizeBefore = await logSize(url);
    assert.equal(sizeBefore, c.indexes['reply-pk']! + 1, 'an upload appends nothing: only evidence.register does');

    await append('evidence', m.monitor, 'evidence.register', { ...evidenceBody(sha256, bytes.length), reports: [c.reports.r1] });
    await mustRefuse(url, await signed(m.osint, 'evidence.register', evidenceBody(sha256, bytes.length)), 409, 'invalid_state', /already registered/);

    const download = (query = '') => fetch(`${url}/v1/evidence/${sha256}${query}`);
    const problemOf = async (r: Response, status: number, code: string, detail?: RegExp) => {
      assert.equal(r.status, status);
      assertProblem(r.headers.get('content-type'), (await r.json()) as Json, status, code, detail);
    };
    await problemOf(await download(), 403, 'forbidden', /classed "mediators".*evidence\.access/);
    await problemOf(await download(`?access=${'ab'.repeat(32)}`), 403, 'forbidden', /not an accepted evidence\.access/);
    await mustRefuse(url, await signed(m.af, 'evidence.access', { sha256 }), 403, 'forbidden', /af may not download evidence classed mediators/);
    await mustRefuse(url, await signed(m.osint, 'evidence.access', { sha256 }), 403, 'forbidden', /osint-desk may not download/);
    await mustRefuse(url, await signed(m.qa, 'evidence.access', { sha256, member: 'tr' }), 403, 'forbidden', /only its own access/);

    c.evidence.access = await append('access-qa', m.qa, 'evidence.access', { sha256 });
    const proof = (by: typeof m.qa, access: string) => {
      const at = new Date().toISOString();
      const sig = Buffer.from(by.sign(evidenceDownloadMessage(sha256, access, at))).toString('base64');
      return `?access=${access}&at=${encodeURIComponent(at)}&sig=${encodeURIComponent(sig)}`;
    };
    await problemOf(await download(proof(m.tr, c.evidence.access)), 403, 'forbidden', /not signed by the key that signed the evidence\.access/);
    const allowed = await download(proof(m.qa, c.evidence.access));
    await problemOf(await download(proof(m.qa, c.evidence.access)), 403, 'forbidden', /already opened its one download/);
    assert.equal(allowed.status, 200);
    assert.equal(allowed.headers.get('content-type'), 'image/jpeg');
    assert.equal(allowed.headers.get('x-content-type-options'), 'nosniff');
    assert.deepEqual(new Uint8Array(await allowed.arrayBuffer()), bytes, 'the bytes uploaded, unchanged');

    // The access statement opens the bytes for 2 minutes only (and once: see test/e2e/evidence-access.test.ts).
    const realNow = Date.now;
    st.mock.method(Date, 'now', () => realNow() + 16 * 60_000);
    const late = await download(proof(m.qa, c.evidence.access));
    st.mock.restoreAll();
    await problemOf(late, 403, 'forbidden', /older than 2 minutes/);

    await mustRefuse(url, await signed(m.monitor, 'evidence.acknowledge', { sha256 }), 403, 'forbidden', /monitor may not sign evidence\.acknowledge/);
    await append('ack-pk', m.pk, 'evidence.acknowledge', { sha256, note: 'Seen by the Pakistani liaison cell.' });
    await mustRefuse(url, await signed(m.pk, 'evidence.acknowledge', { sha256 }, early()), 409, 'invalid_state', /already acknowledged/);
    await mustRefuse(url, await signed(m.pk, 'evidence.acknowledge', { sha256: 'cd'.repeat(32) }), 404, 'not_found', /not registered/);

    const record = (await getJson(url, `/v1/evidence/${sha256}/record`)).body;
    assert.equal(record.confidentiality, 'mediators', 'the metadata and hash of a withheld item stay public');
    assert.deepEqual(record.reports, [c.reports.r1]);
    assert.deepEqual(
      record.custody.map((x: Json) => [x.kind, x.member, x.recordedBy, x.ref.index]),
      [
        ['registered', 'field-team-1', 'field-team-1', c.indexes.evidence],
        ['accessed', 'qa', 'qa', c.indexes['access-qa']],
        ['acknowledged', 'pk', 'pk', c.indexes['ack-pk']],
      ],
    );
  });

  await t.test('evidence: a mediator\'s access id, public in the log, does not open the bytes to anyone else', async () => {
    // The access statement's id is public: the custody chain of GET /v1/incidents/:id and /v1/evidence/:sha256/record
    // shows it, and GET /v1/statements lists it. Whoever copies it must not get a mediators-only item.
    const record = (await getJson(url, `/v1/evidence/${c.evidence.sha256}/record`)).body;
    const published = (record.custody as Json[]).find((x) => x.kind === 'accessed')?.ref.id as string;
    assert.equal(published, c.evidence.access);
    const r = await fetch(`${url}/v1/evidence/${c.evidence.sha256}?access=${published}`);
    assert.equal(r.status, 403, 'a request carrying the access id that the log publishes (anonymous here: it could be osint-desk, refused clearance above) got the bytes of a mediators-only item');
  });

  await t.test('evidence: the stored bytes are the bytes sent, whatever the declared content type', async () => {
    for (const [type, text] of [['text/plain', 'Witness statement of the border police officer on duty.'], ['application/json', '{"readings":[1,2,3]}']] as const) {
      const r = await fetch(`${url}/v1/evidence`, { method: 'POST', headers: { 'content-type': type }, body: text });
      assert.equal(r.status, 201);
      const answer = (await r.json()) as Json;
      assert.deepEqual([answer.sha256, answer.size], [createHash('sha256').update(text).digest('hex'), Buffer.byteLength(text)], `an upload declared ${type} was stored as ${answer.size} bytes`);
    }
  });
}
