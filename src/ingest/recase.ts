// Wire copy of the teleprinter era comes in capitals ("THREE SOLDIERS WERE KILLED IN SAN MIGUEL"), and every later
// stage reads capitals as "a name starts here". A shouted text is put back into sentence case: sentence starts,
// places the gazetteer knows (several words, or one after "in", "near"…, or a large one), names in the alias
// table, countries and demonyms, months and weekdays, and acronyms the text itself sets in brackets ("[FMLN]"),
// with the words they abbreviate ("Farabundo Marti National Liberation Front [FMLN]"). People's names stay lower
// case: nothing tells them from words.
import type { ActorTable } from './actors.js';
import { MONTHS, WEEKDAYS } from './date-words.js';
import type { Gazetteer } from './gazetteer.js';
import { fold } from './text.js';

/** Words never taken alone as a place, however many towns bear them. */
const COMMON = new Set(('a an the of and or in on at to by for from with as is was were be been has have had it its this that these those he she they we you i not no but if than then there their his her our all any some one two three four five six seven eight nine ten '
  + 'police army union central victoria independence liberty concord hope progress unity justice peace freedom may march will mobile reading bath split nice best '
  + 'who us is it am pm can aim act art capital coast north south east west northern southern eastern western upper lower national').split(' '));
const GENERIC = new Set('north south east west northern southern eastern western central upper lower region province department district zone capital national state city'.split(' '));
const PLACE_WORD = /^(?:department|departments|province|provinces|district|districts|region|state|city|town|village|municipality|county|jurisdiction)$/;
const LOCATIVE = new Set(['in', 'near', 'at', 'from', 'outside', 'to', 'into', 'toward', 'towards', 'of']);
const JOINERS = new Set(['of', 'the', 'and', 'for', 'de', 'del', 'la', 'el', 'al', 'y', 'du', 'des', 'le', 'les', 'da', 'do', 'dos']);

/** Whether a text is written in capitals: most of its letters are upper case. */
export function isShouting(text: string): boolean {
  // most texts are told in lower case: when over a quarter of all characters are ASCII lower-case letters, over a
  // quarter of the letters are not capitals (no need to sort the letters out)
  let lower = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x61 && c <= 0x7a) lower++;
  }
  if (lower * 4 > text.length) return false;
  const letters = text.replace(/[^\p{L}]/gu, '');
  if (letters.length < 40) return false;
  const upper = letters.replace(/[^\p{Lu}]/gu, '').length;
  return upper / letters.length > 0.8;
}

const title = (w: string): string => w.replace(/(^|[-'’])(\p{L})/gu, (_, a: string, b: string) => a + b.toUpperCase());

interface Token { text: string; start: number; end: number }

/**
 * Sentence case for a text written in capitals; a text that is not is returned as it is.
 * @example recase('THREE SOLDIERS WERE KILLED IN SAN MIGUEL.', gazetteer(), actorTable()) // 'Three soldiers were killed in San Miguel.'
 */
export function recase(text: string, gaz: Gazetteer, table: ActorTable): string {
  if (!isShouting(text)) return text;
  const lower = text.toLowerCase();
  const out = lower.split('');
  const tokens: Token[] = [...lower.matchAll(/[\p{L}\d][\p{L}\d'’.-]*[\p{L}\d]|[\p{L}]/gu)].map((m) => ({ text: m[0], start: m.index, end: m.index + m[0].length }));
  const put = (i: number, j: number, form: (w: string) => string): void => {
    for (let k = i; k < j; k++) {
      const t = tokens[k]!;
      const w = form(t.text);
      for (let c = 0; c < w.length; c++) out[t.start + c] = w[c]!;
    }
  };
  // acronyms set in brackets by the text itself, everywhere they occur, and the words they abbreviate
  const acronyms = new Set([...text.matchAll(/[[(]([A-Z][A-Z-]{1,9})[\])]/g)].map((m) => m[1]!.toLowerCase()));
  const spelled = new Map<string, string>();
  for (const a of table.actors.values()) for (const alias of [a.name, ...a.aliases]) if (/[A-Z]/.test(alias)) spelled.set(fold(alias), alias);
  const longest = Math.max(gaz.longest, 5);
  let lastPlace = -10;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (acronyms.has(t.text)) {
      put(i, i + 1, (w) => w.toUpperCase());
      if (/[[(]$/.test(lower.slice(0, t.start))) expand(i);
      continue;
    }
    let done = false;
    for (let n = Math.min(longest, tokens.length - i); n >= 1 && !done; n--) {
      const words = tokens.slice(i, i + n);
      if (words.some((w, k) => k > 0 && lower.slice(words[k - 1]!.end, w.start).trim() !== '')) continue;
      const key = fold(words.map((w) => w.text).join(' '));
      if (JOINERS.has(words[0]!.text) || JOINERS.has(words.at(-1)!.text)) continue;
      const alias = spelled.get(key);
      if (alias && (n > 1 || !COMMON.has(key))) {
        const forms = alias.split(/\s+/);
        put(i, i + n, (w) => (forms.length === n ? (forms[words.findIndex((x) => x.text === w)] ?? title(w)) : title(w)));
        i += n - 1;
        done = true;
        continue;
      }
      const numberNear = /^\d/.test(tokens[i - 1]?.text ?? '') || /^\d/.test(tokens[i + 1]?.text ?? '');
      if (gaz.countryWords.has(key) || (n === 1 && ((MONTHS[key] !== undefined && (key.length > 3 || numberNear)) || (WEEKDAYS[key] !== undefined && key.length > 3)))) {
        put(i, i + n, (w) => (JOINERS.has(w) ? w : title(w)));
        i += n - 1;
        done = true;
        continue;
      }
      const places = gaz.lookup(key);
      if (!places.length) continue;
      const before = tokens[i - 1]?.text ?? '';
      // "in Usulutan and Morazan departments": a list of places after a locative, or before a type word
      const cued = LOCATIVE.has(before) || (/^(?:and|or)$/.test(before) && lastPlace === i - 2) || PLACE_WORD.test(tokens[i + n]?.text ?? '');
      const ok = n > 1 ? !words.every((w) => GENERIC.has(w.text) || JOINERS.has(w.text))
        : !COMMON.has(key) && !gaz.weak.has(key) && key.length >= 4 && (cued || places.some((p) => p.kind === 'country' || p.kind === 'admin1' || p.population >= 100_000));
      if (!ok) continue;
      put(i, i + n, (w) => (JOINERS.has(w) ? w : title(w)));
      lastPlace = i + n - 1;
      i += n - 1;
      done = true;
    }
  }
  // sentence starts, and "I"
  const result = out.join('');
  return result.replace(/(^|[.!?]\s+|\n\s*|["“[(]\s*)(\p{Ll})/gu, (_, a: string, b: string) => a + b.toUpperCase()).replace(/\bi\b/g, 'I');

  /** The words just before an acronym whose initials spell it, in any order (a translation reorders them): "national liberation front [FLN]". */
  function expand(at: number): void {
    const letters = tokens[at]!.text.replace(/-/g, '');
    const words: number[] = [];
    for (let k = at - 1; k >= 0 && words.length <= letters.length; k--) if (!JOINERS.has(tokens[k]!.text)) words.push(k);
    const initials = (n: number): string[] => words.slice(0, n).map((k) => tokens[k]!.text[0]!);
    const want = [...letters].sort().join('');
    // exactly its letters, or one more word whose initial repeats one of them ("Frente Farabundo Marti…")
    const extra = words.length > letters.length && [...new Set(initials(letters.length + 1))].sort().join('') === [...new Set(letters)].sort().join('');
    const n = extra ? letters.length + 1 : initials(letters.length).sort().join('') === want ? letters.length : 0;
    for (const k of words.slice(0, n)) put(k, k + 1, title);
  }
}
