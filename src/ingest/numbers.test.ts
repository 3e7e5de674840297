import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseNumber } from './numbers.js';

test('numbers in digits and words', () => {
  assert.equal(parseNumber('1,200'), 1200);
  assert.equal(parseNumber('twenty-three'), 23);
  assert.equal(parseNumber('two hundred and five'), 205);
  assert.equal(parseNumber('a dozen'), 12);
  assert.equal(parseNumber('three thousand'), 3000);
  assert.equal(parseNumber('soldiers'), null);
});
