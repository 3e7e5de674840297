// Actor names in Arabic script -> the actors of the mechanism's alias table (data/actors.json), through the
// Arabic-script names in ./actors.json keyed by the same ids: "آئی ایس پی آر", "روابط عمومی ارتش پاکستان" and
// "ISPR" are one actor. Longest name first ("تحریک طالبان پاکستان" is the TTP before "طالبان" is the Afghan
// Taliban); unmarked security forces ("سیکیورٹی فورسز", "نیروهای امنیتی") are the article's own country's.
import { readFileSync } from 'node:fs';
import type { ActorTable } from '../actors.js';
import type { Actor, ActorMention } from '../types.js';
import { fold } from '../text.js';
import { wordsRegExp, wordsSource } from './pattern.js';

interface NamesFile { actors: Record<string, string[]>; forces: string[] }

export interface ArabicScriptActors {
  readonly re: RegExp | null;
  /** Folded name -> actor. */
  readonly byName: ReadonlyMap<string, Actor>;
  readonly forces: RegExp;
  readonly table: ActorTable;
}

let names: NamesFile | undefined;
const cache = new WeakMap<ActorTable, ArabicScriptActors>();

/** The Arabic-script names of the table's actors (ids the table lacks, as in another mechanism, are left out). */
export function arabicScriptActors(table: ActorTable): ArabicScriptActors {
  const hit = cache.get(table);
  if (hit) return hit;
  names ??= JSON.parse(readFileSync(new URL('./actors.json', import.meta.url), 'utf8')) as NamesFile;
  const byName = new Map<string, Actor>();
  for (const [id, list] of Object.entries(names.actors)) {
    const actor = table.actors.get(id);
    if (!actor) continue;
    for (const n of list) if (!byName.has(fold(n))) byName.set(fold(n), actor);
  }
  const all = Object.entries(names.actors).filter(([id]) => table.actors.has(id)).flatMap(([, list]) => list);
  const out = { re: all.length ? new RegExp(wordsSource(all, { prefixed: true }), 'giu') : null, byName, forces: wordsRegExp(names.forces, { prefixed: true }), table };
  cache.set(table, out);
  return out;
}

/** The name as the table knows it, without Arabic's attached "و", "ب", "ل", "ال". */
function lookup(text: string, byName: ReadonlyMap<string, Actor>): Actor | undefined {
  const f = fold(text);
  for (const cut of [0, 1, 2, 3]) {
    const a = byName.get(f.slice(cut));
    if (a) return a;
  }
  return undefined;
}

// "در افغانستان", "افغانستان کې", "پاکستان میں", "في باكستان": a country named as where something happens is a
// place, not its government speaking or fighting ("مامورين در افغانستان ميگويند" are officials in Afghanistan)
// (a part of the country between: "در شمال غرب پاکستان", "په سویل ختیځ افغانستان", "في شمال غرب باكستان")
const PLACE_BEFORE = /(?:^|[\s،,(])(?:در|په|پہ|في|فى|فی|داخل|درون|اندر)\s+(?:(?:شمال|جنوب|شرق|غرب|مرکز|مركز|سویل|سوېل|ختیځ|ختېځ|لویدیځ|لوېدیځ|وسط)(?:[\s\u200c]*(?:غرب|شرق|ختیځ|ختېځ|لویدیځ|لوېدیځ)|ی|ي)?\s+)?$/u;
const PLACE_AFTER = /^\s+(?:کې|کښې|کی|میں|ميں|کے\s+اندر)(?=[\s،,.۔]|$)/u;
function asPlace(sentence: string, start: number, end: number): boolean {
  return PLACE_BEFORE.test(sentence.slice(Math.max(0, start - 30), start)) || PLACE_AFTER.test(sentence.slice(end, end + 14));
}

// Pakistan named, and neither Afghanistan nor the Afghans (folded: Arabic and Persian kaf and yeh alike)
const PAKISTAN = new RegExp(fold('پاکستان|باكستان|پاكستان'), 'u');
const AFGHAN = new RegExp(fold('افغان|أفغان|امارت اسلامی|الإمارة الإسلامية|اسلامي امارت|کابل|كابل'), 'u');
const TALIBAN = new RegExp(fold('طالب'), 'u');

/**
 * Whether the Taliban of an article are Pakistan's own (the TTP): the story names Pakistan and neither Afghanistan,
 * the Afghans, Kabul nor the Islamic Emirate ("شورشیان طالب" blamed for suicide attacks in Peshawar). Where
 * Afghanistan is named, "Taliban" stays the Afghan Taliban, as in the border reporting of this case.
 * @example pakistanTaliban('پولیس پاکستان میگوید … تندروان طالب مظنون هستند.') // true
 */
export function pakistanTaliban(text: string): boolean {
  const f = fold(text);
  return PAKISTAN.test(f) && !AFGHAN.test(f);
}

/**
 * Every actor an Arabic-script sentence names, longest first, no overlaps; a government named in a report of
 * violence carries its forces (as in English: "Pakistan repulsed the attack" is the Pakistan Army).
 * @example findArabicScriptActors('آئی ایس پی آر کے مطابق ...', arabicScriptActors(actorTable()))[0].actor.id // 'ispr'
 */
export function findArabicScriptActors(sentence: string, names: ArabicScriptActors, home?: string, opts: { pakistanTaliban?: boolean } = {}): ActorMention[] {
  const st = names.table.states;
  const hits: ActorMention[] = [];
  const push = (actor: Actor, text: string, index: number): void => {
    if (hits.some((h) => index < h.index + h.text.length && index + text.length > h.index)) return;
    const force = actor.kind === 'state' && actor.country && actor.side !== 'mediator' ? st.forces(actor.country) : undefined;
    hits.push({ actor, text, index, ...(force && force.id !== actor.id ? { force } : {}) });
  };
  const found: { text: string; index: number; actor: Actor }[] = [];
  if (names.re) {
    names.re.lastIndex = 0;
    for (let m = names.re.exec(sentence); m; m = names.re.exec(sentence)) {
      const actor = lookup(m[0], names.byName);
      // (in a story of Pakistan alone, its Taliban are the TTP)
      const ttp = opts.pakistanTaliban && actor?.id === 'afghan-taliban' && TALIBAN.test(fold(m[0])) ? names.table.actors.get('ttp') : undefined;
      if (actor) found.push({ text: m[0], index: m.index, actor: ttp ?? actor });
    }
  }
  if (home) {
    names.forces.lastIndex = 0;
    for (let m = names.forces.exec(sentence); m; m = names.forces.exec(sentence)) found.push({ text: m[0], index: m.index, actor: st.forces(home) });
  }
  found.sort((a, b) => b.text.length - a.text.length || a.index - b.index);
  for (const f of found) if (!asPlace(sentence, f.index, f.index + f.text.length)) push(f.actor, f.text, f.index);
  hits.sort((a, b) => a.index - b.index);
  // a group named as a faction of another ("طالبان کے ایک گروہ جماعت الاحرار", "جماعت الاحرار، شاخه‌ای از طالبان"):
  // the faction is the party, its parent a passing mention
  return hits.filter((h, i) => {
    const next = hits[i + 1];
    const prev = hits[i - 1];
    return !(next && FACTION_NEXT.test(fold(sentence.slice(h.index + h.text.length, next.index)))) && !(prev && FACTION_PREV.test(sentence.slice(prev.index + prev.text.length, h.index)));
  });
}

/** Between a group and its faction named next: "کے ایک گروہ" (Urdu), "د … یوې ډلې" (Pashto). */
const FACTION_NEXT = new RegExp(`^\\s*(?:${fold('کے ایک گروہ|کا ایک گروپ|کے ایک گروپ|کا ایک دھڑا|کے ایک دھڑے|کی ایک شاخ|یوې ډلې|یوه ډله|یوې څانګې|یوه څانګه').replace(/ /g, '\\s+')})\\s*[،,]?\\s*$`, 'u');
/** Between a faction and the group it belongs to, named after it: "، شاخه‌ای از", "، أحد فصائل". */
const FACTION_PREV = /^\s*[،,]?\s*(?:(?:یک|يک)\s+)?(?:شاخه[\u200c\s]?(?:ای|اي)\s+از|یکی\s+از\s+(?:شاخه|گروه)[\u200c\s]?ها(?:ی|ي)|گروهی\s+از|جناحی\s+از|أحد\s+فصائل|فصيل\s+(?:من|تابع\s+ل)|جناح\s+من)\s*$/u;
