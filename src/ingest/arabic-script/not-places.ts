// Words of Arabic-script news that the gazetteer holds as places but that are something else in a sentence: the
// days of the week ("دوشنبه", Monday in Dari, is also Dushanbe) and the like. Their spans are kept from the place
// finder, as outlets' names are in English.
import { wordsRegExp } from './pattern.js';

const WORDS = [
  // weekdays in Urdu, Pashto, Dari/Persian and Arabic
  'پیر', 'منگل', 'بدھ', 'جمعرات', 'جمعہ', 'ہفتہ', 'اتوار',
  'دوشنبه', 'سه‌شنبه', 'سه شنبه', 'چهارشنبه', 'پنجشنبه', 'پنج‌شنبه', 'جمعه', 'شنبه', 'یکشنبه', 'یک‌شنبه',
  'دوشنبې', 'سه شنبې', 'چهارشنبې', 'پنجشنبې', 'جمعې', 'شنبې', 'یکشنبې',
  'الاثنين', 'الثلاثاء', 'الأربعاء', 'الخميس', 'الجمعة', 'السبت', 'الأحد',
];
/** Whole words only: set phrases whose word is another place's name ("در عین زمان", at the same time: Ain). */
const PHRASES = ['در عین زمان', 'در عین حال', 'عین حال', 'في الوقت نفسه'];
const RE = new RegExp(`${wordsRegExp(WORDS, { prefixed: true, stem: true }).source}|${wordsRegExp(PHRASES).source}`, 'gu');

/** The spans of a sentence that are no place whatever the gazetteer holds. */
export function notPlaceSpans(sentence: string): [number, number][] {
  RE.lastIndex = 0;
  return [...sentence.matchAll(RE)].map((m) => [m.index, m.index + m[0].length]);
}
