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

test('a case is found through the per-report indexes as a scan of every investigation, finding and penalty finds it', () => {
  // Two cases decided (one of them over two reports, one reopened), one rejected proposal, one report never taken up.
  const { w, report: first, investigation: inv1, finding: final1 } = finalViolation();
  w.must('qa', 'penalty.apply', penaltyBody(final1));
  const second = filed(w);
  const third = filed(w);
  const untouched = filed(w);
  for (const report of [second, third]) w.must('af', 'report.reply', { report, stance: 'denies', text: 'We deny it.' });
  const inv2 = w.must('qa', 'investigation.open', { reports: [second, third], mandate: 'Two reports of the same night.' }).id;
  const rejected = violationBody(inv2);
  const proposal = w.must('qa', 'finding.propose', rejected).id;
  w.must('tr', 'finding.sign', { finding: proposal, hash: contentHash(rejected), position: 'dissent' });
  const decided = violationBody(inv2, { severity: 'minor' });
  const final2 = w.must('qa', 'finding.propose', decided).id;
  w.must('tr', 'finding.sign', { finding: final2, hash: contentHash(decided) });
  w.must('qa', 'investigation.open', { reports: [first], mandate: 'New evidence.' });
  const all = (name: string) => [...(w.state.records.get(name)?.values() ?? [])] as { id: string; ref: { index: number }; reports?: string[]; content?: { investigation: string }; finding?: string }[];
  const scanned = (report: string) => {
    const investigations = all('investigations').filter((i) => i.reports!.includes(report)).sort((a, b) => a.ref.index - b.ref.index);
    const findings = investigations.flatMap((i) => all('findings').filter((f) => f.content!.investigation === i.id).sort((a, b) => a.ref.index - b.ref.index));
    const penalties = findings.flatMap((f) => all('penalties').filter((p) => p.finding === f.id));
    return [investigations.map((i) => i.id), findings.map((f) => f.id), penalties.map((p) => p.id)];
  };
  const indexed = (report: string) => {
    const cs = caseStatus(w.state, report);
    return [cs.investigations.map((i) => i.id), cs.findings.map((f) => f.id), cs.penalties.map((p) => p.id)];
  };
  assert.deepEqual(indexed(second).slice(0, 2), [[inv2], [proposal, final2]]);
  assert.equal(indexed(first)[0]!.length, 2, 'the reopened case has both investigations');
  assert.deepEqual(indexed(first)[0]![0], inv1);
  for (const report of [first, second, third, untouched]) assert.deepEqual(indexed(report), scanned(report), report);
});
