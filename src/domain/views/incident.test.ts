import { test } from 'node:test';
import assert from 'node:assert/strict';
import { agreementContent, evidenceBody, fakeSha, inForce, mechanism, reportBody, type World } from '../test-builders-reports.js';
import { incidentRowFields, incidentView, touchedIncidents } from './incident.js';
import { contentHash } from '../records/fields.js';

/** A case through to a final violation finding with a penalty. */
function playCase(w: World) {
  inForce(w);
  const report = w.must('field-team-1', 'report.file', reportBody({ accused: ['af'], clauses: ['C1'] }), '2025-11-07T06:00:00Z');
  w.must('af', 'report.reply', { report: report.id, stance: 'disputes_attribution', text: 'Fire came from elsewhere.' }, '2025-11-08T06:00:00Z');
  w.must('pk', 'evidence.register', evidenceBody({ reports: [report.id], confidentiality: 'mediators' }), '2025-11-08T07:00:00Z');
  w.must('qa', 'evidence.acknowledge', { sha256: fakeSha(1) }, '2025-11-08T08:00:00Z');
  const inv = w.must('qa', 'investigation.open', { reports: [report.id], mandate: 'Establish who opened fire.' }, '2025-11-09T06:00:00Z');
  const finding = { investigation: inv.id, determination: 'violation', responsible: 'af', responsibility: 'own_forces', clauses: ['C1'], severity: 'serious', reasoning: 'Test.', evidence: [fakeSha(1)] };
  const f = w.must('qa', 'finding.propose', finding, '2025-11-10T06:00:00Z');
  return { report, inv, f, finding };
}

test('incidentView: attribution, history, replies, evidence with custody, status; each record with its log ref', () => {
  const w = mechanism();
  const { report, f, finding } = playCase(w);
  let view = incidentView(w.state, report.id);
  assert.equal(view?.status, 'under_investigation');
  w.must('tr', 'finding.sign', { finding: f.id, hash: contentHash(finding) }, '2025-11-11T06:00:00Z');
  const pen = agreementContent().penalties?.serious;
  w.must('qa', 'penalty.apply', { finding: f.id, severity: 'serious', penalty: pen?.penalty }, '2025-11-12T06:00:00Z');
  view = incidentView(w.state, report.id);
  assert.ok(view);
  assert.equal(view.id, report.id);
  assert.equal(view.logIndex, report.index);
  assert.equal(view.attribution, 'alleged by FIELD-TEAM-1 (field-team-1)');
  assert.equal(view.filed.index, report.index);
  assert.equal(view.status, 'violation');
  assert.equal(view.history.length, 1);
  assert.equal(view.replies[0]?.stance, 'disputes_attribution');
  assert.equal(view.replies[0]?.withinDeadline, true);
  assert.match(view.replies[0]?.attribution ?? '', /^replied by AF \(af\) for side af/);
  assert.equal(view.evidence[0]?.sha256, fakeSha(1));
  assert.deepEqual(view.evidence[0]?.custody.map((c) => [c.kind, c.member]), [['registered', 'pk'], ['acknowledged', 'qa']]);
  assert.equal(view.investigations.length, 1);
  assert.equal(view.findings[0]?.state, 'final');
  assert.equal(view.penalties.length, 1);
  assert.equal(typeof view.replyDeadline, 'string');
  // The view is plain JSON: what the API serves and `truce verify` compares.
  assert.deepEqual(JSON.parse(JSON.stringify(view)), view);
  assert.equal(incidentView(w.state, fakeSha(99)), undefined);
});

test('status: reported, then replied once the accused answers', () => {
  const w = mechanism();
  const r = w.must('pk', 'report.file', reportBody());
  assert.equal(incidentView(w.state, r.id)?.status, 'reported');
  w.must('af', 'report.reply', { report: r.id, stance: 'denies', text: 'No.' });
  assert.equal(incidentView(w.state, r.id)?.status, 'replied');
});

test('incidentRowFields: the IncidentRow columns, full text over narrative, places, actors and replies', () => {
  const w = mechanism();
  const body = reportBody({ when: { start: '2025-10-11T18:00:00+05:00', end: '2025-10-12T06:00:00+05:00', precision: 'night' } });
  const r = w.must('pk', 'report.file', body);
  w.must('af', 'report.reply', { report: r.id, stance: 'denies', text: 'Smugglers, not soldiers.' });
  const row = incidentRowFields(w.state, r.id);
  assert.ok(row);
  assert.deepEqual(
    { id: row.id, startDate: row.startDate, endDate: row.endDate, lat: row.lat, lon: row.lon, eventType: row.eventType, parties: row.parties, status: row.status, logIndex: row.logIndex },
    { id: r.id, startDate: '2025-10-11', endDate: '2025-10-12', lat: 30.92, lon: 66.45, eventType: 'Battles', parties: ['af'], status: 'replied', logIndex: r.index },
  );
  for (const word of ['Exchange of fire', 'Chaman', 'Balochistan', 'Afghan Taliban forces', 'Smugglers']) assert.ok(row.text.includes(word), word);
  assert.deepEqual(row.view, incidentView(w.state, r.id));
  const noPoint = w.must('pk', 'report.file', reportBody({ where: { place: 'Border', country: 'Pakistan', geo_precision: 3 } }));
  assert.equal(incidentRowFields(w.state, noPoint.id)?.lat, null);
  assert.equal(incidentRowFields(w.state, fakeSha(99)), undefined);
});

test('touchedIncidents: through replies, evidence, investigations and findings', () => {
  const w = mechanism();
  const { report, inv, f } = playCase(w);
  const other = w.must('pk', 'report.file', reportBody());
  assert.deepEqual(touchedIncidents(w.state, [{ kind: 'incident', id: other.id }]), [other.id]);
  assert.deepEqual(touchedIncidents(w.state, [{ kind: 'evidence', id: fakeSha(1) }]), [report.id]);
  assert.deepEqual(touchedIncidents(w.state, [{ kind: 'investigation', id: inv.id }]), [report.id]);
  assert.deepEqual(touchedIncidents(w.state, [{ kind: 'finding', id: f.id }]), [report.id]);
  assert.deepEqual(touchedIncidents(w.state, [{ kind: 'member', id: 'pk' }, { kind: 'incident', id: fakeSha(98) }]), []);
  // The handlers name the incidents themselves: an acknowledgement of linked evidence refreshes the report's row.
  const ack = w.apply('tr', 'evidence.acknowledge', { sha256: fakeSha(1) });
  assert.ok(ack.ok);
  assert.deepEqual(touchedIncidents(w.state, ack.value), [report.id]);
});
