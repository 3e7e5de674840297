import { test } from 'node:test';
import assert from 'node:assert/strict';
import { actorTable, findActors } from '../actors.js';
import { arabicScriptActors, findArabicScriptActors, pakistanTaliban } from './actors.js';

const ids = (s: string, opts: { pakistanTaliban?: boolean } = {}): string[] => findArabicScriptActors(s, arabicScriptActors(actorTable()), undefined, opts).map((a) => a.actor.id);

test('"Taliban militants" written with the singular (Dari "تندروان طالب", "شورشیان طالب") are the Taliban', () => {
  assert.deepEqual(ids('کسی ادعای مسؤلیت نکرده ولی تندروان طالب مظنون هستند.'), ['afghan-taliban']);
  assert.deepEqual(ids('شورشیان طالب مسؤل یک سلسله حملات طی دو هفتۀ گذشته میباشند.'), ['afghan-taliban']);
});

test('in a story of Pakistan alone, its Taliban are the TTP; with Afghanistan named they stay the Afghan Taliban', () => {
  const peshawar = 'پولیس پاکستان میگوید دو بم گزار انتحاری بروز جمعه خود را در پشاور منفجر ساختند. کسی ادعای مسؤلیت نکرده ولی تندروان طالب مظنون هستند.';
  assert.equal(pakistanTaliban(peshawar), true);
  assert.deepEqual(ids('ولی تندروان طالب مظنون هستند.', { pakistanTaliban: true }), ['ttp']);
  // the border reporting of this case: ISPR's "Taliban" across the border are the Afghan Taliban
  assert.equal(pakistanTaliban('آئی ایس پی آر نے کہا کہ افغان طالبان نے پاکستان کی چوکیوں پر حملہ کیا اور ۲۰۰ سے زائد طالبان ہلاک ہوئے۔'), false);
  assert.equal(pakistanTaliban('طالبان در ولایت هلمند به یک پاسگاه حمله کردند.'), false);
  // a name that is not a Taliban one keeps its actor
  assert.deepEqual(ids('پاکستانی فوج', { pakistanTaliban: true }), ['pakistan-army']);
});

test('Jamaat-ul-Ahrar, the TTP faction that claimed the 2014 Wagah bombing, is its own actor in Urdu as in English', () => {
  assert.deepEqual(ids('اس حملے کی ذمہ داری طالبان کے ایک گروہ جماعت الاحرار نے قبول کی ہے۔').includes('jamaat-ul-ahrar'), true);
  assert.deepEqual(findActors('Jamaat-ul-Ahrar claimed the attack.', actorTable()).map((a) => a.actor.id), ['jamaat-ul-ahrar']);
});

test('a group named as a faction of another: the faction is the party, its parent a passing mention', () => {
  assert.deepEqual(ids('اس حملے کی ذمہ داری طالبان کے ایک گروہ جماعت الاحرار نے قبول کی ہے۔'), ['jamaat-ul-ahrar']);
  assert.deepEqual(ids('جماعت الاحرار، شاخه‌ای از طالبان پاکستانی، مسئولیت این حمله را به عهده گرفت.'), ['jamaat-ul-ahrar']);
  assert.deepEqual(ids('طالبان او جماعت الاحرار'), ['afghan-taliban', 'jamaat-ul-ahrar']);
});

test('Pakistan\'s forces as Urdu, Pashto and Dari name them: the Rangers, the armed forces, its soldiers', () => {
  assert.deepEqual(ids('جاں بحق ہونے والوں میں رینجرز کے تین اہلکار بھی شامل ہیں۔'), ['pakistan-army']);
  assert.deepEqual(ids('پاک افواج نے حملہ پسپا کر دیا۔'), ['pakistan-army']);
  assert.deepEqual(ids('پاکستاني پوځیان او د طالبانو ځواکونه'), ['pakistan-army', 'afghan-taliban']);
  assert.deepEqual(ids('ټي ټي پي ادعا وکړه'), ['ttp']);
  // (NATO as Pashto keys it, with its own retroflex letter)
  assert.deepEqual(ids('د ناټو او امرېکا هوايي برېدونو'), ['nato']);
});

test('a country named as where something happens, a part of it named between, is a place', () => {
  assert.deepEqual(ids('بم گزاری در شمال غرب پاکستان ۲۷ نفر را هلاک ساخت.'), []);
  assert.deepEqual(ids('په سویل ختیځ افغانستان کې'), []);
  assert.deepEqual(ids('پاکستان ۲۷ نفر را هلاک ساخت.'), ['pakistan']);
});
