// Numbers as Arabic-script news writes them: Western, Persian (۰–۹) and Arabic-Indic (٠–٩) digits, and number
// words in Urdu, Pashto, Dari/Persian and Arabic ("تین", "درې", "سه", "ثلاثة"; "بیست و سه", "ثلاثة وعشرين"), with
// the quantifiers the casualty rules need: "at least" (a floor, open), "more than" (one more, open), "dozens".
import type { Range } from '../types.js';
import { fold } from '../text.js';
import type { ArabicScriptLanguage } from './languages.js';
import { ARABIC_PREFIX, wordsSource } from './pattern.js';

const WORDS: Record<ArabicScriptLanguage, Record<string, number>> = {
  ur: { ایک: 1, دو: 2, تین: 3, چار: 4, پانچ: 5, چھ: 6, سات: 7, آٹھ: 8, دس: 10, گیارہ: 11, بارہ: 12, تیرہ: 13, چودہ: 14, پندرہ: 15, سولہ: 16, سترہ: 17, اٹھارہ: 18, بیس: 20, پچیس: 25, تیس: 30, چالیس: 40, پچاس: 50, انیس: 19, اکیس: 21, بائیس: 22, تئیس: 23, چوبیس: 24, ساٹھ: 60, نوے: 90 },
  ps: { یو: 1, يو: 1, دوه: 2, درې: 3, دری: 3, څلور: 4, پنځه: 5, شپږ: 6, اووه: 7, اته: 8, نهه: 9, لس: 10, یوولس: 11, دولس: 12, دیارلس: 13, پنځلس: 15, شل: 20, دېرش: 30, څلوېښت: 40, پنځوس: 50, څوارلس: 14, شپاړس: 16, اوولس: 17, اتلس: 18, نولس: 19, شپېته: 60, اویا: 70, اتیا: 80 },
  fa: { یک: 1, دو: 2, سه: 3, چهار: 4, پنج: 5, شش: 6, هفت: 7, هشت: 8, یازده: 11, دوازده: 12, سیزده: 13, چهارده: 14, پانزده: 15, شانزده: 16, هفده: 17, هجده: 18, نوزده: 19, بیست: 20, سی: 30, چهل: 40, پنجاه: 50, صد: 100, شصت: 60, هفتاد: 70, هشتاد: 80, نود: 90, دویست: 200, سیصد: 300 },
  ar: { واحد: 1, اثنان: 2, اثنين: 2, ثلاثة: 3, ثلاث: 3, أربعة: 4, أربع: 4, خمسة: 5, خمس: 5, ستة: 6, ست: 6, سبعة: 7, سبع: 7, ثمانية: 8, ثماني: 8, تسعة: 9, تسع: 9, عشرة: 10, عشر: 10, عشرين: 20, عشرون: 20, ثلاثين: 30, ثلاثون: 30, أربعين: 40, أربعون: 40, خمسين: 50, خمسون: 50, مئة: 100, مائة: 100, ستين: 60, ستون: 60, سبعين: 70, سبعون: 70, ثمانين: 80, ثمانون: 80, تسعين: 90, تسعون: 90 },
};
/** Words that are also common words ("نه" no, "ده" village, "نو" new): numbers only before a counting word. */
// (Urdu "ستر" is also a veil, "اسی" that same)
const CAUTIOUS: Record<ArabicScriptLanguage, Record<string, number>> = { ur: { نو: 9, ستر: 70, اسی: 80 }, ps: {}, fa: { نه: 9, ده: 10 }, ar: {} };
const COUNTERS = ['تن', 'نفر', 'تنه', 'کسان', 'کس', 'افراد'];
/** "Dozens", "tens": a floor of 24 and open, as the English rules read "dozens". */
const DOZENS: Record<ArabicScriptLanguage, readonly string[]> = { ur: ['درجنوں', 'درجنوں'], ps: ['لسګونه', 'لسګونو', 'درجنونه'], fa: ['ده‌ها', 'ده ها', 'دهها', 'ده‌ها تن'], ar: ['عشرات'] };
const AT_LEAST: Record<ArabicScriptLanguage, readonly string[]> = { ur: ['کم از کم'], ps: ['لږ تر لږه', 'لږترلږه'], fa: ['دست کم', 'دست‌کم', 'حداقل', 'حد اقل', 'کم‌کم'], ar: ['ما لا يقل عن', 'لا يقل عن', 'على الأقل'] };
/**
 * "More than" before the number (Persian, Arabic) or after it (Urdu "20 سے زائد", Pashto "له 20 زیات"); Urdu's
 * "زائد" is often keyed with heh for its hamza ("100 سے زاہد", Urdu Wikipedia's Wagah article).
 */
const MORE_BEFORE: Record<ArabicScriptLanguage, readonly string[]> = { ur: [], ps: [], fa: ['بیش از', 'بیشتر از', 'بالغ بر', 'بیش‌از'], ar: ['أكثر من', 'اكثر من', 'نحو', 'حوالي'] };
const MORE_AFTER: Record<ArabicScriptLanguage, readonly string[]> = { ur: ['سے زائد', 'سے زاہد', 'سے زیادہ', 'سے زیاده'], ps: ['زیات', 'ډېر', 'ډیر'], fa: [], ar: [] };

const DIGITS = '[0-9۰-۹٠-٩]+';
/** "A dozen" after a number ("ایک درجن", "یو درجن"): twelve of it; "درجنوں" (dozens) is read above. */
const DOZEN_AFTER: Partial<Record<ArabicScriptLanguage, RegExp>> = { ur: /^\s*درجن(?![\p{L}\p{M}])/u, ps: /^\s*درجن(?![\p{L}\p{M}])/u };
/** "About" after the number (Urdu "۱۲ کے قریب", "کے لگ بھگ"): the number itself, its words part of it. */
const ABOUT_AFTER: Partial<Record<ArabicScriptLanguage, RegExp>> = { ur: /^\s*(?:کے\s+قریب|کے\s+لگ\s+بھگ)(?![\p{L}\p{M}])/u };

/** Between a range's two numbers: "بین ۱۵ تا ۲۰", "له ۱۵ تر ۲۰", "۱۵ سے ۲۰", "بين 15 و20", "من 15 إلى 20". */
const RANGE_MID: Record<ArabicScriptLanguage, RegExp> = {
  ur: /^\s*(?:سے|تا|-|–)\s*$/u, ps: /^\s*(?:تر|تا|-|–)\s*$/u, fa: /^\s*(?:تا|الی|-|–)\s*$/u, ar: /^\s*(?:و|إلى|الى|-|–)\s*$/u,
};

/** Persian and Arabic-Indic digits as Western ones. */
export function westernDigits(s: string): string {
  return s.replace(/[۰-۹]/g, (d) => String(d.charCodeAt(0) - 0x06f0)).replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x0660));
}

export interface Quantity {
  readonly range: Range;
  readonly text: string;
  readonly index: number;
  /** The victims' word the quantity is written with: an Arabic dual ("جنديين"), or the noun before "اثنين". */
  readonly noun?: string;
  /** The dual names the harm itself ("قتيلين" two dead, "جريحين" two wounded). */
  readonly harm?: 'killed' | 'injured';
}

// Arabic duals: a noun whose plural is another word ("جنود", "قتلى", "أشخاص"), so "-ين"/"-ان" on it can only be two.
// Nouns whose sound plural is spelt as the dual ("مدنيين", "مسلحين") are two only with "اثنين" after them.
const DUAL_STEMS: Record<string, 'killed' | 'injured' | undefined> = {
  جندي: undefined, قتيل: 'killed', جريح: 'injured', شخص: undefined, طفل: undefined, رجل: undefined, ضابط: undefined,
  شرطي: undefined, عنصر: undefined, شقيق: undefined, صحفي: undefined, امرأت: undefined, طفلت: undefined, فرد: undefined,
};
const L = '[\\p{L}\\p{M}]';
const DUAL = new RegExp(`(?<!${L})${ARABIC_PREFIX}(?<stem>${Object.keys(DUAL_STEMS).join('|')})(?:ين|ان)(?!${L})`, 'gu');
const TWO_AFTER = new RegExp(`(?<!${L})(?<noun>${L}{2,}(?:ين|ان))\\s+(?:اثنين|اثنان|اثنتين|اثنتان)(?!${L})`, 'gu');

function arabicDuals(sentence: string, taken: Quantity[]): Quantity[] {
  const out: Quantity[] = [];
  const two = { min: 2, max: 2 };
  TWO_AFTER.lastIndex = 0;
  for (let m = TWO_AFTER.exec(sentence); m; m = TWO_AFTER.exec(sentence)) out.push({ range: two, text: m[0], index: m.index, noun: m.groups!['noun']! });
  DUAL.lastIndex = 0;
  for (let m = DUAL.exec(sentence); m; m = DUAL.exec(sentence)) {
    if (out.some((q) => q.index === m!.index)) continue;
    const harm = DUAL_STEMS[m.groups!['stem']!];
    out.push({ range: two, text: m[0], index: m.index, noun: m[0], ...(harm ? { harm } : {}) });
  }
  // "اثنين" read alone before is now part of its noun's quantity
  const kept = taken.filter((q) => !out.some((d) => q.index >= d.index && q.index < d.index + d.text.length));
  return [...kept, ...out].sort((a, b) => a.index - b.index);
}

interface Compiled { readonly re: RegExp; readonly values: Map<string, number> }
const compiled = new Map<ArabicScriptLanguage, Compiled>();

function compile(lang: ArabicScriptLanguage): Compiled {
  const hit = compiled.get(lang);
  if (hit) return hit;
  const values = new Map<string, number>();
  for (const [w, n] of Object.entries({ ...WORDS[lang], ...CAUTIOUS[lang] })) values.set(fold(w), n);
  // (older Dari copy joins "و" (and) to a number word after it: "ويک عسکر ويک فرد ملکي", one soldier and one civilian)
  const word = wordsSource(Object.keys(WORDS[lang]), { prefixed: lang === 'ar', joinedAnd: lang === 'fa' });
  const cautious = Object.keys(CAUTIOUS[lang]).length ? `|${wordsSource(Object.keys(CAUTIOUS[lang]))}(?=\\s+(?:${COUNTERS.join('|')})(?![\\p{L}]))` : '';
  const one = `(?:${word}${cautious})`;
  // "بیست و سه", "ثلاثة وعشرين": number words joined by "and" (digits never are: "15 و20" is a range)
  const num = `(?<num>${DIGITS}|${one}(?:(?:\\s+و\\s*|\\s+(?=و))${one})*)`;
  const before = [...AT_LEAST[lang], ...MORE_BEFORE[lang]];
  const pre = before.length ? `(?:(?<pre>${wordsSource(before)})\\s*)?` : '';
  const post = MORE_AFTER[lang].length ? `(?:\\s*(?<post>${wordsSource(MORE_AFTER[lang])}))?` : '';
  const re = new RegExp(`${pre}(?:${num}${post}|(?<dozens>${wordsSource(DOZENS[lang])}))`, 'gu');
  const out = { re, values };
  compiled.set(lang, out);
  return out;
}

function valueOf(num: string, values: Map<string, number>): number | null {
  let total = 0;
  for (const part of num.split(/\s+و\s+|\s+(?=و)/u)) {
    const p = part.trim().replace(/^[وفبل]+(?=\D)/u, '');
    const digits = westernDigits(p);
    const n = /^\d+$/.test(digits) ? Number(digits) : values.get(fold(part.trim())) ?? values.get(fold(p));
    if (n === undefined) return null;
    total += n;
  }
  return total;
}

/**
 * Every quantity in a sentence with its range, as the English rules read them: "at least N" is N and open, "more
 * than N" is N+1 and open, "dozens" 24 and open.
 * @example findQuantities('کم از کم ۱۲ افراد', 'ur')[0].range // { min: 12, max: 12, open: true }
 */
export function findQuantities(sentence: string, lang: ArabicScriptLanguage): Quantity[] {
  const { re, values } = compile(lang);
  const out: Quantity[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(sentence); m; m = re.exec(sentence)) {
    const g = m.groups ?? {};
    if (g['dozens']) { out.push({ range: { min: 24, max: 24, open: true }, text: m[0], index: m.index }); continue; }
    let n = valueOf(g['num'] ?? '', values);
    if (n === null || n > 100_000) continue;
    let text = m[0];
    if (!g['post'] && !g['pre']) {
      const dozen = DOZEN_AFTER[lang]?.exec(sentence.slice(m.index + text.length));
      if (dozen) { n *= 12; text += dozen[0]; }
      const about = ABOUT_AFTER[lang]?.exec(sentence.slice(m.index + text.length));
      if (about) text += about[0];
      if (text !== m[0]) re.lastIndex = m.index + text.length;
    }
    const pre = g['pre'] ? fold(g['pre']) : '';
    const atLeast = pre !== '' && AT_LEAST[lang].some((w) => fold(w) === pre);
    const more = (pre !== '' && !atLeast) || Boolean(g['post']);
    // "نحو" and "حوالي" are "about": the number itself
    const about = lang === 'ar' && /^(?:نحو|حوالی)$/u.test(pre);
    out.push({ range: about ? { min: n, max: n } : more ? { min: n + 1, max: n + 1, open: true } : atLeast ? { min: n, max: n, open: true } : { min: n, max: n }, text, index: m.index });
  }
  const all = lang === 'ar' ? arabicDuals(sentence, out) : out;
  // two plain numbers joined by "to" are one range
  const merged: Quantity[] = [];
  for (const q of all) {
    const prev = merged.at(-1);
    const mid = prev ? sentence.slice(prev.index + prev.text.length, q.index) : '';
    if (prev && !prev.range.open && !q.range.open && !prev.noun && !q.noun && RANGE_MID[lang].test(mid) && q.range.min > prev.range.max) {
      merged[merged.length - 1] = { range: { min: prev.range.min, max: q.range.max }, text: sentence.slice(prev.index, q.index + q.text.length), index: prev.index };
    } else merged.push(q);
  }
  return merged;
}
