import { test } from 'node:test';
import assert from 'node:assert/strict';
import { finalViolation, mustRefuse, openCase, penaltyBody, violationBody } from '../test-builders.js';
import { contentHash } from './fields.js';
import { listPenalties, penaltyOf } from './penalties.js';

test('after a final violation finding, a mediator applies the schedule\'s penalty for its severity, once', () => {
  const { w, finding } = finalViolation();
  const r = w.apply('tr', 'penalty.apply', penaltyBody(finding));
  assert.ok(r.ok);
  const p = penaltyOf(w.state, finding);
  assert.deepEqual([p?.side, p?.severity, p?.clauses, p?.consequence?.amount], ['af', 'serious', ['C1'], 30]);
  mustRefuse(w, ['qa', 'penalty.apply', penaltyBody(finding)], 'invalid_state', /already applied/);
  assert.equal(listPenalties(w.state).length, 1);
});

test('penalty.apply refusals: before final, not a violation, severity, terms that differ from the schedule, rights', () => {
  const { w, investigation } = openCase();
  const body = violationBody(investigation);
  const pending = w.must('qa', 'finding.propose', body).id;
  mustRefuse(w, ['qa', 'penalty.apply', penaltyBody(pending)], 'invalid_state', /is pending: a penalty follows only a final finding/);
  mustRefuse(w, ['qa', 'penalty.apply', penaltyBody('b'.repeat(64))], 'not_found', /no finding/);
  w.must('tr', 'finding.sign', { finding: pending, hash: contentHash(body) });
  const cases: [Record<string, unknown>, string, RegExp][] = [
    [penaltyBody(pending, 'grave'), 'invalid_state', /severity is serious, not grave/],
    [penaltyBody(pending, 'serious', { penalty: 'A mild rebuke.' }), 'invalid_state', /does not match the serious penalty/],
    [penaltyBody(pending, 'serious', { consequence: { measure: 'suspension of trade facilitation', amount: 10, unit: 'days' } }), 'invalid_state', /does not match/],
    [penaltyBody(pending, 'serious', { consequence: undefined }), 'invalid_state', /does not match/],
    [penaltyBody(pending, 'serious', { severity: 'severe' }), 'bad_request', /severity/],
  ];
  for (const [b, code, re] of cases) mustRefuse(w, ['qa', 'penalty.apply', b], code, re);
  mustRefuse(w, ['pk', 'penalty.apply', penaltyBody(pending)], 'forbidden', /party may not sign penalty.apply/);
});

test('no penalty follows a final finding that is not a violation', () => {
  const { w, investigation } = openCase();
  const body = { investigation, determination: 'no_violation', responsible: 'af', clauses: ['C1'], reasoning: 'r', evidence: [] };
  const id = w.must('qa', 'finding.propose', body).id;
  w.must('tr', 'finding.sign', { finding: id, hash: contentHash(body) });
  mustRefuse(w, ['qa', 'penalty.apply', penaltyBody(id)], 'invalid_state', /determined no_violation: a penalty follows only a violation/);
});
