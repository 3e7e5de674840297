// Place names in a sentence -> gazetteer entries. A span is a run of words that starts with a capital; the longest
// run the gazetteer knows wins. World names that are also ordinary words ("Police", "Said") or parts of people's
// and organisations' names need more evidence: a place cue before them, or the article's own countries.
import type { Place, PlaceMention } from './types.js';
import type { Gazetteer } from './gazetteer.js';
import { fold } from './text.js';

const TOKEN = /[\p{L}\p{M}][\p{L}\p{M}\p{N}]*(?:['’](?!s\b)[\p{L}]+)?/gu;
const GAP = /^(?:\s+|\s*[-–—]\s*|\.\s?|-)$/;
const LOCATIVE = /\b(?:in|at|near|outside|inside|from|into|across|around|towards?|on|of|between|and|via|to|off|along|hit|struck|targeted|targeting|bombed|captured|reached|entered|attacked)\s+(?:the\s+)?$/i;
const AREA_SUFFIX = /^\s+(province|district|region|governorate|oblast|state|area|valley|agency|tehsil|city|town|village|county|crossing|border crossing)\b/i;
const MEDIA_WORDS = /^\s+(?:Daily|Times|News|Wire|Post|Tribune|Ledger|Herald|Dispatch|Agency|Service|Press|Radio|TV|Television|Broadcasting|Review|Observer|Express|Gazette|Journal|Chronicle|Standard|Today|Cricket|Board|Army|Police|Ministry|Council|Bank|University|Airlines|Airport|Party|Movement|Front|Government|Embassy|Consulate|Cabinet|Senate|Assembly|Parliament|Club|Foundation|Institute|Commission|Authority)\b/;
const NEVER = new Set(['police', 'said', 'army', 'taliban', 'president', 'union', 'justice', 'security', 'victory', 'mobile', 'university', 'hospital', 'unity', 'independence', 'liberty', 'progress', 'concord', 'friendship', 'welcome', 'opportunity', 'hope', 'paradise', 'mission', 'nation', 'ministry', 'colonel', 'general', 'major', 'captain', 'sergeant', 'media', 'press', 'reuters', 'gate', 'north', 'south', 'east', 'west', 'central', 'northern', 'southern', 'eastern', 'western', 'china town', 'of', 'al', 'el', 'la', 'le', 'de', 'as', 'man', 'iman', 'imam', 'mullah', 'sheikh', 'khan', 'islam', 'allah', 'muhammad', 'mohammad', 'ali', 'friday', 'sunday', 'monday', 'may', 'august', 'march', 'june', 'july', 'gaza city', 'along', 'near', 'inside', 'outside', 'across', 'around', 'between', 'after', 'before', 'during', 'since', 'until', 'amid', 'despite', 'earlier', 'later', 'meanwhile', 'however', 'also', 'both', 'some', 'many', 'most', 'such', 'many', 'officials', 'residents', 'sources', 'today', 'tonight', 'yesterday', 'tomorrow', 'early', 'late', 'last', 'next', 'this', 'that', 'these', 'those', 'there', 'here', 'when', 'while', 'where', 'what', 'who', 'why', 'how', 'then', 'thus', 'still', 'even', 'only', 'just', 'once', 'again', 'further', 'under', 'over', 'against', 'within', 'without', 'beyond', 'towards', 'toward', 'from', 'into', 'onto', 'upon', 'with', 'about', 'above', 'below', 'behind', 'beside', 'besides', 'through', 'throughout', 'washington', 'moscow', 'beijing', 'london', 'paris', 'brussels', 'geneva', 'new york', 'white house', 'kremlin', 'pentagon']);

export interface PlaceContext {
  /** ISO codes the article is about: its countries, demonyms and curated places. */
  readonly countries: ReadonlySet<string>;
  /** Character ranges already taken by actors or people, which are not places. */
  readonly blocked?: readonly (readonly [number, number])[];
}

interface Tok { text: string; start: number; end: number }

function tokens(s: string): Tok[] {
  const out: Tok[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(s); m; m = TOKEN.exec(s)) out.push({ text: m[0], start: m.index, end: m.index + m[0].length });
  return out;
}
const isCap = (t: string): boolean => /^\p{Lu}/u.test(t);

function score(p: Place, ctx: PlaceContext, suffix: string): number {
  let s = p.id.startsWith('rg:') ? 100 : 0;
  if (ctx.countries.has(p.country)) s += 60;
  s += Math.log10(p.population + 1) * 6;
  if (p.kind === 'PPLC') s += 15;
  else if (p.kind.startsWith('PPLA')) s += 8;
  if (p.kind === 'country') s += 30;
  const areaWanted = /province|region|governorate|oblast|state/i.test(suffix);
  const isArea = p.kind === 'admin1' || p.kind === 'province' || p.kind === 'region';
  if (suffix && areaWanted === isArea) s += 40;
  if (!suffix && (p.kind === 'province' || p.kind === 'admin1')) s -= 5;
  return s;
}

/** Picks the entry a name means here: curated first, then the article's countries, then size. */
export function choosePlace(options: readonly Place[], ctx: PlaceContext, suffix = ''): Place | null {
  let best: Place | null = null;
  let bestScore = -Infinity;
  for (const p of options) {
    const s = score(p, ctx, suffix);
    if (s > bestScore) { best = p; bestScore = s; }
  }
  return best;
}

/**
 * Every place named in a sentence.
 * @example findPlaces('Two people were killed in Chaman on Friday.', gazetteer(), { countries: new Set(['PK']) })
 */
export function findPlaces(sentence: string, gaz: Gazetteer, ctx: PlaceContext): PlaceMention[] {
  const toks = tokens(sentence);
  const out: PlaceMention[] = [];
  const blocked = ctx.blocked ?? [];
  for (let i = 0; i < toks.length; i++) {
    const first = toks[i]!;
    if (!isCap(first.text)) continue;
    for (let n = Math.min(gaz.longest, toks.length - i); n >= 1; n--) {
      const last = toks[i + n - 1]!;
      let contiguous = true;
      for (let k = i + 1; k < i + n && contiguous; k++) contiguous = GAP.test(sentence.slice(toks[k - 1]!.end, toks[k]!.start));
      if (!contiguous) continue;
      const text = sentence.slice(first.start, last.end);
      const key = fold(text);
      const options = gaz.lookup(key);
      if (options.length === 0) continue;
      if (blocked.some(([a, b]) => first.start < b && last.end > a)) break;
      const before = sentence.slice(0, first.start);
      const after = sentence.slice(last.end);
      const locative = LOCATIVE.test(before) || /^\s*['’]s\b/.test(after) || /,\s*$/.test(before) && /\b(in|near|at)\b[^,]*,\s*$/.test(before);
      const curated = options.some((p) => p.id.startsWith('rg:') || p.kind === 'country');
      if (MEDIA_WORDS.test(after) && !AREA_SUFFIX.test(after)) {
        if (options[0]?.kind === 'country') break;
        continue; // "Kabul Daily Wire", "Quetta Chronicle": an outlet's or body's name
      }
      if (!curated) {
        if (NEVER.has(key) || MEDIA_WORDS.test(after) || (n === 1 && key.length < 4)) continue;
        const prev = toks[i - 1];
        const glued = prev && isCap(prev.text) && /^\s+$/.test(sentence.slice(prev.end, first.start));
        const next = toks[i + n];
        const gluedAfter = next && isCap(next.text) && /^\s+$/.test(sentence.slice(last.end, next.start));
        if (glued || gluedAfter) continue; // part of a longer name the gazetteer does not know: a person, an agency
        const inContext = options.some((p) => ctx.countries.has(p.country));
        const big = options.some((p) => p.population >= 200_000);
        if (!inContext && !(locative && (big || options.some((p) => p.population >= 20_000)))) continue;
        if (!locative && !inContext) continue;
        // a town of the same name abroad, when the story is placed elsewhere, is a namesake: only a large city is taken
        if (!inContext && ctx.countries.size > 0 && !big) continue;
      } else {
        if (gaz.weak.has(key) && !locative && !AREA_SUFFIX.test(after)) continue;
        // "Pakistan Army", "Afghanistan Cricket Board": a country name that starts an organisation's name.
        if (options[0]?.kind === 'country' && MEDIA_WORDS.test(after)) break;
      }
      const suffix = AREA_SUFFIX.exec(after)?.[1] ?? '';
      const place = choosePlace(options, ctx, suffix);
      if (!place) continue;
      out.push({ place, text, index: first.start, locative });
      // "the Chaman-Spin Boldak crossing" names the towns on both sides too
      for (const town of place.also ?? []) {
        const t = town.toLowerCase().replace(/[\s-]+/g, ' ');
        if (!key.replace(/[\s-]+/g, ' ').includes(t)) continue;
        const hit = gaz.lookup(fold(town)).find((p) => p.id.startsWith('rg:'));
        if (hit) out.push({ place: hit, text, index: first.start, locative });
      }
      i += n - 1;
      break;
    }
  }
  return out;
}

/** The countries an article is about: named countries, demonyms, and places the curated list knows. */
export function articleCountries(text: string, gaz: Gazetteer): Set<string> {
  const out = new Set<string>();
  for (const t of tokens(text)) {
    if (!isCap(t.text)) continue;
    const iso = gaz.countryWords.get(fold(t.text));
    if (iso) out.add(iso);
  }
  const folded = fold(text);
  for (const [word, iso] of gaz.countryWords) if (word.includes(' ') && folded.includes(word)) out.add(iso);
  return out;
}
