import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findDiscrepancies } from './discrepancies.js';
import type { Mention } from './events.js';
import type { Place } from './types.js';

const place = (name: string, lat: number, lon: number): Place => ({ id: `rg:${name}`, name, country: 'PK', admin1: '', admin2: '', lat, lon, precision: 1, kind: 'town', population: 0 });
const mention = (article: string, day: string, killed: number, where: Place, precision: 'day' | 'night' = 'day'): Mention => ({
  id: `${article}:1`, article, kind: 'incident', eventType: 'Battles', subEventType: 'Armed clash',
  when: { start: day, end: precision === 'night' ? '2025-10-12' : day, precision }, where: [where], actors: [], perpetrators: [], casualties: [],
  fatalities: { min: killed, max: killed }, injured: null, claims: [], sentences: [0], trace: { where: [], actors: [], fatalities: [], injured: [] },
});

test('each disagreement lists every source\'s value; agreement lists nothing', () => {
  const chaman = place('Chaman', 30.92, 66.45);
  const boldak = place('Spin Boldak', 31.0, 66.4);
  const d = findDiscrepancies('ev-1', [mention('a', '2025-10-12', 2, chaman), mention('b', '2025-10-11', 4, boldak)]);
  assert.deepEqual(d.map((x) => [x.field, x.values.map((v) => v.value)]), [['date', ['2025-10-12', '2025-10-11']], ['fatalities', ['2', '4']], ['place', ['Chaman', 'Spin Boldak']]]);
  assert.deepEqual(findDiscrepancies('ev-2', [mention('a', '2025-10-12', 2, chaman), mention('b', '2025-10-12', 2, chaman)]), []);
});

test('dates: differing first days disagree, unless one is a window of days that holds the other', () => {
  const c = place('Chaman', 30.92, 66.45);
  const night = mention('a', '2025-10-11', 2, c, 'night');
  const week = { ...mention('c', '2025-10-06', 2, c), when: { start: '2025-10-06', end: '2025-10-12', precision: 'week' as const } };
  const d = findDiscrepancies('ev-3', [night, mention('b', '2025-10-12', 2, c)]);
  assert.deepEqual(d.map((x) => [x.field, x.values.map((v) => v.value)]), [['date', ['2025-10-11/2025-10-12', '2025-10-12']]]);
  assert.deepEqual(findDiscrepancies('ev-4', [week, mention('b', '2025-10-12', 2, c)]), []);
});

test('an open toll has no ceiling; a source that conflicts with nobody is not listed', () => {
  const c = place('Chaman', 30.92, 66.45);
  const open = { ...mention('a', '2025-10-12', 23, c), fatalities: { min: 23, max: 23, open: true } };
  assert.deepEqual(findDiscrepancies('ev-5', [open, mention('b', '2025-10-12', 58, c)]), []);
  const both = { ...mention('c', '2025-10-12', 2, c), fatalities: { min: 2, max: 4 } };
  const d = findDiscrepancies('ev-6', [mention('a', '2025-10-12', 2, c), mention('b', '2025-10-12', 4, c), both]);
  assert.deepEqual(d.map((x) => [x.field, x.values.map((v) => v.article)]), [['fatalities', ['a', 'b']]]);
});
