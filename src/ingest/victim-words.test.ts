import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findCasualties } from './casualties.js';

const killed = (s: string) => findCasualties(s, { by: 'ACLED', attributed: false }).filter((c) => c.kind === 'killed').map((c) => c.range);

test('the Islamic State\'s "IS" before its members is no verb: "1 senior IS member was killed" (notes5, issue 10)', () => {
  assert.deepEqual(killed('On 28 August 2025, Puntland forces clashed with Islamic State Somalia Province near Bosaso. 4 IS fighters were killed.'), [{ min: 4, max: 4 }]);
  assert.deepEqual(killed('1 senior IS member was killed in the raid.'), [{ min: 1, max: 1 }]);
});

test('bystanders, collectors, suspects and a family told by its members are counted (notes6, issue 10)', () => {
  assert.deepEqual(killed('On 11 August 2025, 2 government soldiers clashed in Mogadishu. A civilian bystander was killed.').at(-1), { min: 1, max: 1 });
  assert.deepEqual(killed('Suspected Al Shabaab shot and killed a tax collector at his residence in Dif village.'), [{ min: 1, max: 1 }]);
  assert.deepEqual(killed('On 7 May 2020, a drug suspect was shot dead by unidentified assailants in Panglao, Bohol.'), [{ min: 1, max: 1 }]);
  assert.deepEqual(killed('A mother and her 3 children were killed, and another girl from the family was injured.'), [{ min: 4, max: 4 }]);
});
