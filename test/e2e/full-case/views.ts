// The full case, what the record shows: compliance, incident queries, one incident with its proofs, truce verify
// (run in order by ../full-case.test.ts).
import type { TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { assertProblem, checkIncidentProofs, getJson, httpAudit, httpWitness, logSize, type Json, confirmedCheckpoint } from '../helpers/http.js';
import { agreementHash } from '../helpers/case-bodies.js';
import { openCheckpoint } from '../../../src/log/checkpoint-note.js';
import { noteVerifierFromKey } from '../../../src/log/note-ed25519.js';
import { fromBase64, toBase64 } from '../../../src/log/encoding.js';
import { auditMechanism } from '../../../src/services/audit.js';
import { witnessOnce } from '../../../src/services/witness.js';
import { type CaseContext, ids, sorted } from './context.js';

export async function views(t: TestContext, k: CaseContext): Promise<void> {
  const { url, server, m, c, incidents } = k;
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
