// The full case, an investigation to a final finding, the penalty of the schedule, a commitment verified (run in
// order by ../full-case.test.ts).
import type { TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { signed } from '../helpers/members.js';
import { getJson, mustRefuse, type Json } from '../helpers/http.js';
import { penaltyBody, violationBody } from '../helpers/case-bodies.js';
import { contentHash } from '../../../src/domain/records/fields.js';
import { type CaseContext } from './context.js';

export async function decisions(t: TestContext, k: CaseContext): Promise<void> {
  const { url, m, c, append, early } = k;
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
}
