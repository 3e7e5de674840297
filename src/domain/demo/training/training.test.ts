import { test } from 'node:test';
import { replayDemo } from '../test-replay.js';
import assert from 'node:assert/strict';
import { trainingCase } from './case.js';
import { complianceView } from '../../views/compliance.js';
import { commitmentsView } from '../../views/commitments.js';
import { incidentView } from '../../views/incident.js';
import { mechanismRules } from '../../records/agreement-rules.js';
import { listTerms } from '../../records/terms.js';

/** Load the demo as the server would, with test keys; every statement must be accepted. */
const load = () => replayDemo(trainingCase());

test('the training mechanism: fictional, labelled, and the whole workflow accepted in time order', () => {
  const demo = trainingCase();
  assert.match(demo.label, /^TRAINING MECHANISM: fictional/);
  assert.ok(demo.members.every((m) => !['pk', 'af', 'qa', 'tr'].includes(m.id)), 'no real party\'s id');
  const { w, named } = load();
  assert.deepEqual([mechanismRules(w.state).quorum, mechanismRules(w.state).witnesses?.quorum], [2, 3]);
  assert.equal(incidentView(w.state, named.get('R1')?.id ?? '')?.status, 'violation');
  assert.equal(incidentView(w.state, named.get('R2')?.id ?? '')?.status, 'no_violation');
  const south = complianceView(w.state).parties.find((p) => p.side === 'south');
  assert.deepEqual([south?.findings.violation, south?.violationsByBasis.failure_to_prevent, south?.penalties, south?.actions.verified], [1, 1, 1, 1]);
  const c3 = commitmentsView(w.state, '2026-05-01T00:00:00Z').commitments.filter((c) => c.term === 'C3').map((c) => [c.benchmark, c.status]);
  assert.deepEqual(c3, [['B1', 'verified'], ['B2', 'reported']]);
  assert.deepEqual(commitmentsView(w.state, '2026-05-01T00:00:00Z').requests.map((r) => r.status), ['answered']);
  const v1 = listTerms(w.state).find((t) => t.id === 'V1');
  assert.ok(v1?.parties.find((p) => p.side === 'north')?.bases[0]?.record?.acknowledged, 'north acknowledged the verbal undertaking');
  assert.equal(v1?.parties.find((p) => p.side === 'south')?.bases[0]?.record?.acknowledged, null);
});
