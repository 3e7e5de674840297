import { test } from 'node:test';
import assert from 'node:assert/strict';
import { actorTable } from '../actors.js';
import { arabicScriptActors, findArabicScriptActors } from './actors.js';
import { findArabicScriptClaims } from './claims.js';
import type { ArabicScriptLanguage } from './languages.js';

const speakers = (s: string, lang: ArabicScriptLanguage): (string | undefined)[] =>
  findArabicScriptClaims(s, 0, findArabicScriptActors(s, arabicScriptActors(actorTable())), lang).map((c) => c.speakerId ?? c.speaker);

test('actors in Arabic script are the alias table\'s, longest name first', () => {
  const ids = (s: string): string[] => findArabicScriptActors(s, arabicScriptActors(actorTable())).map((a) => a.actor.id);
  assert.deepEqual(ids('کالعدم تحریک طالبان پاکستان اور افغان طالبان'), ['ttp', 'afghan-taliban']);
  assert.deepEqual(ids('د اسلامي امارت ځواکونه او پاکستاني پوځ'), ['afghan-taliban', 'pakistan-army']);
  assert.deepEqual(ids('قال الجيش الباكستاني إن حركة طالبان باكستان'), ['pakistan-army', 'ttp']);
  assert.equal(findArabicScriptActors('حکومت پاکستان', arabicScriptActors(actorTable()))[0]!.force?.id, 'pakistan-army');
});

test('who says what: the speaker next to the word of saying, named or anonymous', () => {
  assert.deepEqual(speakers('آئی ایس پی آر کے مطابق ۲۳ فوجی شہید ہوئے۔', 'ur'), ['ispr']);
  assert.deepEqual(speakers('ذبیح الله مجاهد گفت که ۵۸ سرباز پاکستانی کشته شدند.', 'fa'), ['zabihullah-mujahid']);
  assert.deepEqual(speakers('د سیمې چارواکو وویل چې درې کسان ووژل شول.', 'ps'), ['د سیمې چارواکو']);
  assert.deepEqual(speakers('قتل خمسة مدنيين، بحسب مصادر طبية.', 'ar'), ['مصادر طبية']);
  assert.deepEqual(speakers('وقال الجيش الباكستاني إن ثلاثة جنود قتلوا.', 'ar'), ['pakistan-army']);
});

test('a country named as where something happens is a place, not its government speaking', () => {
  // VOA's Dari: "officials in Afghanistan say"; Pashto: "US military officials in Afghanistan say"
  assert.deepEqual(speakers('مامورين در افغانستان ميگويند يک قوماندان در انفجار بم کنار جاده کشته شد.', 'fa'), ['مامورين']);
  assert.deepEqual(speakers('افغانستان کې د امریکا پوځي چارواکي وایي چې درې عسکر وژل شوي دي.', 'ps'), ['military-us']);
  assert.deepEqual(speakers('مقامات در پاکستان میگویند عملۀ نجات شش جسد دیگر را کشف کرد.', 'fa'), ['مقامات']);
  assert.deepEqual(speakers('پاکستان میں حکام نے بتایا کہ دو افراد ہلاک ہوئے۔', 'ur'), ['حکام']);
});
