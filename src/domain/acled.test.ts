import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mechanism, reportBody } from './test-builders-reports.js';
import { ACLED_COLUMNS, type AcledRow, acledRowToReportBody, incidentToAcledRow } from './acled.js';
import { incidentView } from './views/incident.js';

function viewOf(body = reportBody()) {
  const w = mechanism();
  const r = w.must('pk', 'report.file', body, '2025-11-07T06:00:00Z');
  w.must('af', 'report.reply', { report: r.id, stance: 'denies', text: 'No.' }, '2025-11-08T06:00:00Z');
  return incidentView(w.state, r.id)!;
}

/** A row as ACLED's export tool writes one (values made up for the test; columns and codes are ACLED's). */
const acledRow = (over: Partial<AcledRow> = {}): Partial<AcledRow> => ({
  event_id_cnty: 'PAK1',
  event_date: '07 November 2025',
  year: '2025',
  time_precision: '1',
  disorder_type: 'Political violence',
  event_type: 'Battles',
  sub_event_type: 'Armed clash',
  actor1: 'Military Forces of Afghanistan (2021-)',
  assoc_actor_1: '',
  inter1: 'State forces',
  actor2: 'Military Forces of Pakistan (2024-)',
  assoc_actor_2: 'Civilians (Pakistan)',
  inter2: 'State forces',
  interaction: 'State forces-State forces',
  civilian_targeting: '',
  iso: '586',
  region: 'South Asia',
  country: 'Pakistan',
  admin1: 'Balochistan',
  admin2: 'Chaman',
  admin3: '',
  location: 'Chaman',
  latitude: '30.9210',
  longitude: '66.4597',
  geo_precision: '1',
  source: 'Dawn; Reuters',
  source_scale: 'National-International',
  notes: 'Border forces exchanged fire at the crossing.',
  fatalities: '2',
  tags: '',
  timestamp: '1762500000',
  ...over,
});

test('incidentToAcledRow: every ACLED column, ACLED codes, attribution in notes', () => {
  const view = viewOf();
  const row = incidentToAcledRow(view);
  assert.deepEqual(Object.keys(row), [...ACLED_COLUMNS]);
  assert.equal(row.event_id_cnty, view.id);
  assert.equal(row.event_date, '2025-11-06');
  assert.equal(row.year, '2025');
  assert.equal(row.time_precision, '1');
  assert.equal(row.disorder_type, 'Political violence');
  assert.equal(row.actor1, 'Afghan Taliban forces');
  assert.equal(row.actor2, 'Civilians (Pakistan)');
  assert.equal(row.interaction, 'State forces-Civilians');
  assert.equal(row.civilian_targeting, 'Civilian targeting');
  assert.equal(row.iso, '586');
  assert.equal(row.region, 'South Asia');
  assert.equal(row.latitude, '30.92');
  assert.equal(row.fatalities, '2');
  assert.equal(row.notes, 'Alleged by PK (pk): Exchange of fire at the crossing.');
  assert.match(row.tags, /truce_status=replied/);
  assert.equal(row.timestamp, String(Date.parse('2025-11-08T06:00:00Z') / 1000));
});

test('mechanism categories export as their ACLED pair and come back from the tags', () => {
  const view = viewOf(reportBody({ event_type: 'Ceasefire mechanism', sub_event_type: 'Cross-border strike', when: { start: '2025-11-03T00:00:00+05:00', end: '2025-11-10T00:00:00+05:00', precision: 'week' } }));
  const row = incidentToAcledRow(view);
  assert.deepEqual([row.event_type, row.sub_event_type, row.time_precision, row.event_date], ['Explosions/Remote violence', 'Air/drone strike', '2', '2025-11-06']);
  const back = acledRowToReportBody(row);
  assert.ok(back.ok);
  assert.equal(back.value.sub_event_type, 'Cross-border strike');
  assert.equal(back.value.narrative, 'Exchange of fire at the crossing.', 'the attribution prefix is not doubled');
  assert.deepEqual(back.value.accused, ['af']);
  assert.deepEqual(back.value.clauses, []);
  assert.deepEqual(back.value.when, { start: '2025-11-03T00:00:00+05:00', end: '2025-11-10T00:00:00+05:00', precision: 'week' });
});

test('acledRowToReportBody: an ACLED export row becomes a report body', () => {
  const r = acledRowToReportBody(acledRow());
  assert.ok(r.ok, !r.ok ? r.detail : '');
  const b = r.value;
  assert.deepEqual(b.when, { start: '2025-11-07T00:00:00+05:00', end: '2025-11-08T00:00:00+05:00', precision: 'day' });
  assert.deepEqual(b.where, { lat: 30.921, lon: 66.4597, place: 'Chaman', admin1: 'Balochistan', admin2: 'Chaman', country: 'Pakistan', iso: 586, geo_precision: 1 });
  assert.deepEqual(b.actors.map((a) => [a.name, a.role, a.actor_type, a.side]), [
    ['Military Forces of Afghanistan (2021-)', 'perpetrator', 'State forces', null],
    ['Military Forces of Pakistan (2024-)', 'target', 'State forces', null],
    ['Civilians (Pakistan)', 'target', undefined, null],
  ]);
  assert.deepEqual(b.casualties, { killed: { unknown: { min: 2, best: 2 } } });
  assert.deepEqual(b.sources.map((s) => s.title), ['Dawn', 'Reuters', 'ACLED event PAK1']);
  assert.deepEqual(b.accused, []);
});

test('acledRowToReportBody: older spellings and codes (numeric inter, "protestors", ISO dates, month precision)', () => {
  const r = acledRowToReportBody(acledRow({ event_date: '2025-10-15', time_precision: '3', event_type: 'Protests', sub_event_type: 'Excessive force against protestors', inter1: '1', inter2: '6' }));
  assert.ok(r.ok, !r.ok ? r.detail : '');
  assert.equal(r.value.sub_event_type, 'Excessive force against protesters');
  assert.equal(r.value.actors[1]?.actor_type, 'Protesters');
  assert.deepEqual(r.value.when, { start: '2025-10-01T00:00:00+05:00', end: '2025-11-01T00:00:00+05:00', precision: 'month' });
});

test('acledRowToReportBody: every bad field is named', () => {
  const r = acledRowToReportBody(acledRow({ event_date: '31 Feb 2025', time_precision: '4', sub_event_type: 'Grenade', latitude: 'north', longitude: '200', geo_precision: '0', fatalities: '-1', notes: '', inter2: 'Aliens', iso: 'PAK' }));
  assert.equal(r.ok, false);
  const detail = !r.ok ? r.detail : '';
  for (const field of ['event_date', 'time_precision', 'event_type/sub_event_type', 'latitude', 'longitude', 'geo_precision', 'fatalities', 'notes', 'inter2', 'iso']) {
    assert.match(detail, new RegExp(`${field.replace('/', '\\/')}:`), field);
  }
  assert.match(acledRowToReportBody({}).ok ? '' : (acledRowToReportBody({}) as { detail: string }).detail, /country: empty/);
});
