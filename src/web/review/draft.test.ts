import { test } from 'node:test';
import assert from 'node:assert/strict';
import { offsetFor } from './draft.js';

test('a drafted report\'s offset: the country\'s when its zones agree, else the coordinates\' zone, else the longitude\'s nominal zone', () => {
  assert.equal(offsetFor('Pakistan', 66.4597, 30.921, new Date('2025-11-07T00:00:00Z')), '+05:00', 'Chaman, a border town the zone lookup puts on Kabul time');
  assert.equal(offsetFor('United States', -74.0, 40.71, new Date('2025-01-01T12:00:00Z')), '-05:00', 'several zones: New York by its coordinates');
  assert.equal(offsetFor('Pakistan', 71.09, 34.1, new Date('2025-10-12T00:00:00Z')), '+05:00', 'Torkham by its coordinates');
  assert.equal(offsetFor('India', undefined), '+05:30');
  assert.equal(offsetFor('Germany', undefined, undefined, new Date('2025-01-15T12:00:00Z')), '+01:00');
  assert.equal(offsetFor('Germany', undefined, undefined, new Date('2025-07-15T12:00:00Z')), '+02:00');
  assert.equal(offsetFor('United States', -100), '-07:00', 'several zones and no coordinates: the longitude\'s nominal zone');
  assert.equal(offsetFor(undefined, undefined), 'Z');
});
