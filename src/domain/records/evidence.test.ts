import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evidenceBody, fakeSha, mechanism, reportBody } from '../test-builders-reports.js';
import { mustRefuse } from '../test-builders.js';
import { evidenceForReport, getEvidence, listEvidence, mayDownload } from './evidence.js';

test('evidence.register keeps hash and metadata; the same hash twice is refused', () => {
  const w = mechanism();
  const report = w.must('pk', 'report.file', reportBody());
  const r = w.apply('field-team-1', 'evidence.register', evidenceBody({ reports: [report.id], captured_at: '2025-11-06T14:10:00+05:00', captured_place: { place: 'Chaman', lat: 30.92, lon: 66.45 } }));
  assert.ok(r.ok);
  assert.deepEqual(r.value, [{ kind: 'evidence', id: fakeSha(1) }, { kind: 'incident', id: report.id }]);
  const e = getEvidence(w.state, fakeSha(1));
  assert.equal(e?.registeredBy, 'field-team-1');
  assert.equal(e?.meta.size, 1234);
  assert.deepEqual(e?.custody.map((c) => c.kind), ['registered']);
  const again = w.apply('qa', 'evidence.register', evidenceBody());
  assert.match(!again.ok ? again.detail : '', /already registered/);
});

test('evidence.register refuses bad input and unknown reports', () => {
  const w = mechanism();
  const cases: [Record<string, unknown>, RegExp][] = [
    [evidenceBody({ sha256: 'ABC' }), /SHA-256/],
    [evidenceBody({ sha256: fakeSha(1).toUpperCase().replace(/0/g, 'A') }), /lower-case/],
    [evidenceBody({ media_type: 'JPEG' }), /media type/],
    [evidenceBody({ size: -1 }), /size/],
    [evidenceBody({ confidentiality: 'secret' }), /confidentiality/],
    [evidenceBody({ reports: [fakeSha(7)] }), /no report/],
    [evidenceBody({ bytes: 'AAAA' }), /invalid/],
  ];
  for (const [body, re] of cases) {
    const r = w.apply('pk', 'evidence.register', body);
    assert.equal(r.ok, false);
    assert.match(!r.ok ? `${r.detail}` : '', re);
  }
  const observer = w.apply('press', 'evidence.register', evidenceBody());
  assert.equal(!observer.ok && observer.code, 'forbidden');
});

test('evidence.acknowledge: another member, once', () => {
  const w = mechanism();
  w.must('pk', 'evidence.register', evidenceBody({ confidentiality: 'mediators' }));
  const own = w.apply('pk', 'evidence.acknowledge', { sha256: fakeSha(1) });
  assert.match(!own.ok ? own.detail : '', /registrant/);
  w.must('qa', 'evidence.acknowledge', { sha256: fakeSha(1), note: 'Shown in Istanbul.' });
  w.must('af', 'evidence.acknowledge', { sha256: fakeSha(1) });
  const twice = w.apply('qa', 'evidence.acknowledge', { sha256: fakeSha(1) });
  assert.match(!twice.ok ? twice.detail : '', /already acknowledged/);
  const missing = w.apply('qa', 'evidence.acknowledge', { sha256: fakeSha(2) });
  assert.equal(!missing.ok && missing.code, 'not_found');
  const custody = getEvidence(w.state, fakeSha(1))?.custody ?? [];
  assert.deepEqual(custody.map((c) => [c.kind, c.member, c.note]), [['registered', 'pk', null], ['acknowledged', 'qa', 'Shown in Istanbul.'], ['acknowledged', 'af', null]]);
});

test('mayDownload follows confidentiality; unknown hashes are not downloadable', () => {
  const w = mechanism();
  w.must('pk', 'evidence.register', evidenceBody({ sha256: fakeSha(1), confidentiality: 'public' }));
  w.must('pk', 'evidence.register', evidenceBody({ sha256: fakeSha(2), confidentiality: 'members' }));
  w.must('pk', 'evidence.register', evidenceBody({ sha256: fakeSha(3), confidentiality: 'mediators' }));
  const who = [null, 'press', 'af', 'field-team-1', 'secretariat', 'qa', 'pk', 'nobody'];
  const table = who.map((m) => [1, 2, 3].map((n) => mayDownload(w.state, fakeSha(n), m)));
  assert.deepEqual(table, [
    [true, false, false], // anonymous
    [true, false, false], // observer: the public
    [true, true, false], // the other party
    [true, true, false], // a monitor
    [true, true, false], // the operator
    [true, true, true], // a mediator
    [true, true, true], // the registrant
    [true, false, false], // not a member
  ]);
  assert.equal(mayDownload(w.state, fakeSha(4), 'qa'), false);
  // A withheld item's hash and metadata stay public in the state.
  assert.equal(getEvidence(w.state, fakeSha(3))?.meta.title, 'Photo');
});

test('evidence.access: a member records only its own access, at its own clearance; the operator grants nobody access', () => {
  const w = mechanism();
  w.must('pk', 'evidence.register', evidenceBody({ sha256: fakeSha(1), confidentiality: 'mediators' }));
  w.must('pk', 'evidence.register', evidenceBody({ sha256: fakeSha(2), confidentiality: 'public' }));
  w.must('pk', 'evidence.register', evidenceBody({ sha256: fakeSha(3), confidentiality: 'members' }));
  // Attack: the operator signs an access grant, for a mediator or for itself, to a mediators-only item.
  mustRefuse(w, ['secretariat', 'evidence.access', { sha256: fakeSha(1), member: 'qa' }], 'forbidden', /nobody, the operator included, grants evidence access to another/);
  mustRefuse(w, ['secretariat', 'evidence.access', { sha256: fakeSha(1) }], 'forbidden', /secretariat may not download evidence classed mediators \(its role: operator\)/);
  mustRefuse(w, ['secretariat', 'evidence.access', { sha256: fakeSha(1), member: null }], 'bad_request');
  w.must('secretariat', 'evidence.access', { sha256: fakeSha(3) });
  w.must('tr', 'evidence.access', { sha256: fakeSha(1) });
  w.must('qa', 'evidence.access', { sha256: fakeSha(1), member: 'qa' });
  mustRefuse(w, ['tr', 'evidence.access', { sha256: fakeSha(1), member: 'qa' }], 'forbidden', /only its own access/);
  mustRefuse(w, ['af', 'evidence.access', { sha256: fakeSha(1) }], 'forbidden', /af may not download evidence classed mediators \(its role: party\)/);
  const observer = w.apply('press', 'evidence.access', { sha256: fakeSha(2) });
  assert.equal(!observer.ok && observer.code, 'forbidden', 'observers sign no access: public items need none');
  const custody = getEvidence(w.state, fakeSha(1))?.custody ?? [];
  assert.deepEqual(custody.map((c) => [c.kind, c.member, c.recordedBy]), [['registered', 'pk', 'pk'], ['accessed', 'tr', 'tr'], ['accessed', 'qa', 'qa']]);
});

test('evidenceForReport lists each report\'s items however they were linked, in registration order, as a scan would', () => {
  const w = mechanism();
  const [a, b, c] = [w.must('pk', 'report.file', reportBody()), w.must('af', 'report.file', reportBody({ accused: ['pk'] })), w.must('field-team-1', 'report.file', reportBody())];
  // Linked at registration (one item to two reports), then by a report that cites items registered before it.
  w.must('field-team-1', 'evidence.register', evidenceBody({ sha256: fakeSha(1), reports: [a.id, b.id] }));
  w.must('field-team-1', 'evidence.register', evidenceBody({ sha256: fakeSha(2) }));
  w.must('qa', 'evidence.register', evidenceBody({ sha256: fakeSha(3), reports: [c.id] }));
  const d = w.must('pk', 'report.file', reportBody({ evidence: [fakeSha(3), fakeSha(2), fakeSha(1)] }));
  const scan = (report: string) => listEvidence(w.state).filter((e) => e.reports.includes(report)).map((e) => e.sha256);
  const listed = (report: string) => evidenceForReport(w.state, report).map((e) => e.sha256);
  assert.deepEqual(listed(a.id), [fakeSha(1)]);
  assert.deepEqual(listed(b.id), [fakeSha(1)]);
  assert.deepEqual(listed(c.id), [fakeSha(3)]);
  assert.deepEqual(listed(d.id), [fakeSha(1), fakeSha(2), fakeSha(3)], 'in registration order, not citation order');
  for (const r of [a, b, c, d]) assert.deepEqual(listed(r.id), scan(r.id));
});
