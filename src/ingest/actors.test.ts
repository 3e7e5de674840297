import { test } from 'node:test';
import assert from 'node:assert/strict';
import { actorTable, buildActorTable, findActors, resolveActorName } from './actors.js';
import { arabicScriptActors, findArabicScriptActors } from './arabic-script/actors.js';

const ids = (s: string): string[] => findActors(s, actorTable()).map((m) => m.actor.id);

test('aliases merge: TTP, Fitna al-Khawarij, FaK; BLA and FaH; Türkiye, Turkiye, Turkey', () => {
  assert.deepEqual(ids('Fitna al-Khawarij (FaK), Tehreek-i-Taliban Pakistan and the TTP'), ['ttp', 'ttp', 'ttp', 'ttp']);
  assert.deepEqual(ids('Fitna al-Hindustan (FaH), the Balochistan Liberation Army'), ['bla', 'bla', 'bla']);
  assert.deepEqual(ids('Türkiye, Turkiye and Turkey'), ['turkiye', 'turkiye', 'turkiye']);
  assert.deepEqual(ids('the Islamic Emirate, the interim Afghan government'), ['afghan-taliban', 'afghan-taliban']);
});

test('the longest name wins and acronyms are case-sensitive', () => {
  assert.deepEqual(ids('Pakistani Taliban fighters and Taliban forces'), ['ttp', 'afghan-taliban']);
  assert.deepEqual(ids('a fak claim'), []);
});

test('forces named by demonym, and groups the table does not know, still come out', () => {
  const found = findActors('Russian troops shelled the town; the Baloch Republican Army and Lashkar-e-Islam claimed it.', actorTable());
  assert.deepEqual(found.map((m) => [m.actor.id, m.actor.known]), [['military-ru', true], ['new:baloch-republican-army', false], ['new:lashkar-e-islam', false]]);
});

test('a country opening another name is not the state', () => {
  assert.deepEqual(ids('The Afghanistan Cricket Board said'), []);
});

test('names resolve through the table; unknown mechanisms are refused', () => {
  assert.equal(resolveActorName('Fitna-ul-Khawarij', actorTable())?.id, 'ttp');
  assert.throws(() => buildActorTable({ default: 'x', mechanisms: {}, common: [] }, []), /unknown mechanism/);
});

test('the Tamil Tigers are one armed group in English and in Arabic script', () => {
  const t = actorTable();
  assert.equal(findActors('The army blamed the Tamil Tigers for the blast.', t)[0]?.actor.id, 'ltte');
  assert.equal(findActors('The LTTE denied it.', t)[0]?.actor.id, 'ltte');
  assert.equal(findArabicScriptActors('قواي نظامي شورشيان ببرهاي تامل را مسؤل حمله ميخواند.', arabicScriptActors(t))[0]?.actor.id, 'ltte');
});
