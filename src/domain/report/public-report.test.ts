import { it } from 'node:test';
import assert from 'node:assert/strict';
import { agreed, filed, mechanism, recordedTerm } from '../test-builders.js';
import { listPublications } from '../records/report-publish.js';
import { buildPublicReport, publicReportHash } from './public-report.js';

const NOVEMBER = { from: '2025-11-01', to: '2025-11-30' };

function caseWorld() {
  const w = mechanism();
  // Filed in October (the World's clock), about incidents of 6 and 12 November and of 20 October.
  const chaman = filed(w, 'pk', { clauses: [] });
  const kabul = filed(w, 'af', {
    clauses: [],
    accused: ['pk'],
    when: { start: '2025-11-12T00:00:00+04:30', end: '2025-11-13T00:00:00+04:30', precision: 'day' },
    where: { lat: 34.53, lon: 69.17, place: 'Kabul', country: 'Afghanistan', geo_precision: 3 },
    event_type: 'Explosions/Remote violence',
    sub_event_type: 'Air/drone strike',
  });
  const october = filed(w, 'field-team-1', { clauses: [], accused: [], when: { start: '2025-10-20T00:00:00+05:00', end: '2025-10-21T00:00:00+05:00', precision: 'day' } });
  return { w, chaman, kabul, october };
}

it('counts the period’s incidents by type, party accused and place, each figure with the log entries behind it', () => {
  const { w, chaman, kabul } = caseWorld();
  const report = buildPublicReport(w.state, NOVEMBER);
  assert.equal(report.incidents.total, 2);
  assert.deepEqual(report.incidents.items.map((i) => i.id), [chaman, kabul]);
  const indexOf = (id: string) => report.incidents.items.find((i) => i.id === id)!.index;
  assert.deepEqual(report.incidents.byAccused, [
    { key: 'af', count: 1, entries: [indexOf(chaman)] },
    { key: 'pk', count: 1, entries: [indexOf(kabul)] },
  ]);
  assert.deepEqual(report.incidents.byType.map((t) => [t.key, t.count]), [['Battles', 1], ['Explosions/Remote violence', 1]]);
  // A point given at region precision (3) is not put on the map as if it were exact.
  assert.equal(report.incidents.items.find((i) => i.id === kabul)!.lat, undefined);
  // Killed: civilians 1-2 and unknown 0-1 sum to the range 1-3.
  assert.deepEqual(report.incidents.items.find((i) => i.id === chaman)!.fatalities, { min: 1, max: 3 });
  assert.equal(report.size, w.state.size);
  assert.equal(report.status.basis, null, 'no signed status decision: the report says so rather than asserting one');
  assert.equal(report.findings.length, 0);
});

it('is a function of the log and the period alone: the same state gives the same hash, another period another', () => {
  const { w } = caseWorld();
  assert.equal(publicReportHash(buildPublicReport(w.state, NOVEMBER)), publicReportHash(buildPublicReport(w.state, NOVEMBER)));
  assert.notEqual(publicReportHash(buildPublicReport(w.state, NOVEMBER)), publicReportHash(buildPublicReport(w.state, { from: '2025-10-01', to: '2025-10-31' })));
  assert.equal(buildPublicReport(w.state, { from: '2025-10-01', to: '2025-10-31' }).incidents.total, 1);
});

it('report.publish: a mediator logs the report it recomputed; a wrong hash, an unfinished period or a party is refused', () => {
  const { w } = caseWorld();
  const period = { from: '2025-09-01', to: '2025-09-30' }; // the World's clock runs in October 2025
  const sha256 = publicReportHash(buildPublicReport(w.state, period));
  const wrong = w.apply('qa', 'report.publish', { ...period, sha256: '0'.repeat(64) });
  assert.equal(wrong.ok, false);
  assert.match(!wrong.ok ? wrong.detail : '', /computed from the log is [0-9a-f]{64}/);
  const unfinished = w.apply('qa', 'report.publish', { from: '2025-10-01', to: '2025-12-31', sha256 });
  assert.equal(!unfinished.ok && unfinished.code, 'invalid_state');
  const byParty = w.apply('pk', 'report.publish', { ...period, sha256 });
  assert.equal(!byParty.ok && byParty.code, 'forbidden');
  // The report's hash leaves out `size`: entries logged since (the refusals above append nothing) do not change it.
  filed(w, 'pk', { clauses: [] });
  const ref = w.must('qa', 'report.publish', { ...period, sha256 });
  assert.deepEqual(listPublications(w.state).map((p) => [p.from, p.to, p.sha256, p.ref.id]), [[period.from, period.to, sha256, ref.id]]);
});

it('shows every term with each party’s basis and whether it was in force at the period’s end', () => {
  const w = mechanism();
  // A written text only pk signed (binding pk alone), and a verbal undertaking the mediators recorded for both.
  agreed(w, {}, ['pk']);
  recordedTerm(w, {
    term: { id: 'V1', text: 'Cessation of hostilities along the border.', bound: ['pk', 'af'], kind: 'prohibition', indicator: 'No exchange of fire confirmed.' },
    basis: { kind: 'verbal', sides: ['pk', 'af'], given_by: 'The delegations of both parties', given_at: '2025-10-15T13:00:00Z', before: ['qa', 'tr'] },
    from: '2025-10-15T13:00:00Z',
  });
  const terms = buildPublicReport(w.state, { from: '2025-10-01', to: '2025-10-20' }).terms;
  const v1 = terms.find((t) => t.id === 'V1')!;
  assert.deepEqual(v1.parties.map((p) => [p.side, p.inForce, p.bases.map((b) => [b.kind, b.acknowledged])]), [['pk', true, [['verbal', false]]], ['af', true, [['verbal', false]]]]);
  // Before the undertaking was given, the same term was not in force for either side.
  assert.equal(buildPublicReport(w.state, { from: '2025-10-01', to: '2025-10-10' }).terms.find((t) => t.id === 'V1')!.parties.every((p) => !p.inForce), true);
  const c1 = terms.find((t) => t.id === 'C1')!;
  const pk = c1.parties.find((p) => p.side === 'pk');
  assert.deepEqual(pk?.bases.map((b) => b.kind), ['signed_text']);
  assert.ok(pk!.bases[0]!.index > 0, 'the basis points at the signature’s log entry');
  assert.equal(c1.parties.find((p) => p.side === 'af')?.bases.length ?? 0, 0, 'af signed nothing: no basis shown for it');
});
