import { test } from 'node:test';
import assert from 'node:assert/strict';
import { actorTable } from './actors.js';
import { findStates } from './state-actors.js';

const ids = (s: string): [string, string][] => findStates(s, actorTable().states).map((h) => [h.actor.id, h.text]);

test('governments, ministries and countries of every country, whether or not the mechanism lists them', () => {
  assert.deepEqual(ids("Cambodia's defence ministry and the Thai health ministry"), [['ministry-kh-defence', "Cambodia's defence ministry"], ['ministry-th-health', 'Thai health ministry']]);
  assert.deepEqual(ids('the Ministry of Foreign Affairs of Turkiye'), [['ministry-tr-foreign-affairs', 'Ministry of Foreign Affairs of Turkiye']]);
  assert.deepEqual(ids('the Government of Thailand, Cambodian authorities and Malaysia'), [['gov-th', 'the Government of Thailand'], ['gov-kh', 'Cambodian authorities'], ['gov-my', 'Malaysia']]);
});

test('the table\'s own entries win: Pakistan\'s government, the Afghan Taliban as the de facto government', () => {
  const st = actorTable().states;
  assert.equal(st.government('PK').id, 'pakistan');
  assert.equal(st.government('AF').id, 'afghan-taliban');
  assert.equal(st.forces('PK').id, 'pakistan-army');
  assert.equal(st.forces('TH').id, 'military-th');
  assert.equal(st.ministry('PK', 'Foreign Affairs').id, 'pakistan-fo');
});

test('a demonym alone is not a state', () => {
  assert.deepEqual(ids('Thai and Cambodian troops'), []);
});
