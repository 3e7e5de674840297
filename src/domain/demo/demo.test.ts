import { test } from 'node:test';
import { replayDemo } from './test-replay.js';
import assert from 'node:assert/strict';
import { sha256 } from '@noble/hashes/sha2.js';
import { toHex } from '../encoding.js';
import { demoCase, demoEvidenceFiles } from './index.js';
import { incidentView, incidentRowFields } from '../views/incident.js';
import { listReports } from '../records/reports.js';
import { getEvidence } from '../records/evidence.js';
import { ceasefireOn } from '../records/agreement-status.js';
import { listTerms } from '../records/terms.js';
import { listMeetings } from '../records/meetings.js';
import { complianceView } from '../views/compliance.js';
import { incidentToAcledRow, acledRowToReportBody } from '../acled.js';
import { incidentsToGeoJson } from '../geojson.js';

/** Load the demo as the server would, with test keys; every statement must be accepted. */
const loadDemo = () => replayDemo(demoCase());

test('the demo case: every statement is accepted, in increasing historical time', () => {
  const demo = demoCase();
  assert.equal(demo.mechanism, 'pk-af-2025-demo');
  assert.match(demo.label, /^Illustration built from public reporting/);
  const times = demo.statements.map((s) => Date.parse(s.at));
  assert.ok(times.every((t, i) => i === 0 || t > (times[i - 1] as number)), 'statement times increase');
  assert.ok(Date.parse(demo.admittedAt) < (times[0] as number));
  assert.ok(demo.statements.every((s) => s.at.startsWith('2025-10') || s.at.startsWith('2025-11')));
  const { w } = loadDemo();
  assert.equal(w.state.size, demo.members.length + demo.statements.length);
});

test('the demo case: true to the scenario (no finding, no penalty, fighting before the ceasefire as incidents)', () => {
  const { w, named } = loadDemo();
  const status = (name: string) => incidentView(w.state, named.get(name)?.id ?? '')?.status;
  assert.deepEqual(
    ['R1', 'R2', 'R3', 'R3b', 'R4', 'R5'].map((n) => [n, status(n)]),
    [['R1', 'replied'], ['R2', 'replied'], ['R3', 'reported'], ['R3b', 'reported'], ['R4', 'reported'], ['R5', 'reported']],
  );
  assert.equal(w.state.records.get('findings')?.size ?? 0, 0, 'no finding: the reporting names none');
  assert.equal(w.state.records.get('penalties')?.size ?? 0, 0, 'no penalty against either real party');
  assert.equal(w.state.records.get('investigations')?.size ?? 0, 0);
  // 11-15 October: incidents, not breaches; Chaman-Spin Boldak: an open alleged breach of V1 while it was in force.
  const compliance = complianceView(w.state);
  const af = compliance.parties.find((p) => p.side === 'af');
  const pk = compliance.parties.find((p) => p.side === 'pk');
  assert.deepEqual([af?.alleged, af?.incidents, pk?.alleged, pk?.incidents], [0, 2, 0, 3]);
  assert.equal(compliance.agreement, null, 'no rules every party signed');
  const chaman = listReports(w.state).find((r) => r.id === named.get('R5')?.id);
  assert.deepEqual([chaman?.clauses, chaman?.accused], [['V1'], []]);
  // The terms: the verbal ceasefire recorded by the mediators for both; Pakistan's text signed by Pakistan only.
  const terms = listTerms(w.state);
  const basesOf = (id: string) => terms.find((t) => t.id === id)?.parties.map((p) => [p.side, [...new Set(p.bases.map((b) => b.kind))]]);
  assert.deepEqual(basesOf('V1'), [['pk', ['verbal']], ['af', ['verbal']]]);
  assert.deepEqual(basesOf('W3'), [['pk', ['signed_text']], ['af', []]]);
  assert.deepEqual(basesOf('W1'), [['af', []]], 'the Afghan side has not signed the written text');
  assert.ok(terms.find((t) => t.id === 'V1')?.parties.every((p) => p.bases.every((b) => b.record?.acknowledged === null)), 'no acknowledgement invented');
  assert.deepEqual(terms.find((t) => t.id === 'V1')?.parties[1]?.inForce, [{ from: '2025-10-15T13:00:00Z', until: null }]);
  // The ceasefire's standing: as of the last signed status statement, with its date.
  const on = ceasefireOn(w.state, '2025-11-08T00:00:00Z');
  assert.deepEqual([on.stands, on.change?.effective, on.change?.signatures.map((x) => x.member)], [true, '2025-10-15T13:00:00Z', ['qa', 'tr']]);
  assert.equal(ceasefireOn(w.state, '2025-10-13T00:00:00Z').stands, false, 'no ceasefire during the fighting of 11-15 October');
  const joint = listMeetings(w.state).find((m) => m.content.joint);
  assert.deepEqual(joint?.signatures.map((x) => x.member), ['tr'], 'released by Türkiye; no signature invented');
  assert.equal(incidentView(w.state, named.get('R1')?.id ?? '')?.history.length, 2, 'Pakistan amended its report');
  assert.equal(listReports(w.state).find((r) => r.id === named.get('R1')?.id)?.body.contested?.length, 3, 'both dates kept, each with its claimant');
  const dossier = demoEvidenceFiles().find((f) => f.name === 'pk-dossier-summary');
  assert.deepEqual(getEvidence(w.state, dossier?.sha256 ?? '')?.custody.filter((c) => c.kind === 'acknowledged'), [], 'the mediators\' acknowledgement is Pakistan\'s claim, not a statement of theirs');
  assert.ok(listReports(w.state).find((r) => r.candidate === 'demo-candidate-kandahar-strikes'));
});

test('every word the demo attributes to a party is in the scenario', () => {
  const { w } = loadDemo();
  const replies = listReports(w.state).flatMap((r) => r.replies.map((x) => x.text));
  assert.deepEqual(replies.sort(), ['Islamabad neither confirms nor denies the airstrikes alleged.', 'The Afghan Taliban authorities deny letting armed groups operate from Afghan soil.']);
  const af = demoCase().statements.filter((x) => x.by === 'af').map((x) => x.type);
  assert.deepEqual(af, ['report.file', 'report.reply'], 'the Afghan side signs nothing else');
});

test('the demo evidence files are deterministic and hashed', () => {
  const a = demoEvidenceFiles();
  const b = demoEvidenceFiles();
  assert.equal(a.length, 3);
  for (const [i, f] of a.entries()) {
    assert.equal(f.sha256, toHex(sha256(f.bytes)));
    assert.equal(f.sha256, b[i]?.sha256);
    assert.match(new TextDecoder().decode(f.bytes), /^ILLUSTRATION/);
  }
});

test('the demo exports: every incident row, ACLED row and feature is well formed, and ACLED rows re-import', () => {
  const { w } = loadDemo();
  const views = listReports(w.state).map((r) => incidentView(w.state, r.id)!);
  for (const v of views) {
    const row = incidentRowFields(w.state, v.id);
    assert.ok(row && row.startDate <= row.endDate);
    const acled = incidentToAcledRow(v);
    const back = acledRowToReportBody(acled);
    assert.ok(back.ok, `${v.id}: ${!back.ok ? back.detail : ''}`);
    assert.equal(back.value.event_type, v.report.event_type);
    assert.deepEqual(back.value.accused, v.report.accused);
  }
  const fc = incidentsToGeoJson(views);
  assert.equal(fc.features.length, 6);
  assert.equal(fc.features.filter((f) => f.geometry !== null).length, 3);
});
