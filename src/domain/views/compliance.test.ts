import { test } from 'node:test';
import assert from 'node:assert/strict';
import { contentHash } from '../records/fields.js';
import { agreed, filed, mechanism, penaltyBody, violationBody } from '../test-builders.js';
import { complianceView } from './compliance.js';
import { getReport } from '../records/reports.js';

const handover = { clause: 'C4', action: 'Handed over 3 militants.', date: '2025-11-20', evidence: [] };

function decide(w: ReturnType<typeof mechanism>, report: string, body: (inv: string) => Record<string, unknown>, at: string) {
  for (const side of getReport(w.state, report)?.accused ?? []) w.must(side, 'report.reply', { report, stance: 'denies', text: 'No.' }, at);
  const inv = w.must('qa', 'investigation.open', { reports: [report], mandate: 'm' }, at).id;
  const b = body(inv);
  const id = w.must('qa', 'finding.propose', b, at).id;
  w.must('tr', 'finding.sign', { finding: id, hash: contentHash(b) }, at);
  return id;
}

test('GET /v1/compliance: per party and per clause, alleged vs found, penalties, actions, time to finding', () => {
  const w = mechanism();
  assert.deepEqual(complianceView(w.state).parties.map((p) => [p.side, p.alleged, p.incidents, p.clauses.length]), [['pk', 0, 0, 0], ['af', 0, 0, 0]], 'nothing before the agreement');
  agreed(w);
  const r1 = filed(w, 'pk', {}, '2025-11-07T10:00:00Z');
  const finding = decide(w, r1, (inv) => violationBody(inv), '2025-11-09T12:00:00Z');
  w.must('qa', 'penalty.apply', penaltyBody(finding));
  filed(w, 'pk', { clauses: ['C2'] }, '2025-11-08T00:00:00Z');
  const r3 = filed(w, 'af', { accused: ['pk'], clauses: ['C3'] }, '2025-11-08T00:00:00Z');
  decide(w, r3, (inv) => ({ investigation: inv, determination: 'no_violation', responsible: 'pk', clauses: ['C3'], reasoning: 'r', evidence: [] }), '2025-11-09T00:00:00Z');
  const r4 = filed(w, 'field-team-1', { clauses: ['C1', 'C3'] });
  w.must('tr', 'investigation.open', { reports: [r4], mandate: 'm' });
  const a1 = w.must('af', 'commitment.action', handover).id;
  w.must('af', 'commitment.action', { ...handover, action: 'Closed two camps.' });
  w.must('qa', 'commitment.verify', { action: a1, result: 'verified', reasoning: 'Witnessed.' });

  const view = complianceView(w.state);
  assert.equal(view.agreement?.version, 1);
  assert.deepEqual(view.parties.map((p) => p.side), ['pk', 'af'], 'in the order of the agreement');
  const af = view.parties.find((p) => p.side === 'af');
  assert.ok(af);
  assert.deepEqual(
    [af.alleged, af.underInvestigation, af.open, af.findings.violation, af.penalties, af.medianHoursToFinding],
    [3, 1, 2, 1, 1, 50],
  );
  assert.deepEqual(af.violationsByMonth, [{ month: '2025-11', count: 1 }]);
  assert.deepEqual(af.actions, { reported: 2, verified: 1, not_verified: 0, disputed: 0, unverified: 1 });
  assert.deepEqual(af.clauses.map((c) => [c.clause, c.binding, c.alleged, c.findings.violation, c.penalties, c.actions.reported]), [
    ['C1', true, 2, 1, 1, 0],
    ['C2', true, 1, 0, 0, 0],
    ['C3', true, 1, 0, 0, 0],
    ['C4', true, 0, 0, 0, 2],
  ]);
  const pk = view.parties.find((p) => p.side === 'pk');
  assert.deepEqual([pk?.alleged, pk?.open, pk?.findings.no_violation, pk?.findings.violation, pk?.medianHoursToFinding], [1, 0, 1, 0, 24]);
  assert.deepEqual(pk?.clauses.map((c) => [c.clause, c.alleged, c.findings.no_violation]), [['C1', 0, 0], ['C3', 1, 1]]);
  assert.equal(pk?.clauses[0]?.text, 'Cessation of hostilities along the border.');
  assert.match(view.legend.alleged, /claims/);
});

test('median over several findings; a clause no longer in force still shows, marked not binding', () => {
  const w = mechanism();
  const v1 = agreed(w);
  const r1 = filed(w, 'pk', {}, '2025-11-01T00:00:00Z');
  decide(w, r1, (inv) => violationBody(inv), '2025-11-01T10:00:00Z');
  const r2 = filed(w, 'pk', {}, '2025-11-02T00:00:00Z');
  decide(w, r2, (inv) => violationBody(inv, { severity: 'minor' }), '2025-11-03T06:00:00Z');
  const r3 = filed(w, 'pk', {}, '2025-12-01T00:00:00Z');
  decide(w, r3, (inv) => ({ investigation: inv, determination: 'inconclusive', clauses: [], reasoning: 'r', evidence: [] }), '2025-12-01T02:00:00Z');
  filed(w, 'pk', { clauses: ['C2'] });
  agreed(w, { version: 2, amends: v1.hash, clauses: [{ id: 'C1', text: 'Ceasefire.', bound: ['pk', 'af'], kind: 'prohibition', indicator: 'i' }] });
  const af = complianceView(w.state).parties.find((p) => p.side === 'af');
  assert.equal(af?.medianHoursToFinding, 10, 'median of 10, 30 and 2 hours');
  assert.deepEqual(af?.findings, { violation: 2, no_violation: 0, inconclusive: 1, unattributable: 0 });
  assert.deepEqual(af?.violationsByMonth, [{ month: '2025-11', count: 2 }], 'by month of the incident');
  // Version 2 (without C2) was signed before the C2 report's incident (6 Nov): C2 was no longer in force for af then,
  // so that report counts as an incident, not as an alleged breach of C2.
  assert.deepEqual(af?.clauses.map((c) => [c.clause, c.binding, c.alleged]), [['C1', true, 3], ['C2', false, 0], ['C3', false, 0], ['C4', false, 0]]);
  assert.deepEqual([af?.alleged, af?.incidents], [3, 1]);
  assert.equal(af?.clauses[1]?.text, 'No use of territory for attacks on the other party.', 'text from the version that had it');
});
