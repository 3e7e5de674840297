import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findCasualties } from './casualties.js';

const killed = (s: string): number[] => findCasualties(s, { by: 'EFE' }).filter((c) => c.kind === 'killed').map((c) => c.range.max);

test('two victims listed, each with what they were (issue 10)', () => {
  assert.deepEqual(killed('A commando killed Hector Oqueli, leader of the Salvadoran leftist party National Revolutionary Movement (MNR), and Guatemalan social democratic Leader Gilda Flores in Guatemala.'), [2]);
  // (names listed alone stay one each; one killed and one wounded is one)
  assert.deepEqual(killed('They killed Jose Perez, Juan Gomez, and Pedro Lopez.'), [3]);
  assert.deepEqual(killed('He killed Jose Perez and wounded Juan Gomez.'), []);
});

test('a killing told as a noun, of victims listed one by one (issue 10)', () => {
  assert.deepEqual(killed('They are also connected to the murder of Dr Teofilo Forero Castro, his wife, and two other people who were accompanying them.'), [4]);
  assert.deepEqual(killed('The judges investigating the murders of the governor of Antioquia, another judge, and the Antioquia police commander resigned.'), [3]);
  // (not a killing a protest is about)
  assert.deepEqual(killed('Workers protested against the murder of Jose Perez and his wife.'), []);
});

test('a last role with no word of its own after the verb, and those "other" beside one named (issue 10)', () => {
  assert.deepEqual(killed('They murdered a reporter\'s wife and son.'), [2]);
  assert.deepEqual(killed('He accused the army of "murdering" party Leader Cecilio Rivera and two other party supporters.'), [3]);
});

test('one named, set off by what they were, and those with them before the verb (issue 10)', () => {
  assert.deepEqual(killed('Maria Elena Diaz Perez, third judge of public order, and two of her bodyguards from the DAS [Administrative Department of Security], were assassinated in Medellin today.'), [3]);
  assert.deepEqual(killed('Judge Jose Perez and two other employees were killed.'), [3]);
  // (a counted group of a party is no one named: the figure before it is the toll)
  assert.deepEqual(killed('Four persons, including two Awami League and two BNP members, were killed.'), [4]);
});

test('a plan or a mission of killing those listed is no toll (issue 10)', () => {
  assert.deepEqual(killed('The spy had the mission of assassinating President Azcona, Archbishop Santos, and other figures.'), []);
});

test('names in small letters, as wire copy recased from capitals leaves them, listed before the verb (issue 10)', () => {
  assert.deepEqual(killed('A clash ensued, and juan zurita, Cesar orbegozo, and ernesto benavides were killed.'), [3]);
  assert.deepEqual(killed('Jesuits ignacio ellacuria, ignacio martin baro, segundo montes, amando lopez, juan ramon moreno, and joaquin lopez, the first five spaniards and the last a Salvadoran, were killed in San Salvador on 16 November.'), [6]);
  assert.deepEqual(killed('Lieutenant Jaime Quintero Cardona and soldiers nelson sanchez molina, maximiliano serrato cuellar, and dairo suarez suarez were killed in this action.'), [4]);
  // (no groups or words of a sentence: "civilians and soldiers")
  assert.deepEqual(killed('The guerrillas said that honduran civilians and salvadoran soldiers were killed.'), []);
});
