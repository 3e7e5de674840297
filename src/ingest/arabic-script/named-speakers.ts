// People named by their role next to a word of saying, in Arabic-script news, which has no capitals to tell a name:
// the name before its title at the head of the clause ("حاجی غلام علی رئیس بلدیۀ پشاور … گفت", Dari and Urdu), or the
// name after a spokesman's or a member's word and before the rest of the frame ("د پولیسو ویاند محمد هوفیاني …
// وویل", "د شورا غړو احمد جعفري او شریفالله هوتک … ویلي", Pashto). The name is the person, not the body they speak
// for; words that are no name (function words, sources, units, actors' names) end it.
import type { ArabicScriptLanguage } from './languages.js';
import { fold } from '../text.js';
import { wordsRegExp } from './pattern.js';

/** Titles a name stands before (Dari, Urdu: "X رئیس …", "X وزیر …"). */
const TITLE_AFTER_NAME: Record<ArabicScriptLanguage, readonly string[]> = {
  fa: ['رئیس', 'رییس', 'سخنگوی', 'والی', 'قوماندان', 'فرمانده', 'وزیر', 'معاون', 'ولسوال', 'عضو', 'نماینده'],
  ur: ['وزیر', 'ترجمان', 'سربراہ', 'گورنر', 'کمانڈر', 'چیئرمین', 'صدر'],
  ps: [],
  ar: [],
};
/** Roles a name follows (Pashto: "د پولیسو ویاند X", "د طالبانو نطاق X", "د شورا غړو X او Y"). */
const ROLE_BEFORE_NAME: Record<ArabicScriptLanguage, readonly string[]> = {
  ps: ['ویاند', 'نطاق', 'غړي', 'غړو', 'غړی', 'والي', 'ولسوال', 'قوماندان', 'مرستیال', 'رئیس', 'مشر'],
  fa: [],
  ur: [],
  ar: [],
};
/** Words that are no part of a name: prepositions, conjunctions, pronouns, days, the addressee ("امریکا غږ ته"). */
const NO_NAME = new Set(['د', 'په', 'له', 'ته', 'کې', 'او', 'خو', 'چې', 'دا', 'دغه', 'هغه', 'دی', 'دوی', 'یو', 'یوه', 'در', 'از', 'به', 'با', 'و', 'که', 'این', 'آن', 'یک', 'را', 'هم', 'نیز', 'نے', 'کے', 'کی', 'کا', 'میں', 'سے', 'اور', 'نن', 'پرون', 'امروز', 'دیروز', 'گفت', 'وویل', 'ویلي', 'وايي', 'وایي', 'میگوید', 'ميگويد', 'می‌گوید', 'کہا', 'بتایا'].map(fold));
const WORD = /[^\s،؛,;:.۔«»"“”()]+/gu;

const compiled = new Map<ArabicScriptLanguage, { after: RegExp | null; before: RegExp | null }>();
function rulesOf(lang: ArabicScriptLanguage): { after: RegExp | null; before: RegExp | null } {
  let hit = compiled.get(lang);
  if (!hit) {
    hit = { after: TITLE_AFTER_NAME[lang].length ? wordsRegExp(TITLE_AFTER_NAME[lang]) : null, before: ROLE_BEFORE_NAME[lang].length ? wordsRegExp(ROLE_BEFORE_NAME[lang]) : null };
    compiled.set(lang, hit);
  }
  return hit;
}

/** The words of a stretch with where each starts. */
function wordsOf(s: string, offset: number): { text: string; index: number }[] {
  WORD.lastIndex = 0;
  return [...s.matchAll(WORD)].map((m) => ({ text: m[0], index: offset + m.index }));
}

export interface NamedSpeaker { readonly name: string; readonly index: number }

/**
 * The people a clause names as its speakers, in the stretch [from, to) before the word of saying; `taken` tells
 * which positions are another name's (an actor, an anonymous source): a name never runs into them.
 * @example namedSpeakers('حاجی غلام علی رئیس بلدیۀ پشاور به صدای امریکا گفت', 0, 46, 'fa', () => false)[0].name // 'حاجی غلام علی'
 */
export function namedSpeakers(sentence: string, from: number, to: number, lang: ArabicScriptLanguage, taken: (at: number) => boolean): NamedSpeaker[] {
  const { after, before } = rulesOf(lang);
  const words = wordsOf(sentence.slice(from, to), from);
  const nameLike = (w: { text: string; index: number }): boolean => !NO_NAME.has(fold(w.text)) && !/[0-9۰-۹٠-٩]/u.test(w.text) && !taken(w.index);
  const is = (re: RegExp, w: string): boolean => { re.lastIndex = 0; const m = re.exec(w); return m !== null && m.index === 0 && m[0].length === w.length; };
  if (after) {
    // a name of two or three words opens the clause, its title right after it
    const t = words.findIndex((w, i) => i >= 2 && i <= 3 && is(after, w.text));
    if (t >= 2 && words.slice(0, t).every(nameLike)) return [{ name: words.slice(0, t).map((w) => w.text).join(' '), index: words[0]!.index }];
  }
  if (before) {
    const r = words.findLastIndex((w) => is(before, w.text));
    if (r < 0) return [];
    const out: NamedSpeaker[] = [];
    // two words each, joined by "او" (and): "احمد جعفري او شریفالله هوتک"
    for (let i = r + 1; i + 1 < words.length;) {
      const pair = words.slice(i, i + 2);
      if (!pair.every(nameLike)) break;
      out.push({ name: pair.map((w) => w.text).join(' '), index: pair[0]!.index });
      if (words[i + 2]?.text !== 'او') break;
      i += 3;
    }
    return out;
  }
  return [];
}
