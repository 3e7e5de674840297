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
  + 'most town why drug car human heard same '
  + 'police army union central victoria independence liberty concord hope progress unity justice peace freedom may march will mobile reading bath split nice best '
  + 'who us is it am pm can aim act art capital coast north south east west northern southern eastern western upper lower national').split(' '));
const GENERIC = new Set('north south east west northern southern eastern western central upper lower region province department district zone capital national state city'.split(' '));
const PLACE_WORD = /^(?:department|departments|province|provinces|district|districts|region|state|city|town|village|municipality|county|jurisdiction)$/;
const LOCATIVE = new Set(['in', 'near', 'at', 'from', 'outside', 'to', 'into', 'toward', 'towards', 'of']);
/** Words that open a verb's object ("to comfort her daughter", "to reach the city"). */
const OBJECT = /^(?:her|his|him|them|their|its|it|our|us|me|my|your|the|a|an|this|that|these|those|all|every|each|some|any|no)$/;
const JOINERS = new Set(['of', 'the', 'and', 'for', 'de', 'del', 'la', 'el', 'al', 'y', 'du', 'des', 'le', 'les', 'da', 'do', 'dos']);
/** Articles that open a name of several words ("El Salvador", "La Paz", "Los Angeles"): title case there too. */
const ARTICLES = new Set(['el', 'la', 'los', 'las', 'al', 'le', 'les']);

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

/**
 * The sentences of a recased text as the original writes them: a sentence is the text's words with each run of
 * spaces made one, so it is found in the recased text so flattened and taken from the original at the same place.
 * @example asWritten('THREE DIED IN\nSAN MIGUEL.', ...)('Three died in San Miguel.') // 'THREE DIED IN SAN MIGUEL.'
 */
export function asWritten(recased: string, original: string): (sentence: string) => string {
  const flatR = recased.replace(/\s+/g, ' ');
  const flatO = original.replace(/\s+/g, ' ');
  if (flatR.length !== flatO.length) return (s) => s;
  let from = 0;
  return (s) => {
    let at = flatR.indexOf(s, from);
    if (at < 0) at = flatR.indexOf(s);
    if (at < 0) return s;
    from = at + s.length;
    return flatO.slice(at, at + s.length);
  };
}

const title = (w: string): string => w.replace(/(^|[-'’])(\p{L})/gu, (_, a: string, b: string) => a + b.toUpperCase());

interface Token { text: string; start: number; end: number; possessive: boolean }

/**
 * What wire copy calls the people it names, in small letters before the name ("presidential candidate carlos pizarro",
 * "UP legal advisor abelardo daza", "well-known banker ramiro castillo love", "citizen justiniano sagastume"): trades
 * and standings, not titles, so they stay small and a name after them needs two words ("the candidate will").
 */
const ROLES = 'candidate hopeful advisor adviser analyst banker reporter newsman photographer cameraman magistrate editor publisher ideologue lawyer unionist activist citizen economist industrialist rancher landowner physician';
/** Titles and offices set before a person's name ("president francisco jose guerrero", "msgr oscar arnulfo romero"). */
const TITLES = new Set(('president vice-president colonel col lieutenant lt captain capt sergeant sgt corporal cpl commander comandante admiral gen '
  + 'judge justice mayor governor senator ambassador bishop archbishop msgr monsignor cardinal dr doctor mr mrs ms professor prof rector '
  + 'prefect sub-prefect subprefect prosecutor attorney commissioner comrade journalist reverend rev spokesman spokeswoman businessman '
  + 'congressman congresswoman councilman councilor deputy general major chief director leader father brother sister secretary minister inspector engineer '
  + ROLES).split(' '));
/** Trades written in small letters before a name ("professor herminio parra"): the name is capitalised, the trade not. */
const OCCUPATIONS = new Set(`professor prof journalist businessman engineer spokesman spokeswoman ${ROLES}`.split(' '));
/** Titles that are also plain words ("general panic", "a major offensive"): a name after them must have two words at least. */
const WEAK_TITLES = new Set(`deputy general major chief director leader father brother sister secretary minister inspector engineer ${ROLES}`.split(' '));
/** Words that are no name however they stand: function words, verbs of report, adjectives of place and kind. */
const NOT_NAME = new Set(('a an the of and or in on at to by for from with as is was were be been being has have had it its this that these those he she they we you i '
  + 'his her their our my your who whom whose which what when where while not no nor but if than then there here also only even all any some each every '
  + 'said says say told tells stated states reported reports added noted announced asked explained will would shall should can could may might must '
  + 'today yesterday tonight tomorrow now ago later last next first second third same other another such several many much more most few both '
  + 'former late new old small large big little remote rural nearby neighboring neighbouring entire whole main local national central northern southern '
  + 'eastern western north south east west upper lower peasant indian indigenous fishing farming mining jungle mountain coastal border capital '
  + 'about against between after before during since until under over into onto upon through without within toward towards near outside inside '
  + 'one two three four five six seven eight nine ten government army police forces armed military people men women children group groups').split(' '));
/** Nouns of a settlement or unit that name a place after them ("the village of X") or before them ("in X canton"). */
const PLACE_OF = /^(?:village|villages|town|hamlet|hamlets|city|municipality|canton|jurisdiction|district|locality|settlement|farm|estate|hacienda|neighborhood|neighbourhood|barrio|suburb|port|province|department|region|island)$/;
const PLACE_AFTER = /^(?:village|hamlet|canton|jurisdiction|municipality|department|province|farm|estate|hacienda|neighborhood|neighbourhood|district|barrio|settlement|locality|beach|hill|island|volcano|river|lake|bay)$/;
const UNIT_AFTER = /^(?:departments?|municipality|municipalities|provinces?|cantons?|jurisdictions?)$/;
const PLACE_APPOSED = /^(?:locality|village|town|hamlet|community|settlement|district|municipality|port|city|neighborhood|neighbourhood|suburb|canton|province|region)$/;
/** Units of measure and abbreviations that are written in small letters though they have no vowel. */
const NO_VOWEL_WORDS = new Set('km kg cm mm mg ml kph mph hrs hr st jr sr nd rd th'.split(' '));

/**
 * Sentence case for a text written in capitals; a text that is not is returned as it is.
 * @example recase('THREE SOLDIERS WERE KILLED IN SAN MIGUEL.', gazetteer(), actorTable()) // 'Three soldiers were killed in San Miguel.'
 */
export function recase(text: string, gaz: Gazetteer, table: ActorTable): string {
  if (!isShouting(text)) return text;
  const lower = text.toLowerCase();
  const out = lower.split('');
  // a possessive is read without its "'s" ("san salvador's city blocks")
  const tokens: Token[] = [...lower.matchAll(/[\p{L}\d][\p{L}\d'’.-]*[\p{L}\d]|[\p{L}]/gu)].map((m) => {
    const w = m[0].replace(/(?<=\p{L})['’]s$/u, '');
    return { text: w, start: m.index, end: m.index + w.length, possessive: w.length < m[0].length };
  });
  const put = (i: number, j: number, form: (w: string, k: number) => string): void => {
    for (let k = i; k < j; k++) {
      const t = tokens[k]!;
      const w = form(t.text, k - i);
      for (let c = 0; c < w.length; c++) out[t.start + c] = w[c]!;
    }
  };
  // acronyms set in brackets by the text itself, everywhere they occur, and the words they abbreviate
  // (after a word: "[TEXT]" after the dateline and "[MERINO]" after "[BEGIN RECORDING]" are a tag and a speaker)
  const acronyms = new Set([...text.matchAll(/(?<=[\p{L}\d][ \t\r\n]*)[[(]([A-Z][A-Z-]{1,9})[\])]/gu)].map((m) => m[1]!.toLowerCase()));
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
      if ((JOINERS.has(words[0]!.text) && !(n > 1 && ARTICLES.has(words[0]!.text))) || JOINERS.has(words.at(-1)!.text)) continue;
      const alias = spelled.get(key);
      if (alias && (n > 1 || !COMMON.has(key))) {
        const forms = alias.split(/\s+/);
        put(i, i + n, (w) => (forms.length === n ? (forms[words.findIndex((x) => x.text === w)] ?? title(w)) : title(w)));
        i += n - 1;
        done = true;
        continue;
      }
      // (a one-digit day is no token of its own: "on 6 may" is read from the letters around the word)
      const numberNear = /\d[ \t]*$/.test(lower.slice(Math.max(0, t.start - 4), t.start)) || /^[ \t]*\d/.test(lower.slice(words.at(-1)!.end, words.at(-1)!.end + 4));
      if ((gaz.countryWords.has(key) && (n > 1 || !COMMON.has(key))) || (n === 1 && ((MONTHS[key] !== undefined && (key.length > 3 || numberNear)) || (WEEKDAYS[key] !== undefined && key.length > 3)))) {
        put(i, i + n, (w, k) => (k > 0 && JOINERS.has(w) ? w : title(w)));
        i += n - 1;
        done = true;
        continue;
      }
      const places = gaz.lookup(key);
      if (!places.length) continue;
      const before = tokens[i - 1]?.text ?? '';
      // "in Usulutan and Morazan departments": a list of places after a locative, or before a type word
      // ("of" only after a word of place or direction: "the town of", "north of"; not "the hand of drug traffickers")
      const of = before !== 'of' || /^(?:village|town|city|municipality|department|province|district|region|jurisdiction|canton|outskirts|north|south|east|west|northeast|northwest|southeast|southwest|residents)$/.test(tokens[i - 2]?.text ?? '');
      // ("to" before a verb is no cue: "tries to comfort her daughter" names no Comfort, Texas; a verb takes an object)
      const infinitive = before === 'to' && OBJECT.test(tokens[i + n]?.text ?? '') && !/^[,.;:]/.test(lower.slice(words.at(-1)!.end).trimStart());
      // (nor a preposition of several words: "in front of", "in charge of", "in favor of")
      const phrase = n === 1 && before === 'in' && tokens[i + 1]?.text === 'of';
      const cued = (LOCATIVE.has(before) && of && !infinitive && !phrase) || (/^(?:and|or)$/.test(before) && lastPlace === i - 2) || PLACE_WORD.test(tokens[i + n]?.text ?? '')
        || (TITLES.has(tokens[i + n]?.text ?? '') && places.some((p) => p.population >= 10_000)); // the seat of an office: "pisco deputy prefect carlos soto"
      const ok = n > 1 ? !words.every((w) => GENERIC.has(w.text) || JOINERS.has(w.text))
        : !COMMON.has(key) && !gaz.weak.has(key) && key.length >= 4 && (cued || places.some((p) => p.kind === 'country' || p.kind === 'admin1' || p.population >= 100_000));
      if (!ok) continue;
      put(i, i + n, (w, k) => (k > 0 && JOINERS.has(w) ? w : title(w)));
      lastPlace = i + n - 1;
      i += n - 1;
      done = true;
    }
  }
  names();
  // sentence starts, and "I"
  const result = out.join('');
  // (a line of hard-wrapped copy starts no sentence: only a paragraph, after a blank line, does; nor do initials, "u.s.")
  // a text after a tag ("[TEXT] the police have…", "[MERINO] what they…"), not after an acronym in brackets
  // a tag, a bracket or a quotation opens a sentence only where one may start: at the text's or a paragraph's start,
  // after a sentence's end, a colon, a wire dateline's "--" or another tag (a quotation also after a comma: `he said,
  // "we…`); mid-sentence, "[will] reach power", `the clash "will set the tone"` go on in small letters, as the
  // mixed-case copy writes them (their "Will" had been read as a town of that name)
  return result.replace(/((?<=(?:^|[.!?:]["”']?\s+|\n[ \t]*\n\s*|--\s*|\][ \t]*))\[(?![\p{Lu}\d-]+\])[^\]\n]*\][ \t]*)(\p{Ll})/gu, (_, a: string, b: string) => a + b.toUpperCase())
    .replace(/(^|(?<!(?:^|[\s.(])\p{L})[.!?]["”]?\s+|\n[ \t]*\n\s*|(?<=(?:^|[.!?:,]["”']?\s+|\n[ \t]*\n\s*|--\s*|\][ \t]*))["“]\s*|(?<=(?:^|[.!?:]["”']?\s+|\n[ \t]*\n\s*|--\s*|\][ \t]*))[[(]\s*)(\p{Ll})/gu, (_, a: string, b: string) => a + b.toUpperCase()).replace(/\bi\b/g, 'I');

  /**
   * People and places the words around them mark as names: a run of name words after a title ("colonel rene emilio
   * ponce"), at a sentence's start before ", former …" or a title ("danilo barillas, former ambassador"), a bracketed
   * speaker after another bracket ("[begin recording] [merino]"), and places the text calls villages, cantons or
   * departments ("the village of la fonda", "in el tomate village"). A surname so found is a name wherever it recurs;
   * initials ("u.s.") and words of consonants only ("fmln", "fpmr") are capitals.
   */
  function names(): void {
    const capped = (k: number): boolean => /\p{Lu}/u.test(out[tokens[k]!.start]!);
    const joined = (k: number): boolean => k > 0 && k < tokens.length && /^[ \t\n\r]+$/.test(lower.slice(tokens[k - 1]!.end, tokens[k]!.start));
    const nameWord = (k: number): boolean => {
      const t = tokens[k];
      if (!t) return false;
      const w = t.text;
      return /^\p{L}[\p{L}'’-]*$/u.test(w) && w.length > 1 && !NOT_NAME.has(w) && !TITLES.has(w) && !PLACE_OF.test(w) && !PLACE_AFTER.test(w) && !/(?:ing|ed|ly)$/.test(w)
        && MONTHS[w] === undefined && WEEKDAYS[w] === undefined && !gaz.countryWords.has(w);
    };
    /** The name words from k on (Spanish joiners inside: "alfonso de lima"), at most four, stopping after a possessive. */
    const run = (k: number): number => {
      let j = k;
      while (j < tokens.length && j - k < 5 && (j === k || joined(j))) {
        if (nameWord(j)) { j++; if (tokens[j - 1]!.possessive) break; continue; }
        if (j > k && JOINERS.has(tokens[j]!.text) && tokens[j]!.text !== 'and' && tokens[j]!.text !== 'the' && tokens[j]!.text !== 'of' && tokens[j]!.text !== 'for' && joined(j + 1) && nameWord(j + 1)) { j++; continue; }
        break;
      }
      return j - k;
    };
    /** The name words of a place from j on: an article first ("el tomate"), joiners inside ("juntas de uramita"), at most four. */
    const span = (j: number): number => {
      let n = 0;
      while (n < 4 && j + n < tokens.length && (n === 0 || joined(j + n))) {
        const t = tokens[j + n]!.text;
        if (nameWord(j + n)) { n++; if (tokens[j + n - 1]!.possessive) break; continue; }
        if (((n === 0 && ARTICLES.has(t)) || (n > 0 && /^(?:de|del|la|las|los)$/.test(t))) && joined(j + n + 1) && nameWord(j + n + 1)) { n++; continue; }
        break;
      }
      while (n > 0 && !nameWord(j + n - 1)) n--;
      return n;
    };
    const found: string[][] = [];
    const cap = (j: number, n: number): void => {
      found.push(tokens.slice(j, j + n).map((t) => t.text));
      for (let i = j; i < j + n; i++) if (!capped(i) && !(i > j && JOINERS.has(tokens[i]!.text))) put(i, i + 1, title);
    };
    const surnames = new Set<string>();
    const name = (k: number, n: number): void => {
      put(k, k + n, (w, i) => (i > 0 && JOINERS.has(w) ? w : title(w)));
      if (n >= 2 && tokens[k + n - 1]!.text.length >= 4) surnames.add(tokens[k + n - 1]!.text);
    };
    for (let k = 0; k < tokens.length; k++) {
      const w = tokens[k]!.text;
      if (/^(?:\p{L}\.)+\p{L}$/u.test(w)) { put(k, k + 1, (x) => x.toUpperCase()); continue; }
      if (/^[b-df-hj-np-tv-xz]{3,6}$/.test(w) && !NO_VOWEL_WORDS.has(w) && !TITLES.has(w)) { put(k, k + 1, (x) => x.toUpperCase()); continue; }
      if (TITLES.has(w) || TITLES.has(w.replace(/\.$/, ''))) {
        // titles in a row ("deputy prefect carlos soto", "lieutenant colonel"), then the name
        let j = k + 1;
        while (j < tokens.length && TITLES.has(tokens[j]!.text) && joined(j)) j++;
        if (!joined(j) || tokens[j - 1]!.possessive) continue;
        const n = run(j);
        if (n === 0 || (n < 2 && [...Array(j - k).keys()].every((i) => WEAK_TITLES.has(tokens[k + i]!.text)))) continue;
        put(k, j, (x) => (OCCUPATIONS.has(x) ? x : title(x)));
        name(j, n);
        k = j + n - 1;
        continue;
      }
      const before = lower.slice(k > 0 ? tokens[k - 1]!.end : 0, tokens[k]!.start);
      // a name set off by a title, "former" or an age, at a sentence's start or after a word that is no name ("danilo
      // barillas, former guatemalan ambassador", "said that hector oqueli, leader of the MNR", "citizen justiniano
      // sagastume rodriguez, 42, was killed", "luz amparo gomez serna, a 29-year-old woman")
      if (k === 0 || /[.!?\]]\s*$|\n[ \t]*\n\s*$|--\s*$/.test(before) || (!nameWord(k - 1) && !capped(k - 1) && /^\s+$/.test(before))) {
        const n = run(k);
        const comma = n > 0 && tokens[k + n] ? lower.slice(tokens[k + n - 1]!.end, tokens[k + n]!.start) : '';
        const next = tokens.slice(k + n, k + n + 4);
        const aged = /^\d{1,2}$/.test(next[0]?.text ?? '') || (/^an?$/.test(next[0]?.text ?? '') && /^\d{1,2}-year-old$/.test(next[1]?.text ?? ''));
        // (or a title closing the words set off: "guillermo rojas, the leftist trade union leader, died")
        const closed = tokens.slice(k + n, k + n + 6).some((t, i) => TITLES.has(t.text) && /^\s*,/.test(lower.slice(t.end, tokens[k + n + i + 1]?.start ?? t.end)) && !/,/.test(lower.slice(tokens[k + n]!.start, t.start)));
        if (n >= 2 && /^\s*,\s*$/.test(comma) && (aged || closed || next.some((t) => TITLES.has(t.text) || t.text === 'former'))) { name(k, n); k += n - 1; continue; }
      }
      // a bracketed speaker after another bracket: "[begin recording] [merino]"
      if (/\]\s*\[$/.test(before) && lower[tokens[k]!.end] === ']' && nameWord(k)) { put(k, k + 1, title); surnames.add(w); continue; }
      // "the village of la fonda", "the canton of san jose"
      if (PLACE_OF.test(w) && tokens[k + 1]?.text === 'of' && joined(k + 1) && joined(k + 2)) {
        const j = k + 2 + (ARTICLES.has(tokens[k + 2]?.text ?? '') && nameWord(k + 3) ? 1 : 0);
        const n = run(j) + (j - k - 2);
        if (n > 0 && !capped(k + 2)) put(k + 2, k + 2 + n, (x, i) => (i > 0 && JOINERS.has(x) ? x : title(x)));
        continue;
      }
      // "in el tomate village", "in san andres canton", "in el tomate, canaletes municipality", "in cano colorada, Arauca
      // department", "in paucarbambilla, a locality in Huanuco"
      if (LOCATIVE.has(w) && joined(k + 1)) {
        const the = tokens[k + 1]!.text === 'the' && joined(k + 2) ? 1 : 0;
        const j = k + 1 + the;
        const n = span(j);
        if (n === 0) continue;
        for (let m = n; m >= 1; m--) {
          if (PLACE_AFTER.test(tokens[j + m]?.text ?? '') && joined(j + m)) { cap(j, m); break; }
        }
        if (the || !/^\s*,\s*$/.test(tokens[j + n] ? lower.slice(tokens[j + n - 1]!.end, tokens[j + n]!.start) : '')) continue;
        const c = j + n;
        const n2 = span(c);
        const unit = (at: number): boolean => PLACE_AFTER.test(tokens[at]?.text ?? '') && joined(at);
        if (/^an?$/.test(tokens[c]?.text ?? '') && [c + 1, c + 2].some((x) => PLACE_APPOSED.test(tokens[x]?.text ?? ''))) cap(j, n);
        else if (n2 > 0 && unit(c + n2)) { cap(j, n); cap(c, n2); } else if (capped(c) && (unit(c + 1) || unit(c + 2))) cap(j, n);
      }
    }
    // a unit after its name, as the copy in small letters writes it: "Cordoba Department", "Canaletes Municipality"
    for (let k = 1; k < tokens.length; k++) if (UNIT_AFTER.test(tokens[k]!.text) && capped(k - 1) && joined(k) && !capped(k)) put(k, k + 1, title);
    // Spanish compounds of a name: "Juntas de uramita", "Dulce Nombre de maria"
    for (let k = 1; k + 1 < tokens.length; k++) {
      const de = /^(?:de|del)$/.test(tokens[k]!.text) ? (ARTICLES.has(tokens[k + 1]!.text) ? 2 : 1) : 0;
      if (de && capped(k - 1) && joined(k) && joined(k + de) && nameWord(k + de) && !capped(k + de)) put(k + de, k + de + 1, title);
    }
    // a place so found is a place wherever it recurs ("the el tomate attack"), a surname a name
    for (const words of found) {
      for (let k = 0; k + words.length <= tokens.length; k++) {
        if (capped(k) || !words.every((w, i) => tokens[k + i]!.text === w && (i === 0 || joined(k + i)))) continue;
        put(k, k + words.length, (x, i) => (i > 0 && JOINERS.has(x) ? x : title(x)));
      }
    }
    for (let k = 0; k < tokens.length; k++) if (surnames.has(tokens[k]!.text) && !capped(k)) put(k, k + 1, title);
  }

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
