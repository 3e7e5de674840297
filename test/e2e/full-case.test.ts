// A full case played through the HTTP API, on PGlite and on PostgreSQL: genesis and admissions, the agreement
// proposed and signed into force, reports, the accused party's reply, evidence (upload, register, access by
// confidentiality, acknowledgement), an investigation, a finding final at the mediators' quorum, the penalty of the
// schedule, a commitment action and its verification; then the compliance figures, the incident queries, one incident
// with its inclusion proofs, and `truce verify` (auditMechanism) agreeing with every projection. Every refusal on the
// way is a 4xx problem+json naming the rule, and appends nothing.
import { test, type TestContext } from 'node:test';
import { evidenceDownloadMessage } from '../../src/domain/records/evidence.js';
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { startServer, type RunningServer } from './helpers/server.js';
import { bootstrap, member, signed, type TestMember } from './helpers/members.js';
import { assertProblem, checkIncidentProofs, getJson, httpAudit, httpWitness, logSize, mustAppend, mustRefuse, type Json, confirmedCheckpoint } from './helpers/http.js';
import { agreementBody, agreementHash, asBody, evidenceBody, jpegBytes, penaltyBody, reportBody, violationBody } from './helpers/case-bodies.js';
import { contentHash } from '../../src/domain/records/fields.js';
import { createScratchDatabase } from '../../src/store/postgres-test-db.js';
import { openCheckpoint } from '../../src/log/checkpoint-note.js';
import { noteVerifierFromKey } from '../../src/log/note-ed25519.js';
import { fromBase64, toBase64 } from '../../src/log/encoding.js';
import { auditMechanism } from '../../src/services/audit.js';
import { witnessOnce } from '../../src/services/witness.js';

/** An RFC 3339 UTC time, now. */
const at = () => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');

const ids = (items: Json[]) => items.map((i) => i.id as string);
const sorted = (xs: readonly string[]) => [...xs].sort();

/** The people of the case, with fresh keys for each run. */
function cast() {
  return {
    operator: member('secretariat'),
    pk: member('pk'),
    af: member('af'),
    qa: member('qa'),
    tr: member('tr'),
    monitor: member('field-team-1'),
    osint: member('osint-desk'),
  };
}

/** Everything the steps learn and later steps rely on. */
interface CaseState {
  agreement: ReturnType<typeof agreementBody>;
  reports: { r1: string; r2: string; r3: string; r4: string };
  indexes: Record<string, number>;
  evidence: { sha256: string; bytes: Uint8Array; access: string };
  investigation: string;
  finding: string;
  action: string;
}

async function playCase(t: TestContext, server: RunningServer): Promise<void> {
  const { url } = server;
  const m = cast();
  const c = { indexes: {} } as CaseState;
  // A statement repeated on purpose (to be refused by the workflow, not as a replay) is dated a minute before the case
  // started, so its bytes differ from every statement signed during the case.
  const started = Date.now();
  const early = () => new Date(started - 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const append = async (name: string, by: TestMember, type: Parameters<typeof signed>[1], body: Json, when = at()) => {
    const r = await mustAppend(url, await signed(by, type, body, when));
    c.indexes[name] = r.index;
    return r.id;
  };
  const incidents = async (query: string) => {
    const r = await getJson(url, `/v1/incidents?${query}`);
    assert.equal(r.status, 200, `${query}: ${JSON.stringify(r.body)}`);
    return r.body as { items: Json[]; next: string | null };
  };

  await t.test('genesis and admissions: operator, two parties, two mediators, two monitors', async () => {
    await bootstrap(url, m.operator, 'e2e-case', [
      { m: m.pk, role: 'party', name: 'Government of Pakistan' },
      { m: m.af, role: 'party', name: 'Afghan de facto authorities' },
      { m: m.qa, role: 'mediator', name: 'State of Qatar' },
      { m: m.tr, role: 'mediator', name: 'Republic of Türkiye' },
      { m: m.monitor, role: 'monitor', name: 'Field team 1' },
      { m: m.osint, role: 'monitor', name: 'Open-source desk' },
    ]);
    assert.equal(await logSize(url), 7);
    const members = (await getJson(url, '/v1/members')).body.items as Json[];
    assert.deepEqual(
      Object.fromEntries(members.map((x) => [x.id, [x.role, x.side]])),
      { secretariat: ['operator', null], pk: ['party', 'pk'], af: ['party', 'af'], qa: ['mediator', null], tr: ['mediator', null], 'field-team-1': ['monitor', null], 'osint-desk': ['monitor', null] },
    );
    await mustRefuse(url, await signed(m.pk, 'member.admit', { member: 'mallory', name: 'Mallory', role: 'mediator', key: member('mallory').key }), 403, 'forbidden', /party may not sign member\.admit/);
  });

  await t.test('agreement: proposed by a mediator, signed by both parties and both mediators over its hash, in force', async () => {
    c.agreement = agreementBody();
    const hash = agreementHash(c.agreement);
    // Cross-check with a JCS written here: for this body (ASCII strings, small integers) it is JSON with sorted keys.
    const sortKeys = (v: unknown): unknown => (Array.isArray(v) ? v.map(sortKeys) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, x]) => [k, sortKeys(x)])) : v);
    assert.equal(hash, createHash('sha256').update(JSON.stringify(sortKeys(c.agreement))).digest('hex'));
    await mustRefuse(url, await signed(m.monitor, 'agreement.propose', asBody(c.agreement)), 403, 'forbidden', /monitor may not sign agreement\.propose/);
    await append('propose', m.qa, 'agreement.propose', asBody(c.agreement));
    let view = (await getJson(url, '/v1/agreement')).body;
    assert.equal(view.inForce, null, 'not in force before any signature');
    assert.equal(view.versions[0].hash, hash, 'the server hashes the JCS of the proposed body as the signers do');
    assert.equal(view.versions[0].state, 'proposed');
    assert.deepEqual(view.versions[0].missing, { parties: ['pk', 'af'], mediators: 2 });

    const sign = { agreement: c.agreement.agreement, version: 1, hash };
    await mustRefuse(url, await signed(m.pk, 'agreement.sign', { ...sign, hash: contentHash({ ...c.agreement, title: 'Another text' }) }), 409, 'invalid_state', /not the hash/);
    await mustRefuse(url, await signed(m.pk, 'agreement.sign', { ...sign, version: 2 }), 404, 'not_found', /no version 2/);
    for (const who of [m.pk, m.af, m.qa]) await append(`sign-${who.id}`, who, 'agreement.sign', sign);
    view = (await getJson(url, '/v1/agreement')).body;
    assert.equal(view.inForce, null, "three of four: the mediators' quorum of 2 is not reached");
    assert.deepEqual(view.versions[0].missing, { parties: [], mediators: 1 });
    await mustRefuse(url, await signed(m.qa, 'agreement.sign', sign, early()), 409, 'invalid_state', /already signed/);
    await mustRefuse(url, await signed(m.monitor, 'agreement.sign', sign), 403, 'forbidden');
    await append('sign-tr', m.tr, 'agreement.sign', sign);

    view = (await getJson(url, '/v1/agreement')).body;
    assert.equal(view.agreement, 'border-ceasefire');
    assert.deepEqual({ version: view.inForce.version, hash: view.inForce.hash, since: view.inForce.since.index }, { version: 1, hash, since: c.indexes['sign-tr'] });
    const v = view.versions[0];
    assert.equal(v.state, 'in_force');
    assert.deepEqual(v.missing, { parties: [], mediators: 0 });
    assert.deepEqual(
      v.signatures.map((s: Json) => [s.member, s.role, s.side, s.ref.index]),
      [
        ['pk', 'party', 'pk', c.indexes['sign-pk']],
        ['af', 'party', 'af', c.indexes['sign-af']],
        ['qa', 'mediator', null, c.indexes['sign-qa']],
        ['tr', 'mediator', null, c.indexes['sign-tr']],
      ],
    );
    assert.deepEqual(v.clauses.map((x: Json) => x.id), ['C1', 'C2', 'C3', 'C4']);
    assert.deepEqual(v.penalties, c.agreement.penalties);
  });

  await t.test('reports: filed by a monitor and by the parties, amended by the filer; bad ones refused', async () => {
    const r1 = reportBody({ narrative: 'Mortar rounds were fired across the Chaman crossing from the Afghan side in the afternoon.' });
    const r2 = reportBody({
      when: { start: '2025-10-15T00:00:00+04:30', end: '2025-10-16T00:00:00+04:30', precision: 'day' },
      where: { lat: 31.0, lon: 66.39, place: 'Spin Boldak', admin1: 'Kandahar', country: 'Afghanistan', iso: 4, geo_precision: 1 },
      event_type: 'Explosions/Remote violence',
      sub_event_type: 'Air/drone strike',
      actors: [
        { name: 'Pakistani security forces', side: 'pk', role: 'perpetrator', actor_type: 'State forces' },
        { name: 'Civilians (Afghanistan)', side: null, role: 'target', actor_type: 'Civilians' },
      ],
      narrative: 'Drones struck houses near the bazaar; the Afghan side holds Pakistan responsible.',
      clauses: ['C3'],
      accused: ['pk'],
    });
    const r3 = reportBody({
      when: { start: '2025-11-20T09:00:00+05:00', end: '2025-11-20T11:00:00+05:00', precision: 'exact' },
      where: { lat: 34.13, lon: 71.09, place: 'Torkham', admin1: 'Khyber Pakhtunkhwa', country: 'Pakistan', iso: 586, geo_precision: 1 },
      event_type: 'Ceasefire mechanism',
      sub_event_type: 'Obstruction or denial of access to monitors',
      actors: [{ name: 'Unidentified armed men', side: null, role: 'perpetrator' }],
      narrative: 'The field team was turned back at the gate and could not observe the crossing.',
      clauses: [],
      accused: [],
    });
    const r4 = reportBody({
      when: { start: '2025-10-12T18:00:00+05:00', end: '2025-10-13T06:00:00+05:00', precision: 'night' },
      where: { lat: 33.7, lon: 70.2, place: 'Kurram', admin1: 'Khyber Pakhtunkhwa', country: 'Pakistan', iso: 586, geo_precision: 2 },
      narrative: 'Militants crossed from Afghan territory at night and attacked a border post.',
      clauses: ['C2'],
      accused: ['af'],
    });
    delete (r3 as { casualties?: unknown }).casualties;
    c.reports = {
      r1: await append('r1', m.monitor, 'report.file', asBody(r1)),
      r2: await append('r2', m.af, 'report.file', asBody(r2)),
      r3: await append('r3', m.monitor, 'report.file', asBody(r3)),
      r4: await append('r4', m.pk, 'report.file', asBody(r4)),
    };
    await mustRefuse(url, await signed(m.monitor, 'report.file', asBody(reportBody({ clauses: ['C9'] }))), 409, 'invalid_state', /term C9 does not exist; the terms are: C1, C2, C3, C4/);
    await mustRefuse(url, await signed(m.monitor, 'report.file', asBody(reportBody({ accused: ['xx'] }))), 409, 'invalid_state', /accused side xx/);
    await mustRefuse(url, await signed(m.monitor, 'report.file', asBody(reportBody({ sub_event_type: 'Pillow fight' }))), 400, 'bad_request', /taxonomy/);
    await mustRefuse(url, await signed(m.pk, 'report.amend', { report: c.reports.r1, changes: { narrative: 'Nothing happened.' } }), 403, 'forbidden', /only the filer/);
    await append('amend', m.monitor, 'report.amend', {
      report: c.reports.r1,
      changes: { narrative: 'Mortar rounds were fired across the Chaman crossing from the Afghan side; two civilians were killed.', casualties: { killed: { civilian: { min: 2, best: 2, max: 2 } } } },
      reason: 'Hospital records received',
    });
    const view = (await getJson(url, `/v1/incidents/${c.reports.r1}`)).body;
    assert.equal(view.attribution, 'alleged by Field team 1 (field-team-1)', 'a report is a claim attributed to its filer');
    assert.deepEqual(view.history.map((h: Json) => [h.version, h.reason, h.ref.index]), [[1, null, c.indexes.r1], [2, 'Hospital records received', c.indexes.amend]]);
    assert.match(view.report.narrative, /two civilians were killed/);
    assert.equal(view.history[0].body.narrative, r1.narrative, 'the first version is kept as filed');
    assert.equal(view.replyDeadline, new Date(Date.parse(view.filed.at) + 72 * 3_600_000).toISOString(), "the agreement's 72 h reply deadline");
  });

  await t.test('replies: the accused party answers beside the report; a party not accused cannot', async () => {
    await append('reply-af', m.af, 'report.reply', { report: c.reports.r1, stance: 'denies', text: 'No Afghan unit fired; smugglers exchanged fire with the border police.' });
    await append('reply-pk', m.pk, 'report.reply', { report: c.reports.r2, stance: 'disputes_facts', text: 'No Pakistani aircraft flew over Spin Boldak that day.' });
    await mustRefuse(url, await signed(m.pk, 'report.reply', { report: c.reports.r1, stance: 'other', text: 'We support the report.' }), 403, 'forbidden', /only a party accused by this report \(af\)/);
    await mustRefuse(url, await signed(m.qa, 'report.reply', { report: c.reports.r1, stance: 'other', text: 'Noted.' }), 403, 'forbidden');
    await mustRefuse(url, await signed(m.af, 'report.reply', { report: '0'.repeat(64), stance: 'denies', text: 'Never happened.' }), 404, 'not_found', /no report/);
    const view = (await getJson(url, `/v1/incidents/${c.reports.r1}`)).body;
    assert.equal(view.replies.length, 1);
    const [reply] = view.replies;
    assert.deepEqual([reply.side, reply.stance, reply.withinDeadline, reply.ref.index], ['af', 'denies', true, c.indexes['reply-af']]);
    assert.match(reply.attribution, /replied by Afghan de facto authorities \(af\)/);
    assert.match(view.report.narrative, /Mortar rounds/, 'the reply sits beside the report, never over it');
  });

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

  await t.test('investigation and finding: opened by a mediator, proposed, final at the quorum', async () => {
    await mustRefuse(url, await signed(m.monitor, 'investigation.open', { reports: [c.reports.r1], mandate: 'Look into it.' }), 403, 'forbidden');
    c.investigation = await append('investigation', m.qa, 'investigation.open', { reports: [c.reports.r1], title: 'Chaman, 6 November', mandate: 'Establish who fired across the Chaman crossing on 6 November.' });
    await mustRefuse(url, await signed(m.tr, 'investigation.open', { reports: [c.reports.r1], mandate: 'Again.' }), 409, 'invalid_state', /already under investigation/);
    assert.equal((await getJson(url, `/v1/incidents/${c.reports.r1}`)).body.status, 'under_investigation');

    const proposal = violationBody(c.investigation, { evidence: [c.evidence.sha256] });
    await mustRefuse(url, await signed(m.qa, 'finding.propose', { ...proposal, responsible: 'pk', clauses: ['C4'] }), 409, 'invalid_state', /term C4 does not bind pk/);
    await mustRefuse(url, await signed(m.qa, 'finding.propose', Object.fromEntries(Object.entries(proposal).filter(([k]) => k !== 'severity'))), 400, 'bad_request', /severity/);
    await mustRefuse(url, await signed(m.pk, 'finding.propose', proposal), 403, 'forbidden');
    c.finding = await append('finding', m.qa, 'finding.propose', proposal);
    const findingHash = contentHash(proposal);

    await mustRefuse(url, await signed(m.tr, 'penalty.apply', penaltyBody(c.finding)), 409, 'invalid_state', /pending: a penalty follows only a final finding/);
    await mustRefuse(url, await signed(m.tr, 'finding.sign', { finding: c.finding, hash: contentHash({ ...proposal, severity: 'minor' }) }), 409, 'invalid_state', /not the finding's hash/);
    await mustRefuse(url, await signed(m.af, 'finding.sign', { finding: c.finding, hash: findingHash }), 403, 'forbidden');
    await mustRefuse(url, await signed(m.qa, 'finding.sign', { finding: c.finding, hash: findingHash }), 409, 'invalid_state', /already signed/);
    let view = (await getJson(url, `/v1/incidents/${c.reports.r1}`)).body;
    assert.equal(view.findings[0].state, 'pending');
    assert.match(view.findings[0].attribution, /not final \(1 of 2 signatures\)/, 'a proposal is attributed, not stated as fact');

    await append('finding-sign', m.tr, 'finding.sign', { finding: c.finding, hash: findingHash });
    view = (await getJson(url, `/v1/incidents/${c.reports.r1}`)).body;
    assert.equal(view.status, 'violation');
    const f = view.findings[0];
    assert.deepEqual([f.id, f.hash, f.state, f.decided.index, f.quorum], [c.finding, findingHash, 'final', c.indexes['finding-sign'], 2]);
    assert.deepEqual(f.signatures.map((s: Json) => [s.member, s.position]), [['qa', 'concur'], ['tr', 'concur']]);
    assert.deepEqual([f.responsible, f.clauses, f.severity, f.evidence], ['af', ['C1'], 'serious', [c.evidence.sha256]]);
    assert.deepEqual(view.investigations.map((i: Json) => [i.id, i.state, i.closed?.finding]), [[c.investigation, 'closed', c.finding]]);
    await mustRefuse(url, await signed(m.qa, 'finding.propose', proposal, early()), 409, 'invalid_state', /closed by the final finding/);
  });

  await t.test('penalty: only the one the schedule sets for the severity found', async () => {
    await mustRefuse(url, await signed(m.tr, 'penalty.apply', penaltyBody(c.finding, 'serious', { penalty: 'A stern look across the table.' })), 409, 'invalid_state', /does not match the serious penalty of the schedule/);
    await mustRefuse(url, await signed(m.tr, 'penalty.apply', penaltyBody(c.finding, 'serious', { consequence: { measure: 'suspension of trade facilitation', amount: 3, unit: 'days' } })), 409, 'invalid_state', /does not match/);
    await mustRefuse(url, await signed(m.tr, 'penalty.apply', penaltyBody(c.finding, 'grave')), 409, 'invalid_state', /severity is serious, not grave/);
    await mustRefuse(url, await signed(m.pk, 'penalty.apply', penaltyBody(c.finding)), 403, 'forbidden');
    await append('penalty', m.tr, 'penalty.apply', penaltyBody(c.finding, 'serious', { note: 'Censure issued at the commission session.' }));
    await mustRefuse(url, await signed(m.qa, 'penalty.apply', penaltyBody(c.finding)), 409, 'invalid_state', /already applied/);
    const view = (await getJson(url, `/v1/incidents/${c.reports.r1}`)).body;
    assert.deepEqual(
      view.penalties.map((p: Json) => [p.finding, p.side, p.clauses, p.severity, p.penalty, p.consequence, p.ref.index]),
      [[c.finding, 'af', ['C1'], 'serious', 'Public censure by the mediators.', { measure: 'suspension of trade facilitation', amount: 30, unit: 'days' }, c.indexes.penalty]],
    );
  });

  await t.test('commitments: af reports an action on its obligation, a mediator verifies it', async () => {
    const action = { clause: 'C4', action: 'Handed over three persons named in the annex at Torkham.', date: '2025-11-25', quantity: { amount: 3, unit: 'persons handed over' }, evidence: [] };
    await mustRefuse(url, await signed(m.pk, 'commitment.action', action), 409, 'invalid_state', /term C4 does not bind pk/);
    await mustRefuse(url, await signed(m.monitor, 'commitment.action', action), 403, 'forbidden');
    c.action = await append('action', m.af, 'commitment.action', action);
    await mustRefuse(url, await signed(m.pk, 'commitment.verify', { action: c.action, result: 'not_verified', reasoning: 'We saw nobody.' }), 403, 'forbidden');
    await append('verify', m.qa, 'commitment.verify', { action: c.action, result: 'verified', reasoning: 'The mediators\' liaison officer witnessed the hand-over.' });
    await mustRefuse(url, await signed(m.qa, 'commitment.verify', { action: c.action, result: 'verified', reasoning: 'Again.' }), 409, 'invalid_state', /already gave a verdict/);
    const listed = (await getJson(url, '/v1/commitments?party=af')).body.items as Json[];
    assert.deepEqual(
      listed.map((a) => [a.id, a.side, a.clause, a.status, a.verdicts.map((v: Json) => [v.member, v.result])]),
      [[c.action, 'af', action.clause, 'verified', [['qa', 'verified']]]],
    );
    assert.match(listed[0]!.attribution, /^reported by .*\(af\)$/, 'an action is the party\'s claim until a mediator verifies it');
    assert.deepEqual((await getJson(url, '/v1/commitments?party=pk')).body.items, []);
  });

  await t.test('compliance: per party and clause, exactly the figures of the case', async () => {
    const view = (await getJson(url, '/v1/compliance')).body;
    assert.equal(view.size, await logSize(url));
    assert.deepEqual(view.agreement, { agreement: 'border-ceasefire', version: 1, hash: agreementHash(c.agreement) });
    assert.deepEqual(view.parties.map((p: Json) => p.side), ['pk', 'af']);
    const [pk, af] = view.parties as Json[];
    const incident = (await getJson(url, `/v1/incidents/${c.reports.r1}`)).body;
    const hours = Math.round(((Date.parse(incident.findings[0].decided.at) - Date.parse(incident.filed.at)) / 3_600_000) * 10) / 10;
    const none = { violation: 0, no_violation: 0, inconclusive: 0, unattributable: 0 };
    const noActions = { reported: 0, verified: 0, not_verified: 0, disputed: 0, unverified: 0 };
    const figures = (p: Json) => ({ alleged: p.alleged, underInvestigation: p.underInvestigation, open: p.open, findings: p.findings, violationsByMonth: p.violationsByMonth, penalties: p.penalties, actions: p.actions, medianHoursToFinding: p.medianHoursToFinding });
    assert.deepEqual(figures(af!), {
      alleged: 2, // r1 (monitor) and r4 (pk)
      underInvestigation: 0,
      open: 1, // r4; r1 was decided
      findings: { ...none, violation: 1 },
      violationsByMonth: [{ month: '2025-11', count: 1 }],
      penalties: 1,
      actions: { ...noActions, reported: 1, verified: 1 },
      medianHoursToFinding: hours,
    });
    assert.deepEqual(figures(pk!), { alleged: 1, underInvestigation: 0, open: 1, findings: none, violationsByMonth: [], penalties: 0, actions: noActions, medianHoursToFinding: null });
    const clause = (p: Json, id: string) => (p.clauses as Json[]).find((x) => x.clause === id)!;
    assert.deepEqual([clause(af!, 'C1').alleged, clause(af!, 'C1').findings.violation, clause(af!, 'C1').penalties, clause(af!, 'C1').open], [1, 1, 1, 0]);
    assert.deepEqual([clause(af!, 'C2').alleged, clause(af!, 'C2').findings.violation, clause(af!, 'C2').open], [1, 0, 1]);
    assert.deepEqual([clause(af!, 'C4').actions.reported, clause(af!, 'C4').actions.verified, clause(af!, 'C4').binding, clause(af!, 'C4').kind], [1, 1, true, 'obligation']);
    assert.deepEqual([clause(pk!, 'C3').alleged, clause(pk!, 'C3').findings.violation], [1, 0]);
    assert.equal(clause(pk!, 'C4'), undefined, 'C4 binds af only');
    assert.deepEqual((af!.clauses as Json[]).map((x) => x.clause), ['C1', 'C2', 'C3', 'C4']);
  });

  await t.test('incidents: time range, bbox, type, party, status, full text, and cursor paging', async () => {
    const { r1, r2, r3, r4 } = c.reports;
    const all = await incidents('');
    assert.deepEqual(ids(all.items), [r3, r1, r2, r4], 'newest incident first');
    assert.equal(all.next, null);
    const expect = async (query: string, want: string[]) => assert.deepEqual(sorted(ids((await incidents(query)).items)), sorted(want), query);
    await expect('from=2025-11-01', [r1, r3]);
    await expect('to=2025-10-31', [r2, r4]);
    await expect('from=2025-10-13&to=2025-11-06', [r4, r2, r1]); // r4 is the night of 12-13 October
    await expect('from=2025-10-14&to=2025-11-05', [r2]);
    await expect('bbox=65,30,67,32', [r1, r2]);
    await expect('bbox=69.5,33,72,35', [r3, r4]);
    await expect('bbox=0,0,10,10', []);
    await expect('type=Battles', [r1, r4]);
    await expect(`type=${encodeURIComponent('Explosions/Remote violence')}`, [r2]);
    await expect('party=af', [r1, r4]);
    await expect('party=pk', [r2]);
    await expect('status=violation', [r1]);
    await expect('status=replied', [r2]);
    await expect('status=reported', [r3, r4]);
    await expect('q=mortar', [r1]);
    await expect('q=smugglers', [r1]); // the accused's reply is searched too
    await expect('q=Torkham', [r3]);
    await expect('q=drones', [r2]);
    await expect('q=xylophone', []);
    await expect('party=af&from=2025-11-01', [r1]);
    await expect('party=af&status=reported&bbox=69.5,33,72,35', [r4]);

    for (const limit of [1, 3]) {
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const page = await incidents(`limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
        assert.ok(page.items.length <= limit);
        seen.push(...ids(page.items));
        cursor = page.next;
        pages += 1;
        assert.ok(pages <= 5, 'paging ends');
      } while (cursor);
      assert.deepEqual(seen, [r3, r1, r2, r4], `limit=${limit}: every incident once, in order, no duplicates`);
      assert.equal(pages, Math.ceil(4 / limit));
    }
    const firstTwo = await incidents('party=af&limit=1');
    const rest = await incidents(`party=af&limit=1&cursor=${encodeURIComponent(firstTwo.next!)}`);
    assert.deepEqual([...ids(firstTwo.items), ...ids(rest.items)], [r1, r4], 'a cursor keeps the filters of its query');

    for (const bad of ['bbox=1,2,3', 'bbox=10,50,20,40', 'from=2025-13-01', 'to=yesterday', 'limit=0', 'cursor=not-a-cursor!']) {
      const r = await getJson(url, `/v1/incidents?${bad}`);
      assert.equal(r.status, 400, bad);
      assertProblem(r.type, r.body, 400, 'bad_request');
    }
  });

  await t.test('GET /v1/incidents/:id: history, replies, custody, findings, penalties, every inclusion proof verifies', async () => {
    await server.mechanism.publishCheckpoint();
    const r = await getJson(url, `/v1/incidents/${c.reports.r1}`);
    assert.equal(r.status, 200);
    const view = r.body;
    assert.deepEqual([view.id, view.logIndex, view.status, view.filedBy.id], [c.reports.r1, c.indexes.r1, 'violation', 'field-team-1']);
    assert.equal(view.history.length, 2);
    assert.equal(view.replies.length, 1);
    assert.deepEqual(
      view.evidence.map((e: Json) => [e.sha256, e.confidentiality, e.mediaType, e.registeredBy, e.custody.map((x: Json) => `${x.kind}:${x.member}`)]),
      [[c.evidence.sha256, 'mediators', 'image/jpeg', 'field-team-1', ['registered:field-team-1', 'accessed:qa', 'acknowledged:pk']]],
    );
    assert.equal(view.findings.length, 1);
    assert.equal(view.penalties.length, 1);

    const proven = checkIncidentProofs(view.proofs);
    const cited = ['r1', 'amend', 'reply-af', 'evidence', 'access-qa', 'ack-pk', 'investigation', 'finding', 'finding-sign', 'penalty'].map((k) => c.indexes[k]!);
    for (const index of cited) assert.ok(proven.includes(index), `the record at log index ${index} has its inclusion proof`);

    // The proofs are against the checkpoint the log signed.
    const info = (await getJson(url, '/v1/log')).body;
    const opened = openCheckpoint(await (await fetch(`${url}/checkpoint`)).text(), { origin: info.origin, log: noteVerifierFromKey(info.vkey)! });
    assert.ok(opened.ok);
    assert.deepEqual([view.proofs.checkpoint.size, view.proofs.checkpoint.root], [opened.checkpoint.size, toBase64(opened.checkpoint.rootHash)]);
    assert.equal(fromBase64(view.proofs.checkpoint.root)?.length, 32);

    const missing = await getJson(url, `/v1/incidents/${'0'.repeat(64)}`);
    assert.equal(missing.status, 404);
    assertProblem(missing.type, missing.body, 404, 'not_found');
    const bad = await getJson(url, '/v1/incidents/not-an-id');
    assert.equal(bad.status, 400);
    assertProblem(bad.type, bad.body, 400, 'bad_request');
  });

  await t.test('truce verify (auditMechanism over HTTP) rebuilds every projection from the log and agrees', async () => {
    await server.mechanism.publishCheckpoint();
    for (const w of [m.pk, m.af, m.qa]) {
      const step = await witnessOnce(httpWitness(url), { ...w, member: w.id }, join(server.dataDir, `witness-${w.id}.json`), await confirmedCheckpoint(url));
      assert.equal(step.outcome, 'cosigned');
    }
    const report = await auditMechanism(httpAudit(url));
    const failed = report.checks.filter((x) => !x.ok);
    assert.deepEqual(failed, [], 'every check passes, the witnesses one included');
    assert.ok(report.ok);
    assert.equal(report.size, await logSize(url));
    const names = report.checks.map((x) => x.name);
    for (const name of ['checkpoint signature', 'tree', 'statements', 'witnesses', 'projection: agreement', 'projection: compliance', 'projection: incidents']) assert.ok(names.includes(name), name);
    assert.match(report.checks.find((x) => x.name === 'projection: incidents')!.detail, /^4 incidents/);
  });
}

test('a full case through the HTTP API on PGlite', async (t) => {
  const server = await startServer({ checkpointIntervalMs: 100 });
  try {
    await playCase(t, server);
  } finally {
    await server.close();
  }
});

test('the same case through the HTTP API on PostgreSQL', async (t) => {
  // No skip: the test machines run PostgreSQL at 127.0.0.1:5432, and a store that is not tested there is not tested.
  const db = await createScratchDatabase();
  try {
    const server = await startServer({ db: db.url, checkpointIntervalMs: 100 });
    try {
      await playCase(t, server);
    } finally {
      await server.close();
    }
  } finally {
    await db.drop();
  }
});
