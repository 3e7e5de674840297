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

test('a short English note of names and numbers is English; short news in other Latin-script languages is not', () => {
  assert.equal(detectLanguage('On 9 May 2020, 4 Saudi-led coalition airstrikes reportedly targeted An Naqa area (Sahar, Sadah). No fatalities nor injuries reported.').code, 'eng');
  const others = {
    spa: 'El 9 de mayo de 2020, cuatro ataques aéreos de la coalición saudí alcanzaron la zona de An Naqa. No se reportaron víctimas.',
    fra: "Le 9 mai 2020, quatre frappes aériennes de la coalition saoudienne ont visé la zone d'An Naqa. Aucune victime signalée.",
    deu: 'Am 9. Mai 2020 trafen vier Luftangriffe der saudischen Koalition das Gebiet An Naqa. Keine Opfer gemeldet.',
    por: 'Em 9 de maio de 2020, quatro ataques aéreos da coalizão saudita atingiram a área de An Naqa. Nenhuma vítima relatada.',
  };
  for (const [code, text] of Object.entries(others)) assert.equal(detectLanguage(text).code, code, text);
});

test('an article in a language no rules read is reported as not extracted, with its language', () => {
  const turkish = 'Chaman yakınlarında sınır ötesinden açılan ateş sonucu iki kişi hayatını kaybetti ve üç kişi yaralandı, yetkililer açıkladı. Olay perşembe akşamı meydana geldi ve bölgede gerginlik sürüyor.';
  const r = ingest([{ id: 'tr.txt', text: turkish, published: '2025-11-07' }]);
  assert.equal(r.events.length, 0);
  assert.equal(r.articles[0]!.language, 'tur');
  assert.equal(r.articles[0]!.not_extracted?.code, 'language');
  assert.match(r.articles[0]!.not_extracted!.reason, /^written in Turkish \(tur\): events are read in English, Urdu, Pashto, Dari\/Persian and Arabic only; /);
});

test('Arabic-script articles: their Solar Hijri and Gregorian dates and their places are read, and their events with them', () => {
  const dari = `درگیری در مرز دیورند

کابل: روز چهارشنبه ۲۳ میزان ۱۴۰۴ درگیری‌ها میان نیروهای امارت اسلامی و نیروهای پاکستانی در ولسوالی سپین بولدک ولایت قندهار ادامه یافت. به گفته مقامات محلی، چند غیرنظامی کشته شدند.`;
  const urdu = `چمن میں پاک افغان سرحد پر فائرنگ، دو افراد جاں بحق

کوئٹہ: پیر ۱۳ اکتوبر ۲۰۲۵ کو چمن میں پاک افغان سرحد کے قریب فائرنگ کے تبادلے میں دو افراد جاں بحق اور تین زخمی ہو گئے۔`;
  const arabic = 'قتل خمسة مدنيين في غارة جوية على مدينة الحديدة غربي اليمن يوم ١٥ أكتوبر ٢٠٢٥، بحسب مصادر طبية.';
  const r = ingest([{ id: 'fa.txt', text: dari }, { id: 'ur.txt', text: urdu }, { id: 'ar.txt', text: arabic }], { now: '2025-10-20' });
  const [fa, ur, ar] = r.articles;
  assert.deepEqual([fa!.language, ur!.language, ar!.language], ['prs', 'urd', 'arb']);
  assert.ok(r.articles.every((a) => !a.not_extracted && a.notes.some((n) => n.startsWith('read in '))));
  const of = (id: string) => r.events.filter((e) => e.mentions.some((m) => m.article === id));
  const [clash] = of('fa.txt');
  assert.deepEqual([clash!.sub_event_type, clash!.when, clash!.where.map((p) => p.name), clash!.actors.map((a) => a.id).sort()], ['Armed clash', { start: '2025-10-15', end: '2025-10-15', precision: 'day' }, ['Spin Boldak', 'Kandahar province'], ['afghan-taliban', 'pakistan-army']]);
  assert.deepEqual(clash!.claims.map((c) => c.speaker), ['مقامات محلی']);
  const [chaman] = of('ur.txt');
  assert.deepEqual([chaman!.sub_event_type, chaman!.when?.start, chaman!.where.map((p) => p.name), chaman!.fatalities, chaman!.injured], ['Armed clash', '2025-10-13', ['Chaman'], { min: 2, max: 2 }, { min: 3, max: 3 }]);
  const [strike] = of('ar.txt');
  assert.deepEqual([strike!.sub_event_type, strike!.when?.start, strike!.where.map((p) => [p.name, p.country]), strike!.fatalities], ['Air/drone strike', '2025-10-15', [['Al Ḩudaydah', 'YE']], { min: 5, max: 5 }]);
  assert.deepEqual(strike!.tolls.map((t) => [t.civilian, t.claimant]), [[true, 'مصادر طبية']]);
});

test('a headline with few grammar words is English by the words of news English (issue 10)', () => {
  assert.equal(detectLanguage('Ukrainian positions came under fire from mortars near Avdiivka.').code, 'eng');
  assert.equal(detectLanguage('Pakistani troops shell villages along LoC').code, 'eng');
});

test('a headline of an agreement, an attack or arrests is English by the words of news English (issue 10)', () => {
  assert.equal(detectLanguage('Warring parties sign peace accord').code, 'eng');
  assert.equal(detectLanguage('Police arrest 30 in capital after clashes').code, 'eng');
});
