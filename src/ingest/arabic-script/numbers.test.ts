import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findQuantities, westernDigits } from './numbers.js';

test('digits in three scripts and number words in four languages', () => {
  assert.equal(westernDigits('۲۳ و ٢٩ and 7'), '23 و 29 and 7');
  assert.deepEqual(findQuantities('دو افراد جاں بحق اور ۱۲ زخمی', 'ur').map((q) => q.range.min), [2, 12]);
  assert.deepEqual(findQuantities('درې سرتیري ووژل شول', 'ps').map((q) => q.range.min), [3]);
  assert.deepEqual(findQuantities('بیست و سه سرباز کشته شدند و ده تن زخمی', 'fa').map((q) => q.range.min), [23, 10]);
  assert.deepEqual(findQuantities('قتل ثلاثة وعشرين جنديا', 'ar').map((q) => q.range.min), [23]);
});

test('number words above twenty and the teens in each language', () => {
  assert.deepEqual(findQuantities('چوبیس افراد ہلاک اور ساٹھ زخمی ہوئے', 'ur').map((q) => q.range.min), [24, 60]);
  assert.deepEqual(findQuantities('اتلس سرتیري ووژل شول او شپېته ټپیان', 'ps').map((q) => q.range.min), [18, 60]);
  assert.deepEqual(findQuantities('هفتاد تن کشته و دویست نفر زخمی شدند', 'fa').map((q) => q.range.min), [70, 200]);
  assert.deepEqual(findQuantities('مقتل ستين شخصا وإصابة تسعين', 'ar').map((q) => q.range.min), [60, 90]);
  // (Urdu "اسی" is also "that same": eighty only before a counting word)
  assert.deepEqual(findQuantities('اسی دن اسی افراد', 'ur').map((q) => q.range.min), [80]);
});

test('at least, more than and dozens read as the English rules read them', () => {
  assert.deepEqual(findQuantities('کم از کم ۱۲ افراد', 'ur')[0]!.range, { min: 12, max: 12, open: true });
  assert.deepEqual(findQuantities('۲۰۰ سے زائد خوارج', 'ur')[0]!.range, { min: 201, max: 201, open: true });
  // "زائد" keyed with heh for its hamza ("زاہد")
  assert.deepEqual(findQuantities('100 سے زاہد زخمی ہو گئے', 'ur')[0]!.range, { min: 101, max: 101, open: true });
  assert.deepEqual(findQuantities('بیش از ۲۰ تن', 'fa')[0]!.range, { min: 21, max: 21, open: true });
  assert.deepEqual(findQuantities('لږ تر لږه پنځه کسان', 'ps')[0]!.range, { min: 5, max: 5, open: true });
  assert.deepEqual(findQuantities('سقوط عشرات القتلى', 'ar')[0]!.range, { min: 24, max: 24, open: true });
  // "نه" (no) and "ده" (village) are numbers only before a counting word
  assert.deepEqual(findQuantities('او نه به ده رفت', 'fa'), []);
});

test('Arabic duals and "اثنين" after its noun are quantities of two', () => {
  assert.deepEqual(findQuantities('مقتل جنديين وإصابة ثلاثة آخرين', 'ar').map((q) => [q.range.min, q.noun ?? null]), [[2, 'جنديين'], [3, null]]);
  assert.deepEqual(findQuantities('قتل مدنيين اثنين', 'ar').map((q) => [q.range.min, q.text]), [[2, 'مدنيين اثنين']]);
  assert.deepEqual(findQuantities('سقوط قتيلين', 'ar').map((q) => q.harm), ['killed']);
  assert.deepEqual(findQuantities('خلاف بين اثنين من القادة', 'ar').map((q) => q.noun ?? null), [null]);
});

test('ranges: "بین ۱۵ تا ۲۰", "له ۱۵ تر ۲۰", "۱۵ سے ۲۰", "بين 15 و20"', () => {
  assert.deepEqual(findQuantities('بين ۱۵ تا ۲۰ تند رو را به قتل رسانيده اند', 'fa')[0]!.range, { min: 15, max: 20 });
  assert.deepEqual(findQuantities('له ۱۲ تر ۱۵ کسان ووژل شول', 'ps')[0]!.range, { min: 12, max: 15 });
  assert.deepEqual(findQuantities('۱۵ سے ۲۰ شدت پسند ہلاک', 'ur')[0]!.range, { min: 15, max: 20 });
  assert.deepEqual(findQuantities('مقتل ما بين 15 و20 مسلحا', 'ar').map((q) => q.range), [{ min: 15, max: 20 }]);
  // "more than 200" stays open, and two figures of a list stay two
  assert.deepEqual(findQuantities('۲۰۰ سے زائد طالبان اور ۲۳ فوجی', 'ur').map((q) => q.range.min), [201, 23]);
});

test('"a dozen" is twelve and Urdu\'s "about" after the number is part of it', () => {
  assert.deepEqual(findQuantities('ایک درجن کے قریب زخمی ہو گئے', 'ur').map((q) => [q.range.min, q.text]), [[12, 'ایک درجن کے قریب']]);
  assert.deepEqual(findQuantities('دو درجن افراد', 'ur').map((q) => q.range.min), [24]);
  assert.deepEqual(findQuantities('۱۵ کے قریب افراد زخمی', 'ur').map((q) => [q.range.min, q.text]), [[15, '۱۵ کے قریب']]);
  // "dozens" is still a floor of 24
  assert.deepEqual(findQuantities('درجنوں افراد زخمی', 'ur')[0]!.range, { min: 24, max: 24, open: true });
});
