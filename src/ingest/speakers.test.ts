import { test } from 'node:test';
import assert from 'node:assert/strict';
import { actorTable } from './actors.js';
import { describe, resolveSpeaker } from './speakers.js';

const who = (phrase: string): [string, string | undefined] => {
  const s = resolveSpeaker(phrase, actorTable(), (n) => n === 'Spin Boldak');
  return [s.speaker, s.speakerId];
};

test('known people and bodies come out under the table\'s name', () => {
  assert.deepEqual(who('Taliban spokesman Zabihullah Mujahid'), ['Zabihullah Mujahid', 'zabihullah-mujahid']);
  assert.deepEqual(who('the Inter-Services Public Relations (ISPR)'), ['Inter-Services Public Relations', 'ispr']);
  assert.deepEqual(who('Mujahid'), ['Zabihullah Mujahid', 'zabihullah-mujahid']);
  assert.deepEqual(who("Cambodia's defence ministry"), ['Cambodia Ministry of Defence', 'ministry-kh-defence']);
});

test('unknown people under the name the text gives, titles apart', () => {
  assert.deepEqual(who('Political analyst Wahidullah Ghazikhel'), ['Wahidullah Ghazikhel', undefined]);
  assert.deepEqual(who('WHO Director-General Tedros Adhanom Ghebreyesus'), ['Tedros Adhanom Ghebreyesus', undefined]);
  assert.deepEqual(who('Malaysian Prime Minister Anwar Ibrahim'), ['Anwar Ibrahim', undefined]);
  assert.deepEqual(who('Abdul Rahim, a shopkeeper'), ['Abdul Rahim', undefined]);
  assert.equal(resolveSpeaker('Abdul Rahim, a shopkeeper', actorTable(), () => false).role, 'shopkeeper');
});

test('anonymous sources in one form: no article, the institution or place first', () => {
  assert.equal(describe('A spokesman for the Kandahar police'), 'Kandahar police spokesman');
  assert.equal(describe('Residents of Kunar and Nangarhar'), 'Kunar and Nangarhar residents');
  assert.equal(describe('the district administration in Chaman'), 'Chaman district administration');
  assert.equal(describe('diplomatic sources in Istanbul'), 'diplomatic sources');
  assert.equal(describe('residents reached by telephone'), 'residents');
});
