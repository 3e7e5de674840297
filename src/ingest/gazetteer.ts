// The gazetteer: hand-kept places of the region (data/region-places.json) over a world list of 199k towns with
// their admin-1/2/3 names and alternate names (Latin and Arabic script), admin-1 areas and countries from GeoNames
// (data/world-places.tsv.gz, built by data/build-gazetteer.ts).
// Loaded once per process, from files shipped with the project: nothing is fetched at run time. World rows stay
// as text, indexed by a hash table of offsets, until a lookup needs one, which keeps loading fast and small.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import type { Place } from './types.js';
import { fold, slug } from './text.js';

export interface RegionPlace {
  name: string; aliases: string[]; country: string; admin1: string; admin2: string;
  lat: number; lon: number; precision: 1 | 2 | 3; kind: string; also?: string[]; weak?: boolean;
}
/** A country's names and demonyms, and the missions that work in it alone ("OSCE SMM": its reports are from Ukraine). */
export interface CountryRow { iso: string; names: string[]; demonyms: string[]; missions?: string[] }

export interface Gazetteer {
  /** Every place a folded name may mean, curated entries first. */
  lookup(key: string): readonly Place[];
  /** ISO code -> the country as a place. */
  readonly countries: ReadonlyMap<string, Place>;
  /** Folded country name or demonym -> ISO code. */
  readonly countryWords: ReadonlyMap<string, string>;
  /** Curated names that are also common words ("Tank"): matched only with a place cue. */
  readonly weak: ReadonlySet<string>;
  /** The most words a name has. */
  readonly longest: number;
  /** Folded name of a national capital -> its country's ISO code. */
  readonly capitals: ReadonlyMap<string, string>;
  /**
   * Folded country names that are written in capitals only ("CAR", "US", "DRC"): they name the country only when so
   * written ("Car bombs", "let us" name nothing).
   */
  readonly acronyms: ReadonlySet<string>;
  /** Folded names of missions that work in one country alone (countries.json), looked up as that country. */
  readonly missions: ReadonlySet<string>;
  /**
   * The seat of a first-level unit (GeoNames PPLA: Florencia for Caquetá), or with no unit the country's capital
   * (PPLC): "the capital of Caqueta", "the Salvadoran capital".
   */
  seat(country: string, admin1?: string): Place | undefined;
  /**
   * Administrative units and seats spelled alike, doubled letters aside ("Hiraan" is Hiran), else vowels aside too
   * ("Lower Shabelle" is Lower Shebelle, "Galgaduud" Galguduud): for names a coder's note sets as units.
   */
  likeUnit(key: string): readonly Place[];
}

/** Whether a name found in text may be read as the gazetteer key it folds to: an acronym only in capitals. */
export function readsAs(gaz: Gazetteer, text: string, key: string): boolean {
  return !gaz.acronyms.has(key) || text === text.toUpperCase();
}

/**
 * The country a word of the text names (its name or demonym), honouring acronyms' case.
 * @example countryWordOf(gazetteer(), 'Car') // undefined ('CAR' is the Central African Republic)
 */
export function countryWordOf(gaz: Gazetteer, text: string): string | undefined {
  const key = fold(text);
  return readsAs(gaz, text, key) ? gaz.countryWords.get(key) : undefined;
}

/** A first-level unit's name without its unit word ("San Miguel Department" is "san miguel"). */
const unitKey = (name: string): string => fold(name).replace(/\s+(?:department|province|region|state|governorate)$/, '');

const dataUrl = (name: string): URL => new URL(`./data/${name}`, import.meta.url);

function rowPlace(line: string, i: number): Place {
  const [, name = '', cc = '', admin1 = '', admin2 = '', admin3 = '', lat = '0', lon = '0', pop = '0', kind = 'city', feature = ''] = line.split('\t');
  return { id: `gn:${cc}:${slug(name)}:${i}`, name, country: cc, admin1, admin2, ...(admin3 ? { admin3 } : {}), lat: Number(lat), lon: Number(lon), precision: kind === 'city' ? 1 : kind === 'admin2' ? 2 : 3, kind: kind === 'city' ? feature : kind, population: Number(pop) };
}

const ARABIC_SCRIPT_LOCALES = ['ar', 'fa', 'ps', 'ur'];
/** Country names that are also common words in one of these languages ("مالی": financial, in Persian; "شام": evening, in Urdu). */
const AMBIGUOUS = new Set(['مالی', 'مالي', 'پرو', 'چاد', 'توگو', 'شام']);
let regionNames: Intl.DisplayNames[] | null = null;

/** A country's names in Arabic, Persian, Pashto and Urdu, from the ICU data Node ships (Intl.DisplayNames). */
function arabicScriptNames(iso: string): string[] {
  regionNames ??= ARABIC_SCRIPT_LOCALES.map((l) => new Intl.DisplayNames([l], { type: 'region', fallback: 'none' }));
  const out = new Set<string>();
  for (const d of regionNames) {
    let n: string | undefined;
    try {
      n = d.of(iso);
    } catch {
      n = undefined;
    }
    if (n && /[\u0600-\u06ff]/.test(n) && !AMBIGUOUS.has(n)) out.add(n);
  }
  return [...out];
}

interface WorldIndex {
  /** Where each line starts in the text (one more than there are lines). */
  readonly starts: Int32Array;
  /** The lines a folded name names; negative for a place found by one of its alternate names. */
  find(key: string): number[];
  /** The most words a key has, up to `cap`. */
  longestName(cap: number): number;
  /** The keys with a space in them ("si sa ket"). */
  spacedKeys(): string[];
  readonly capitals: number[];
  readonly countries: number[];
  /** Lines of the seats of first-level units (PPLA). */
  readonly seats: number[];
  /** Lines whose key, in Latin script, names an administrative unit or a seat (ADM1-2, PPLA-2, PPLC). */
  unitKeys(): number[];
  /** A line's key, and the line of the place it names (its own, or an alternate name's place). */
  keyAt(i: number): string;
  placeOf(i: number): number;
}

/**
 * An open-addressing hash table over the file's text: typed arrays of offsets, no object per line, so loading is
 * quick and the garbage collector has half a million fewer objects to walk on every major collection.
 */
function worldIndex(text: string): WorldIndex {
  const startsList: number[] = [];
  for (let at = 0; at < text.length; ) {
    startsList.push(at);
    const nl = text.indexOf('\n', at);
    at = nl < 0 ? text.length + 1 : nl + 1;
  }
  startsList.push(text.length + 1);
  const starts = Int32Array.from(startsList);
  const n = starts.length - 1;
  let size = 1;
  while (size < n * 2) size <<= 1;
  const slots = new Int32Array(size);
  const hash = (s: string, from: number, to: number): number => {
    let h = 0x811c9dc5;
    for (let k = from; k < to; k++) h = Math.imul(h ^ s.charCodeAt(k), 0x01000193);
    return h >>> 0;
  };
  const capitals: number[] = [];
  const countries: number[] = [];
  const seats: number[] = [];
  // line 0 is the header
  for (let i = 1; i < n; i++) {
    const a = starts[i]!;
    const end = starts[i + 1]! - 1;
    const tab = text.indexOf('\t', a);
    if (tab <= a || tab > end) continue;
    if (text.startsWith('\tPPLC', end - 5)) capitals.push(i);
    else if (text.startsWith('\tPPLA', end - 5)) seats.push(i);
    else if (text.startsWith('\tcountry\tPCLI', end - 13)) countries.push(i);
    let slot = hash(text, a, tab) & (size - 1);
    while (slots[slot] !== 0) slot = (slot + 1) & (size - 1);
    slots[slot] = i;
  }
  const keyOf = (i: number): string => text.slice(starts[i]!, text.indexOf('\t', starts[i]!));
  const placeOf = (i: number): number => {
    const tab = text.indexOf('\t', starts[i]!);
    return text.charCodeAt(tab + 1) === 94 ? Number(text.slice(tab + 2, starts[i + 1]! - 1)) : i;
  };
  return {
    starts, capitals, countries, seats,
    find(key: string): number[] {
      const out: number[] = [];
      for (let slot = hash(key, 0, key.length) & (size - 1); slots[slot] !== 0; slot = (slot + 1) & (size - 1)) {
        const i = slots[slot]!;
        const a = starts[i]!;
        if (text.charCodeAt(a + key.length) !== 9 || !text.startsWith(key, a)) continue;
        // an alternate name: `key ^N` points at the place's own line
        const j = text.charCodeAt(a + key.length + 1) === 94 ? -Number(text.slice(a + key.length + 2, starts[i + 1]! - 1)) : i;
        if (!out.includes(j) && !out.includes(-j)) out.push(j);
      }
      return out;
    },
    longestName(cap: number): number {
      let best = 1;
      for (let i = 1; i < n && best < cap; i++) {
        let words = 1;
        for (let k = starts[i]!, c = text.charCodeAt(k); c !== 9 && k < starts[i + 1]!; c = text.charCodeAt(++k)) if (c === 32 || c === 45) words++;
        if (words > best) best = words;
      }
      return Math.min(best, cap);
    },
    unitKeys(): number[] {
      const out: number[] = [];
      for (let i = 1; i < n; i++) {
        if (text.charCodeAt(starts[i]!) >= 0x250) continue;
        const t = placeOf(i);
        const end = starts[t + 1]! - 1;
        const tab = text.lastIndexOf('\t', end);
        if (end - tab === 5 && text.startsWith('ADM', tab + 1) || (text.startsWith('PPLA', tab + 1) || text.startsWith('PPLC', tab + 1)) && (end - tab === 5 || (end - tab === 6 && text[end - 1] === '2'))) out.push(i);
      }
      return out;
    },
    keyAt: keyOf,
    placeOf,
    spacedKeys(): string[] {
      const out: string[] = [];
      for (let i = 1; i < n; i++) {
        const a = starts[i]!;
        const sp = text.indexOf(' ', a);
        if (sp >= 0 && sp < text.indexOf('\t', a)) out.push(keyOf(i));
      }
      return out;
    },
  };
}

/** Builds a gazetteer from its data; exported so tests can build small ones. */
export function buildGazetteer(region: RegionPlace[], worldTsv: string, countryRows: CountryRow[]): Gazetteer {
  const curated = new Map<string, Place[]>();
  const weak = new Set<string>();
  const addCurated = (name: string, p: Place): void => {
    const key = fold(name);
    const list = curated.get(key) ?? [];
    if (!list.some((q) => q.id === p.id)) list.push(p);
    curated.set(key, list);
  };
  for (const r of region) {
    const p: Place = { id: `rg:${slug(r.name)}`, name: r.name, country: r.country, admin1: r.admin1, admin2: r.admin2, lat: r.lat, lon: r.lon, precision: r.precision, kind: r.kind, population: 0, ...(r.also ? { also: r.also } : {}) };
    for (const n of [r.name, ...r.aliases]) {
      addCurated(n, p);
      if (r.weak) weak.add(fold(n));
    }
  }
  const index = worldIndex(worldTsv);
  const line = (i: number): string => worldTsv.slice(index.starts[i]!, index.starts[i + 1]! - 1);
  const countries = new Map<string, Place>();
  const capitals = new Map<string, string>();
  let longest = 1;
  for (const i of index.capitals) {
    const l = line(i);
    capitals.set(l.slice(0, l.indexOf('\t')), l.split('\t')[2] ?? '');
  }
  for (const i of index.countries) {
    const p = rowPlace(line(i), i);
    countries.set(p.country, { ...p, precision: 3 });
  }
  const countryWords = new Map<string, string>();
  const acronyms = new Set<string>();
  const missions = new Set<string>();
  for (const c of countryRows) {
    for (const n of c.names) if (/^[A-Z][A-Z.]+$/.test(n)) acronyms.add(fold(n));
    const base = countries.get(c.iso);
    for (const n of [...c.names, ...arabicScriptNames(c.iso)]) {
      countryWords.set(fold(n), c.iso);
      if (base) addCurated(n, { ...base, name: c.names[0] ?? base.name });
    }
    for (const d of c.demonyms) countryWords.set(fold(d), c.iso);
    // (a mission places its report in its country, as a country: "the OSCE SMM observed 2 explosions near Bohuslavske")
    for (const n of c.missions ?? []) if (base) { addCurated(n, { ...base, name: c.names[0] ?? base.name }); missions.add(fold(n)); }
  }
  // the most words a name has, up to six (names longer than that are looked up by their first six words anyway)
  for (const k of curated.keys()) longest = Math.max(longest, k.split(/[\s-]+/).length);
  longest = Math.max(longest, index.longestName(6));
  const cache = new Map<number, Place>();
  // names written without their spaces ("Sisaket" for Si Sa Ket), built on first need
  let squeezed: Map<string, string> | null = null;
  const squeeze = (k: string): string => k.replace(/[\s'-]+/g, '');
  const exact = (key: string): readonly Place[] => {
    const out = [...(curated.get(key) ?? [])];
    for (const j of index.find(key)) {
      const i = Math.abs(j);
      let p = cache.get(i);
      if (!p) cache.set(i, (p = rowPlace(line(i), i)));
      if (j < 0) p = { ...p, alt: true };
      // A world row that a curated entry already covers (same country, within ~30 km, a town for a town, an area
      // for an area) adds nothing; one found by another name ("سپین بولدک") is the curated entry of its own name when
      // there is one. A district and its namesake seat are both kept (Achin district, Achin town): the text decides.
      const near = (q: Place): boolean => q.country === p!.country && (q.kind !== 'admin2' && p!.kind !== 'admin2' || (q.precision === 1) === (p!.precision === 1)) && Math.abs(q.lat - p!.lat) + Math.abs(q.lon - p!.lon) < 0.5;
      const own = curated.get(fold(p.name))?.find(near);
      if (own && !out.includes(own)) out.push(own);
      else if (!out.some(near)) out.push(p);
    }
    return out;
  };
  // lookups repeat (every capitalised run of every sentence is tried), so answers are kept, up to a bound
  const memo = new Map<string, readonly Place[]>();
  const lookup = (key: string): readonly Place[] => {
    const hit = memo.get(key);
    if (hit) return hit;
    if (memo.size > 100_000) memo.clear();
    const found = resolve(key);
    memo.set(key, found);
    return found;
  };
  /** The same name as another source spells it: hyphens or spaces, French cardinal points ("Nord-Kivu"), run together. */
  const resolve = (key: string): readonly Place[] => {
    const hit = exact(key);
    if (hit.length || key.length < 4) return hit;
    const variants = new Set<string>();
    if (/[\s-]/.test(key)) { variants.add(key.replace(/-/g, ' ')); variants.add(key.replace(/\s+/g, '-')); }
    const cardinal = /^(north|south|east|west)(?=[\s-])/.exec(key)?.[1];
    if (cardinal) {
      const fr = { north: 'nord', south: 'sud', east: 'est', west: 'ouest' }[cardinal]!;
      const rest = key.slice(cardinal.length + 1);
      variants.add(`${fr}-${rest}`).add(`${fr} ${rest}`);
    }
    for (const v of variants) {
      const r = exact(v);
      if (r.length) return r;
    }
    if (!/\s/.test(key) && key.length >= 6) {
      if (!squeezed) {
        squeezed = new Map();
        for (const k of index.spacedKeys()) squeezed.set(squeeze(k), k);
      }
      const full = squeezed.get(squeeze(key));
      if (full) return exact(full);
    }
    return hit;
  };
  // seats by country and folded first-level unit ("CO:caqueta"), capitals by country ("CO:"), the most populous; built on first need
  let seatMap: Map<string, Place> | null = null;
  const seat = (country: string, admin1 = ''): Place | undefined => {
    if (!seatMap) {
      seatMap = new Map();
      for (const i of [...index.capitals, ...index.seats]) {
        const p = rowPlace(line(i), i);
        const k = `${p.country}:${p.kind === 'PPLC' ? '' : unitKey(p.admin1)}`;
        const had = seatMap.get(k);
        if (!had || had.population < p.population) seatMap.set(k, p);
      }
    }
    return seatMap.get(`${country}:${unitKey(admin1)}`);
  };
  // units and seats by their spelling without doubled letters or vowels; built on first need
  let alike: Map<string, number[]> | null = null;
  const likeUnit = (key: string): readonly Place[] => {
    const [doubles, vowels] = [looseKey(key, false), looseKey(key, true)];
    if (doubles.length < 5) return [];
    if (!alike) {
      alike = new Map();
      for (const i of index.unitKeys()) {
        const k = looseKey(index.keyAt(i), true);
        const list = alike.get(k);
        if (list) list.push(i);
        else alike.set(k, [i]);
      }
    }
    const keys = alike.get(vowels) ?? [];
    const same = keys.filter((i) => looseKey(index.keyAt(i), false) === doubles);
    // (without vowels, a short name is too like others: "Saakow" is not Sa Kaeo)
    const lines = [...new Set((same.length ? same : vowels.length >= 7 ? keys : []).map(index.placeOf))];
    return lines.map((i) => cache.get(i) ?? rowPlace(line(i), i));
  };
  return { lookup, countries, countryWords, weak, longest: Math.min(longest, 6), capitals, acronyms, missions, seat, likeUnit };
}

/**
 * A name's letters with doubled ones single ("hiraan" is "hiran"); when `vowels`, also each run of vowels after the
 * first letter one "a", and "c" a "k" ("galgaduud" is "galgadad" as "galguduud" is, "atacora" "atakara" as "atakora").
 */
function looseKey(key: string, vowels: boolean): string {
  let out = '';
  for (const ch of key) {
    const c = ch.charCodeAt(0);
    if ((c < 97 || c > 122) && (c < 128 || !/\p{L}/u.test(ch))) continue;
    const l = !vowels || !out ? ch : c === 97 || c === 101 || c === 105 || c === 111 || c === 117 ? 'a' : c === 99 ? 'k' : ch;
    if (!out.endsWith(l)) out += l;
  }
  return out;
}

let cached: Gazetteer | null = null;

/** The shipped gazetteer, loaded on first use and kept for the process. */
export function gazetteer(): Gazetteer {
  if (cached) return cached;
  const region = (JSON.parse(readFileSync(dataUrl('region-places.json'), 'utf8')) as { places: RegionPlace[] }).places;
  const world = gunzipSync(readFileSync(dataUrl('world-places.tsv.gz'))).toString('utf8');
  const countries = (JSON.parse(readFileSync(dataUrl('countries.json'), 'utf8')) as { countries: CountryRow[] }).countries;
  cached = buildGazetteer(region, world, countries);
  return cached;
}
