import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sha256 } from '@noble/hashes/sha2.js';
import { admissionBody, keyOf, world, type World } from '../test-builders-reports.js';
import { toHex } from '../encoding.js';
import { demoCase, demoEvidenceFiles, resolveDemoBody, type NamedRecord } from './index.js';
import { incidentView, incidentRowFields } from '../views/incident.js';
import { listReports } from '../records/reports.js';
import { getEvidence } from '../records/evidence.js';
import { agreementInForce } from '../records/agreement.js';
import { ceasefireOn } from '../records/agreement-status.js';
import { incidentToAcledRow, acledRowToReportBody } from '../acled.js';
import { incidentsToGeoJson } from '../geojson.js';

/** Load the demo as the server would, with test keys; every statement must be accepted. */
function loadDemo(): { w: World; named: Map<string, NamedRecord> } {
  const demo = demoCase();
  const w = world();
  const t0 = Date.parse(demo.admittedAt);
  demo.members.forEach((m, i) => {
    const at = new Date(t0 + i * 1000).toISOString().replace('.000Z', 'Z');
    const body = { member: m.id, name: m.name, role: m.role, key: keyOf(m.id), ...(m.side ? { side: m.side } : {}), ...(i === 0 ? { mechanism: demo.mechanism } : {}) };
    // A mediator joins with the consent of both parties, admitted before it.
    w.must(i === 0 ? m.id : 'secretariat', 'member.admit', i === 0 ? body : admissionBody(w.state, body, m.role === 'mediator' ? ['pk', 'af'] : []), at);
  });
  const named = new Map<string, NamedRecord>();
  for (const s of demo.statements) {
    const body = resolveDemoBody(s.body, named);
    const r = w.apply(s.by, s.type, body, s.at);
    assert.ok(r.ok, `${s.name ?? ''} ${s.type} by ${s.by} at ${s.at} refused: ${!r.ok ? `${r.code}: ${r.detail}` : ''}`);
    if (s.name) named.set(s.name, { id: r.ref.id, body });
  }
  return { w, named };
}

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

test('the demo case: statuses, agreement, ceasefire and evidence come out as the scenario says', () => {
  const { w, named } = loadDemo();
  const status = (name: string) => incidentView(w.state, named.get(name)?.id ?? '')?.status;
  assert.deepEqual(
    ['R1', 'R2', 'R3', 'R3b', 'R4', 'R5'].map((n) => [n, status(n)]),
    [['R1', 'replied'], ['R2', 'inconclusive'], ['R3', 'replied'], ['R3b', 'reported'], ['R4', 'reported'], ['R5', 'unattributable']],
  );
  assert.equal(agreementInForce(w.state)?.agreement, 'pk-af-ceasefire');
  assert.equal(ceasefireOn(w.state, '2025-11-08T00:00:00Z').stands, true, 'the temporary ceasefire still stands after the breakdown');
  const chaman = incidentView(w.state, named.get('R5')?.id ?? '');
  assert.equal(chaman?.report.where.place, 'Chaman-Spin Boldak crossing');
  assert.equal(chaman?.penalties.length, 0, 'no penalty: the demo attributes no violation to a real party');
  assert.equal(chaman?.evidence[0]?.custody.map((c) => c.kind).join(','), 'registered,acknowledged,accessed,accessed');
  assert.equal(incidentView(w.state, named.get('R1')?.id ?? '')?.history.length, 2, 'Pakistan amended its report');
  assert.match(incidentView(w.state, named.get('R1')?.id ?? '')?.attribution ?? '', /^alleged by Government of Pakistan/);
  const dossier = demoEvidenceFiles().find((f) => f.name === 'pk-dossier-summary');
  assert.deepEqual(getEvidence(w.state, dossier?.sha256 ?? '')?.custody.filter((c) => c.kind === 'acknowledged').map((c) => c.member), ['qa', 'tr']);
  assert.ok(listReports(w.state).find((r) => r.candidate === 'demo-candidate-kandahar-strikes'));
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
