import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evidenceBody, fakeSha, inForce, mechanism, reportBody } from '../test-builders-reports.js';
import { getReport } from './reports.js';
import { getEvidence } from './evidence.js';

test('a party files a report; the record keeps the filer, accused, clauses and the first version', () => {
  const w = mechanism();
  const r = w.apply('pk', 'report.file', reportBody());
  assert.ok(r.ok);
  assert.deepEqual(r.value, [{ kind: 'incident', id: r.ref.id }]);
  const report = getReport(w.state, r.ref.id);
  assert.equal(report?.filedBy, 'pk');
  assert.deepEqual(report?.accused, ['af']);
  assert.deepEqual(report?.clauses, []);
  assert.equal(report?.versions.length, 1);
  assert.equal(report?.replyDeadline, new Date(Date.parse(r.ref.at) + 168 * 3_600_000).toISOString(), 'no rules accepted yet: the default reply period of 168 h');
});

test('monitors and mediators file; observers and the operator may not', () => {
  const w = mechanism();
  assert.ok(w.apply('field-team-1', 'report.file', reportBody()).ok);
  assert.ok(w.apply('qa', 'report.file', reportBody()).ok);
  assert.equal(w.apply('press', 'report.file', reportBody()).ok, false);
  const op = w.apply('secretariat', 'report.file', reportBody());
  assert.equal(!op.ok && op.code, 'forbidden');
});

test('refusals name the rule: taxonomy, interval, precision span, point, unknown side, unknown evidence', () => {
  const w = mechanism();
  const cases: [Record<string, unknown>, RegExp][] = [
    [reportBody({ sub_event_type: 'Peaceful protest' }), /taxonomy/],
    [reportBody({ when: { start: '2025-11-07T00:00:00+05:00', end: '2025-11-06T00:00:00+05:00', precision: 'day' } }), /end is before start/],
    [reportBody({ when: { start: '2025-11-01T00:00:00+05:00', end: '2025-11-07T00:00:00+05:00', precision: 'day' } }), /precision day spans at most 25 hours/],
    [reportBody({ when: { start: '2025-11-06T00:00:00', end: '2025-11-07T00:00:00+05:00', precision: 'day' } }), /local UTC offset/],
    [{ ...reportBody(), where: { lat: 30.9, place: 'Chaman', country: 'Pakistan', geo_precision: 1 } }, /both lat and lon/],
    [{ ...reportBody(), where: { place: 'Chaman', country: 'Pakistan', geo_precision: 4 } }, /geo_precision/],
    [reportBody({ accused: ['ttp'] }), /accused side ttp/],
    [reportBody({ actors: [{ name: 'X', side: 'zz', role: 'other' }] }), /side zz/],
    [reportBody({ evidence: [fakeSha(9)] }), /not registered/],
    [{ ...reportBody(), extra: 1 }, /invalid/],
    [reportBody({ casualties: { killed: { civilian: { min: 3, best: 2 } } } }), /min <= best <= max/],
  ];
  for (const [body, re] of cases) {
    const r = w.apply('pk', 'report.file', body);
    assert.equal(r.ok, false, `accepted ${JSON.stringify(body)}`);
    assert.match(!r.ok ? r.detail : '', re);
  }
  assert.equal(w.state.records.get('reports')?.size ?? 0, 0, 'nothing stored on refusal');
});

test('the mechanism\'s own categories are accepted as event types', () => {
  const w = mechanism();
  const r = w.apply('field-team-1', 'report.file', reportBody({ event_type: 'Ceasefire mechanism', sub_event_type: 'Obstruction or denial of access to monitors' }));
  assert.ok(r.ok);
});

test('with an agreement in force, clauses must be in it and a reply deadline is set', () => {
  const w = mechanism();
  inForce(w);
  const bad = w.apply('pk', 'report.file', reportBody({ clauses: ['C9'] }));
  assert.match(!bad.ok ? bad.detail : '', /term C9 does not exist; the terms are: C1, C3/);
  const r = w.apply('pk', 'report.file', reportBody({ clauses: ['C1'] }), '2025-10-20T00:00:00Z');
  assert.ok(r.ok);
  assert.equal(getReport(w.state, r.ref.id)?.replyDeadline, '2025-10-23T00:00:00.000Z');
});

test('report.amend: only the filer; each version kept with its ref; the merged body is re-checked', () => {
  const w = mechanism();
  const filed = w.must('pk', 'report.file', reportBody());
  const other = w.apply('af', 'report.amend', { report: filed.id, changes: { narrative: 'no' } });
  assert.equal(!other.ok && other.code, 'forbidden');
  const bad = w.apply('pk', 'report.amend', { report: filed.id, changes: { sub_event_type: 'Grenade' } });
  assert.equal(bad.ok, false);
  const empty = w.apply('pk', 'report.amend', { report: filed.id, changes: {} });
  assert.match(!empty.ok ? empty.detail : '', /at least one field/);
  const amended = w.must('pk', 'report.amend', { report: filed.id, changes: { narrative: 'Corrected account.', accused: ['af', 'pk'] }, reason: 'new witness' });
  const report = getReport(w.state, filed.id);
  assert.equal(report?.versions.length, 2);
  assert.equal(report?.versions[0]?.body.narrative, 'Exchange of fire at the crossing.');
  assert.equal(report?.versions[1]?.ref.index, amended.index);
  assert.equal(report?.versions[1]?.reason, 'new witness');
  assert.equal(report?.body.narrative, 'Corrected account.');
  assert.deepEqual(report?.accused, ['af', 'pk']);
  const missing = w.apply('pk', 'report.amend', { report: fakeSha(5), changes: { narrative: 'x' } });
  assert.equal(!missing.ok && missing.code, 'not_found');
});

test('report.reply: only the accused party; beside the report; deadline recorded', () => {
  const w = mechanism();
  inForce(w);
  const filed = w.must('pk', 'report.file', reportBody(), '2025-10-20T00:00:00Z');
  for (const by of ['pk', 'qa', 'field-team-1']) {
    const r = w.apply(by, 'report.reply', { report: filed.id, stance: 'denies', text: 'No.' });
    assert.equal(r.ok, false, `${by} may not reply`);
  }
  const inTime = w.must('af', 'report.reply', { report: filed.id, stance: 'denies', text: 'Our forces did not fire first.' }, '2025-10-21T00:00:00Z');
  w.must('af', 'report.reply', { report: filed.id, stance: 'disputes_facts', text: 'Follow-up.' }, '2025-10-25T00:00:00Z');
  const report = getReport(w.state, filed.id);
  assert.equal(report?.replies.length, 2);
  assert.equal(report?.replies[0]?.id, inTime.id);
  assert.equal(report?.replies[0]?.withinDeadline, true);
  assert.equal(report?.replies[1]?.withinDeadline, false);
  assert.equal(report?.body.narrative, 'Exchange of fire at the crossing.', 'the reply never changes the report');
  const badStance = w.apply('af', 'report.reply', { report: filed.id, stance: 'shrugs', text: 'x' });
  assert.equal(!badStance.ok && badStance.code, 'bad_request');
});

test('evidence cited by a report or a reply is linked to it', () => {
  const w = mechanism();
  w.must('pk', 'evidence.register', evidenceBody({ sha256: fakeSha(1) }));
  w.must('af', 'evidence.register', evidenceBody({ sha256: fakeSha(2) }));
  const filed = w.apply('pk', 'report.file', reportBody({ evidence: [fakeSha(1)] }));
  assert.ok(filed.ok);
  assert.deepEqual(filed.value, [{ kind: 'incident', id: filed.ref.id }, { kind: 'evidence', id: fakeSha(1) }]);
  w.must('af', 'report.reply', { report: filed.ref.id, stance: 'denies', text: 'See our photo.', evidence: [fakeSha(2)] });
  assert.deepEqual(getEvidence(w.state, fakeSha(1))?.reports, [filed.ref.id]);
  assert.deepEqual(getEvidence(w.state, fakeSha(2))?.reports, [filed.ref.id]);
});
