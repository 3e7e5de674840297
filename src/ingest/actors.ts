// Actor names in a sentence -> actors of the mechanism's alias table (data/actors.json), so TTP, Tehreek-e-Taliban
// Pakistan and Fitna al-Khawarij come out as one actor. State forces named by demonym ("Afghan border forces",
// "Russian troops") map to the country's force; armed groups and officials the table does not know still come out,
// under the name the text gives, unmerged.
import { readFileSync } from 'node:fs';
import type { Actor, ActorMention } from './types.js';
import { escapeRegExp, fold, slug } from './text.js';
import type { StateActors } from './state-actors.js';
import { findStates, stateActors } from './state-actors.js';
import { Sieve } from './sieve.js';

interface ActorRow { id: string; name: string; kind: string; aliases: string[]; side?: string; country?: string; role?: string; governs?: boolean }
interface ActorFile { default: string; mechanisms: Record<string, { name: string; actors: ActorRow[] }>; common: ActorRow[] }
interface CountryRow { iso: string; names: string[]; demonyms: string[] }

export interface ActorTable {
  readonly mechanism: string;
  readonly actors: ReadonlyMap<string, Actor>;
  readonly exact: RegExp | null;
  readonly folded: RegExp | null;
  readonly byAlias: ReadonlyMap<string, Actor>;
  readonly forces: RegExp;
  readonly forceOf: ReadonlyMap<string, { iso: string; country: string }>;
  readonly stateForce: ReadonlyMap<string, Actor>;
  /** Every country's government, forces and ministries, the table's own entries first. */
  readonly states: StateActors;
}

const FORCE_NOUNS = '(?:security\\s+forces|armed\\s+forces|border\\s+forces|border\\s+guards|forces|troops|soldiers|army|military|air\\s+force|jets|warplanes|drones|police|militia|navy|artillery)';
const ORG_HEAD = '(?:Army|Front|Movement|Brigades?|Group|Forces|Militia|Party|Corps|Battalion|Organi[sz]ation|Network|Mujahideen|Lashkar|Jamaat|Tehreek|Tehrik|Jaish|Harakat|Ansar|Ittehad|Liberation|Resistance|Guards?)';
const ARMED_HEAD = /\b(?:Army|Front|Brigades?|Forces|Militia|Corps|Battalion|Liberation|Resistance|Mujahideen|Lashkar|Jaish)\b/;
const NAME_WORD = "(?:[A-Z][\\p{L}'’]+(?:-(?:[a-z]{1,3}-)?[\\p{L}'’]+)*)";
const UNKNOWN_ORG = new RegExp(`\\b((?:Lashkar|Jaish|Jamaat|Tehreek|Tehrik|Harakat|Ittehad|Ansar|Hizb)-[\\p{L}-]+(?:\\s+${NAME_WORD})?)|\\b((?:${NAME_WORD}\\s+){1,4}${ORG_HEAD}(?![-\\p{L}])(?:\\s+(?:of|for)\\s+(?:the\\s+)?${NAME_WORD}(?:\\s+${NAME_WORD})?)?)`, 'gu');

const BARE_FORCES = /(?<![\p{L}])(?:security\s+forces|armed\s+forces|troops|soldiers|the\s+military|the\s+army|Levies|Frontier\s+Corps|policemen|police)(?![\p{L}])/gu;

/** Aliases up to five letters with a capital after the first letter (TTP, FaK, ISPR) are case-sensitive. */
const caseSensitive = (a: string): boolean => a.replace(/[^\p{L}]/gu, '').length <= 5 && /^\p{L}.*\p{Lu}/u.test(a) || /^[A-Z]{2,}$/.test(a);
const aliasSource = (a: string): string => escapeRegExp(a).replace(/(?:\\-|\s|–)+/g, '[\\s\\-–]+').replace(/['’]/g, "['’]");
const bounded = (alts: string[], flags: string): RegExp | null =>
  alts.length ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${alts.join('|')})(?![\\p{L}\\p{N}])`, flags) : null;

function toActor(r: ActorRow): Actor {
  return { id: r.id, name: r.name, aliases: r.aliases, kind: r.kind, known: true, ...(r.side ? { side: r.side } : {}), ...(r.country ? { country: r.country } : {}), ...(r.role ? { role: r.role } : {}), ...(r.governs ? { governs: true } : {}) };
}

/** Builds the matcher for one mechanism's table (plus the common one and the demonym forces). */
export function buildActorTable(file: ActorFile, countries: CountryRow[], mechanism?: string): ActorTable {
  const id = mechanism ?? file.default;
  const mech = file.mechanisms[id];
  if (!mech) throw new Error(`unknown mechanism '${id}': the alias table has ${Object.keys(file.mechanisms).join(', ')}`);
  const actors = new Map<string, Actor>();
  const byAlias = new Map<string, Actor>();
  const exact: string[] = [];
  const folded: string[] = [];
  for (const row of [...mech.actors, ...file.common]) {
    if (actors.has(row.id)) continue; // the mechanism's own entry wins over a common one
    const a = toActor(row);
    actors.set(a.id, a);
    for (const alias of [row.name, ...row.aliases]) {
      const key = fold(alias);
      if (!byAlias.has(key)) byAlias.set(key, a);
      (caseSensitive(alias) ? exact : folded).push(alias);
    }
  }
  const byLength = (xs: string[]): string[] => [...new Set(xs)].sort((a, b) => b.length - a.length).map(aliasSource);
  const forceOf = new Map<string, { iso: string; country: string }>();
  const words: string[] = [];
  for (const c of countries) {
    for (const w of [...c.demonyms, ...c.names, ...c.names.map((n) => `${n}'s`), ...c.names.map((n) => `${n}’s`)]) {
      forceOf.set(fold(w), { iso: c.iso, country: c.names[0] ?? c.iso });
      words.push(w);
    }
  }
  const stateForce = new Map<string, Actor>();
  for (const a of actors.values()) if (a.kind === 'state_force' && a.country && !stateForce.has(a.country)) stateForce.set(a.country, a);
  const forces = new RegExp(`(?<![\\p{L}])(${byLength(words).join('|')})\\s+${FORCE_NOUNS}(?![\\p{L}])`, 'gu');
  return { mechanism: id, actors, exact: bounded(byLength(exact), 'gu'), folded: bounded(byLength(folded), 'giu'), byAlias, forces, forceOf, stateForce, states: stateActors(actors, countries) };
}

const cache = new Map<string, ActorTable>();

/** The shipped alias table for a mechanism (default: the file's default), loaded once. */
export function actorTable(mechanism?: string): ActorTable {
  const key = mechanism ?? '';
  const hit = cache.get(key);
  if (hit) return hit;
  const file = JSON.parse(readFileSync(new URL('./data/actors.json', import.meta.url), 'utf8')) as ActorFile;
  const countries = (JSON.parse(readFileSync(new URL('./data/countries.json', import.meta.url), 'utf8')) as { countries: CountryRow[] }).countries;
  const t = buildActorTable(file, countries, mechanism);
  cache.set(key, t);
  return t;
}

/** The mechanisms the shipped table knows. */
export function mechanisms(): string[] {
  const file = JSON.parse(readFileSync(new URL('./data/actors.json', import.meta.url), 'utf8')) as ActorFile;
  return Object.keys(file.mechanisms);
}

/** Resolves a name as written (e.g. from an annotation) to the actor it means, or null. */
export function resolveActorName(name: string, table: ActorTable): Actor | null {
  return table.byAlias.get(fold(name)) ?? null;
}

function unknownActor(name: string, kind: string): Actor {
  return { id: `new:${slug(name)}`, name, aliases: [], kind, known: false };
}

/** What findActors needs of a table beyond its fields, built once per table. */
interface TableIndex {
  /** Which of the demonym forces, the unknown organisations, the bare forces and the two alias patterns can match a sentence. */
  readonly sieve: Sieve;
  /** Each country's first entry among the demonym forces (as a search of forceOf in its order finds it). */
  readonly forceOfIso: ReadonlyMap<string, { iso: string; country: string }>;
}
const [FORCES_AT, UNKNOWN_ORG_AT, BARE_FORCES_AT, FOLDED_AT, EXACT_AT] = [0, 1, 2, 3, 4] as const;
/** In the sieve's list, where a table has no pattern of one kind (it is not run). */
const NOTHING = /(?!)/;
const indexes = new WeakMap<ActorTable, TableIndex>();
function indexOf(table: ActorTable): TableIndex {
  let index = indexes.get(table);
  if (!index) {
    const forceOfIso = new Map<string, { iso: string; country: string }>();
    for (const x of table.forceOf.values()) if (!forceOfIso.has(x.iso)) forceOfIso.set(x.iso, x);
    index = { sieve: new Sieve([table.forces, UNKNOWN_ORG, BARE_FORCES, table.folded ?? NOTHING, table.exact ?? NOTHING]), forceOfIso };
    indexes.set(table, index);
  }
  return index;
}

/**
 * Every actor named in a sentence, longest match first, no overlaps.
 * @example findActors('Fitna al-Khawarij (FaK) attacked a post.', actorTable()) // two mentions, both TTP
 */
export function findActors(sentence: string, table: ActorTable, home?: string): ActorMention[] {
  const hits: ActorMention[] = [];
  const st = table.states;
  const push = (actor: Actor, text: string, index: number): void => {
    const end = index + text.length;
    if (hits.some((h) => index < h.index + h.text.length && end > h.index)) return;
    // a government named in a report of violence stands for its forces ("Pakistan repulses attack")
    const force = actor.kind === 'state' && actor.country && actor.side !== 'mediator' ? st.forces(actor.country) : undefined;
    hits.push({ actor, text, index, ...(force && force.id !== actor.id ? { force } : {}) });
  };
  type Cand = { text: string; index: number; kind: 'alias' | 'force' | 'state'; demonym?: string; actor?: Actor };
  const all: Cand[] = [];
  const index = indexOf(table);
  // (the expressions none of whose strings the sentence holds cannot match it: sieve.ts)
  const may = index.sieve.candidates(sentence);
  for (const re of [table.exact, table.folded]) {
    if (!re || !may[re === table.exact ? EXACT_AT : FOLDED_AT]) continue;
    re.lastIndex = 0;
    for (let m = re.exec(sentence); m; m = re.exec(sentence)) all.push({ text: m[0], index: m.index, kind: 'alias' });
  }
  table.forces.lastIndex = 0;
  for (let m = may[FORCES_AT] ? table.forces.exec(sentence) : null; m; m = table.forces.exec(sentence)) all.push({ text: m[0], index: m.index, kind: 'force', demonym: m[1]! });
  for (const h of findStates(sentence, st)) all.push({ text: h.text, index: h.index, kind: 'state', actor: h.actor });
  // Longest first, so "Pakistani Taliban" (TTP) beats "Taliban" (Afghan Taliban).
  all.sort((a, b) => b.text.length - a.text.length || a.index - b.index);
  for (const f of all) {
    const a = f.kind === 'alias' ? table.byAlias.get(fold(f.text)) : f.actor;
    if (f.kind !== 'force') {
      // "Afghanistan Cricket Board", "Pakistan Tehreek-e-Insaf": a country's name opening another name.
      const after = sentence.slice(f.index + f.text.length);
      if ((a?.kind === 'state' || a?.governs) && /^\s+[A-Z][a-z]/.test(after) && !/^\s+(?:on|in)\b/i.test(after)) {
        const next = /^\s+([A-Z][a-z]+)/.exec(after)?.[1] ?? '';
        if (!/^(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December)$/.test(next)) continue;
      }
      if (a) push(a, f.text, f.index);
      continue;
    }
    const c = table.forceOf.get(fold(f.demonym!));
    if (!c) continue;
    const police = /police/i.test(f.text);
    push(police ? { ...unknownActor(`Police Forces of ${c.country}`, 'state_force'), id: `police-${c.iso.toLowerCase()}`, country: c.iso } : st.forces(c.iso), f.text, f.index);
  }
  // "security forces", "troops", "the military" with no nationality: the home country's forces (the dateline's).
  if (home) {
    const c = index.forceOfIso.get(home);
    BARE_FORCES.lastIndex = 0;
    for (let m = may[BARE_FORCES_AT] ? BARE_FORCES.exec(sentence) : null; m; m = BARE_FORCES.exec(sentence)) {
      const police = /police/i.test(m[0]);
      const actor = !police ? st.forces(home) : c ? { ...unknownActor(`Police Forces of ${c.country}`, 'state_force'), id: `police-${home.toLowerCase()}`, country: home } : null;
      if (actor) push(actor, m[0], m.index);
    }
  }
  UNKNOWN_ORG.lastIndex = 0;
  for (let m = may[UNKNOWN_ORG_AT] ? UNKNOWN_ORG.exec(sentence) : null; m; m = UNKNOWN_ORG.exec(sentence)) {
    const full = (m[1] ?? m[2] ?? '').trim();
    // "The Arakan Army": the article is not part of the name; but "the Sudan Doctors Network" is no armed group
    const text = full.replace(/^(?:The|A|An|This|That|Its|Their|His|Her)\s+/, '');
    if (text !== full && (!ARMED_HEAD.test(text) || !/\s/.test(text))) continue;
    push(table.byAlias.get(fold(text)) ?? unknownActor(text, 'armed_group'), text, m.index + m[0].indexOf(full) + full.length - text.length);
  }
  return hits.sort((a, b) => a.index - b.index);
}
