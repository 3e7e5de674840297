import { test } from 'node:test';
import assert from 'node:assert/strict';
import { contentHash } from '../records/fields.js';
import { filed, finalViolation, mechanism, openCase, penaltyBody, violationBody } from '../test-builders.js';
import { caseStatus } from './case-status.js';

test('reported → under investigation → pending finding (attributed to its proposer) → violation with a penalty', () => {
  const w = mechanism();
  const { report, investigation } = openCase(w);
  const other = filed(w);
  assert.equal(caseStatus(w.state, other).status, 'reported');
  assert.equal(caseStatus(w.state, report).status, 'under_investigation');
  const body = violationBody(investigation);
  const finding = w.must('qa', 'finding.propose', body).id;
  let cs = caseStatus(w.state, report);
  assert.equal(cs.status, 'under_investigation', 'a pending finding decides nothing');
  assert.equal(cs.findings[0]?.attribution, 'Proposed by qa: violation of C1 by af, by its own forces (serious); not final (1 of 2 signatures)');
  w.must('tr', 'finding.sign', { finding, hash: contentHash(body) });
  w.must('qa', 'penalty.apply', penaltyBody(finding));
  cs = caseStatus(w.state, report);
  assert.equal(cs.status, 'violation');
  assert.equal(cs.findings[0]?.attribution, 'Final finding of the mediators (qa, tr): violation of C1 by af, by its own forces (serious)');
  assert.deepEqual([cs.investigation?.state, cs.investigation?.closed?.finding], ['closed', finding]);
  assert.deepEqual(cs.penalties.map((p) => [p.side, p.severity]), [['af', 'serious']]);
});

test('a rejected proposal is shown and labelled; a reopened case is under investigation again', () => {
  const { w, report, investigation } = openCase();
  const body = violationBody(investigation);
  const id = w.must('qa', 'finding.propose', body).id;
  w.must('tr', 'finding.sign', { finding: id, hash: contentHash(body), position: 'dissent' });
  const cs = caseStatus(w.state, report);
  assert.equal(cs.status, 'under_investigation');
  assert.match(cs.findings[0]?.attribution ?? '', /rejected/);
  const f = finalViolation();
  f.w.must('qa', 'investigation.open', { reports: [f.report], mandate: 'New evidence.' });
  const again = caseStatus(f.w.state, f.report);
  assert.deepEqual([again.status, again.investigations.length, again.findings.length], ['under_investigation', 2, 1]);
});
