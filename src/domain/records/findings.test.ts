import { test } from 'node:test';
import assert from 'node:assert/strict';
import { agreed, evidence, filed, admit, mechanism, mustRefuse, openCase, violationBody } from '../test-builders.js';
import { contentHash } from './fields.js';
import { getFinding } from './findings.js';
import { getInvestigation } from './investigations.js';
import { getReport } from './reports.js';

type Body = Record<string, unknown>;

test('a proposal is pending with the proposer\'s signature; final at the quorum, closing the investigation', () => {
  const { w, investigation } = openCase();
  const sha = evidence(w, 7);
  const body = violationBody(investigation, { evidence: [sha] });
  const id = w.must('qa', 'finding.propose', body).id;
  const f = getFinding(w.state, id);
  assert.equal(f?.state, 'pending');
  assert.equal(f?.hash, contentHash(body));
  assert.deepEqual(f?.signatures.map((s) => s.member), ['qa']);
  assert.equal(getInvestigation(w.state, investigation)?.closed, null);
  const r = w.apply('tr', 'finding.sign', { finding: id, hash: contentHash(body) });
  assert.ok(r.ok);
  assert.equal(f?.state, 'final');
  assert.equal(f?.decided?.index, r.ref.index);
  assert.deepEqual(getInvestigation(w.state, investigation)?.closed, { finding: id, ref: r.ref });
  assert.equal(f?.rules.version?.version, 1, 'the finding names the version whose rules it was decided under');
});

test('with a quorum of 1 the proposal itself is final', () => {
  const w = mechanism();
  agreed(w, { quorum: 1 });
  const report = filed(w);
  w.must('af', 'report.reply', { report, stance: 'denies', text: 'No.' });
  const inv = w.must('qa', 'investigation.open', { reports: [report], mandate: 'm' }).id;
  const id = w.must('tr', 'finding.propose', { investigation: inv, determination: 'inconclusive', clauses: [], reasoning: 'Accounts conflict.', evidence: [] }).id;
  assert.equal(getFinding(w.state, id)?.state, 'final');
});

test('every determination: no_violation and inconclusive may name a party, unattributable may not', () => {
  for (const [det, extra] of [['no_violation', { responsible: 'af' }], ['inconclusive', {}], ['unattributable', {}]] as const) {
    const { w, investigation } = openCase();
    const body: Body = { investigation, determination: det, clauses: ['C1'], reasoning: 'r', evidence: [], ...extra };
    const id = w.must('qa', 'finding.propose', body).id;
    w.must('tr', 'finding.sign', { finding: id, hash: contentHash(body) });
    assert.equal(getFinding(w.state, id)?.state, 'final', det);
  }
});

test('a dissent that puts the quorum out of reach rejects the proposal; another may then be proposed', () => {
  const { w, investigation } = openCase();
  const body = violationBody(investigation);
  const id = w.must('qa', 'finding.propose', body).id;
  w.must('tr', 'finding.sign', { finding: id, hash: contentHash(body), position: 'dissent', note: 'The attribution is not established.' });
  assert.equal(getFinding(w.state, id)?.state, 'rejected');
  assert.equal(getInvestigation(w.state, investigation)?.closed, null, 'a rejected proposal leaves the investigation open');
  const next = { investigation, determination: 'inconclusive', clauses: [], reasoning: 'r', evidence: [] };
  const id2 = w.must('tr', 'finding.propose', next).id;
  w.must('qa', 'finding.sign', { finding: id2, hash: contentHash(next) });
  assert.equal(getFinding(w.state, id2)?.state, 'final');
});

test('finding.propose refusals, each named', () => {
  const w = mechanism();
  const report = filed(w, 'pk', { clauses: [] });
  const early = w.must('qa', 'investigation.open', { reports: [report], mandate: 'm' }).id;
  mustRefuse(w, ['qa', 'finding.propose', violationBody('d'.repeat(64))], 'not_found', /no investigation .* a finding follows an investigation/);
  mustRefuse(w, ['qa', 'finding.propose', violationBody(early)], 'invalid_state', /term C1 does not exist/);
  const c = openCase();
  const { investigation } = c;
  admit(c.w, 'un', 'mediator');
  const cases: [Body, string, RegExp][] = [
    [violationBody(investigation, { responsible: undefined }), 'bad_request', /violation names the responsible party/],
    [violationBody(investigation, { severity: undefined }), 'bad_request', /violation has a severity/],
    [violationBody(investigation, { clauses: [] }), 'bad_request', /violation names the clauses broken/],
    [violationBody(investigation, { determination: 'inconclusive' }), 'bad_request', /severity applies only to a violation/],
    [{ investigation, determination: 'unattributable', responsible: 'af', clauses: [], reasoning: 'r', evidence: [] }, 'bad_request', /no responsible party/],
    [violationBody(investigation, { determination: 'guilty' }), 'bad_request', /determination/],
    [violationBody(investigation, { clauses: ['C9'] }), 'invalid_state', /term C9 does not exist/],
    [violationBody(investigation, { responsible: 'pk', clauses: ['C2'] }), 'invalid_state', /term C2 does not bind pk/],
    [violationBody(investigation, { responsible: 'zz' }), 'invalid_state', /zz is not the side of any admitted party/],
    [violationBody(investigation, { evidence: ['a'.repeat(64)] }), 'not_found', /evidence a+ is not registered/],
    [violationBody(investigation, { evidence: ['not-a-hash'] }), 'bad_request', /SHA-256/],
    [violationBody(investigation, { responsibility: undefined }), 'bad_request', /basis of responsibility/],
    [violationBody(investigation, { responsibility: 'support' }), 'bad_request', /support names the group/],
    [violationBody(investigation, { group: 'TTP' }), 'bad_request', /group is named only for support or failure_to_prevent/],
  ];
  for (const [body, code, re] of cases) mustRefuse(c.w, ['qa', 'finding.propose', body], code, re);
  mustRefuse(c.w, ['un', 'finding.propose', violationBody(investigation)], 'forbidden', /un is not a mediator under the rules in force/);
  mustRefuse(c.w, ['pk', 'finding.propose', violationBody(investigation)], 'forbidden', /party may not sign finding.propose/);
  c.w.must('qa', 'finding.propose', violationBody(investigation));
  mustRefuse(c.w, ['tr', 'finding.propose', violationBody(investigation, { severity: 'grave' })], 'invalid_state', /is pending in this investigation/);
});

test('a severity missing from the schedule is refused', () => {
  const w = mechanism();
  agreed(w, { penalties: { grave: { penalty: 'Referral.' } } });
  const report = filed(w);
  const inv = w.must('qa', 'investigation.open', { reports: [report], mandate: 'm' }).id;
  mustRefuse(w, ['qa', 'finding.propose', violationBody(inv, { severity: 'minor' })], 'invalid_state', /no minor severity/);
});

test('finding.sign refusals: unknown, wrong hash, twice (the proposer included), after final, not a mediator of the agreement', () => {
  const { w, investigation } = openCase();
  admit(w, 'un', 'mediator');
  const body = violationBody(investigation);
  const id = w.must('qa', 'finding.propose', body).id;
  const hash = contentHash(body);
  mustRefuse(w, ['tr', 'finding.sign', { finding: 'c'.repeat(64), hash }], 'not_found', /no finding/);
  mustRefuse(w, ['tr', 'finding.sign', { finding: id, hash: contentHash({ ...body, severity: 'minor' }) }], 'invalid_state', /not the finding's hash/);
  mustRefuse(w, ['qa', 'finding.sign', { finding: id, hash }], 'invalid_state', /qa already signed/);
  mustRefuse(w, ['un', 'finding.sign', { finding: id, hash }], 'forbidden', /un is not one of the mediators/);
  mustRefuse(w, ['af', 'finding.sign', { finding: id, hash }], 'forbidden', /party may not sign finding.sign/);
  mustRefuse(w, ['tr', 'finding.sign', { finding: id, hash, position: 'abstain' }], 'bad_request', /position/);
  w.must('tr', 'finding.sign', { finding: id, hash });
  mustRefuse(w, ['tr', 'finding.sign', { finding: id, hash }], 'invalid_state', /already final/);
  mustRefuse(w, ['qa', 'finding.propose', violationBody(investigation)], 'invalid_state', /closed by the final finding/);
});

test('a finding is final only after the accused party\'s reply period, or once its reply is in', () => {
  const { w, report, investigation } = openCase(mechanism(), { reply: false });
  const body = violationBody(investigation);
  const id = w.must('qa', 'finding.propose', body).id;
  const detail = mustRefuse(w, ['tr', 'finding.sign', { finding: id, hash: contentHash(body) }], 'invalid_state', /cannot be final yet: af may reply to report .* until/);
  assert.match(detail, new RegExp(report));
  // A dissent is not a final signature: it is taken while the period runs.
  const deadline = getReport(w.state, report)?.replyDeadline as string;
  const after = new Date(Date.parse(deadline) + 1000).toISOString().replace('.000Z', 'Z');
  w.must('tr', 'finding.sign', { finding: id, hash: contentHash(body) }, after);
  assert.equal(getFinding(w.state, id)?.state, 'final', 'final once the deadline passed without a reply');
});

test('a finding cannot be dated before what it judges (no backdating)', () => {
  const { w, investigation } = openCase();
  mustRefuse(w, ['qa', 'finding.propose', violationBody(investigation), '2025-10-01T00:00:30Z'], 'invalid_state', /a finding cannot be dated 2025-10-01T00:00:30Z, before what it judges/);
});

test('a violation names the basis of responsibility, and the finding view says it', () => {
  const { w, investigation } = openCase();
  const body = violationBody(investigation, { responsibility: 'failure_to_prevent', group: 'Tehreek-e-Taliban Pakistan (TTP)' });
  const id = w.must('qa', 'finding.propose', body).id;
  w.must('tr', 'finding.sign', { finding: id, hash: contentHash(body) });
  const f = getFinding(w.state, id);
  assert.deepEqual([f?.state, f?.content.responsibility, f?.content.group], ['final', 'failure_to_prevent', 'Tehreek-e-Taliban Pakistan (TTP)']);
});
