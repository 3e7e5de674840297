import { test } from 'node:test';
import assert from 'node:assert/strict';
import { actorTable } from '../actors.js';
import { isArabicScriptAggregate } from './aggregate.js';
import { readArabicScriptSentence } from './sentence.js';

test('a toll over a year so far, weeks gone by or the whole country is an aggregate', () => {
  assert.equal(isArabicScriptAggregate('سال جاری ميلادی مرگبار ترين سال بوده است به طوريکه تاکنون ۵۳۰ سرباز خارجی در افغانستان، کشته شده اند.', 'fa'), true);
  assert.equal(isArabicScriptAggregate('د ناټو هوايي برېدونو په ټول هېواد کې، په تېره اونۍ کې ١٣٣ ملکېان وژلي دي.', 'ps'), true);
  assert.equal(isArabicScriptAggregate('شورشیان طالب مسؤل یک سلسله حملات طی دو هفتۀ گذشته میباشند که باعث قتل بیش از ۱۵۰ نفر شده است.', 'fa'), true);
  assert.equal(isArabicScriptAggregate('رواں سال اب تک 200 سے زائد اہلکار ہلاک ہو چکے ہیں۔', 'ur'), true);
  assert.equal(isArabicScriptAggregate('قتل أكثر من 300 مدني في أنحاء البلاد منذ بداية العام.', 'ar'), true);
  // an incident: two days gone by, a toll "so far" of one attack, "this year" alone
  assert.equal(isArabicScriptAggregate('بين ۱۵ تا ۲۰ تند رو را در جريان دو روز گذشته در ولسوالي سنگين به قتل رسانيده اند.', 'fa'), false);
  assert.equal(isArabicScriptAggregate('دھماکے میں اب تک 60 افراد جاں بحق ہو چکے ہیں۔', 'ur'), false);
  assert.equal(isArabicScriptAggregate('یہ اس سال کا سب سے ہلاکت خیز حملہ تھا جس میں 20 افراد ہلاک ہوئے۔', 'ur'), false);
});

test('an aggregate sentence gives no incident and no figure; an incident sentence keeps both', () => {
  const read = (s: string, lang: 'fa' | 'ps') => readArabicScriptSentence(s, 0, { lang, table: actorTable(), source: 'VOA', dates: [] });
  const total = read('سال جاری برای نيروهای ائتلاف مرگبار ترين سال بوده است به طوريکه تاکنون ۵۳۰ سرباز خارجی در افغانستان کشته شده اند.', 'fa');
  assert.deepEqual([total.types.filter((t) => t.kind === 'incident').length, total.casualties.length], [0, 0]);
  const one = read('به گفته ناتو سه سرباز اين نيرو بر اثر انفجار بمب در روز پنجشنبه کشته شدند.', 'fa');
  assert.ok(one.types.some((t) => t.kind === 'incident'));
  assert.deepEqual(one.casualties.map((c) => c.range.min), [3]);
});
