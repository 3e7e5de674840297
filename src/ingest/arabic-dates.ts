// Dates written in Arabic script, as Afghan, Pakistani, Iranian and Arab outlets write them: the Solar Hijri calendar
// with its Dari ("۲۳ میزان ۱۴۰۴"), Iranian ("۲۳ مهر ۱۴۰۴") and Pashto ("د تلې ۲۳مه") month names, and Gregorian
// months in Urdu ("۱۵ اکتوبر ۲۰۲۵"), Persian ("۱۵ اکتبر") and Arabic ("15 أكتوبر", "15 تشرين الأول"); Persian
// (۰–۹) and Arabic-Indic (٠–٩) digits alike. The Solar Hijri days are converted by ICU (date-words.ts).
import type { DateMention } from './types.js';
import { inferYear, lastDayOfMonth, persianToGregorian, weekdayOfDay, ymd } from './date-words.js';
import { addDays } from './text.js';

/**
 * One pattern for a word however it is keyed: Arabic or Persian yeh and kaf, heh or teh marbuta, hamza seats, and
 * Pashto's "ې", which older Pashto copy keys as "ى" or "ی" ("د شنبى په ورځ", on Saturday) and "ی" as "ې".
 */
function letters(word: string): string {
  const cls: Record<string, string> = { 'ی': '[یيىې]', 'ي': '[یيىې]', 'ى': '[یيىې]', 'ې': '[ېیيى]', 'ک': '[کك]', 'ك': '[کك]', 'ه': '[هةۀ]', 'ة': '[هةۀ]', 'ا': '[اأإآ]', 'أ': '[اأإآ]', 'إ': '[اأإآ]', 'آ': '[اأإآ]', ' ': '\\s+' };
  return [...word].map((c) => cls[c] ?? c).join('[\\u064b-\\u065f\\u0640\\u200c]*');
}

/** Solar Hijri months: Dari (Afghan), Iranian Persian and Pashto names. */
const SOLAR: [number, string[]][] = [
  [1, ['حمل', 'فروردین', 'وری']], [2, ['ثور', 'اردیبهشت', 'غویی']], [3, ['جوزا', 'خرداد', 'غبرګولی', 'غبرگولی']],
  [4, ['سرطان', 'تیر', 'چنګاښ', 'چنگاښ']], [5, ['اسد', 'مرداد', 'امرداد', 'زمری']], [6, ['سنبله', 'شهریور', 'وږی']],
  [7, ['میزان', 'مهر', 'تله', 'تلې']], [8, ['عقرب', 'آبان', 'لړم']], [9, ['قوس', 'آذر', 'لیندۍ', 'لیندی']],
  [10, ['جدی', 'دی', 'مرغومی']], [11, ['دلو', 'بهمن', 'سلواغه']], [12, ['حوت', 'اسفند', 'کب']],
];
/** Gregorian months: Urdu, Persian, Arabic (Egyptian and Levantine names). */
const GREGORIAN: [number, string[]][] = [
  [1, ['جنوری', 'ژانویه', 'يناير', 'كانون الثاني']], [2, ['فروری', 'فوریه', 'فبراير', 'شباط']], [3, ['مارچ', 'مارس', 'آذار']],
  [4, ['اپریل', 'آوریل', 'ابریل', 'أبريل', 'نيسان']], [5, ['مئی', 'مئ', 'مه', 'مایو', 'مايو', 'أيار']], [6, ['جون', 'ژوئن', 'يونيو', 'حزيران']],
  [7, ['جولائی', 'ژوئیه', 'جولای', 'يوليو', 'تموز']], [8, ['اگست', 'اوت', 'آگوست', 'أغسطس', 'آب']], [9, ['ستمبر', 'سپتامبر', 'سبتمبر', 'أيلول']],
  [10, ['اکتوبر', 'اکتبر', 'أكتوبر', 'تشرين الأول']], [11, ['نومبر', 'نوامبر', 'نوفمبر', 'تشرين الثاني']], [12, ['دسمبر', 'دسامبر', 'ديسمبر', 'كانون الأول']],
];

const monthAlternatives = (table: [number, string[]][]): string =>
  table.flatMap(([, ws]) => ws).sort((a, b) => b.length - a.length).map(letters).join('|');
const alternativesOf = (ws: readonly string[]): string => [...ws].sort((a, b) => b.length - a.length).map(letters).join('|');
const SOLAR_RE = monthAlternatives(SOLAR);
const GREG_RE = monthAlternatives(GREGORIAN);
// "۲۳ میزان ۱۴۰۴", "۲۳مه د تلې" is rarer than "د تلې ۲۳مه"; an ordinal ending ("۲۳مه", "۲۳م") may follow the day
const DAY = '([0-9]{1,2})(?:\\s*(?:مه|م|ام|م\\.))?';
const AFTER = '(?=$|[^\\p{L}])';
// Iranian copy writes "month" after the month's name, apart or joined ("۱۵ آبان ماه ۱۳۹۹", "۲۳ مهرماه")
const MAH = '(?:[\\s\\u200c]*ماه)?';
const SOLAR_DATE = new RegExp(`(?<![\\p{L}0-9])(?:${DAY}\\s+(?:د\\s+)?(${SOLAR_RE})${MAH}|(?:د\\s+)(${SOLAR_RE})\\s+${DAY})${AFTER}(?:\\s+(?:سال\\s+)?(1[34][0-9]{2}))?`, 'gu');
const GREG_DATE = new RegExp(`(?<![\\p{L}0-9])${DAY}\\s+(?:د\\s+)?(${GREG_RE})${AFTER}(?:\\s+(?:سال\\s+)?((?:19|20)[0-9]{2}))?`, 'gu');
/** Pashto's ordinal words for the days of a month ("لیندۍ پنځمه", the fifth of Lindai; "مارچ لسمه"). */
const ORDINALS: Record<string, number> = {
  'لومړۍ': 1, 'لومړی': 1, 'دویمه': 2, 'دوهمه': 2, 'درېیمه': 3, 'دریمه': 3, 'درېیم': 3, 'څلورمه': 4, 'پنځمه': 5, 'شپږمه': 6,
  'اوومه': 7, 'اتمه': 8, 'نهمه': 9, 'لسمه': 10, 'یوولسمه': 11, 'دولسمه': 12, 'دیارلسمه': 13, 'څوارلسمه': 14, 'پنځلسمه': 15,
  'شپاړسمه': 16, 'اوولسمه': 17, 'اتلسمه': 18, 'نولسمه': 19, 'شلمه': 20, 'دېرشمه': 30,
};
const ORDINAL_RE = alternativesOf(Object.keys(ORDINALS));
// a month and then its day, as Pashto copy writes both calendars ("نومبر ۲۵ (لیندۍ پنځمه)", November 25, 5 Lindai):
// a Solar Hijri month so only with an ordinal word (its names are also words: "میزان ۳۰", an amount of 30), a
// Gregorian one with figures too, but not the names that are also short words ("مه" fog, "آب" water)
const GREG_FIRST_RE = alternativesOf(GREGORIAN.flatMap(([, ws]) => ws).filter((w) => w.length > 2));
const MONTH_FIRST = new RegExp(`(?<![\\p{L}0-9])(?:د\\s+)?(?:(${SOLAR_RE})\\s+(${ORDINAL_RE})|(${GREG_FIRST_RE})\\s+(?:([0-9]{1,2})(?![0-9])(?:\\s*(?:مه|م)(?![\\p{L}]))?|(${ORDINAL_RE})))(?![\\p{L}])(?:[\\s,،]+((?:19|20)[0-9]{2})(?![0-9]))?`, 'gu');
// a Solar Hijri day in figures, year first ("۱۴۰۴/۷/۲۳", "1399-09-05"): a year of the 1300s or 1400s is no Gregorian one
const SOLAR_NUMERIC = /(?<![0-9/-])(1[34][0-9]{2})([/-])([0-9]{1,2})\2([0-9]{1,2})(?![0-9/-])/gu;

/** Weekdays (0 Sunday … 6 Saturday): Dari, Persian and Pashto share the names; Urdu's and Arabic's are their own. */
const WEEKDAYS: [number, string[]][] = [
  [0, ['یکشنبه', 'یک شنبه', 'الأحد', 'الاحد', 'اتوار']], [1, ['دوشنبه', 'دو شنبه', 'الاثنين', 'الإثنين', 'پیر']],
  [2, ['سه شنبه', 'سه‌شنبه', 'الثلاثاء', 'منگل']], [3, ['چهارشنبه', 'چهار شنبه', 'الأربعاء', 'الاربعاء', 'بدھ']],
  [4, ['پنجشنبه', 'پنج شنبه', 'الخميس', 'جمعرات']], [5, ['جمعه', 'الجمعة', 'جمعہ']], [6, ['شنبه', 'السبت', 'ہفتہ']],
  // Pashto's oblique forms ("د دوشنبې په ورځ", on Monday)
  [0, ['یکشنبې']], [1, ['دوشنبې']], [2, ['سه شنبې', 'درېشنبې']], [3, ['چهارشنبې', 'څلورشنبې']], [4, ['پنجشنبې']], [5, ['جمعې']], [6, ['شنبې']],
];
/** Urdu names that are also ordinary words ("پیر" an elder, "ہفتہ" a week) count only as "on Monday" ("پیر کو"). */
const URDU_ONLY = new Set(['اتوار', 'پیر', 'منگل', 'بدھ', 'جمعرات', 'جمعہ', 'ہفتہ']);
const alternatives = (ws: readonly string[]): string => [...ws].sort((a, b) => b.length - a.length).map((w) => letters(w.replace(/\u200c/g, ' '))).join('|');
// ("a few hours earlier" is the day itself, as "earlier today" is: "چند ساعت قبل ازان", "چند گھنٹے پہلے")
const TODAY = alternatives(['امروز', 'نن', 'آج', 'اليوم', 'چند ساعت قبل', 'چند ساعت پیش', 'ساعاتی قبل', 'ساعاتی پیش', 'چند گھنٹے قبل', 'چند گھنٹے پہلے', 'څو ساعته وړاندې', 'قبل ساعات']);
const YESTERDAY = alternatives(['دیروز', 'پرون', 'گزشتہ روز', 'أمس', 'الأمس', 'امس']);
const URDU_ON = '\\s+(?:کو|کے\\s+روز|کی\\s+(?:صبح|شام|رات))';
/** "امروز", "دیروز", a weekday, or both ("امروز دوشنبه", glued as "امروزدوشنبه"): the weekday, when named, wins. */
const RELATIVE_DAY = new RegExp(`(?<![\\p{L}])(?:(${TODAY})|(${YESTERDAY}))?(?:[\\s\\u200c]*(?:روز\\s+|د\\s+)?(${alternatives(WEEKDAYS.flatMap(([, ws]) => ws.filter((w) => !URDU_ONLY.has(w))))}|(?:${alternatives([...URDU_ONLY])})(?=${URDU_ON})))?(?![\\p{L}])`, 'gu');

function weekdayNumber(written: string): number {
  for (const [n, ws] of WEEKDAYS) for (const w of ws) if (new RegExp(`^${letters(w.replace(/\u200c/g, ' '))}$`, 'u').test(written.replace(/\u200c/g, ' '))) return n;
  return -1;
}

/**
 * Today, yesterday and weekdays in Arabic script, on or before the reference day ("امروزدوشنبه", today Monday, in a
 * paper dated Tuesday is the Monday before).
 * @example findArabicScriptRelative('خشونتها امروزدوشنبه دوام داشت', '2006-05-02')[0].start // '2006-05-01'
 */
export function findArabicScriptRelative(sentence: string, ref: string): DateMention[] {
  if (!/[\u0600-\u06ff]/.test(sentence)) return [];
  const out: DateMention[] = [];
  RELATIVE_DAY.lastIndex = 0;
  for (let m = RELATIVE_DAY.exec(sentence); m; m = RELATIVE_DAY.exec(sentence)) {
    if (m[0].length === 0) { RELATIVE_DAY.lastIndex++; continue; }
    let day: string;
    if (m[3]) {
      const wd = weekdayNumber(m[3]);
      if (wd < 0) continue;
      day = addDays(ref, -(((weekdayOfDay(ref) - wd) % 7) + 7) % 7);
    } else day = m[2] ? addDays(ref, -1) : ref;
    const index = m.index + (m[0].length - m[0].trimStart().length);
    const text = m[0].trim();
    // two weekdays joined by "and" are one span ("د پنجشنبې او جمعې په ورځو", on Thursday and Friday)
    const prev = out.at(-1);
    if (prev && m[3] && /^\s*(?:و|او|اور)\s*$/u.test(sentence.slice(prev.index + prev.text.length, index))) {
      out[out.length - 1] = { ...prev, start: prev.start < day ? prev.start : day, end: prev.end > day ? prev.end : day, text: sentence.slice(prev.index, index + text.length) };
      continue;
    }
    out.push({ start: day, end: day, precision: 'day', text, index, relative: true });
  }
  return out;
}

/** Persian and Arabic-Indic digits as ASCII, one character for one, so positions stay. */
export function asciiDigits(s: string): string {
  return s.replace(/[\u06f0-\u06f9]/g, (d) => String(d.charCodeAt(0) - 0x06f0)).replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660));
}

function ordinalOf(written: string): number {
  for (const [w, n] of Object.entries(ORDINALS)) if (new RegExp(`^${letters(w)}$`, 'u').test(written)) return n;
  return 0;
}

function monthNumber(table: [number, string[]][], written: string): number {
  for (const [n, ws] of table) for (const w of ws) if (new RegExp(`^${letters(w)}$`, 'u').test(written)) return n;
  return 0;
}

/** The Solar Hijri year a day without a year most likely means: the one that puts it on or before the reference day. */
function solarYearFor(month: number, day: number, ref: string): string | null {
  const refYear = Number(ref.slice(0, 4));
  for (const y of [refYear - 621, refYear - 622, refYear - 620]) {
    const d = persianToGregorian(y, month, day);
    if (d && d <= ref && d > `${refYear - 1}${ref.slice(4)}`) return d;
  }
  return null;
}

/**
 * Every Arabic-script date in a sentence, as a day (the calendar's own year when written, else the one that puts the
 * day on or before the reference day).
 * @example findArabicScriptDates('در ۲۳ میزان ۱۴۰۴ درگیری رخ داد', '2025-11-10')[0].start // '2025-10-15'
 */
export function findArabicScriptDates(sentence: string, ref: string): DateMention[] {
  if (!/[\u0600-\u06ff]/.test(sentence)) return [];
  const text = asciiDigits(sentence);
  const out: DateMention[] = [];
  SOLAR_DATE.lastIndex = 0;
  for (let m = SOLAR_DATE.exec(text); m; m = SOLAR_DATE.exec(text)) {
    const day = Number(m[1] ?? m[4]);
    const month = monthNumber(SOLAR, m[2] ?? m[3]!);
    const d = m[5] ? persianToGregorian(Number(m[5]), month, day) : solarYearFor(month, day, ref);
    if (d) out.push({ start: d, end: d, precision: 'day', text: sentence.slice(m.index, m.index + m[0].length).trim(), index: m.index, relative: !m[5] });
  }
  const free = (index: number, length: number): boolean => !out.some((o) => index < o.index + o.text.length && o.index < index + length);
  SOLAR_NUMERIC.lastIndex = 0;
  for (let m = SOLAR_NUMERIC.exec(text); m; m = SOLAR_NUMERIC.exec(text)) {
    const d = persianToGregorian(Number(m[1]), Number(m[3]), Number(m[4]));
    if (d) out.push({ start: d, end: d, precision: 'day', text: sentence.slice(m.index, m.index + m[0].length), index: m.index, relative: false });
  }
  GREG_DATE.lastIndex = 0;
  for (let m = GREG_DATE.exec(text); m; m = GREG_DATE.exec(text)) {
    if (!free(m.index, m[0].length)) continue;
    const day = Number(m[1]);
    const month = monthNumber(GREGORIAN, m[2]!);
    const year = m[3] ? Number(m[3]) : inferYear(month, day, ref);
    if (!month || day > lastDayOfMonth(year, month)) continue;
    const d = ymd(year, month, day);
    out.push({ start: d, end: d, precision: 'day', text: sentence.slice(m.index, m.index + m[0].length).trim(), index: m.index, relative: !m[3] });
  }
  MONTH_FIRST.lastIndex = 0;
  for (let m = MONTH_FIRST.exec(text); m; m = MONTH_FIRST.exec(text)) {
    if (!free(m.index, m[0].length)) continue;
    let d: string | null = null;
    if (m[1]) d = solarYearFor(monthNumber(SOLAR, m[1]), ordinalOf(m[2]!), ref);
    else {
      const month = monthNumber(GREGORIAN, m[3]!);
      const day = m[4] ? Number(m[4]) : ordinalOf(m[5]!);
      const year = m[6] ? Number(m[6]) : inferYear(month, day, ref);
      if (month && day >= 1 && day <= lastDayOfMonth(year, month)) d = ymd(year, month, day);
    }
    if (d) out.push({ start: d, end: d, precision: 'day', text: sentence.slice(m.index, m.index + m[0].length).trim(), index: m.index, relative: !m[6] });
  }
  return out.sort((a, b) => a.index - b.index);
}
