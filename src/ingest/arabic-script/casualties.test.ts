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
