// Several incidents told in one sentence, split into one event a town (events.ts calls it on an article's events).
import type { AnalyzedSentence } from './analyze.js';
import { isAggregate } from './cues.js';
import { apartPlaces, overlaps, VIOLENT, type Mention } from './mention.js';
import type { Place } from './types.js';

/**
 * Several incidents told in one sentence: a plural word for them ("three terrorist attacks … in Bogota and in the
 * port of Cartagena", "institutes in Vina del Mar, Talca, and Temuco were the target of bomb attacks") with towns
 * set apart (more than 25 km, neither holding the other), each named after "in", "at" or a list's comma. ACLED
 * codes an event per place and day, and so does this: one event per town, the toll left with the first (the
 * sentence does not say whose it is). A number before the word bounds how many ("two bombs": two at most); the
 * incidents told again ("the areas most affected by these attacks are in Sucre, Arauca…") are not split.
 */
const SEVERAL = /\b(?:attacks|bombs|bombings|explosions|blasts|ambushes|raids|assaults|terrorist\s+acts|incidents)\b/gi;
/** The words before the plural: a number or "several" says how many; a determiner ("these", "the 44") tells them again. */
const SEVERAL_BEFORE = /(?:^|[^\w-])((?:[\w-]+\s+){0,3})$/;
const TOLD_AGAIN = /\b(?:these|those|such|the|their|its|his|her|our|all)\s/i;
const HOW_MANY = /\b(two|three|four|five|six|seven|eight|nine|ten|\d{1,2}|several|simultaneous|separate|multiple|series|wave)\s/i;
const COUNT_WORDS: Record<string, number> = { two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10 };
const TOWN_VIA = /\b(?:in|at|near|of)\s+(?:the\s+)?$|,\s*(?:and\s+)?$|\band\s+(?:in\s+|at\s+)?(?:the\s+)?$/i;
export function splitScenes(ms: Mention[], sentences: readonly AnalyzedSentence[]): Mention[] {
  const out: Mention[] = [];
  for (const m of ms) {
    out.push(m);
    if (m.kind !== 'incident' || !VIOLENT.has(m.eventType)) continue;
    // (the sentence of the mention that sets it in the most towns apart)
    let best: { s: AnalyzedSentence; towns: Place[]; groups: Place[][]; most: number } | null = null;
    for (const s of sentences) {
      if (!m.sentences.includes(s.index)) continue;
      if (isAggregate(s.text)) continue;
      let most = 0;
      for (const x of s.text.matchAll(SEVERAL)) {
        const before = SEVERAL_BEFORE.exec(s.text.slice(Math.max(0, x.index - 40), x.index))?.[1] ?? '';
        if (TOLD_AGAIN.test(before)) continue;
        const n = HOW_MANY.exec(before)?.[1]?.toLowerCase();
        most = Math.max(most, n ? (COUNT_WORDS[n] ?? (/^\d+$/.test(n) ? Number(n) : Infinity)) : Infinity);
      }
      if (most < 2) continue;
      // the towns the sentence sets the violence in, each after a word of place or a list's comma
      const towns = s.places.filter((p) => p.place.precision < 3 && p.place.kind !== 'country' && p.place.kind !== 'unresolved' && m.where.some((q) => q.id === p.place.id) && TOWN_VIA.test(s.text.slice(Math.max(0, p.index - 24), p.index))).map((p) => p.place);
      const groups: Place[][] = [];
      for (const t of towns) {
        const g = groups.find((x) => !apartPlaces(x, [t]));
        if (g) g.push(t);
        else groups.push([t]);
      }
      if (groups.length >= 2 && (!best || groups.length > best.groups.length)) best = { s, towns, groups, most };
    }
    if (!best) continue;
    const { s, towns, groups, most } = best;
    const kept = groups.slice(0, Math.min(groups.length, most));
    const rest = m.where.filter((p) => !towns.some((t) => t.id === p.id));
    const within = (g: Place[]): Place[] => [...g, ...rest.filter((p) => !apartPlaces(g, [p]))];
    // (a town that another incident of the story, of the same days, is already at is that incident told on its own:
    // "three attacks … at the Communist Party headquarters in Florencia" and "a bomb exploded today at the Communist
    // Party headquarters in the capital of Caqueta")
    const toldApart = (g: Place[]): boolean => ms.some((o) => o !== m && o.kind === 'incident' && VIOLENT.has(o.eventType) && !!o.when && !!m.when && overlaps(o.when, m.when) && o.where.some((p) => p.precision < 3 && g.some((t) => t.id === p.id)));
    kept.slice(1).forEach((g, k) => {
      if (toldApart(g)) return;
      out.push({ ...m, id: `${m.id}.${k + 2}`, where: within(g), actors: [...m.actors], perpetrators: [...m.perpetrators], casualties: [], fatalities: null, injured: null, claims: [...m.claims], sentences: [s.index], trace: { ...(m.trace.when !== undefined ? { when: m.trace.when } : {}), where: [s.index], actors: [...m.trace.actors], fatalities: [], injured: [] } });
    });
    m.where = within(kept[0]!);
  }
  return out;
}

/**
 * Several incidents counted in one sentence at one scene: "two terrorist attacks last night in the Guatemalan
 * capital", "dynamite attacks … against two bank branches in this city", "a bomb exploded in front of the agrarian
 * board in Manrique, and another at its branch in Aranjuez". The text tells that many incidents; when the story
 * tells fewer of those days on their own (and no towns apart split them already), the rest are events of the same
 * day and place, without a toll. Not the incidents told again ("the two attacks"), nor a period's ("the past two
 * weeks"), nor devices counted ("two bombs were thrown at a vehicle" is one attack).
 */
const COUNTED = /\b(?:attacks|bombings|explosions|blasts|ambushes|raids|assaults|terrorist\s+(?:acts|actions))\b/gi;
/** The number in the noun's own phrase: "two terrorist attacks", "3 dynamite attacks" (not "killed two soldiers in attacks"). */
const COUNT_BEFORE = /(?:^|[^\w-])(two|three|four|five|six|[2-6])\s+(?:(?!(?:in|on|at|of|by|and|or|were|was|to|for|with|from)\s)[\w-]+\s+){0,2}$/i;
/** The number of targets after it: "attacks perpetrated this evening against two bank branches". */
const COUNT_AFTER = /^\s+(?:[\w-]+\s+){0,3}?(?:against|on|at)\s+(two|three|four|five|six|[2-6])\s/i;
/** "A bomb exploded in front of the bank …, and another at the branch in Aranjuez": a second device, elsewhere. */
const AND_ANOTHER = /\band\s+another\s+(?:(?:one|bomb|device|explosive|charge)\s+)?(?:exploded\s+)?(?:at|in|on|near|against|outside)\s/i;
/** A series summed up or recalled, or blamed on someone: "there have already been two attacks on the embassy", "five
 * ambushes this week", "six attacks per day", "masterminded two attacks", "three explosions have been heard". */
const SERIES = /\b(?:already|so\s+far|to\s+date|since|(?:this|that|last|past|the\s+previous)\s+(?:week|month|year)|per\s+day|a\s+day|average|masterminded|ordered|responsible\s+for|accused|blamed|heard)\b/i;
const DEVICE_WORD = /\b(?:bombs?|explosive|device|dynamite|charges?|grenades?)\b/i;
const NUMBER: Record<string, number> = { ...COUNT_WORDS, '2': 2, '3': 3, '4': 4, '5': 5, '6': 6 };

function countIn(text: string): number {
  let n = 0;
  for (const x of text.matchAll(COUNTED)) {
    const before = text.slice(Math.max(0, x.index - 40), x.index);
    if (TOLD_AGAIN.test(SEVERAL_BEFORE.exec(before)?.[1] ?? '')) continue;
    const k = COUNT_BEFORE.exec(before)?.[1] ?? COUNT_AFTER.exec(text.slice(x.index + x[0].length, x.index + x[0].length + 60))?.[1];
    if (k) n = Math.max(n, NUMBER[k.toLowerCase()] ?? 0);
  }
  const another = AND_ANOTHER.exec(text);
  if (another && DEVICE_WORD.test(text.slice(0, another.index))) n = Math.max(n, 2);
  return n >= 2 && SERIES.test(text) ? 0 : n;
}

export function countedIncidents(ms: Mention[], sentences: readonly AnalyzedSentence[]): Mention[] {
  const out = [...ms];
  for (const m of ms) {
    // (not one splitScenes set at towns apart: the towns say how the incidents divide)
    if (m.kind !== 'incident' || !VIOLENT.has(m.eventType) || !m.when || ms.some((o) => o.id.startsWith(`${m.id}.`) || m.id.startsWith(`${o.id}.`))) continue;
    const when = m.when;
    let best: { s: AnalyzedSentence; n: number } | null = null;
    for (const s of sentences) {
      if (!m.sentences.includes(s.index) || isAggregate(s.text)) continue;
      const n = countIn(s.text);
      if (n >= 2 && (!best || n > best.n)) best = { s, n };
    }
    if (!best) continue;
    // (the story's incidents of those days, this one and those split from it or told on their own)
    const told = out.filter((o) => o.kind === 'incident' && VIOLENT.has(o.eventType) && !!o.when && overlaps(o.when, when)).length;
    for (let k = told; k < best.n; k++) {
      out.push({ ...m, id: `${m.id}.c${k + 1}`, where: [...m.where], actors: [...m.actors], perpetrators: [...m.perpetrators], casualties: [], fatalities: null, injured: null, claims: [...m.claims], sentences: [best.s.index], trace: { ...(m.trace.when !== undefined ? { when: m.trace.when } : {}), where: [...m.trace.where], actors: [...m.trace.actors], fatalities: [], injured: [] } });
    }
  }
  return out;
}
