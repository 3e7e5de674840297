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

test('a night and the day after it are the same report', () => {
  const c = place('Chaman', 30.92, 66.45);
  assert.deepEqual(findDiscrepancies('ev-3', [mention('a', '2025-10-11', 2, c, 'night'), mention('b', '2025-10-12', 2, c)]), []);
});
