import { test } from 'node:test';
import { replayDemo } from '../test-replay.js';
import assert from 'node:assert/strict';
import { trainingCase } from './case.js';
import { complianceView } from '../../views/compliance.js';
import { commitmentsView } from '../../views/commitments.js';
import { incidentView } from '../../views/incident.js';
import { mechanismRules } from '../../records/agreement-rules.js';
import { listTerms } from '../../records/terms.js';
import { accessTo, notPublic, presentIncident } from '../../views/publication.js';

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

test('the training mechanism in the field: a joint patrol planned, its report co-signed and public after review; a denied patrol counted, not shown', () => {
  const { w, named } = load();
  const r4 = incidentView(w.state, named.get('R4')?.id ?? '');
  assert.deepEqual(r4?.cosigned.map((c) => c.member), ['north', 'south', 'med-a']);
  assert.equal(accessTo(w.state, r4?.id ?? '', null, Date.now(), null), 'full');
  assert.equal(presentIncident(w.state, r4!, null).positionOnGrid, 0.5);
  const d1 = incidentView(w.state, named.get('D1')?.id ?? '');
  assert.equal(d1?.denial?.deniedBy.side, 'south');
  assert.equal(accessTo(w.state, d1?.id ?? '', null, Date.now(), null), 'none');
  assert.equal(notPublic(w.state).count, 1);
  assert.equal(mechanismRules(w.state).lateLimitHours, 96);
});
