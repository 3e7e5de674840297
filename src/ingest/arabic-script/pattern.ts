// Keywords in Arabic script -> regular expressions that match them however the text spells them: the Arabic and
// Persian forms of yeh, kaf and heh alike, hamza seats, vowel marks, tatweel and the zero-width non-joiner ignored,
// and a space inside a keyword matching a space, a non-joiner or nothing ("آتش‌بس", "آتش بس", "آتشبس"). Arabic
// script has no capitals and no \b: a keyword starts where no letter precedes it, with Arabic's attached
// conjunctions and prepositions ("و", "ف", "ب", "ل", "ال") allowed in front.
import { fold } from '../text.js';

const CLASSES: Record<string, string> = {
  'ی': '[یيىےېئ]',
  'ک': '[کكڪ]',
  'ه': '[هةہۀھە]',
  'ا': '[اأإآٱ]',
  'و': '[وؤ]',
};
const MARKS = '[\\u064b-\\u065f\\u0670\\u0640\\u200c]*';
const LETTER = '[\\p{L}\\p{M}]';
/** Arabic's attached words: "و" and, "ف" so, "ب" by, "ل" for, and the article "ال" with them. */
export const ARABIC_PREFIX = '(?:[وف]?(?:[بل]|ال|بال|لل)?)';

/** One keyword as a pattern source, tolerant of the spellings above. */
export function keywordSource(word: string): string {
  return [...fold(word)].map((ch) => (ch === ' ' ? '[\\s\\u200c]*' : ch === '-' ? '[\\s\\u200c-]*' : (CLASSES[ch] ?? ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) + MARKS)).join('');
}

export interface WordsOptions {
  /** The keyword may go on into a longer word (a stem: "درگیری" in "درگیری‌ها"); default: a whole word. */
  readonly stem?: boolean;
  /** Arabic's attached prefixes may stand in front. */
  readonly prefixed?: boolean;
  /** "و" (and) may be joined in front, as older Dari copy keys it ("ويک عسکر", and one soldier). */
  readonly joinedAnd?: boolean;
}

/** A pattern source matching any of the keywords, longest first, at a word's start. */
export function wordsSource(words: readonly string[], opts: WordsOptions = {}): string {
  const alts = [...new Set(words)].sort((a, b) => b.length - a.length).map(keywordSource).join('|');
  return `(?<!${LETTER})${opts.prefixed ? ARABIC_PREFIX : opts.joinedAnd ? 'و?' : ''}(?:${alts})${opts.stem ? '' : `(?!${LETTER})`}`;
}

/** A global, Unicode regular expression for the keywords. */
export function wordsRegExp(words: readonly string[], opts: WordsOptions = {}): RegExp {
  return new RegExp(wordsSource(words, opts), 'gu');
}

/** Whether a text is mostly Arabic script (of its letters). */
export function isArabicScriptText(text: string): boolean {
  const sample = text.slice(0, 2000);
  const arabic = sample.match(/\p{Script=Arabic}/gu)?.length ?? 0;
  const letters = sample.match(/\p{L}/gu)?.length ?? 0;
  return letters > 0 && arabic / letters >= 0.6;
}
