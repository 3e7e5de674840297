import { test } from 'node:test';
import assert from 'node:assert/strict';
import { agreed, agreementBody, mechanism, statusChange } from '../test-builders.js';
import { agreementView } from './agreement.js';

test('GET /v1/agreement: versions with hash, signatures (who, when, log index), in-force state and status history', () => {
  const w = mechanism();
  const empty = agreementView(w.state, '2025-10-10T00:00:00Z');
  assert.deepEqual([empty.agreement, empty.inForce, empty.versions.length, empty.ceasefire.state], [null, null, 0, 'none']);
  const v1 = agreed(w);
  w.must('qa', 'agreement.propose', agreementBody({ version: 2, amends: v1.hash, title: 'Amended' }) as unknown as Record<string, unknown>);
  w.must('pk', 'agreement.sign', { agreement: 'ceasefire', version: 2, hash: agreementView(w.state, '2025-10-10T00:00:00Z').versions[1]?.hash });
  statusChange(w, { agreement: 'ceasefire', status: 'in_force', effective: '2025-10-15T13:00:00Z', reason: 'Agreed in Doha.' }, 'tr', 'qa');
  const view = agreementView(w.state, '2025-11-07T12:00:00Z');
  assert.equal(view.agreement, 'ceasefire');
  assert.deepEqual([view.inForce?.version, view.inForce?.hash], [1, v1.hash]);
  const [first, second] = view.versions;
  assert.equal(first?.state, 'in_force');
  assert.deepEqual(first?.signatures.map((s) => [s.member, s.role, s.side]), [['pk', 'party', 'pk'], ['af', 'party', 'af'], ['qa', 'mediator', null], ['tr', 'mediator', null]]);
  assert.ok(first?.signatures.every((s) => typeof s.ref.index === 'number' && s.ref.at.endsWith('Z')));
  assert.deepEqual(first?.missing, { parties: [], mediators: 0 });
  assert.deepEqual([second?.state, second?.title, second?.amends, second?.missing], ['proposed', 'Amended', v1.hash, { parties: ['af'], mediators: 2 }]);
  assert.deepEqual([view.ceasefire.stands, view.ceasefire.state, view.history.length], [true, 'in_force', 1]);
  assert.equal(view.history[0]?.ref.by, 'tr');
  assert.deepEqual(view.history[0]?.signatures.map((x) => x.member), ['tr', 'qa']);
  assert.deepEqual(view.terms.map((t) => [t.id, t.parties.map((p) => p.bases.map((b) => `${b.kind} v${b.version?.version}`))]).slice(0, 1), [['C1', [['signed_text v1', 'signed_text v2'], ['signed_text v1']]]]);
  assert.deepEqual([view.rules.version?.version, view.rules.quorum], [1, 2]);
  assert.doesNotThrow(() => JSON.stringify(view));
});

test('a version overtaken by a later version in force shows as superseded', () => {
  const w = mechanism();
  const v1 = agreed(w);
  agreed(w, { version: 2, amends: v1.hash });
  const view = agreementView(w.state, '2025-11-01T00:00:00Z');
  assert.deepEqual(view.versions.map((v) => [v.version, v.state, v.supersededBy]), [[1, 'superseded', 2], [2, 'in_force', null]]);
});
