import { test } from 'node:test';
import assert from 'node:assert/strict';
import { actorTable } from '../actors.js';
import { analyzeArticle } from '../analyze.js';
import { gazetteer } from '../gazetteer.js';
import { ingest } from '../pipeline.js';
import { participants } from '../participants.js';
import type { Article } from '../types.js';
import { arabicScriptActors, findArabicScriptActors } from './actors.js';
import { findArabicScriptClaims } from './claims.js';
import type { ArabicScriptLanguage } from './languages.js';

const speakers = (s: string, lang: ArabicScriptLanguage): (string | undefined)[] =>
  findArabicScriptClaims(s, 0, findArabicScriptActors(s, arabicScriptActors(actorTable())), lang).map((c) => c.speakerId ?? c.speaker);

test('a source with the words that run on to the word of saying, when they are few', () => {
  // a country's forces, hospital staff (the plural "ها" keyed apart), coalition and Afghan soldiers
  assert.deepEqual(speakers('قواي نظامي سري لانکا ميگويد يک زن بم گزار انتحاري خود را منفجر نمود.', 'fa'), ['قواي نظامي سري لانکا']);
  assert.deepEqual(speakers('کارمندان شفاخانه ها گفتند در بين مقتولين اطفال نيز قرار دارند.', 'fa'), ['کارمندان شفاخانه ها']);
  assert.deepEqual(speakers('عساکر ائتلاف و افغان ميگويند که چندين تندرو را بقتل رسانيده اند.', 'fa'), ['عساکر ائتلاف و افغان']);
  // (not across a preposition: "officials in Pakistan" are officials)
  assert.deepEqual(speakers('مقامات در پاکستان میگویند عملۀ نجات شش جسد دیگر را کشف کرد.', 'fa'), ['مقامات']);
});

test('the words before a source: a genitive owner stays, a conjunction, an article or a unit word ends them', () => {
  // ("هېلمند" ends with the letter "د": the owner is the whole word, not its last letter)
  assert.deepEqual(speakers('د هېلمند پولېس وايي د کجکى په ولسوالى کې لس تنه ېاغېان وژل شوېدى.', 'ps'), ['د هېلمند پولېس']);
  assert.deepEqual(speakers('فوج کے ترجمان نے بتایا کہ بم ریموٹ کنٹرول کے ذریعے پھٹا تھا۔', 'ur'), ['فوج کے ترجمان']);
  assert.deepEqual(speakers('د میدان وردګ ولایت امنیتي چارواکي وايي چې ۲۸ ملکیان تښتول شوي دي.', 'ps'), ['امنیتي چارواکي']);
  // "a statement says", with no one named beside it, is nobody's word
  assert.deepEqual(speakers('يک بيانيه حاکيست که تندروان تفنگ ها را باخودحمل ميکردند.', 'fa'), []);
});

test('the police of a country speak, not its government; a word of saying denied is nobody\'s', () => {
  assert.deepEqual(speakers('پولیس پاکستان میگوید دو بم گزار انتحاری خود را منفجر ساختند.', 'fa'), ['پولیس پاکستان']);
  assert.deepEqual(speakers('حکومت پاکستان میگوید دو بم گزار انتحاری خود را منفجر ساختند.', 'fa'), ['pakistan']);
  assert.deepEqual(speakers('د طالبانو ډلې تراوسه په دې اړه رسنیو ته څه نه دي ویلي.', 'ps'), []);
  assert.deepEqual(speakers('خو افغان چارواکېو دغه خبر ندى تائېد کړى.', 'ps'), []);
});

test('a person named beside their title speaks, before the body they speak for', () => {
  assert.deepEqual(speakers('حاجی غلام علی رئیس بلدیۀ پشاور به صدای امریکا گفت کار نجات مشکل بود.', 'fa'), ['حاجی غلام علی']);
  assert.deepEqual(speakers('حیدرخان هوتی رئیس حکومت ولایت سرحد شمال غربی میگوید قوای خارجی شاید مسؤل باشد.', 'fa'), ['حیدرخان هوتی']);
  assert.deepEqual(speakers('د دغې شورا غړو احمد جعفري او شریفالله هوتک امریکا غږ ته ویلي چې طالبانو چیکپواینټ جوړ کړی.', 'ps'), ['احمد جعفري', 'شریفالله هوتک']);
  // (a spokesman of a named party: the person, named nearer the word of saying)
  assert.deepEqual(speakers('د طالبانو یو ویاند ملا عبیدالله دهغه د مرگ مسوولیت په غاړه اخیستی دی.', 'ps'), ['ملا عبیدالله']);
});

test('a claim of responsibility: the claimant speaks and is a party to the attack', () => {
  const wagah = 'اس حملے کی ذمہ داری طالبان کے ایک گروہ جماعت الاحرار نے قبول کی ہے۔';
  assert.deepEqual(speakers(wagah, 'ur'), ['jamaat-ul-ahrar']);
  const article: Article = { id: 'w', source: 'Test', title: '', published: '2014-11-03', publishedFrom: 'input', text: `لاہور میں ایک خودکش دھماکے میں 60 افراد ہلاک ہو گئے۔ ${wagah}`, notes: [] };
  const s = analyzeArticle(article, { gazetteer: gazetteer(), actors: actorTable(), ref: '2014-11-03', refGuessed: false, script: 'ur' }).at(-1)!;
  assert.deepEqual(participants(s, 'incident').actors.map((a) => a.id), ['jamaat-ul-ahrar']);
});

test('a claim of responsibility in a sentence of its own makes its claimant a party to the incident just told', () => {
  const text = 'پولېس وايي د ارزګان ولایت په ترین کوټ کې د شنبې په ورځ د دیني شورا مشر ووژل شو. د طالبانو یو محلي نطاق ملا عبیدالله د هغه د مرګ مسوولیت په غاړه اخیستی دی.';
  const [event] = ingest([{ id: 'k', source: 'VOA Pashto', published: '2007-07-08', text }]).events;
  assert.ok(event?.actors.some((a) => a.id === 'afghan-taliban'));
  assert.ok(event?.claims.some((c) => c.speaker === 'ملا عبیدالله'));
});
