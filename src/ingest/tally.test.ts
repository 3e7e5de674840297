import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findCasualties } from './casualties.js';
import { combineCasualties } from './tally.js';
import type { Casualty } from './types.js';

const c = (by: string, min: number, max: number, side: string, open = false): Casualty => ({ kind: 'killed', victims: 'combatant', range: { min, max, ...(open ? { open } : {}) }, text: '', by, side });

test('one claimant sums both sides; several claimants give a range from the smallest total to the largest', () => {
  const t = combineCasualties([c('ISPR', 23, 23, 'pakistani'), c('ISPR', 201, 201, 'afghan', true), c('Mujahid', 58, 58, 'pakistani'), c('Mujahid', 9, 9, 'afghan')]);
  assert.deepEqual(t.killed, { min: 67, max: 224, open: true });
  assert.equal(t.injured, null);
});

test('within one account, a total for nobody in particular and the groups it is made of are not added up', () => {
  const c = (range: number, victims: 'civilian' | 'combatant' | 'unknown', side?: string): Casualty => ({ kind: 'killed', victims, range: { min: range, max: range }, text: '', by: 'ministry', ...(side ? { side } : {}) });
  assert.deepEqual(combineCasualties([c(12, 'unknown'), c(11, 'civilian'), c(1, 'combatant')]).killed, { min: 12, max: 12 });
  assert.deepEqual(combineCasualties([c(23, 'combatant'), c(23, 'combatant', 'pakistani'), c(201, 'combatant', 'afghan')]).killed, { min: 224, max: 224 });
});

test('victims told as more than those counted ("the justice of the peace was also murdered") add to the account\'s total (issue 10)', () => {
  const [engineers] = findCasualties('Terrorists murdered four engineers who were working in Aquira.', { by: 'EFE', attributed: false });
  const [justice] = findCasualties('The justice of the peace from Aquira was also murdered.', { by: 'EFE', attributed: false });
  assert.ok(engineers && justice?.also);
  assert.deepEqual(combineCasualties([engineers, justice]).killed, { min: 5, max: 5 });
  // (a figure without "also" is another count of the same dead)
  const [again] = findCasualties('One person was murdered.', { by: 'EFE', attributed: false });
  assert.deepEqual(combineCasualties([engineers, again!]).killed, { min: 4, max: 4 });
});
