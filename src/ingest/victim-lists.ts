// Victims listed one by one, after the verb or before it, or named as identified: "killed a professor, a policeman,
// and a pedestrian" (3), "the mayor and his two bodyguards were murdered" (3). Each list gives one count.
import { NUMBER_SRC, parseNumber } from './numbers.js';
import { nounFirst, NOT_AFTER_PROTEST, VICTIM } from './victim-words.js';

/**
 * Victims listed one by one after the verb, as wire copy tells a toll: "killed a university professor, a policeman,
 * and a pedestrian" (3), "murdered the mayor and his two bodyguards" (3), "killed Jose Perez and Juan Gomez" (2).
 * Each item is one person (an article or a full name, with what they are set off by commas: "killed Jose Perez, the
 * minister of the presidency, and his driver" is 2) or a counted group; a bare plural ("the peasants") is no count.
 */
export const ROLE = `(?:${VICTIM}|judges?|secretar(?:y|ies)|mayors?|priests?|nuns?|engineers?|professors?|doctors?|chauffeurs?|fathers?|mothers?|nephews?|cousins?|bodyguards?|escorts?|leaders?|officials?|deputy|prefects?|governors?|wife|wives|husbands?|sons?|daughters?|brothers?|sisters?|relatives?|employees?|agents?|activists?|candidates?|politicians?|businessm[ae]n|lawyers?|guardsm[ae]n|companion|suspects?|supporters?|sympathi[sz]ers?|comrades?|colleagues?)`;
export const PERSON = "(?:\\p{Lu}[\\p{L}.'’-]*\\s+){1,4}\\p{Lu}[\\p{L}'’-]+";
/**
 * A full name, with what the person is set off by commas ("Jose Perez, the minister of …,", "Hector Oqueli, leader of the
 * MNR,"; not a kin or an aide of theirs: "Teofilo Forero, his wife, and two others" is 4).
 */
const NAMED_ITEM = `${PERSON}(?:\\s*,\\s*(?!(?:his|her|their)\\s+(?:[\\p{L}'’-]+\\s+)?${ROLE}\\s*,)(?:(?:the|a|an|his|her)\\s+(?:[\\p{L}'’-]+\\s+){0,6}?[\\p{L}'’-]+|(?=\\p{Ll})(?:[\\p{L}'’()\\[\\]-]+\\s+){0,10}?[\\p{L}'’()\\[\\]-]+)(?=\\s*,))?`;
/** A name after what the person is, in small letters: "Guatemalan social democratic Leader Gilda Flores", "party Leader Cecilio Rivera". */
const DESCRIBED = `(?:\\p{Lu}\\p{Ll}+\\s+(?=\\p{Ll}))?(?:(?!(?:and|or|of|as|than|was|were|is|are|has|had|have|by|in|at|on|to|for|with|from|then|later|also|after|before|when|while|that|who|the|a|an|his|her|their|its)\\s)(?!\\p{Ll}+(?:ed|ing)\\s|${NUMBER_SRC}\\s)\\p{Ll}[\\p{L}-]*\\s+){1,4}?${PERSON}`;
const ITEM = `(?:(?:a|an|one|another|the|his|her|their|its)\\s+(?:[\\p{L}'’-]+\\s+){0,3}?${ROLE}|(?:(?:the|his|her|their|its)\\s+)?${NUMBER_SRC}\\s+(?:[\\p{L}'’-]+\\s+){0,2}?${ROLE}|${NAMED_ITEM}|${DESCRIBED})(?:\\s+(?:of|from)\\s+(?:the\\s+)?(?:(?:town|city|village|municipality)\\s+of\\s+)?\\p{Lu}[\\p{L}'’-]*(?:\\s+\\p{Lu}[\\p{L}'’-]*){0,2})?(?![\\p{L}])`;
/** A killing told as a noun, not one a protest or a demand is about ("protested against the murder of …"). */
const KILLING_OF = nounFirst('\\b(?:murders?|killings?|assassinations?|slayings?)\\s+of', NOT_AFTER_PROTEST);
export const LIST = new RegExp(`(?:\\b(?:killed|murdered|assassinated|executed|shot\\s+dead|gunned\\s+down|(?<!\\b(?:missions?|plans?|plots?|attempts?|intentions?|orders?|threats?)\\s+(?:of|for)\\s+)(?:killing|murdering|assassinating))["”]?|${KILLING_OF})\\s+(${ITEM}(?:\\s*,\\s*${ITEM})*(?:\\s*,?\\s+and\\s+(?:${ITEM}|${ROLE}(?![\\p{L}]))))`, 'gu');
const LIST_ITEM = new RegExp(ITEM, 'gu');
const COUNTED_ITEM = new RegExp(`^(?:(?:the|his|her|their|its)\\s+)?(?!(?:a|an|one)\\s)(${NUMBER_SRC})\\s`, 'iu');
/**
 * Victims listed one by one before the verb: "A judge, his secretary, and a driver were killed" (3), "the mayor and his
 * two bodyguards were murdered" (3). Each item is a role with its article or possessive (names: NAMES_PASSIVE).
 */
const ROLE_ITEM = `(?:[Aa]n?|[Oo]ne|[Tt]he|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)\\s+(?:[\\p{L}'’-]+\\s+){0,3}?${ROLE}`;
export const ROLES_PASSIVE = new RegExp(`(?<![\\p{L}'’-])(${ROLE_ITEM}(?:\\s*,\\s*${ROLE_ITEM})*\\s*,?\\s+and\\s+(?:${ROLE_ITEM}|${ROLE}))\\s+(?:were|have\\s+been|had\\s+been)(?:\\s+(?:also|reportedly|allegedly|later|all|both))*\\s+(?:killed|murdered|assassinated|executed|shot\\s+dead|(?:shot|stabbed|hacked|beaten|burned)\\s+to\\s+death)(?![\\p{L}])`, 'gu');
/** A last role with no word of its own before it, one person ("his bodyguard and driver"; not "his wife and children"). */
const BARE_LAST = new RegExp(`\\s*,?\\s+and\\s+(?!\\p{L}*(?:[^s]s|men|children|people|police|troops|personnel|wives)$)(?:${ROLE})$`, 'u');
const PASSIVE_GATE = /\b(?:were|have\s+been|had\s+been)\s+(?:\w+\s+){0,2}?(?:killed|murdered|assassinated|executed|shot|stabbed|hacked|beaten|burned)\b/;
/** Named victims before the verb: "Thomas Pellissier and Corine Seguin were murdered". */
export const NAMES_PASSIVE = new RegExp(`(?<![\\p{L}'’-])(${PERSON}(?:\\s*,\\s*${PERSON})*\\s*,?\\s+and\\s+${PERSON})\\s+(?:were|have\\s+been|had\\s+been)(?:\\s+(?:also|reportedly|allegedly|later|all|both))*\\s+(?:killed|murdered|assassinated|executed|shot\\s+dead|(?:shot|stabbed|hacked|beaten|burned)\\s+to\\s+death)(?![\\p{L}])`, 'gu');
/**
 * One named and those with them, before the verb: "Maria Elena Diaz Perez, third judge of public order, and two of her
 * bodyguards from the DAS, were assassinated" (3), "Judge Jose Perez and two other employees were killed" (3).
 */
const NAMED_AND = new RegExp(`(?<![\\p{L}'’-])(?<!\\b(?:${NUMBER_SRC}|including)\\s+)${PERSON}(?:\\s*,\\s*[^.;,]{3,100}?,)?\\s+and\\s+(${NUMBER_SRC})\\s+(?:(?:other|more)\\s+|of\\s+(?:his|her|their)\\s+(?:own\\s+)?)?(?:[\\p{L}'’-]+\\s+){0,2}?${ROLE}(?:\\s+(?:from|of)\\s+[^.;,]{1,80}?)?\\s*,?\\s+(?:were|have\\s+been|had\\s+been)(?:\\s+(?:also|reportedly|allegedly|later|all))*\\s+(?:killed|murdered|assassinated|executed|shot\\s+dead|gunned\\s+down|(?:shot|stabbed|hacked|beaten|burned)\\s+to\\s+death)(?![\\p{L}])`, 'gu');
/** The dead named one by one: "The dead were identified as Jose Perez, Juan Gomez and Pedro Lopez" (3). */
export const IDENTIFIED = new RegExp(`\\b(?:dead|victims|bodies|deceased)\\s+(?:were|have\\s+been|had\\s+been)\\s+identified\\s+as\\s+((?:${PERSON})(?:\\s*,\\s*(?:${PERSON}))*(?:\\s*,?\\s+and\\s+(?:${PERSON})))`, 'gu');

/**
 * Named victims before the verb in wire copy recased from capitals, where people's names stay in small letters
 * (recase.ts): "juan zurita, Cesar orbegozo, and ernesto benavides were killed" (3), "Jesuits ignacio ellacuria, …, and
 * joaquin lopez, the first five spaniards and the last a Salvadoran, were killed" (6). Each name is two to four words,
 * none a function word, a figure or a victim's role (which may stand before a name: "lieutenant jaime quintero
 * cardona"), and one name at least opens in a small letter (names written as names are NAMES_PASSIVE's). The verb is
 * looked for first; the list is read back from it.
 */
const SMALL_VERB = /\b(?:were|have\s+been|had\s+been)(?:\s+(?:also|reportedly|allegedly|later|all|both|brutally|instantly))*\s+(?:killed|murdered|assassinated|executed|shot\s+dead|(?:shot|stabbed|hacked|beaten|burned)\s+to\s+death)(?![\p{L}])/gu;
const STOP = `(?:and|or|of|the|a|an|his|her|their|its|our|who|whom|which|that|were|was|is|are|have|has|had|been|in|on|at|by|for|with|from|to|as|also|both|all|some|several|many|other|others|first|last|including|among|them|these|those|this|when|while|after|before|where|${NUMBER_SRC})(?![\\p{L}'’-])`;
const WORD = `(?!${STOP})\\p{L}[\\p{L}'’.-]*`;
/** A name with up to two words of role or title before it: two to six words, read apart (roleWords) once the list is found. */
const SMALL_NAME = `${WORD}(?:\\s+${WORD}){1,5}`;
const SMALL_LIST = new RegExp(`(?<![\\p{L}'’-])(${SMALL_NAME}(?:(?:\\s*,\\s*|\\s+and\\s+)${SMALL_NAME})*\\s*,?\\s+and\\s+${SMALL_NAME})(?:\\s*,\\s*[^.;,]{3,80}?)?\\s*,?\\s*$`, 'iu');
const SMALL_SPLIT = /\s*,\s*(?:and\s+)?|\s+and\s+/i;
const ROLE_WORD = new RegExp(`^(?:${ROLE}|dr|mr|mrs|msgr|monsignor|father|colonel|col|general|gen|lieutenant|lt|captain|capt|major|sergeant|sgt|corporal|comrade|senator|judge|magistrate|mayor|governor|attorney|engineer|professor)\\.?$`, 'iu');
const LAST_WORD = /([\p{L}'’.-]+)\s*$/u;
const STOP_WORD = new RegExp(`^${STOP}`, 'iu');

/** A name of the list: up to two words of role or title, then two to four words none a role, one in small letters (or a title before it). */
function isName(item: string): boolean {
  const words = item.split(/\s+/);
  let k = 0;
  while (k < 2 && k < words.length - 2 && ROLE_WORD.test(words[k]!)) k++;
  const name = words.slice(k);
  return name.length >= 2 && name.length <= 4 && !name.some((w) => ROLE_WORD.test(w)) && (k > 0 || name.some((w) => /^\p{Ll}/u.test(w)));
}

function namesInSmallLetters(sentence: string): Listed[] {
  const out: Listed[] = [];
  SMALL_VERB.lastIndex = 0;
  for (let v = SMALL_VERB.exec(sentence); v; v = SMALL_VERB.exec(sentence)) {
    const from = Math.max(0, v.index - 200);
    const before = sentence.slice(from, v.index);
    // (most such sentences count a group: "two soldiers were killed", whose last word is a role; no aside follows it)
    const last = LAST_WORD.exec(before)?.[1] ?? '';
    if (!/\sand\s/i.test(before) || (!/,\s*$/.test(before) && (ROLE_WORD.test(last) || STOP_WORD.test(last)))) continue;
    // (the first list read back may open on a place or words of the sentence: "in San Miguel, jose perez and …")
    for (let at = 0, tries = 0; tries < 4; tries++) {
      const m = SMALL_LIST.exec(before.slice(at));
      if (!m) break;
      const names = m[1]!.split(SMALL_SPLIT);
      if (names.length >= 2 && names.every(isName) && names.some((n) => /^\p{Ll}/u.test(n))) {
        out.push({ n: names.length, victims: '', text: sentence.slice(from + at + m.index, v.index + v[0].length), index: from + at + m.index });
        break;
      }
      at += m.index + names[0]!.length + 1;
    }
  }
  return out;
}

/** How many people a list of victims names, or null when an item gives no count. */
function listCount(list: string): number | null {
  let n = 0;
  for (const m of list.matchAll(LIST_ITEM)) {
    const item = m[0];
    // (a place set off by commas is no victim: "murdered the mayor of Huanta, Ayacucho Department, and two of his aides")
    if (/\s(?:Department|Province|Municipality|District|Region|State|Canton|Jurisdiction)$/.test(item)) continue;
    // "an unknown number of fighters", "a lot of people": a group of no figure
    if (/\b(?:number|lot|host|unknown|unspecified|undetermined|several|many|dozens)\b/i.test(item)) return null;
    const counted = COUNTED_ITEM.exec(item);
    // a list that opens with a counted group ("killed 11 civilians and a soldier") is read by OBJECT, group by group
    if (counted && n === 0) return null;
    if (counted) { const k = parseNumber(counted[1]!); if (k === null) return null; n += k; continue; }
    // "the peasants": a plural with no figure
    // (the word itself, not the place it is of: "the mayor of Remedios" is one)
    const role = item.replace(/\s+(?:of|from)\s[^]*$/, '');
    if (/^(?:the|his|her|their|its)\s/i.test(role) && /(?:s|men|children|people|wives)$/i.test(role) && !/(?:ss|ous)$/i.test(role)) return null;
    n += 1;
  }
  return n >= 2 ? n : null;
}


export interface Listed { readonly n: number; readonly victims: string; readonly text: string; readonly index: number }

/** Every list of victims in a sentence with how many it names (`can` tells which expressions can match at all). */
export function listedVictims(sentence: string, can: (re: RegExp) => boolean): Listed[] {
  const out: Listed[] = [];
  // (before the patterns that read the list's first victim alone)
  for (const re of PASSIVE_GATE.test(sentence) ? [LIST, ROLES_PASSIVE, NAMES_PASSIVE, NAMED_AND, IDENTIFIED] : [LIST, NAMES_PASSIVE, IDENTIFIED]) {
    re.lastIndex = 0;
    for (let m = can(re) ? re.exec(sentence) : null; m; m = re.exec(sentence)) {
      // ("his bodyguard and driver": the last role shares the first's word before it, one more)
      const bare = (re === ROLES_PASSIVE || re === LIST) && BARE_LAST.test(m[1]!) ? 1 : 0;
      const list = `${m[1]!.charAt(0).toLowerCase()}${m[1]!.slice(1)}`;
      const listed = re === ROLES_PASSIVE || re === LIST ? (bare ? (listCount(list.replace(BARE_LAST, '')) ?? 1) + 1 : listCount(re === LIST ? m[1]! : list)) : null;
      const n = re === NAMED_AND ? 1 + (parseNumber(m[1]!) ?? 0) : listed ?? (re === LIST || re === ROLES_PASSIVE ? null : m[1]!.split(/\s*,\s*(?:and\s+)?|\s+and\s+/).length);
      if (n !== null) out.push({ n, victims: re === ROLES_PASSIVE ? m[1]! : '', text: m[0], index: m.index });
    }
  }
  if (PASSIVE_GATE.test(sentence)) out.push(...namesInSmallLetters(sentence));
  return out;
}
