// A toll over a period or a whole country, not an incident's: "so far this year 530 foreign soldiers have been
// killed in Afghanistan", "NATO and US air strikes have killed 133 civilians across the country in the past week",
// "a series of attacks over the past two weeks that killed more than 150". The English rules' AGGREGATE (cues.ts)
// for Urdu, Pashto, Dari/Persian and Arabic: such a sentence gives no incident and no figure (sentence.ts).
import type { ArabicScriptLanguage } from './languages.js';
import { wordsRegExp } from './pattern.js';

/** Phrases that make a toll an aggregate on their own: the whole country, weeks or months gone by. */
const ALONE: Record<ArabicScriptLanguage, readonly string[]> = {
  ur: ['ملک بھر', 'پورے ملک', 'گزشتہ ہفتوں', 'گزشتہ مہینوں', 'حالیہ ہفتوں', 'حالیہ مہینوں', 'گزشتہ برسوں', 'حالیہ برسوں'],
  ps: ['ټول هېواد', 'ټول هیواد', 'ټول افغانستان', 'تېرو اونیو', 'تېرو میاشتو', 'وروستیو اونیو', 'وروستیو میاشتو', 'تېرو کلونو', 'وروستیو کلونو'],
  fa: ['سراسر کشور', 'سراسر افغانستان', 'تمام کشور', 'هفته های اخیر', 'هفته های گذشته', 'ماه های اخیر', 'ماه های گذشته', 'سال های اخیر', 'سال های گذشته'],
  ar: ['أنحاء البلاد', 'انحاء البلاد', 'منذ بداية العام', 'منذ مطلع العام', 'الأسابيع الماضية', 'الأشهر الماضية', 'الشهور الماضية', 'السنوات الماضية'],
};
/** "This year" and "so far": together they make a running total ("رواں سال اب تک"); apart they do not. */
const YEAR: Record<ArabicScriptLanguage, readonly string[]> = {
  ur: ['رواں سال', 'سال رواں', 'اس سال', 'رواں برس', 'اس برس'],
  ps: ['سږکال', 'سږ کال', 'په دې کال', 'روان کال', 'د کال له پیل'],
  fa: ['سال جاری', 'سال روان', 'امسال', 'این سال', 'از آغاز سال'],
  ar: ['هذا العام', 'العام الجاري', 'العام الحالي', 'هذه السنة'],
};
const SO_FAR: Record<ArabicScriptLanguage, readonly string[]> = {
  ur: ['اب تک'], ps: ['تر اوسه', 'تراوسه', 'تر دې دمه'], fa: ['تاکنون', 'تا کنون', 'تا حال', 'تا به حال', 'تا اکنون'], ar: ['حتى الآن', 'حتى الان', 'حتى اليوم'],
};
/** "Over the past two weeks", "in the last three months": a number of weeks or months gone by (days are an incident's). */
const WEEKS: Record<ArabicScriptLanguage, RegExp> = {
  ur: /(?:[0-9۰-۹]+|دو|تین|چار|کئی)\s+(?:ہفتوں|ہفتے|مہینوں|مہینے)\s+(?:میں|کے\s+دوران)/u,
  ps: /(?:[0-9۰-۹]+|دوه|درې|څلور|څو)\s+(?:اونیو|اونۍ|میاشتو|میاشتې)/u,
  fa: /(?:[0-9۰-۹]+|دو|سه|چهار|چند)\s+(?:هفت[هۀ]|ماه)[\u0654\u200c]?(?:ی)?\s+(?:گذشته|اخیر|اخير)/u,
  ar: /(?:[0-9٠-٩]+|ثلاثة|أربعة|عدة)\s+(?:أسابيع|أشهر|شهور)/u,
};

const compiled = new Map<ArabicScriptLanguage, readonly [RegExp, RegExp, RegExp]>();
function rulesOf(lang: ArabicScriptLanguage): readonly [RegExp, RegExp, RegExp] {
  let hit = compiled.get(lang);
  if (!hit) compiled.set(lang, (hit = [wordsRegExp(ALONE[lang], { stem: true }), wordsRegExp(YEAR[lang], { stem: true }), wordsRegExp(SO_FAR[lang], { stem: true })]));
  return hit;
}
const has = (re: RegExp, s: string): boolean => { re.lastIndex = 0; return re.test(s); };

/**
 * Whether a sentence tells a total over a period or a country rather than one incident.
 * @example isArabicScriptAggregate('سال جاری تاکنون ۵۳۰ سرباز خارجی کشته شده اند', 'fa') // true
 */
export function isArabicScriptAggregate(sentence: string, lang: ArabicScriptLanguage): boolean {
  const [alone, year, soFar] = rulesOf(lang);
  return has(alone, sentence) || WEEKS[lang].test(sentence) || (has(year, sentence) && has(soFar, sentence));
}
