import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ACLED_TAXONOMY, MECHANISM_EVENT_TYPE, MECHANISM_SUB_TYPES, TAXONOMY, casualtyTotal, countRange, disorderType, isKnownEvent } from './taxonomy.js';
import { intervalFor, lastLocalDate, localDate, middleLocalDate } from './time.js';

test('ACLED 2024: 6 event types, 25 sub-event types, none repeated', () => {
  assert.equal(Object.keys(ACLED_TAXONOMY).length, 6);
  const subs = Object.values(ACLED_TAXONOMY).flat();
  assert.equal(subs.length, 25);
  assert.equal(new Set(subs).size, 25);
});

test('the mechanism\'s own categories: each maps to a real ACLED pair', () => {
  assert.ok(isKnownEvent(MECHANISM_EVENT_TYPE, 'Obstruction or denial of access to monitors'));
  assert.ok(isKnownEvent(MECHANISM_EVENT_TYPE, 'Cross-border strike'));
  assert.ok(isKnownEvent(MECHANISM_EVENT_TYPE, 'Use of territory by armed groups'));
  for (const [type, sub] of Object.values(MECHANISM_SUB_TYPES)) assert.ok(isKnownEvent(type, sub), `${type} / ${sub}`);
  assert.equal(Object.keys(TAXONOMY).length, 7);
});

test('isKnownEvent rejects mismatched pairs and prototype keys', () => {
  assert.equal(isKnownEvent('Battles', 'Air/drone strike'), false);
  assert.equal(isKnownEvent('toString', 'x'), false);
  assert.equal(isKnownEvent('battles', 'Armed clash'), false, 'case matters in a report');
});

test('disorder_type follows ACLED', () => {
  assert.equal(disorderType('Battles', 'Armed clash'), 'Political violence');
  assert.equal(disorderType('Protests', 'Peaceful protest'), 'Demonstrations');
  assert.equal(disorderType('Protests', 'Excessive force against protesters'), 'Political violence; Demonstrations');
  assert.equal(disorderType('Riots', 'Violent demonstration'), 'Demonstrations');
  assert.equal(disorderType('Riots', 'Mob violence'), 'Political violence');
  assert.equal(disorderType('Strategic developments', 'Agreement'), 'Strategic developments');
});

test('casualty ranges: min <= best <= max; max may be open; totals use best, else min', () => {
  assert.ok(countRange.safeParse({ min: 201 }).success);
  assert.ok(countRange.safeParse({ min: 1, best: 2, max: 2 }).success);
  assert.equal(countRange.safeParse({ min: 3, max: 2 }).success, false);
  assert.equal(countRange.safeParse({ min: -1 }).success, false);
  assert.equal(countRange.safeParse({ min: 1.5 }).success, false);
  assert.equal(casualtyTotal({ killed: { civilian: { min: 1, best: 2 }, combatant: { min: 23 } } }, 'killed'), 25);
  assert.equal(casualtyTotal(undefined, 'injured'), 0);
});

test('intervals: the night of 11 October runs over midnight, 18:00 to 06:00 local', () => {
  assert.deepEqual(intervalFor('night', '2025-10-11', '+05:00'), { start: '2025-10-11T18:00:00+05:00', end: '2025-10-12T06:00:00+05:00', precision: 'night' });
  assert.deepEqual(intervalFor('day', '2025-12-31'), { start: '2025-12-31T00:00:00Z', end: '2026-01-01T00:00:00Z', precision: 'day' });
  assert.deepEqual(intervalFor('week', '2025-11-07', '+05:00'), { start: '2025-11-03T00:00:00+05:00', end: '2025-11-10T00:00:00+05:00', precision: 'week' });
  assert.deepEqual(intervalFor('month', '2025-12-15'), { start: '2025-12-01T00:00:00Z', end: '2026-01-01T00:00:00Z', precision: 'month' });
  assert.throws(() => intervalFor('day', '11 Oct 2025'));
});

test('local dates: as written; an end at local midnight belongs to the day before', () => {
  assert.equal(localDate('2025-10-11T23:30:00+05:00'), '2025-10-11');
  assert.equal(lastLocalDate('2025-10-11T18:00:00+05:00', '2025-10-12T06:00:00+05:00'), '2025-10-12');
  assert.equal(lastLocalDate('2025-10-11T00:00:00+05:00', '2025-10-12T00:00:00+05:00'), '2025-10-11');
  assert.equal(lastLocalDate('2025-10-11T10:00:00Z', '2025-10-11T10:00:00Z'), '2025-10-11');
  assert.equal(middleLocalDate('2025-11-03T00:00:00+05:00', '2025-11-10T00:00:00+05:00'), '2025-11-06');
  assert.equal(middleLocalDate('2025-10-01T00:00:00Z', '2025-11-01T00:00:00Z'), '2025-10-16');
});
