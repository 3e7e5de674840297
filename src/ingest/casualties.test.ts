import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findCasualties, parseQuantity } from './casualties.js';

const figures = (s: string): [string, string, number, number, boolean][] =>
  findCasualties(s, { by: 'Dawn' }).map((c) => [c.kind, c.victims, c.range.min, c.range.max, Boolean(c.range.open)]);

test('quantities as ranges', () => {
  assert.deepEqual(parseQuantity('more than 200'), { min: 201, max: 201, open: true });
  assert.deepEqual(parseQuantity('at least 23'), { min: 23, max: 23, open: true });
  assert.deepEqual(parseQuantity('between 12 and 15'), { min: 12, max: 15 });
  assert.deepEqual(parseQuantity('15-20'), { min: 15, max: 20 });
  assert.deepEqual(parseQuantity('dozens'), { min: 24, max: 24, open: true });
  assert.deepEqual(parseQuantity('twenty-three'), { min: 23, max: 23 });
  assert.deepEqual(parseQuantity('around 40'), { min: 40, max: 40 });
});

test('the phrasings of wire copy and official statements', () => {
  assert.deepEqual(figures('Two people, including a woman, were killed.'), [['killed', 'unknown', 2, 2, false]]);
  assert.deepEqual(figures('Five civilians, including a child, were killed and 35 others injured.'), [['killed', 'civilian', 5, 5, false], ['injured', 'unknown', 35, 35, false]]);
  assert.deepEqual(figures('At least 23 soldiers embraced martyrdom.'), [['killed', 'combatant', 23, 23, true]]);
  assert.deepEqual(figures('The strikes killed 10 civilians.'), [['killed', 'civilian', 10, 10, false]]);
  assert.deepEqual(figures('Five killed, 35 injured in Kabul explosion'), [['killed', 'unknown', 5, 5, false], ['injured', 'unknown', 35, 35, false]]);
  assert.deepEqual(figures('The death toll rose to 12 on Sunday.'), [['killed', 'unknown', 12, 12, false]]);
});

test('numbers that are not casualties are left alone', () => {
  assert.deepEqual(figures('A 48-hour ceasefire from 6 pm; the crossing is 5 km away.'), []);
  assert.deepEqual(figures('Talks in 2021 killed the deal.'), []);
});

test('each figure names who gave it, and the side when the text says', () => {
  const [c] = findCasualties('23 Pakistani soldiers were killed.', { by: 'ISPR' });
  assert.equal(c?.by, 'ISPR');
  assert.equal(c?.side, 'pakistani');
});
