import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detectLanguage } from './language.js';
import { ingest } from './pipeline.js';

test('the language of an article, named', () => {
  assert.deepEqual(detectLanguage('Three soldiers were killed yesterday in a clash with guerrillas in the north of the country.'), { code: 'eng', name: 'English' });
  assert.deepEqual(detectLanguage('پاکستان اور افغانستان کے درمیان سرحد پر فائرنگ سے تین افراد ہلاک ہو گئے۔'), { code: 'urd', name: 'Urdu' });
  assert.equal(detectLanguage('THREE SOLDIERS WERE KILLED YESTERDAY IN A CLASH WITH GUERRILLAS IN THE NORTH.').code, 'eng');
  assert.equal(detectLanguage('Hi').code, 'und');
});

test('an article in another language is reported as not extracted, with its language', () => {
  const urdu = 'چمن میں سرحد پار سے فائرنگ کے نتیجے میں دو افراد ہلاک اور تین زخمی ہو گئے، حکام نے بتایا۔ یہ واقعہ جمعرات کی شام پیش آیا۔';
  const r = ingest([{ id: 'ur.txt', text: urdu, published: '2025-11-07' }]);
  assert.equal(r.events.length, 0);
  assert.equal(r.articles[0]!.language, 'urd');
  assert.deepEqual(r.articles[0]!.not_extracted, { code: 'language', reason: 'written in Urdu (urd): events are read in English only; 0 dates and 1 place read in it are listed under found' });
  assert.deepEqual(r.articles[0]!.found?.places.map((p) => [p.name, p.country, p.text]), [['Chaman', 'PK', 'چمن']]);
});

test('Arabic-script articles: their Solar Hijri and Gregorian dates and their places are read, and the output says why no event', () => {
  const dari = `درگیری در مرز دیورند

کابل: روز چهارشنبه ۲۳ میزان ۱۴۰۴ درگیری‌ها میان نیروهای امارت اسلامی و نیروهای پاکستانی در ولسوالی سپین بولدک ولایت قندهار ادامه یافت. به گفته مقامات محلی، چند غیرنظامی کشته شدند.`;
  const urdu = `چمن میں پاک افغان سرحد پر فائرنگ، دو افراد جاں بحق

کوئٹہ: پیر ۱۳ اکتوبر ۲۰۲۵ کو چمن میں پاک افغان سرحد کے قریب فائرنگ کے تبادلے میں دو افراد جاں بحق اور تین زخمی ہو گئے۔`;
  const arabic = 'قتل خمسة مدنيين في غارة جوية على مدينة الحديدة غربي اليمن يوم ١٥ أكتوبر ٢٠٢٥، بحسب مصادر طبية.';
  const r = ingest([{ id: 'fa.txt', text: dari }, { id: 'ur.txt', text: urdu }, { id: 'ar.txt', text: arabic }], { now: '2025-10-20' });
  assert.equal(r.events.length, 0);
  const [fa, ur, ar] = r.articles;
  assert.equal(fa!.language, 'prs');
  assert.deepEqual(fa!.found?.dates.map((d) => [d.start, d.text]), [['2025-10-15', '۲۳ میزان ۱۴۰۴']]);
  assert.deepEqual(fa!.found?.places.map((p) => [p.name, p.precision]), [['Kabul', 1], ['Spin Boldak', 2], ['Kandahar province', 3]]);
  assert.match(fa!.not_extracted!.reason, /^written in Persian \(prs\): events are read in English only; 1 date and 3 places/);
  assert.deepEqual(ur!.found?.dates.map((d) => d.start), ['2025-10-13']);
  assert.deepEqual(ur!.found?.places.map((p) => p.name), ['Chaman', 'Quetta']);
  assert.equal(ar!.language, 'arb');
  assert.deepEqual(ar!.found?.dates.map((d) => d.start), ['2025-10-15']);
  assert.deepEqual(ar!.found?.places.map((p) => [p.name, p.country]), [['Al Ḩudaydah', 'YE'], ['Yemen', 'YE']]);
});
