// Who says what in an Arabic-script sentence: "X نے کہا", "X کے مطابق" (Urdu), "X وویل", "د X په وینا" (Pashto),
// "X گفت", "به گفته X" (Dari/Persian), "قال X", "بحسب X" (Arabic). The speaker is an actor of the alias table
// named next to the word of saying (under the table's name, so claims and tolls line up with English reports), or
// an anonymous source ("مقامات محلی", "مصادر طبية") as the text writes it. Every figure then belongs to its claimant.
import type { ActorMention, Claim } from '../types.js';
import type { ArabicScriptLanguage } from './languages.js';
import { fold } from '../text.js';
import { namedSpeakers } from './named-speakers.js';
import { wordsRegExp, wordsSource } from './pattern.js';

/** Words of saying after the speaker (verb-final languages) and before it ("according to", Arabic verbs). */
const AFTER_SPEAKER: Record<ArabicScriptLanguage, readonly string[]> = {
  ur: ['نے کہا', 'نے بتایا', 'کے مطابق', 'کا کہنا ہے', 'کا کہنا تھا', 'نے دعویٰ کیا', 'نے دعوی کیا', 'نے تصدیق کی', 'نے ایک بیان میں', 'نے اپنے بیان میں', 'نے الزام عائد کیا', 'نے الزام لگایا',
    // a claim of responsibility is the claimant's word ("ذمہ داری … جماعت الاحرار نے قبول کی")
    'نے قبول کی', 'نے قبول کر', 'ذمہ داری قبول'],
  ps: ['وویل', 'ویلي دي', 'ویلي', 'وايي', 'ادعا وکړه', 'ادعا کړې', 'تایید کړه', 'تایید کړې', 'په خبره', 'په وینا', 'اعلان وکړ', 'په غاړه واخیسته', 'په غاړه اخیستې', 'په غاړه اخیستی'],
  fa: ['گفت', 'می‌گویند', 'می‌گوید', 'می گویند', 'می گوید', 'گفته است', 'گفته‌اند', 'گفتند', 'اعلام کرد', 'اعلام کردند', 'ادعا کرد', 'ادعا کردند', 'تأیید کرد', 'تایید کرد', 'افزود', 'حاکیست', 'حاکی است', 'گزارش داد', 'به عهده گرفت', 'بر عهده گرفت', 'به عهده گرفته', 'بر عهده گرفته'],
  ar: [],
};
const BEFORE_SPEAKER: Record<ArabicScriptLanguage, readonly string[]> = {
  ur: [],
  ps: [],
  fa: ['به گفته', 'بر اساس اعلام', 'به نقل از', 'به اساس معلومات', 'بنابر اعلام'],
  ar: ['قال', 'قالت', 'أعلن', 'أعلنت', 'بحسب', 'حسب', 'وفقا ل', 'وفقاً ل', 'وفقا لـ', 'أفاد', 'أفادت', 'ذكر', 'ذكرت', 'أكد', 'أكدت', 'ادعى', 'زعم', 'صرح', 'أوضح', 'أضاف', 'نقلا عن', 'تبنى', 'تبنت'],
};
/**
 * After a party's name, its claim of responsibility ("جماعت الاحرار نے قبول کی", "… مسئولیت را به عهده گرفت", "…
 * مسوولیت په غاړه اخیستی", "تبنت …"): it speaks of its own act, and so is a party to it as well as its speaker.
 */
export const CLAIMS_RESPONSIBILITY = /^[^.۔؟!]{0,50}?(?:ذمہ\s*داری\s+قبول|نے\s+قبول\s+کر|نے\s+قبول\s+کی|[بر]+\s+عهده\s+گرفت|مس[ؤئو]+ل[یيې]ت\s+په\s+غاړه|په\s+غاړه\s+(?:وا)?خ[یيېى]ست|مسؤولية)/u;
/** Anonymous sources, as news in each language names them. */
const SOURCES: Record<ArabicScriptLanguage, readonly string[]> = {
  ur: ['حکام', 'ذرائع', 'ترجمان', 'پولیس', 'عینی شاہدین', 'مقامی افراد', 'مقامی لوگوں', 'ہسپتال', 'وزارت داخلہ', 'وزارت دفاع', 'سرکاری میڈیا'],
  ps: ['چارواکي', 'چارواکو', 'سرچینې', 'سرچینو', 'ویاند', 'پولیس', 'عیني شاهدان', 'سیمه‌وال', 'سیمه وال', 'روغتون', 'وزارت'],
  fa: ['مقامات', 'منابع', 'سخنگو', 'پولیس', 'شاهدان', 'باشندگان', 'ساکنان', 'شفاخانه', 'بیمارستان', 'وزارت', 'فرماندهی', 'مامورین', 'مأمورین', 'مسئولان', 'مسؤلان', 'نطاق', 'اعلامیه', 'بیانیه', 'کارمندان', 'قوای نظامی', 'عساکر'],
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

/** A word of saying denied ("څه نه دي ویلي", "ندى تائېد کړى", "نہیں کہا"): nobody says anything. */
const NEGATED = /(?:^|\s)(?:نه|نہ|ندی|ندى|ندي|نہیں|نشو)(?:\s+(?:دي|دی|دى|ده|وو))?\s*$/u;
/** Genitive words: Pashto's "د" before the owner, Urdu's "کے", "کی", "کا" after it. */
const GENITIVE = /^(?:د|کے|کی|کا)$/u;
/** Words that end the two before a source ("خو افغان چارواکي", "د وردګ ولایت امنیتي چارواکي", "يک بيانيه"). */
const NOT_LEAD = new Set(['و', 'او', 'اور', 'خو', 'اما', 'ولی', 'لیکن', 'مگر', 'یک', 'یو', 'ایک', 'ولایت', 'ولسوالی', 'ولسوالۍ', 'صوبہ', 'صوبے', 'ضلع', 'ولاية', 'استان', 'شهر', 'ښار'].map(fold));
/** Documents among the sources: a speaker only with their issuer beside them ("بیانیه ائتلاف"). */
const DOCUMENT = new RegExp(`^(?:${wordsSource(['بیانیه', 'اعلامیه', 'بیان'])})`, 'u');
/** Words of a source that run on to the word of saying, when they are few: "قوای نظامی سری لانکا میگوید". */
const UP_TO_VERB = 4;

/** The words of a stretch with where each starts. */
function wordsAt(s: string, offset: number): { text: string; index: number }[] {
  return [...s.matchAll(/\S+/gu)].map((m) => ({ text: m[0], index: offset + m.index }));
}

/**
 * Every attribution in one sentence, speaker named by the actors found in it, by a person's name beside their
 * title, or by an anonymous source's words.
 * @example findArabicScriptClaims('آئی ایس پی آر کے مطابق ...', 3, actors, 'ur')[0].speakerId // 'ispr'
 */
export function findArabicScriptClaims(sentence: string, index: number, actors: readonly ActorMention[], lang: ArabicScriptLanguage): Claim[] {
  const { after, before, source } = rulesOf(lang);
  const out: Claim[] = [];
  const quote = /[«»“”"]/.test(sentence);
  const kind = quote ? 'quote' : 'paraphrase';
  const consider = (m: RegExpExecArray, side: 'before' | 'after'): void => {
    if (side === 'before' && NEGATED.test(sentence.slice(Math.max(0, m.index - 12), m.index))) return;
    const [a, b] = spanOf(sentence, m.index, m.index + m[0].length, side);
    if (b <= a) return;
    const named = actors.filter((x) => x.index >= a && x.index < b);
    // the name nearest the word of saying speaks
    let actor = side === 'before' ? named.at(-1) : named[0];
    source.lastIndex = 0;
    const stretch = sentence.slice(a, b);
    const s = source.exec(stretch);
    // "پولیس پاکستان میگوید": the police of a country speak, not its government
    if (actor && s && actor.actor.kind === 'state' && /^[\p{L}\p{M}\u200c]*\s+$/u.test(sentence.slice(a + s.index, actor.index))) actor = undefined;
    // a person named beside their title, nearer the word of saying than any actor (the Taliban's spokesman X)
    if (side === 'before') {
      const clause = Math.max(0, ...[...sentence.slice(0, m.index)].map((ch, i) => (BREAK.test(ch) ? i + 1 : 0)));
      const taken = (at: number): boolean => actors.some((x) => at >= x.index && at < x.index + x.text.length) || (s !== null && at >= a + s.index && at < a + s.index + s[0].length);
      const people = m.index - clause <= 160 ? namedSpeakers(sentence, clause, m.index, lang, taken).filter((p) => !actor || p.index > actor.index) : [];
      if (people.length) {
        for (const p of people) out.push({ speaker: p.name, quote: sentence, kind, verb: m[0].trim(), sentence: index, span: [p.index, p.index + p.name.length] });
        return;
      }
    }
    if (actor) {
      out.push({ speaker: actor.actor.name, speakerId: actor.actor.id, quote: sentence, kind, verb: m[0].trim(), sentence: index, span: [actor.index, actor.index + actor.text.length] });
      return;
    }
    if (!s) return;
    // the source's words as written, from the source word towards the word of saying, with up to two words before
    // it on the speaker's side of the verb ("د سیمې چارواکو", "مقامی حکام"; not across a preposition, "پاکستان میں
    // حکام" are "حکام", nor a conjunction, an indefinite article or a unit: "د وردګ ولایت امنیتي چارواکي")
    const lead0 = side === 'before' ? wordsAt(sentence.slice(a, a + s.index), a).slice(-2) : [];
    // (a genitive word before the source is part of it: "د پولیسو ویاند", "فوج کے ترجمان")
    const owner = (w: string, i: number): boolean => w === 'د' || (GENITIVE.test(w) && i > 0 && i === lead0.length - 1);
    const cut = lead0.findLastIndex((w, i) => NOT_LEAD.has(fold(w.text)) || (PREPOSITION.test(w.text) && !owner(w.text, i)));
    const lead = lead0.slice(cut + 1);
    const from = lead[0]?.index ?? a + s.index;
    // …and one word after it ("مقامات محلی", "مصادر طبية"), or every word up to the verb when they are few and no
    // preposition is among them ("کارمندان شفاخانه ها گفتند", "عساکر ائتلاف و افغان ميگويند")
    const rest = words(sentence.slice(from, b));
    const few = side === 'before' && rest.length - lead.length <= UP_TO_VERB && !rest.slice(lead.length + 1).some((w) => PREPOSITION.test(w));
    const taken = few ? rest : rest.slice(0, lead.length + 2);
    if (taken.length > lead.length + 1 && PREPOSITION.test(taken.at(-1)!)) taken.pop();
    const text = taken.join(' ');
    // "يک بيانيه حاکيست" (a statement says): a document with no one named beside it is nobody's word
    if (taken.length === 1 && DOCUMENT.test(text)) return;
    out.push({ speaker: text, quote: sentence, kind, verb: m[0].trim(), sentence: index, span: [from, from + text.length] });
  };
  for (const [re, side] of [[after, 'before'], [before, 'after']] as const) {
    if (!re) continue;
    re.lastIndex = 0;
    for (let m = re.exec(sentence); m; m = re.exec(sentence)) consider(m, side);
  }
  return out.sort((x, y) => (x.span?.[0] ?? 0) - (y.span?.[0] ?? 0)).filter((c, i, all) => all.findIndex((d) => d.speaker === c.speaker) === i);
}
