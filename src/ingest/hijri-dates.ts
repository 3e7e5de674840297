// Days of the lunar Hijri calendar, as Urdu, Arabic, Dari and Pashto news write them beside (or instead of) the
// Gregorian one: "۱۵ رمضان المبارک ۱۴۴۶ھ", "15 رمضان 1446 هـ", "١٥ ربيع الأول ١٤٤٧". Only with the year written:
// the month names are also people's names ("رمضان", "شعبان", "رجب"). The calendar is ICU's Umm al-Qura, which Saudi
// Arabia uses; Pakistan and Afghanistan sight the moon, so their day can be one off (a day's precision is kept).
import { dayNamedBy } from './date-words.js';
import type { DateMention } from './types.js';

const MONTHS: [number, string][] = [
  [1, 'محرم|المحرم'], [2, 'صفر'], [3, 'ربیع الاول|ربیع الأول|ربيع الأول|ربيع الاول|ربیع‌الاول'],
  [4, 'ربیع الثانی|ربيع الثاني|ربيع الآخر|ربیع الآخر|ربیع‌الثانی'], [5, 'جمادی الاول|جمادی الاولی|جمادى الأولى|جمادى الاولى|جمادی الاولیٰ'],
  [6, 'جمادی الثانی|جمادی الآخر|جمادى الآخرة|جمادى الثانية|جمادی الاخریٰ|جمادی الثانیه'], [7, 'رجب'], [8, 'شعبان'], [9, 'رمضان'],
  [10, 'شوال'], [11, 'ذیقعده|ذی‌قعده|ذوالقعده|ذو القعدة|ذي القعدة|ذی القعدہ|ذوالقعدہ'], [12, 'ذیحجه|ذی‌حجه|ذوالحجه|ذو الحجة|ذي الحجة|ذی الحجہ|ذوالحجہ'],
];
/** Yeh, kaf, heh and alef however keyed; a space as any space or a zero-width non-joiner. */
function loose(word: string): string {
  const cls: Record<string, string> = { 'ی': '[یيى]', 'ي': '[یيى]', 'ى': '[یيى]', 'ه': '[هةۀہ]', 'ة': '[هةۀہ]', 'ہ': '[هةۀہ]', 'ا': '[اأإآ]', 'أ': '[اأإآ]', 'آ': '[اأإآ]', ' ': '[\\s\\u200c]*', '\u200c': '[\\s\\u200c]*' };
  return [...word].map((c) => cls[c] ?? c).join('');
}
const MONTH_RE = MONTHS.map(([, ws]) => ws.split('|').map(loose).join('|')).join('|');
/** Each month's number beside an expression for its names alone: which month a match named. */
const MONTH_EXACT = MONTHS.map(([n, ws]) => [n, new RegExp(`^(?:${ws.split('|').map(loose).join('|')})$`, 'u')] as const);
/** Honorifics after the month ("رمضان المبارک", "محرم الحرام", "صفر المظفر"). */
const HONORIFIC = '(?:[\\s\\u200c]*(?:ال)?(?:مبارک|مبارك|حرام|مظفر|مرجب|معظم|مکرم|مكرم))?';
const HIJRI = new RegExp(`(?<![\\p{L}0-9])([0-9]{1,2})\\s+(${MONTH_RE})${HONORIFIC}\\s+(1[34][0-9]{2})(?![0-9])(?:\\s*(?:ھ|هـ|ه|ہ|ه\\.ق|ق|ہجری|هجری|هجري)(?![\\p{L}]))?`, 'gu');

const UMALQURA = new Intl.DateTimeFormat('en-u-ca-islamic-umalqura-nu-latn', { timeZone: 'UTC', year: 'numeric', month: 'numeric', day: 'numeric' });

/**
 * A lunar Hijri day as YYYY-MM-DD, or null when the month has no such day.
 * @example hijriToGregorian(1446, 9, 15) // '2025-03-15'
 */
export function hijriToGregorian(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > 30 || year < 1300 || year > 1500) return null;
  // 1 Muharram 1 AH is 16 July 622 (Julian, -492,163 days from 1970); a lunar year is about 354.367 days and a
  // month 29.53: the guess is a day or two off
  return dayNamedBy(UMALQURA, Math.round(-492_148 + (year - 1) * 354.367 + (month - 1) * 29.5306 + (day - 1)) * 86_400_000, year, month, day);
}

/** Persian and Arabic-Indic digits as ASCII, one character for one. */
const ascii = (s: string): string => s.replace(/[\u06f0-\u06f9]/g, (d) => String(d.charCodeAt(0) - 0x06f0)).replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660));

/**
 * Every lunar Hijri day with its year in a sentence.
 * @example findHijriDates('۱۵ رمضان المبارک ۱۴۴۶ھ کو دھماکا ہوا')[0].start // '2025-03-15'
 */
export function findHijriDates(sentence: string): DateMention[] {
  if (!/[\u0600-\u06ff]/.test(sentence)) return [];
  const text = ascii(sentence);
  const out: DateMention[] = [];
  HIJRI.lastIndex = 0;
  for (let m = HIJRI.exec(text); m; m = HIJRI.exec(text)) {
    const month = MONTH_EXACT.find(([, re]) => re.test(m![2]!))?.[0] ?? 0;
    const d = hijriToGregorian(Number(m[3]), month, Number(m[1]));
    if (d) out.push({ start: d, end: d, precision: 'day', text: sentence.slice(m.index, m.index + m[0].length).trim(), index: m.index, relative: false });
  }
  return out;
}
