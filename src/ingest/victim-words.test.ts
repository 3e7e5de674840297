import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findCasualties } from './casualties.js';

const killed = (s: string) => findCasualties(s, { by: 'ACLED', attributed: false }).filter((c) => c.kind === 'killed').map((c) => c.range);

test('the Islamic State\'s "IS" before its members is no verb: "1 senior IS member was killed" (notes5, issue 10)', () => {
  assert.deepEqual(killed('On 28 August 2025, Puntland forces clashed with Islamic State Somalia Province near Bosaso. 4 IS fighters were killed.'), [{ min: 4, max: 4 }]);
  assert.deepEqual(killed('1 senior IS member was killed in the raid.'), [{ min: 1, max: 1 }]);
});
