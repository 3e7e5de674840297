// The state actors every country has, whether or not a mechanism's alias table lists them: its government
// ("the Government of Thailand", "Cambodian authorities", "Thailand"), its armed forces ("Thai troops", "Russia's
// military") and its ministries ("Thailand's health ministry", "the Afghan Ministry of National Defence"). Where the
// table has its own entry for a country's government or forces (Pakistan, the Afghan Taliban), that one is used.
import type { Actor } from './types.js';
import { fold, startsUpper } from './text.js';

export interface CountryRow { iso: string; names: string[]; demonyms: string[] }

export interface StateActors {
  /** The government (or de facto authority) of a country. */
  readonly government: (iso: string) => Actor;
  /** The armed forces of a country. */
  readonly forces: (iso: string) => Actor;
  readonly ministry: (iso: string, kind: string) => Actor;
  /** Folded country name or demonym -> ISO code. */
  readonly isoOf: ReadonlyMap<string, string>;
  /** Folded country names (not demonyms): a bare name is the state. */
  readonly names: ReadonlySet<string>;
  /** The first word of every name and demonym, to skip other words at once. */
  readonly firstWords: ReadonlySet<string>;

}

const KIND: Record<string, string> = { defence: 'Defence', defense: 'Defence', 'foreign affairs': 'Foreign Affairs', foreign: 'Foreign Affairs', interior: 'Interior', health: 'Health', 'public health': 'Health', information: 'Information', 'information and broadcasting': 'Information' };

function generated(id: string, name: string, kind: string, iso: string): Actor {
  return { id, name, aliases: [], kind, known: true, country: iso };
}

/**
 * The state actors of every country the country list knows, the table's own entries first.
 * @example stateActors(table.actors, countries).government('TH').name // 'Government of Thailand'
 */
export function stateActors(actors: ReadonlyMap<string, Actor>, countries: readonly CountryRow[]): StateActors {
  const nameOf = new Map(countries.map((c) => [c.iso, c.names[0] ?? c.iso]));
  const own = (pred: (a: Actor) => boolean): Map<string, Actor> => {
    const m = new Map<string, Actor>();
    for (const a of actors.values()) if (a.country && pred(a) && !m.has(a.country)) m.set(a.country, a);
    return m;
  };
  const govs = own((a) => a.kind === 'state');
  // a de facto authority the table lists as forces (the Afghan Taliban) is also the government
  for (const a of actors.values()) if (a.country && a.governs) govs.set(a.country, a);
  const armies = own((a) => a.kind === 'state_force');
  const ministries = own((a) => a.kind === 'ministry');
  const made = new Map<string, Actor>();
  const make = (id: string, name: string, kind: string, iso: string): Actor => made.get(id) ?? (made.set(id, generated(id, name, kind, iso)), made.get(id)!);
  const isoOf = new Map<string, string>();
  const names = new Set<string>();
  for (const c of countries) {
    for (const w of [...c.names, ...c.demonyms]) {
      isoOf.set(fold(w), c.iso);
    }
    for (const n of c.names) names.add(fold(n));
  }
  // a de facto authority's own names ("the Islamic Emirate") stand for its country in "the Ministry of … of the Islamic Emirate"
  for (const a of actors.values()) if (a.governs && a.country) for (const n of [a.name, ...a.aliases]) if (!isoOf.has(fold(n))) isoOf.set(fold(n), a.country);
  return {
    government: (iso) => govs.get(iso) ?? make(`gov-${iso.toLowerCase()}`, `Government of ${nameOf.get(iso) ?? iso}`, 'state', iso),
    forces: (iso) => armies.get(iso) ?? make(`military-${iso.toLowerCase()}`, `Military Forces of ${nameOf.get(iso) ?? iso}`, 'state_force', iso),
    ministry: (iso, kind) => {
      const k = KIND[fold(kind).replace(/^national\s+/, '')] ?? kind;
      const table = ministries.get(iso);
      if (table && k === 'Foreign Affairs' && /foreign/i.test(table.name)) return table;
      return make(`ministry-${iso.toLowerCase()}-${fold(k).replace(/\s+/g, '-')}`, `${nameOf.get(iso) ?? iso} Ministry of ${k}`, 'ministry', iso);
    },
    isoOf,
    names,
    firstWords: new Set([...isoOf.keys()].map((k) => k.split(/\s+/)[0]!)),
  };
}

export interface StateHit { readonly actor: Actor; readonly text: string; readonly index: number }

const MINISTRY_AFTER = /^(?:['’]s)?\s+(?:Ministry\s+of\s+(?:National\s+)?(Defen[cs]e|Foreign\s+Affairs|Interior|Health|Information(?:\s+and\s+Broadcasting)?|Public\s+Health)|([Dd]efen[cs]e|[Ff]oreign|[Ii]nterior|[Hh]ealth|[Ii]nformation)\s+[Mm]inistry)(?![\p{L}])/u;
const MINISTRY_BEFORE = /Ministry\s+of\s+(?:National\s+)?(Defen[cs]e|Foreign\s+Affairs|Interior|Health|Information(?:\s+and\s+Broadcasting)?)\s+of\s+(?:the\s+)?$/;
const GOVERNMENT_AFTER = /^(?:['’]s)?\s+(?:[Gg]overnment|authorities|administration|officials|cabinet)(?![\p{L}])/u;
const GOVERNMENT_BEFORE = /(?:the\s+)?[Gg]overnment\s+of\s+(?:the\s+)?$/;
const WORD = /[\p{L}][\p{L}.'’-]*/gu;

/**
 * Governments, ministries and bare country names in a sentence ("Thailand's health ministry", "Cambodian
 * authorities", "the Government of Thailand", "Malaysia"), found by looking around each country name or demonym.
 * @example findStates('Cambodia\'s defence ministry denied it.', st)[0].actor.id // 'ministry-kh-defence'
 */
export function findStates(sentence: string, st: StateActors): StateHit[] {
  const out: StateHit[] = [];
  // (an exec loop on the one expression: matchAll copies it at every call)
  const words: RegExpExecArray[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(sentence); m; m = WORD.exec(sentence)) words.push(m);
  for (let i = 0; i < words.length; i++) {
    if (!startsUpper(words[i]![0]) || !st.firstWords.has(fold(words[i]![0].replace(/['’]s$/, '')))) continue;
    for (let j = Math.min(words.length - 1, i + 5); j >= i; j--) {
      const start = words[i]!.index;
      const end = words[j]!.index + words[j]![0].length;
      const name = sentence.slice(start, end).replace(/['’]s$/, '');
      const iso = st.isoOf.get(fold(name));
      if (!iso) continue;
      const stop = start + name.length;
      const before = sentence.slice(0, start);
      const after = sentence.slice(stop);
      const minA = MINISTRY_AFTER.exec(after);
      const minB = MINISTRY_BEFORE.exec(before);
      const govA = GOVERNMENT_AFTER.exec(after);
      const govB = GOVERNMENT_BEFORE.exec(before);
      if (minA) out.push({ actor: st.ministry(iso, minA[1] ?? minA[2] ?? ''), text: sentence.slice(start, stop + minA[0].length), index: start });
      else if (minB) out.push({ actor: st.ministry(iso, minB[1]!), text: sentence.slice(minB.index, stop), index: minB.index });
      else if (govB) out.push({ actor: st.government(iso), text: sentence.slice(govB.index, stop), index: govB.index });
      else if (govA) out.push({ actor: st.government(iso), text: sentence.slice(start, stop + govA[0].length), index: start });
      else if (st.names.has(fold(name))) out.push({ actor: st.government(iso), text: name, index: start });
      i = j;
      break;
    }
  }
  return out;
}
