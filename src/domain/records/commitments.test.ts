import { test } from 'node:test';
import assert from 'node:assert/strict';
import { agreed, evidence, mechanism, mustRefuse } from '../test-builders.js';
import { actionStatus, getAction } from './commitments.js';

const handover = (over: Record<string, unknown> = {}) => ({ clause: 'C4', action: 'Handed over 3 militants at Torkham.', date: '2025-11-20', quantity: { amount: 3, unit: 'persons handed over' }, evidence: [], ...over });

test('a party reports an action on a clause binding it; mediators give verdicts', () => {
  const w = mechanism();
  agreed(w);
  const sha = evidence(w, 3, 'af');
  const id = w.must('af', 'commitment.action', handover({ evidence: [sha] })).id;
  const a = getAction(w.state, id);
  assert.deepEqual([a?.side, a?.clause, a?.mediators, actionStatus(a!)], ['af', 'C4', ['qa', 'tr'], 'unverified']);
  w.must('qa', 'commitment.verify', { action: id, result: 'verified', reasoning: 'The hand-over was witnessed by our officers.' });
  assert.equal(actionStatus(a!), 'verified');
  w.must('tr', 'commitment.verify', { action: id, result: 'not_verified', reasoning: 'We saw two, not three.' });
  assert.equal(actionStatus(a!), 'disputed', 'verdicts that differ make the action disputed');
});

test('commitment.action refusals: not a party, no agreement, clause unknown or not binding, evidence, date', () => {
  const w = mechanism();
  mustRefuse(w, ['af', 'commitment.action', handover()], 'invalid_state', /term C4 does not exist/);
  agreed(w);
  mustRefuse(w, ['qa', 'commitment.action', handover()], 'forbidden', /only a party reports actions/);
  mustRefuse(w, ['field-team-1', 'commitment.action', handover()], 'forbidden', /monitor may not sign commitment.action/);
  mustRefuse(w, ['af', 'commitment.action', handover({ clause: 'C9' })], 'invalid_state', /term C9 does not exist/);
  mustRefuse(w, ['pk', 'commitment.action', handover()], 'invalid_state', /term C4 does not bind pk/);
  mustRefuse(w, ['af', 'commitment.action', handover({ evidence: ['9'.repeat(64)] })], 'not_found', /not registered/);
  mustRefuse(w, ['af', 'commitment.action', handover({ date: '20 Nov' })], 'bad_request', /date/);
});

test('commitment.verify refusals: unknown action, a verdict twice, a result outside the list, rights', () => {
  const w = mechanism();
  agreed(w);
  const id = w.must('af', 'commitment.action', handover()).id;
  mustRefuse(w, ['qa', 'commitment.verify', { action: '1'.repeat(64), result: 'verified', reasoning: 'r' }], 'not_found', /no action/);
  mustRefuse(w, ['qa', 'commitment.verify', { action: id, result: 'probably', reasoning: 'r' }], 'bad_request', /result/);
  mustRefuse(w, ['pk', 'commitment.verify', { action: id, result: 'disputed', reasoning: 'r' }], 'forbidden', /party may not sign commitment.verify/);
  w.must('qa', 'commitment.verify', { action: id, result: 'disputed', reasoning: 'Names do not match the list.' });
  mustRefuse(w, ['qa', 'commitment.verify', { action: id, result: 'verified', reasoning: 'r' }], 'invalid_state', /qa already gave a verdict/);
});
