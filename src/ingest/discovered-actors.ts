// Armed groups and bodies an article introduces itself: a name with its acronym in brackets ("the Jama'at Nusrat
// al-Islam wal-Muslimin (JNIM)", "the Coalition des Patriotes pour le Changement (CPC)"). Both the name and the
// acronym then stand for one actor throughout that article. Only such an introduction makes an actor: a name in
// passing is not one. An expansion the alias table already knows is that actor; a state's forces named by their own
// acronym ("the Malian Armed Forces (FAMa)") are the state's forces.
import type { ActorTable } from './actors.js';
import { findActors } from './actors.js';
import type { Actor, ActorMention } from './types.js';
import { escapeRegExp, fold, slug } from './text.js';

export interface DiscoveredActor {
  readonly actor: Actor;
  /** The name as introduced and its acronym. */
  readonly names: readonly string[];
  /** One pattern for those names, made once per article. */
  readonly pattern: RegExp;
}

function namesPattern(names: readonly string[]): RegExp {
  const alts = names.map((n) => escapeRegExp(n).replace(/\s+/g, '\\s+')).join('|');
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${alts})(?![\\p{L}\\p{N}])`, 'gu');
}

/** An acronym in brackets; the words before it are read only where one is found (a whole-text pattern is slow). */
const ACRONYM = /\(\s*(\p{Lu}[\p{L}0-9-]{1,9})\s*\)/gu;
const WORDS_BEFORE = /((?:[\p{L}][\p{L}'’]*(?:-[\p{L}'’]+)*\s+){1,10})$/u;
const ARMED = /\b(?:Army|Armée|Front|Forces?|Movement|Mouvement|Liberation|Libération|Militias?|Brigades?|Battalions?|Jihad|Islam|Muslimin|Mujahideen|Mujahidin|Jama'?a?t|Jamaa|Ansar|Ahlu?|Hizb|Resistance|Résistance|Coalition|Alliance|Patriot\w*|Defen[cs]e|Self-Defen[cs]e|Rebels?|Revolutionary|Révolutionnaire|Guards?|Corps|Tehreek|Tehrik|Lashkar|Jaish|Sunna|Shabaab|Fighters|Combatants|Insurgents|Mai-Mai|Wazalendo)\b/u;

/** The initials of a name's capitalised words, hyphenated parts each ("al-Islam" gives I, "Wal" W). */
function initials(words: readonly string[]): string {
  return words.flatMap((w) => w.split('-')).filter((p) => p && /^\p{Lu}/u.test(p)).map((p) => p[0]!.toUpperCase()).join('');
}

/** Whether the acronym's letters come in order from the words' initials, the first letter first. */
function abbreviates(acronym: string, words: readonly string[]): boolean {
  const want = acronym.replace(/[^\p{L}]/gu, '').toUpperCase();
  const have = initials(words);
  if (!want || have[0] !== want[0] || have.length > want.length + 3) return false;
  let i = 0;
  for (const c of have) if (c === want[i]) i++;
  return i === want.length;
}

/** "Malian Armed Forces", "Afghan National Army", "Pakistan Army": a country's forces under their own name. */
function stateForce(name: string, table: ActorTable): Actor | undefined {
  if (!/\b(?:Army|Armed\s+Forces|Defen[cs]e\s+Forces|Military|Navy|Air\s+Force|National\s+Guard)\b/.test(name)) return undefined;
  // the longest run of words that names a country or its people ("South Sudan", not "Sudan")
  const words = name.split(/\s+/);
  for (let n = Math.min(3, words.length); n >= 1; n--) {
    for (let i = 0; i + n <= words.length; i++) {
      const c = table.forceOf.get(fold(words.slice(i, i + n).join(' ')));
      if (c) return table.states.forces(c.iso);
    }
  }
  return undefined;
}

/**
 * The actors an article introduces with an acronym.
 * @example discoverActors('Fighters of the Coalition des Patriotes pour le Changement (CPC) attacked…', table)[0].actor.name
 *   // 'Coalition des Patriotes pour le Changement'
 */
export function discoverActors(text: string, table: ActorTable): DiscoveredActor[] {
  const out: DiscoveredActor[] = [];
  ACRONYM.lastIndex = 0;
  for (let m = ACRONYM.exec(text); m; m = ACRONYM.exec(text)) {
    const acronym = m[1]!;
    if (table.byAlias.has(fold(acronym)) || out.some((d) => d.names.includes(acronym))) continue;
    const before = WORDS_BEFORE.exec(text.slice(Math.max(0, m.index - 160), m.index));
    if (!before) continue;
    const words = before[1]!.trim().split(/\s+/);
    // the shortest run of words, starting with a capital, that the acronym abbreviates
    let name: string | null = null;
    for (let k = words.length - 1; k >= 0 && !name; k--) {
      const run = words.slice(k);
      if (/^\p{Lu}/u.test(run[0]!) && abbreviates(acronym, run)) name = run.join(' ');
    }
    if (!name) continue;
    const known = table.byAlias.get(fold(name)) ?? stateForce(name, table) ?? findActors(name, table).find((a) => a.actor.known && a.text.length >= name!.length * 0.6 && a.actor.kind !== 'state')?.actor;
    if (known) {
      out.push({ actor: known, names: [acronym], pattern: namesPattern([acronym]) });
      continue;
    }
    const kind = ARMED.test(name) ? 'armed_group' : 'organization';
    out.push({ actor: { id: `new:${slug(name)}`, name, aliases: [acronym], kind, known: false }, names: [name, acronym], pattern: namesPattern([name, acronym]) });
  }
  return out;
}

/** Where a sentence names the article's own actors, by name or acronym. */
export function findDiscovered(sentence: string, discovered: readonly DiscoveredActor[]): ActorMention[] {
  const out: ActorMention[] = [];
  for (const d of discovered) {
    const re = d.pattern;
    re.lastIndex = 0;
    for (let m = re.exec(sentence); m; m = re.exec(sentence)) {
      // "Name (ACR)" is one mention, not two
      const before = sentence.slice(0, m.index);
      if (out.some((o) => o.actor === d.actor && /^\s*\(\s*$/.test(before.slice(o.index + o.text.length)))) continue;
      out.push({ actor: d.actor, text: m[0], index: m.index });
    }
  }
  return out;
}
