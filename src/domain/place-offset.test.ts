import { test } from 'node:test';
import assert from 'node:assert/strict';
import { countryOffset, offsetAt, offsetInZone } from './place-offset.js';

test('the offset of a place comes from its zone, with daylight saving, at the moment asked', () => {
  assert.equal(offsetAt(34.1, 71.09, new Date('2025-10-12T00:00:00Z')), '+05:00', 'Torkham, Asia/Karachi');
  assert.equal(offsetAt(31.61, 65.71, new Date('2025-10-12T00:00:00Z')), '+04:30', 'Kandahar, Asia/Kabul');
  assert.equal(offsetAt(41.01, 28.98, new Date('2025-10-12T00:00:00Z')), '+03:00', 'Istanbul');
  assert.equal(offsetAt(35.69, 51.39, new Date('2025-01-15T00:00:00Z')), '+03:30', 'Tehran, no daylight saving since 2022');
  assert.equal(offsetAt(51.5, -0.12, new Date('2025-07-01T12:00:00Z')), '+01:00', 'London in summer');
  assert.equal(offsetAt(51.5, -0.12, new Date('2025-01-01T12:00:00Z')), 'Z', 'London in winter');
  assert.equal(offsetAt(40.71, -74.0, new Date('2025-01-01T12:00:00Z')), '-05:00', 'New York in winter');
  assert.equal(offsetAt(95, 0), null, 'not a place on Earth');
});

test('with only a country, its zones give the offset when they agree; a country whose zones differ gives none', () => {
  const oct = new Date('2025-10-12T00:00:00Z');
  assert.equal(countryOffset('India', oct), '+05:30');
  assert.equal(countryOffset('pk', oct), '+05:00');
  assert.equal(countryOffset('Afghanistan', oct), '+04:30');
  assert.equal(countryOffset('Türkiye', oct), '+03:00', 'the table\'s name');
  assert.equal(countryOffset('Turkey', oct), '+03:00', 'a former name still in use');
  assert.equal(countryOffset('Germany', oct), '+02:00', 'two zones, one offset');
  assert.equal(countryOffset('United States', oct), null, 'several offsets: the coordinates must decide');
  assert.equal(countryOffset('Atlantis', oct), null);
  assert.equal(offsetInZone('Asia/Kolkata', new Date('2025-10-12T00:00:00Z')), '+05:30');
  assert.equal(offsetInZone('Europe/Berlin', new Date('2025-07-01T00:00:00Z')), '+02:00', 'summer time');
  assert.equal(offsetInZone('Not/AZone'), null);
});
