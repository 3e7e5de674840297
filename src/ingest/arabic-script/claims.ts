// Who says what in an Arabic-script sentence: "X نے کہا", "X کے مطابق" (Urdu), "X وویل", "د X په وینا" (Pashto),
// "X گفت", "به گفته X" (Dari/Persian), "قال X", "بحسب X" (Arabic). The speaker is an actor of the alias table
// named next to the word of saying (under the table's name, so claims and tolls line up with English reports), or
// an anonymous source ("مقامات محلی", "مصادر طبية") as the text writes it. Every figure then belongs to its claimant.
import type { ActorMention, Claim } from '../types.js';
import type { ArabicScriptLanguage } from './languages.js';
import { wordsRegExp } from './pattern.js';

/** Words of saying after the speaker (verb-final languages) and before it ("according to", Arabic verbs). */
const AFTER_SPEAKER: Record<ArabicScriptLanguage, readonly string[]> = {
  ur: ['نے کہا', 'نے بتایا', 'کے مطابق', 'کا کہنا ہے', 'کا کہنا تھا', 'نے دعویٰ کیا', 'نے دعوی کیا', 'نے تصدیق کی', 'نے ایک بیان میں', 'نے اپنے بیان میں', 'نے الزام عائد کیا', 'نے الزام لگایا'],
  ps: ['وویل', 'ویلي دي', 'ویلي', 'وايي', 'ادعا وکړه', 'ادعا کړې', 'تایید کړه', 'تایید کړې', 'په خبره', 'په وینا', 'اعلان وکړ'],
  fa: ['گفت', 'می‌گویند', 'می‌گوید', 'می گویند', 'می گوید', 'گفته است', 'گفته‌اند', 'گفتند', 'اعلام کرد', 'اعلام کردند', 'ادعا کرد', 'ادعا کردند', 'تأیید کرد', 'تایید کرد', 'افزود', 'حاکیست', 'حاکی است', 'گزارش داد'],
  ar: [],
};
const BEFORE_SPEAKER: Record<ArabicScriptLanguage, readonly string[]> = {
  ur: [],
  ps: [],
  fa: ['به گفته', 'بر اساس اعلام', 'به نقل از', 'به اساس معلومات', 'بنابر اعلام'],
  ar: ['قال', 'قالت', 'أعلن', 'أعلنت', 'بحسب', 'حسب', 'وفقا ل', 'وفقاً ل', 'وفقا لـ', 'أفاد', 'أفادت', 'ذكر', 'ذكرت', 'أكد', 'أكدت', 'ادعى', 'زعم', 'صرح', 'أوضح', 'أضاف', 'نقلا عن'],
};
/** Anonymous sources, as news in each language names them. */
const SOURCES: Record<ArabicScriptLanguage, readonly string[]> = {
  ur: ['حکام', 'ذرائع', 'ترجمان', 'پولیس', 'عینی شاہدین', 'مقامی افراد', 'مقامی لوگوں', 'ہسپتال', 'وزارت داخلہ', 'وزارت دفاع', 'سرکاری میڈیا'],
  ps: ['چارواکي', 'چارواکو', 'سرچینې', 'سرچینو', 'ویاند', 'پولیس', 'عیني شاهدان', 'سیمه‌وال', 'سیمه وال', 'روغتون', 'وزارت'],
  fa: ['مقامات', 'منابع', 'سخنگو', 'پولیس', 'شاهدان', 'باشندگان', 'ساکنان', 'شفاخانه', 'بیمارستان', 'وزارت', 'فرماندهی', 'مامورین', 'مأمورین', 'مسئولان', 'مسؤلان', 'نطاق', 'اعلامیه', 'بیانیه', 'کارمندان'],
  ar: ['مصادر', 'مسؤولون', 'مسؤول', 'المتحدث', 'متحدث', 'الشرطة', 'شهود', 'سكان', 'مستشفى', 'وزارة', 'مسعفون', 'الجيش'],
};

const compiled = new Map<ArabicScriptLanguage, { after: RegExp | null; before: RegExp | null; source: RegExp }>();
function rulesOf(lang: ArabicScriptLanguage): { after: RegExp | null; before: RegExp | null; source: RegExp } {
  const hit = compiled.get(lang);
  if (hit) return hit;
  const prefixed = lang === 'ar';
  const out = {
    after: AFTER_SPEAKER[lang].length ? wordsRegExp(AFTER_SPEAKER[lang], { stem: true }) : null,
    before: BEFORE_SPEAKER[lang].length ? wordsRegExp(BEFORE_SPEAKER[lang], { stem: lang !== 'ar', prefixed }) : null,
    source: wordsRegExp(SOURCES[lang], { stem: true, prefixed }),
  };
  compiled.set(lang, out);
  return out;
}

const BREAK = /[،؛,;:.۔«»"“”]/u;
/** A preposition after a source's word starts where it is, not who it is ("مقامات در پاکستان"). */
const PREPOSITION = /^(?:در|از|به|با|په|د|له|میں|کے|کی|في|فی|من|على|ته|کې)$/u;
const words = (s: string): string[] => s.split(/\s+/u).filter(Boolean);

/** The stretch of the sentence where the speaker is named: up to the clause break on the speaker's side. */
function spanOf(sentence: string, at: number, end: number, side: 'before' | 'after'): [number, number] {
  if (side === 'before') {
    let start = Math.max(0, at - 60);
    const cut = [...sentence.slice(start, at)].reduce((last, ch, i) => (BREAK.test(ch) ? i + 1 : last), 0);
    start += cut;
    return [start, at];
  }
  const rest = sentence.slice(end, end + 60);
  const stop = rest.search(BREAK);
  return [end, end + (stop >= 0 ? stop : rest.length)];
}

/**
 * Every attribution in one sentence, speaker named by the actors found in it or by an anonymous source's words.
 * @example findArabicScriptClaims('آئی ایس پی آر کے مطابق ...', 3, actors, 'ur')[0].speakerId // 'ispr'
 */
export function findArabicScriptClaims(sentence: string, index: number, actors: readonly ActorMention[], lang: ArabicScriptLanguage): Claim[] {
  const { after, before, source } = rulesOf(lang);
  const out: Claim[] = [];
  const quote = /[«»“”"]/.test(sentence);
  const consider = (m: RegExpExecArray, side: 'before' | 'after'): void => {
    const [a, b] = spanOf(sentence, m.index, m.index + m[0].length, side);
    if (b <= a) return;
    const named = actors.filter((x) => x.index >= a && x.index < b);
    // the name nearest the word of saying speaks
    const actor = side === 'before' ? named.at(-1) : named[0];
    if (actor) {
      out.push({ speaker: actor.actor.name, speakerId: actor.actor.id, quote: sentence, kind: quote ? 'quote' : 'paraphrase', verb: m[0].trim(), sentence: index, span: [actor.index, actor.index + actor.text.length] });
      return;
    }
    source.lastIndex = 0;
    const stretch = sentence.slice(a, b);
    const s = source.exec(stretch);
    if (!s) return;
    // the source's words as written, up to three, from the source word towards the word of saying
    // (with up to two words before it on the speaker's side of the verb: "د سیمې چارواکو", "مقامی حکام")
    const lead0 = side === 'before' ? words(sentence.slice(a, a + s.index)).slice(-2) : [];
    // (not across a preposition: "پاکستان میں حکام" are "حکام")
    const cut = lead0.findLastIndex((w) => w !== 'د' && PREPOSITION.test(w));
    const lead = lead0.slice(cut + 1);
    const from = a + s.index - (lead.length ? sentence.slice(a, a + s.index).length - sentence.slice(a, a + s.index).lastIndexOf(lead[0]!) : 0);
    // …and one word after it ("مقامات محلی", "مصادر طبية")
    const taken = words(sentence.slice(from, b)).slice(0, lead.length + 2);
    if (taken.length > lead.length + 1 && PREPOSITION.test(taken.at(-1)!)) taken.pop();
    const text = taken.join(' ');
    out.push({ speaker: text, quote: sentence, kind: quote ? 'quote' : 'paraphrase', verb: m[0].trim(), sentence: index, span: [from, from + text.length] });
  };
  for (const [re, side] of [[after, 'before'], [before, 'after']] as const) {
    if (!re) continue;
    re.lastIndex = 0;
    for (let m = re.exec(sentence); m; m = re.exec(sentence)) consider(m, side);
  }
  return out.sort((x, y) => (x.span?.[0] ?? 0) - (y.span?.[0] ?? 0)).filter((c, i, all) => all.findIndex((d) => d.speaker === c.speaker) === i);
}
