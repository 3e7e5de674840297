import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mechanism, reportBody } from '../test-builders-reports.js';
import { getDismissal, getPromotion } from './candidates.js';
import { getReport } from './reports.js';

const articles = [
  { id: 'a1', title: 'Two killed in border firing at Chaman', source: 'Example Daily', url: 'https://example.org/chaman', published: '2025-11-07' },
  { id: 'a2', title: 'Field team account', source: 'Duplicate by title' },
];

test('candidate.promote creates a report whose sources include the candidate\'s articles', () => {
  const w = mechanism();
  const r = w.apply('osint-desk', 'candidate.promote', { candidate: 'cand-42', articles, report: reportBody() });
  assert.ok(r.ok);
  assert.deepEqual(r.value, [{ kind: 'incident', id: r.ref.id }, { kind: 'candidate', id: 'cand-42' }]);
  const report = getReport(w.state, r.ref.id);
  assert.equal(report?.filedBy, 'osint-desk');
  assert.equal(report?.candidate, 'cand-42');
  assert.deepEqual(report?.body.sources, [
    { kind: 'witness', title: 'Field team account' },
    { kind: 'media', title: 'Two killed in border firing at Chaman', publisher: 'Example Daily', url: 'https://example.org/chaman', published: '2025-11-07' },
  ]);
  assert.equal(getPromotion(w.state, 'cand-42')?.report, r.ref.id);
});

test('the same candidate cannot be promoted twice; parties may not promote; a bad report is refused whole', () => {
  const w = mechanism();
  w.must('qa', 'candidate.promote', { candidate: 'cand-1', report: reportBody() });
  const again = w.apply('osint-desk', 'candidate.promote', { candidate: 'cand-1', report: reportBody() });
  assert.match(!again.ok ? again.detail : '', /already promoted/);
  const party = w.apply('pk', 'candidate.promote', { candidate: 'cand-2', report: reportBody() });
  assert.equal(!party.ok && party.code, 'forbidden');
  const bad = w.apply('osint-desk', 'candidate.promote', { candidate: 'cand-3', report: reportBody({ accused: ['nobody'] }) });
  assert.equal(bad.ok, false);
  assert.equal(getPromotion(w.state, 'cand-3'), undefined, 'a refused promotion leaves the candidate open');
  const badId = w.apply('osint-desk', 'candidate.promote', { candidate: 'has space', report: reportBody() });
  assert.equal(!badId.ok && badId.code, 'bad_request');
});

test('candidate.dismiss sets a candidate aside with a reason; it can then be neither promoted nor dismissed again', () => {
  const w = mechanism();
  const r = w.apply('osint-desk', 'candidate.dismiss', { candidate: 'cand-7', reason: 'Background piece: no new incident.' });
  assert.ok(r.ok);
  assert.deepEqual(r.value, [{ kind: 'candidate', id: 'cand-7' }]);
  assert.equal(getDismissal(w.state, 'cand-7')?.reason, 'Background piece: no new incident.');
  const promote = w.apply('qa', 'candidate.promote', { candidate: 'cand-7', report: reportBody() });
  assert.match(!promote.ok ? promote.detail : '', /was dismissed by osint-desk/);
  const again = w.apply('qa', 'candidate.dismiss', { candidate: 'cand-7', reason: 'Again.' });
  assert.match(!again.ok ? again.detail : '', /already dismissed/);
  w.must('qa', 'candidate.promote', { candidate: 'cand-8', report: reportBody() });
  const late = w.apply('osint-desk', 'candidate.dismiss', { candidate: 'cand-8', reason: 'Too late.' });
  assert.match(!late.ok ? late.detail : '', /already promoted/);
  const party = w.apply('af', 'candidate.dismiss', { candidate: 'cand-9', reason: 'Not ours.' });
  assert.equal(!party.ok && party.code, 'forbidden');
});
