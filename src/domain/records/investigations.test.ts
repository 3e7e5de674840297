import { test } from 'node:test';
import assert from 'node:assert/strict';
import { agreed, filed, finalViolation, mechanism, mustRefuse } from '../test-builders.js';
import { getInvestigation, investigationsOf, openInvestigationOf } from './investigations.js';

test('a mediator opens an investigation on reports, with a mandate', () => {
  const w = mechanism();
  agreed(w);
  const a = filed(w);
  const b = filed(w, 'af', { accused: ['pk'], clauses: ['C3'] });
  const r = w.apply('tr', 'investigation.open', { reports: [a, b], title: 'Chaman–Spin Boldak', mandate: 'Establish the sequence of fire.' });
  assert.ok(r.ok);
  assert.deepEqual(r.value, [{ kind: 'investigation', id: r.ref.id }, { kind: 'incident', id: a }, { kind: 'incident', id: b }]);
  assert.equal(openInvestigationOf(w.state, b)?.id, r.ref.id);
  assert.equal(getInvestigation(w.state, r.ref.id)?.closed, null);
});

test('investigation.open refusals: unknown report, one open investigation per report, rights', () => {
  const w = mechanism();
  const a = filed(w, 'pk', { clauses: [] });
  mustRefuse(w, ['qa', 'investigation.open', { reports: ['e'.repeat(64)], mandate: 'm' }], 'not_found', /no report e+ was filed/);
  mustRefuse(w, ['qa', 'investigation.open', { reports: [], mandate: 'm' }], 'bad_request', /reports/);
  mustRefuse(w, ['qa', 'investigation.open', { reports: [a] }], 'bad_request', /mandate/);
  mustRefuse(w, ['pk', 'investigation.open', { reports: [a], mandate: 'm' }], 'forbidden', /party may not sign investigation.open/);
  const first = w.must('qa', 'investigation.open', { reports: [a], mandate: 'm' }).id;
  mustRefuse(w, ['tr', 'investigation.open', { reports: [a], mandate: 'again' }], 'invalid_state', new RegExp(`already under investigation ${first}`));
});

test('once a final finding closes it, a report may be investigated again (e.g. on new evidence)', () => {
  const { w, report, investigation, finding } = finalViolation();
  assert.deepEqual(getInvestigation(w.state, investigation)?.closed?.finding, finding);
  assert.ok(w.apply('qa', 'investigation.open', { reports: [report], mandate: 'New evidence.' }).ok);
  assert.equal(investigationsOf(w.state, report).length, 2);
});
