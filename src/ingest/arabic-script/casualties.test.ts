import { test } from 'node:test';
import assert from 'node:assert/strict';
import { actorTable } from '../actors.js';
import { arabicScriptActors, findArabicScriptActors } from './actors.js';
import { findArabicScriptCasualties } from './casualties.js';
import type { ArabicScriptLanguage } from './languages.js';

const read = (s: string, lang: ArabicScriptLanguage, by = 'outlet') => {
  const actors = findArabicScriptActors(s, arabicScriptActors(actorTable()));
  return findArabicScriptCasualties(s, { lang, by, attributed: by !== 'outlet', dateSpans: [], actors }).map((c) => [c.kind, c.victims, c.range.min, c.actor?.id ?? null]);
};

test('killed and injured apart, with their victims, in four languages', () => {
  assert.deepEqual(read('فائرنگ کے تبادلے میں دو شہری جاں بحق اور تین زخمی ہو گئے۔', 'ur'), [['killed', 'civilian', 2, null], ['injured', 'unknown', 3, null]]);
  assert.deepEqual(read('په دې برید کې څلور پاکستاني سرتیري ووژل شول.', 'ps'), [['killed', 'combatant', 4, 'pakistan-army']]);
  assert.deepEqual(read('در این حمله ۵ غیرنظامی کشته و ۷ تن زخمی شدند.', 'fa'), [['killed', 'civilian', 5, null], ['injured', 'unknown', 7, null]]);
  assert.deepEqual(read('قتل ثلاثة جنود وأصيب أربعة مدنيين في القصف.', 'ar'), [['killed', 'combatant', 3, null], ['injured', 'civilian', 4, null]]);
});

test('separate tolls stay separate, each with its party; a date is no figure', () => {
  assert.deepEqual(read('۲۰۰ سے زائد طالبان اور ۲۳ پاکستانی فوجی ہلاک ہوئے', 'ur'), [['killed', 'combatant', 201, 'afghan-taliban'], ['killed', 'combatant', 23, 'pakistan-army']]);
  const s = 'روز ۲۳ میزان در درگیری‌ها کشته شدند.';
  const actors = findArabicScriptActors(s, arabicScriptActors(actorTable()));
  assert.deepEqual(findArabicScriptCasualties(s, { lang: 'fa', by: 'x', attributed: false, dateSpans: [[4, 13]], actors }), []);
});

test('Arabic duals are two: جنديين, قتيلين, شرطيان, and a plural-looking noun with اثنين', () => {
  assert.deepEqual(read('أعلن الجيش مقتل جنديين في هجوم على نقطة تفتيش قرب الحدود.', 'ar'), [['killed', 'combatant', 2, null]]);
  assert.deepEqual(read('أسفر القصف المدفعي عن سقوط قتيلين وثلاثة جرحى في البلدة.', 'ar'), [['killed', 'unknown', 2, null], ['injured', 'unknown', 3, null]]);
  assert.deepEqual(read('قتل مدنيين اثنين في غارة جوية على سوق شعبي.', 'ar'), [['killed', 'civilian', 2, null]]);
  assert.deepEqual(read('أصيب شرطيان بجروح في انفجار عبوة ناسفة.', 'ar'), [['injured', 'combatant', 2, null]]);
  // "مدنيين" alone is a plural of no number; "بين اثنين" is no toll
  assert.deepEqual(read('استهدف القصف منازل مدنيين في المدينة.', 'ar'), []);
});

test('Dari as the Voice of America writes it: عسکر, تندرو, بقتل رسانيد, a long adverbial before the verb, days are no toll', () => {
  assert.deepEqual(read('قواي نظامي ايالات متحده ميگويد که بين ۱۵ تا ۲۰ تند رو را در جريان دو روز گذشته در ولسوالي سنگين ولايت هلمند به قتل رسانيده اند.', 'fa'), [['killed', 'combatant', 15, null]]);
  assert.deepEqual(read('در اثر آن دو عسکر کانادايي زخمي شد.', 'fa'), [['injured', 'combatant', 2, null]]);
  assert.deepEqual(read('پولیس میگوید دو بم گزار انتحاری خود را منفجر ساخته حد اقل ۱۱ نفر را کشتند.', 'fa'), [['killed', 'unknown', 11, null]]);
  assert.deepEqual(read('جنگ در جريان دو روز گذشته ادامه داشت و ده ها تن کشته شدند.', 'fa').map((c) => c[2]), [24]);
});

test('a relative clause between commas keeps the figure its verb (VOA Pashto, 2007)', () => {
  assert.deepEqual(read('په هوايي برېدونو کې ١٠٨ تنه ملکېان، چې په هغو کې ښځى او ماشومان هم شامل وو، وژل شوېدي.', 'ps'), [['killed', 'civilian', 108, null]]);
  assert.deepEqual(read('در این حمله ۱۲ تن، که بیشترشان زن و کودک بودند، کشته شدند.', 'fa').map((c) => [c[0], c[2]]), [['killed', 12]]);
  // a clause of its own after the comma is still not the figure's
  assert.deepEqual(read('۱۲ تن را بازداشت کردند، و در درگیری دیگری یک سرباز کشته شد.', 'fa').map((c) => c[2]), [1]);
});

test('"about a dozen wounded" in Urdu is a figure of twelve (Urdu Wikipedia)', () => {
  assert.deepEqual(read('بم دھماکے میں کم از کم 13 افراد ہلاک اور ایک درجن کے قریب زخمی ہو گئے۔', 'ur').map((c) => [c[0], c[2]]), [['killed', 13], ['injured', 12]]);
});

test('an official is a civilian victim, a police officer is not, and "یک" before a noun of no victims is "a" (VOA Dari, 2005)', () => {
  // "a few hours earlier a government official was killed in a sudden attack in Zabul province"
  assert.deepEqual(read('چند ساعت قبل ازان يک مامور حکومت در ولايت زابل در يک حملۀ ناگهاني کشته شد.', 'fa'), [['killed', 'civilian', 1, null]]);
  assert.deepEqual(read('دو مامور پولیس در این حمله کشته شدند.', 'fa'), [['killed', 'combatant', 2, null]]);
  // "one" with its counting word or its word of harm is still one
  assert.deepEqual(read('در يک انفجار يک تن کشته و يک نفر زخمی شد.', 'fa').map((c) => [c[0], c[2]]), [['killed', 1], ['injured', 1]]);
});

test('"و" joined to a number word is "and" then the number (VOA Dari, 2006: "ويک عسکر ويک فرد ملکي صدمه ديدند")', () => {
  assert.deepEqual(read('حمله کننده کشته شد ويک عسکر ويک فرد ملکي صدمه ديدند.', 'fa').filter((c) => c[0] === 'injured'), [['injured', 'combatant', 1, null], ['injured', 'civilian', 1, null]]);
  assert.deepEqual(read('بیست و سه نفر کشته شدند.', 'fa'), [['killed', 'unknown', 23, null]]);
});

test('the attacker told killed with no number, the verb in the singular, is one dead', () => {
  assert.deepEqual(read('حمله کننده کشته شد اما به کس ديگري صدمه نرسيد.', 'fa'), [['killed', 'combatant', 1, null]]);
  assert.deepEqual(read('دھماکے میں حملہ آور بھی ہلاک ہو گیا۔', 'ur'), [['killed', 'combatant', 1, null]]);
  assert.deepEqual(read('بریدګر ووژل شو.', 'ps'), [['killed', 'combatant', 1, null]]);
  // (attackers in the plural give no figure: "مهاجمان کشته شدند")
  assert.deepEqual(read('مهاجمان کشته شدند.', 'fa'), []);
});
