// Place names in a sentence -> gazetteer entries. A span is a run of words that starts with a capital; the longest
// run the gazetteer knows wins. World names that are also ordinary words ("Police", "Said") or parts of people's
// and organisations' names need more evidence: a place cue before them, or the article's own countries.
import type { Place, PlaceMention } from './types.js';
import { countryWordOf, readsAs, type Gazetteer } from './gazetteer.js';
import { escapeRegExp, fold, startsUpper } from './text.js';
import { Sieve } from './sieve.js';

const TOKEN = /[\p{L}\p{M}][\p{L}\p{M}\p{N}]*(?:['’](?!s\b)[\p{L}]+)?/gu;
const GAP = /^(?:\s+|\s*[-–—]\s*|\.\s?|-)$/;
const LOCATIVE = /\b(?:in|at|near|outside|inside|from|into|across|around|towards?|on|of|between|and|via|to|off|along|hit|struck|targeted|targeting|bombed|captured|reached|entered|attacked)\s+(?:the\s+)?$/i;
const AREA_SUFFIX = /^\s+(province|districts?|region|governorate|oblast|state|department|local government area|lga|territory|area|valley|agency|tehsil|city|town|village|county|crossing|border crossing|jurisdiction|municipality|canton)\b/i;
/** A unit word before the name ("the district of Qoryooley", "Tehsil Jamrud"): the admin-2 area is meant. */
const AREA_BEFORE = /\b(district|tehsil|agency|county|department|local government area|lga)\s+(?:of\s+)?$/i;
/** Unit words that name an admin-2 area. */
const ADMIN2_WORD = /^(?:districts?|department|county|prefecture|tehsil|agency|territory|lga|local government area)$/i;
/** A name that ends in its unit word ("kurram district"). */
const UNIT_LAST = /\s(?:district|agency|county|department|municipality|territory|tehsil|province|region|prefecture)$/;
/** A town word before the name ("the town of Achin", "the village of Guma"): the populated place is meant. */
const TOWN_BEFORE = /\b(town|city|village)\s+of\s+(?:the\s+)?$/i;
const MEDIA_WORDS = /^\s+(?:Daily|Times|News|Wire|Post|Tribune|Ledger|Herald|Dispatch|Agency|Service|Press|Radio|TV|Television|Broadcasting|Review|Observer|Express|Gazette|Journal|Chronicle|Standard|Today|Cricket|Board|Army|Police|Ministry|Council|Bank|University|Airlines|Airport|Party|Movement|Front|Government|Embassy|Consulate|Cabinet|Senate|Assembly|Parliament|Club|Foundation|Institute|Commission|Authority)\b/;
/** A unit word after a town ("the Soyapango Jurisdiction", "Yamabal Canton"): no longer name, the town's unit. */
const UNIT_AFTER = /^\s+(?:Jurisdiction|Canton|Municipality)\b/u;
/**
 * A known name joined by "de" to a capitalised word ("Alto de San Pablo", "Juntas de Uramita", "Dulce Nombre de
 * Maria"): one longer Spanish or Portuguese name the gazetteer lacks (unknown-places.ts gives it), not the namesake
 * at either end. A unit word before it ("Departamento de Santander") still names the place.
 */
const LINK = '(?:de|del|da|do|dos|das)(?:\\s+(?:la|las|los))?';
const LINKED_BEFORE = new RegExp(`(?<![\\p{L}'’])(?!(?:Departamento|Provincia|Municipio|Estado|Distrito|Ciudad|Región|Region|Department|Province|Norte|Sur)\\s)\\p{Lu}[\\p{L}'’]+\\s+${LINK}\\s+$`, 'u');
const LINK_END = /\s(?:de|del|da|do|dos|das|la|las|los)\s+$/;
const LINKED_AFTER = new RegExp(`^\\s+${LINK}\\s+\\p{Lu}`, 'u');
const OFFICE_AFTER = /^\s+(?:Deputy\s+)?(?:Mayor|Governor|Prefect|Subprefect|Sub-prefect|Councilman|Councilor|Councillor|Alderman|Justice\s+of\s+the\s+Peace)\s+\p{Lu}/u;
const NEVER = new Set(['police', 'said', 'army', 'taliban', 'president', 'union', 'justice', 'security', 'victory', 'mobile', 'university', 'hospital', 'unity', 'independence', 'liberty', 'progress', 'concord', 'friendship', 'welcome', 'opportunity', 'hope', 'paradise', 'mission', 'nation', 'ministry', 'colonel', 'general', 'major', 'captain', 'sergeant', 'media', 'press', 'reuters', 'gate', 'north', 'south', 'east', 'west', 'central', 'northern', 'southern', 'eastern', 'western', 'china town', 'of', 'al', 'el', 'la', 'le', 'de', 'as', 'man', 'iman', 'imam', 'mullah', 'sheikh', 'khan', 'islam', 'allah', 'muhammad', 'mohammad', 'ali', 'friday', 'sunday', 'monday', 'may', 'august', 'march', 'june', 'july', 'gaza city', 'along', 'near', 'inside', 'outside', 'across', 'around', 'between', 'after', 'before', 'during', 'since', 'until', 'amid', 'despite', 'earlier', 'later', 'meanwhile', 'however', 'also', 'both', 'some', 'many', 'most', 'such', 'many', 'officials', 'residents', 'sources', 'today', 'tonight', 'yesterday', 'tomorrow', 'early', 'late', 'last', 'next', 'this', 'that', 'these', 'those', 'there', 'here', 'when', 'while', 'where', 'what', 'who', 'why', 'how', 'then', 'thus', 'still', 'even', 'only', 'just', 'once', 'again', 'further', 'under', 'over', 'against', 'within', 'without', 'beyond', 'towards', 'toward', 'from', 'into', 'onto', 'upon', 'with', 'about', 'above', 'below', 'behind', 'beside', 'besides', 'through', 'throughout', 'washington', 'moscow', 'beijing', 'london', 'paris', 'brussels', 'geneva', 'new york', 'white house', 'kremlin', 'pentagon',
  // a sentence opening with a number word ("Four engineers…") names no town called Four
  'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'twenty', 'hundred', 'dozen', 'dozens', 'hundreds', 'several']);

export interface PlaceContext {
  /** ISO codes the article is about: its countries, demonyms and curated places. */
  readonly countries: ReadonlySet<string>;
  /** Character ranges already taken by actors or people, which are not places. */
  readonly blocked?: readonly (readonly [number, number])[];
  /**
   * For a text recased from capitals: whether the text also has this word in small letters, i.e. recase.ts did not
   * take it for a name, so a capital it has at a sentence's start is the start's alone ("Anderson lived near…").
   */
  readonly smallLetters?: (word: string) => boolean;
  /** The story's own country (its dateline's), when known: a town elsewhere is abroad. */
  readonly home?: string;
}

interface Tok { text: string; start: number; end: number }

function tokens(s: string): Tok[] {
  const out: Tok[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(s); m; m = TOKEN.exec(s)) out.push({ text: m[0], start: m.index, end: m.index + m[0].length });
  return out;
}
const isCap = startsUpper;
/** Arabic script (Arabic, Persian, Pashto, Urdu) has no capitals: every word may start a name. */
const isArabic = (t: string): boolean => {
  const c = t.charCodeAt(0);
  return (c >= 0x600 && c <= 0x6ff) || (c >= 0x750 && c <= 0x77f);
};
/** Words before a place in Arabic, Persian, Pashto and Urdu: prepositions and the words for province, district, city. */
const ARABIC_BEFORE = /(?:^|[\s،,(])(?:در|به|از|تا|نزدیک|نزدیکی|حوالی|في|فى|فی|من|إلى|الى|قرب|بالقرب\s+من|په|د|له|تر|پر|ولایت|ولايت|ولسوالی|ولسوالۍ|ولسوالئ|شهر|شهرستان|منطقه|منطقهٔ|ښار|سیمه|ضلع|صوبہ|صوبے|صوبۂ|شہر|علاقے|علاقہ|محافظة|مدينة|منطقة|ولاية|بلدة|قرية|مديرية|ناحية|قضاء)\s*$/;
const ARABIC_AFTER = /^\s*(?:کې|کښې|ته|میں|کے|کی|کا|سے|ولایت|ولسوالی|ولسوالۍ|ښار|ضلع|شہر|میں)(?:[\s،,.]|$)/;
/** Common words that are also some place's other name ("مدينة", a city; "شام", evening in Urdu). */
// ("بالا" upper and "لوی" big, Pala and Liwá; Pashto "سیمې", of the area, keyed "سمې" too: Semey)
const ARABIC_NEVER = new Set(['بالا', 'لوی', 'سیمې', 'سمې', 'مدینه', 'شهر', 'شام', 'منطقه', 'قریه', 'بلده', 'مرکز', 'ولایت', 'ولسوالی', 'ضلع', 'صوبه', 'محافظه', 'حکومت', 'دولت', 'امارت', 'اسلامی', 'جنوب', 'شمال', 'شرق', 'غرب', 'پاک', 'سرحد', 'مرز', 'بازار', 'کلی', 'قلعه', 'جامعه', 'دریا', 'بندر', 'میدان', 'باغ', 'ده', 'کوه', 'وادی', 'غربی', 'شرقی', 'شمالی', 'جنوبی'].map((w) => fold(w)));
/**
 * Pashto's and Urdu's own letters as the Persian ones GeoNames' alternate names are written with ("ترېن کوټ" and
 * "ترین کوٹ" are "ترین کوت", Tarinkot; "ارزګان" is "ارزگان"): tried when the name as written is not known.
 */
const PERSIAN_LETTERS: Record<string, string> = { 'ګ': 'گ', 'ټ': 'ت', 'ٹ': 'ت', 'ډ': 'د', 'ڈ': 'د', 'ړ': 'ر', 'ڑ': 'ر', 'ښ': 'ش', 'ږ': 'ژ', 'ڼ': 'ن' };
const persianLetters = (s: string): string => s.replace(/[ګټٹډڈړڑښږڼ]/g, (c) => PERSIAN_LETTERS[c]!);
/**
 * Whether the words before (or after) a name are a place cue, as written or with Arabic yeh and kaf folded to the
 * Persian ones ("ولسوالي", "ولسوالى" as older Dari and Pashto copy keys "ولسوالی").
 */
function arabicCue(side: string, re: RegExp): boolean {
  if (re.test(side)) return true;
  const before = re === ARABIC_BEFORE;
  let near = before ? side.slice(-40) : side.slice(0, 40);
  // (cut at a space, so no word is read from its middle)
  if (side.length > 40) near = before ? near.replace(/^\S*/, '') : near.replace(/\S*$/, '');
  return re.test(before ? ` ${fold(near)}` : `${fold(near)} `);
}
/** The unit a word names, as written or folded as above ("ولسوالي" is a district). */
const arabicUnit = (w: string): string => {
  const is = (re: RegExp): boolean => re.test(`${w} `) || re.test(`${fold(w)} `);
  return is(ARABIC_PROVINCE) ? 'province' : is(ARABIC_DISTRICT) ? 'district' : '';
};
const ARABIC_PROVINCE = /^(?:ولایت|ولايت|صوبہ|صوبے|صوبۂ|محافظة|ولاية|استان)\s/;
const ARABIC_DISTRICT = /^(?:ولسوالی|ولسوالۍ|ولسوالئ|ضلع|مديرية|قضاء|شهرستان)\s/;
/** District words: the unit itself, not its seat, is meant (ACLED geo_precision 2). */
const DISTRICT_SUFFIX = /^(?:districts?|tehsil|county|agency|territory|sub-?division|municipality|commune|local government area|lga)$/i;

function score(p: Place, ctx: PlaceContext, suffix: string, provinceToo: boolean): number {
  let s = p.id.startsWith('rg:') ? 100 : p.alt ? -50 : 0;
  if (ctx.countries.has(p.country)) s += 60;
  s += Math.log10(p.population + 1) * 6;
  if (p.kind === 'PPLC') s += 15;
  else if (p.kind.startsWith('PPLA')) s += 8;
  // a country outranks its namesake towns ("Colombia", Huila)
  if (p.kind === 'country') s += 60;
  const areaWanted = /province|region|governorate|oblast|state/i.test(suffix);
  const isArea = p.kind === 'admin1' || p.kind === 'province' || p.kind === 'region';
  if (suffix && areaWanted === isArea) s += 40;
  // "Ain department", "Colombo District", "Nangarhar's Achin district": an admin-2 area of that name before its
  // seat or a namesake village; "Herat province" is the admin-1 area where there is one of that name
  if (p.kind === 'admin2' && /province/i.test(suffix) && !provinceToo) s += 45;
  // "the town of Achin", "Xarardheere town": the populated place, not the district
  if (p.kind === 'admin2' && /city|town|village/i.test(suffix)) s -= 80;
  if (!suffix && (p.kind === 'province' || p.kind === 'admin1')) s -= 5;
  // with no unit word near, a populated place of the name wins over the district, even one that has the name as
  // another of its names ("Fighting in Achin": the town, GeoNames' Āchīn; "Achin district": the district)
  if (!suffix && p.kind === 'admin2') s -= 55;
  return s;
}

/** A farm or estate named after the name: "the San Isidro farm", "La Esperanza hacienda". */
const PROPERTY_AFTER = /^\s+(?:farms?|estates?|haciendas?|ranch(?:es)?|plantations?|coffee\s+farm)\b/i;

/** A place smaller than this is a village or hamlet (GeoNames' populations). */
const HAMLET = 10_000;

/** Picks the entry a name means here: curated first, then the article's countries, then size. */
export function choosePlace(options: readonly Place[], ctx: PlaceContext, suffix = ''): Place | null {
  let best: Place | null = null;
  let bestScore = -Infinity;
  // the article's countries decide between namesakes ("Morazan" in a San Salvador story is El Salvador's department,
  // found by another of its names, not a town in Guatemala), unless the one abroad is a large city
  const home = options.filter((p) => ctx.countries.has(p.country));
  const pool = home.length && home.length < options.length && !options.some((p) => !ctx.countries.has(p.country) && p.population >= 100_000) ? home : options;
  const provinceToo = pool.some((p) => p.kind === 'admin1' || p.kind === 'province');
  // ("Antioquia Department", "Ayacucho Department": where a first-level unit bears the name and no second-level one
  // does, the department is that unit, as in Latin America's, not a town of that name)
  if (/^department$/i.test(suffix) && provinceToo && !pool.some((p) => p.kind === 'admin2')) suffix = 'province';
  // (the gazetteer keeps a first-level unit named as its capital only as the capital: "Ayacucho Department" is the
  // department whose seat the city is, at its seat's point, precision 3, not the city of Ayacucho)
  else if (/^department$/i.test(suffix) && !pool.some((p) => p.kind === 'admin2')) {
    const seat = pool.find((p) => p.kind === 'PPLA' && p.admin1 !== '' && fold(p.admin1) === fold(p.name));
    if (seat) return { ...seat, id: `${seat.id}:unit`, kind: 'admin1', precision: 3, population: 0 };
  }
  // a district word next to the name picks the admin-2 area of that name in the country the name is placed in
  // without it ("Xarardheere district", "Nangarhar's Achin district"), not a district of that name across a border
  // ("Indian-controlled Kashmir's Poonch district" is India's Pūnch, not Azad Kashmir's Poonch District)
  const district = ADMIN2_WORD.test(suffix);
  // a national capital abroad outranks a hamlet of its name at home ("San Salvador" in a Mexico City story is El
  // Salvador's capital, not a Mexican village of 300), though not a town of some size ("Lima, Ohio" in a US story)
  const hamletsAtHome = !pool.some((p) => ctx.countries.has(p.country) && p.population >= HAMLET);
  for (const p of pool) {
    if (district && p.kind === 'admin2' && pool.some((q) => q.kind !== 'admin2')) continue;
    const capitalAbroad = hamletsAtHome && p.kind === 'PPLC' && p.population >= 100_000 && !ctx.countries.has(p.country);
    const s = score(p, ctx, suffix, provinceToo) + (capitalAbroad ? 60 : 0);
    if (s > bestScore) { best = p; bestScore = s; }
  }
  if (best && district && best.kind !== 'admin2' && !best.id.startsWith('rg:')) {
    const area = pool.find((p) => p.kind === 'admin2' && p.country === best!.country);
    if (area) return area;
  }
  return best;
}

/**
 * Wire copy places a town by its department or province after a comma ("in Santa Fe, Antioquia Department", "Huanta,
 * Ayacucho Province"): of a name's namesakes, those in a first-level unit of that name are meant, even where a larger
 * city of the name lies abroad (Santa Fe, Argentina).
 */
const UNIT_AFTER_COMMA = /^\s*,\s*((?:\p{Lu}[\p{L}'’-]*\s+){0,3}?\p{Lu}[\p{L}'’-]*)\s+(?:Department|Province|State|Region)\b/u;
function inUnit(options: readonly Place[], after: string, gaz: Gazetteer): readonly Place[] | undefined {
  const m = UNIT_AFTER_COMMA.exec(after);
  if (!m) return undefined;
  const unit = fold(m[1]!);
  // (only a unit the gazetteer knows as a first-level one: "Canaletes Municipality" is read elsewhere)
  // (or the seat the gazetteer keeps in its stead: Peru's "Ayacucho Department" is known as the city of Ayacucho only)
  const units = gaz.lookup(unit).filter((p) => p.kind === 'admin1' || p.kind === 'province' || (p.kind === 'PPLA' && fold(p.admin1) === unit));
  if (units.length === 0) return undefined;
  const towns = options.filter((p) => p.kind !== 'admin1' && p.kind !== 'country');
  const within = towns.filter((p) => fold(p.admin1).replace(/\s+(?:department|province|region|state)$/, '') === unit);
  // (the gazetteer's first-level unit of a town is not always the one the text gives: then its country decides)
  return within.length ? within : towns.filter((p) => units.some((u) => u.country === p.country));
}

/** Words of English that may stand next to a place without a preposition ("Lima police said", "Bogota yesterday"). */
const PLAIN = new Set(('a an the of and or nor but in on at to by for from with as is was were be been being are has have had it its this that these those he she they we you i '
  + 'his her their our my your who whom whose which what when where while not no also only even all any some each every said says say told tells stated states reported reports '
  + 'added noted announced asked explained will would shall should can could may might must today yesterday tonight tomorrow now ago later last next early late first same other '
  + 'another such several many much more most few both former new old about against between after before during since until under over into onto upon through without within '
  + 'toward towards near outside inside one two three four five six seven eight nine ten police army troops forces authorities officials residents sources government people '
  + 'area areas region city town downtown northern southern eastern western north south east west central metropolitan airport').split(' '));
const NEIGHBOUR_BEFORE = /(?:^|[^\p{L}'’.-])(\p{Ll}[\p{L}'’-]*)[ \t\r\n]+$/u;
const NEIGHBOUR_AFTER = /^[ \t\r\n]+(\p{Ll}[\p{L}'’-]*)(?![\p{L}'’.-])/u;
const STRONG_LOCATIVE = /\b(?:in|at|near|outside|inside|into|from|to|toward|towards)\s+$/i;
const nameWord = (w: string | undefined): boolean => !!w && w.length >= 3 && !PLAIN.has(w) && !/(?:ed|ing|ly)$/.test(w);
/**
 * In copy recased from capitals people's names stay in small letters: a one-word town run together with a word of
 * no English the text left small, or with a noun it qualifies, is a name or an attribute ("the release of Orlando
 * llovera ballet", "the two vergara Toledo brothers", "the director of the Columbus school"). A word after the town
 * does not count where "in", "at", "near"… stands just before it ("in Quito police said").
 */
function inName(before: string, after: string): boolean {
  if (nameWord(NEIGHBOUR_BEFORE.exec(before)?.[1])) return true;
  return !STRONG_LOCATIVE.test(before) && nameWord(NEIGHBOUR_AFTER.exec(after)?.[1]);
}

/**
 * Every place named in a sentence.
 * @example findPlaces('Two people were killed in Chaman on Friday.', gazetteer(), { countries: new Set(['PK']) })
 */
export function findPlaces(sentence: string, gaz: Gazetteer, ctx: PlaceContext): PlaceMention[] {
  const toks = tokens(sentence);
  const out: PlaceMention[] = [];
  const blocked = ctx.blocked ?? [];
  // whether the gap before each token joins it to the one before (1 yes, 2 no): tested once, not for every run tried
  const joined = new Int8Array(toks.length);
  for (let i = 0; i < toks.length; i++) {
    const first = toks[i]!;
    const arabic = isArabic(first.text);
    if (!arabic && !isCap(first.text)) continue;
    for (let n = Math.min(gaz.longest, toks.length - i); n >= 1; n--) {
      const last = toks[i + n - 1]!;
      let contiguous = true;
      for (let k = i + 1; k < i + n && contiguous; k++) {
        if (joined[k] === 0) joined[k] = GAP.test(sentence.slice(toks[k - 1]!.end, toks[k]!.start)) ? 1 : 2;
        contiguous = joined[k] === 1;
      }
      if (!contiguous) continue;
      let text = sentence.slice(first.start, last.end);
      let key = fold(text);
      let options = gaz.lookup(key);
      // Arabic joins "and" and "in" to the next word ("وكابل", "بكابل"), older Pashto copy "of" ("دکندهار")
      let stripped = false;
      if (options.length === 0 && arabic && /^[وبد]/.test(text) && text.length > 4) {
        key = fold(text.slice(1));
        options = gaz.lookup(key);
        if (options.length) { text = text.slice(1); stripped = true; }
      }
      if (options.length === 0 && arabic && /[ګټٹډڈړڑښږڼ]/.test(key)) {
        // (only a place where Pashto and Urdu are written, or of the article's countries: with Persian letters, Pashto
        // words spell towns elsewhere, "ډلې" (group) Delhi, "ګډ" Gary)
        const plain = persianLetters(key);
        options = gaz.lookup(plain).filter((p) => p.id.startsWith('rg:') || p.country === 'AF' || p.country === 'PK' || ctx.countries.has(p.country));
        if (options.length) key = plain;
      }
      if (options.length === 0 || !readsAs(gaz, text, key)) continue;
      if (arabic) {
        if (blocked.some(([a, b]) => first.start < b && last.end > a)) break;
        const cue = arabicCue(sentence.slice(0, first.start), ARABIC_BEFORE) || arabicCue(sentence.slice(last.end), ARABIC_AFTER);
        const known = options.some((p) => p.id.startsWith('rg:') || p.kind === 'country' || ctx.countries.has(p.country));
        // a name that is also a word ("چمن", a meadow) needs the article's country, a large city, or a cue and a town
        // of some size or an admin seat (not a hamlet abroad that has the word as another name)
        const town = options.some((p) => p.population >= 20_000 || p.kind.startsWith('PPLA'));
        if (key.replace(/\s/g, '').length < 3 || ARABIC_NEVER.has(key) || !(known || options.some((p) => p.population >= 100_000) || (cue && !stripped && town))) continue;
        // the unit word next to the name: before it in Dari and Arabic ("ولایت قندهار"), after it in Pashto and Urdu

        const prevWord = /(\S+)\s*$/.exec(sentence.slice(0, first.start))?.[1] ?? '';
        const nextWord = /^\s*(\S+)/.exec(sentence.slice(last.end))?.[1] ?? '';
        const unit = arabicUnit(prevWord) || arabicUnit(nextWord);
        const chosen = choosePlace(options, ctx, unit);
        if (!chosen) continue;
        const province = unit === 'province' && chosen.kind !== 'admin1' && chosen.admin1 ? [...gaz.lookup(fold(chosen.admin1)), ...gaz.lookup(fold(`${chosen.admin1} province`))].find((p) => p.country === chosen.country && p.precision === 3 && p.kind !== 'country') : undefined;
        const place = province ?? (unit === 'district' && chosen.precision === 1 && chosen.admin2 !== '' && fold(chosen.admin2) === fold(chosen.name) ? { ...chosen, precision: 2 as const } : chosen);
        out.push({ place, text, index: sentence.indexOf(text, first.start), locative: cue });
        i += n - 1;
        break;
      }
      // (a mission is an actor's name too, "the OSCE SMM": it names its country all the same)
      if (blocked.some(([a, b]) => first.start < b && last.end > a) && !gaz.missions.has(key)) break;
      const before = sentence.slice(0, first.start);
      const after = sentence.slice(last.end);
      // "in Santa Fe, Antioquia Department": the unit after the comma says which namesake is meant
      const within = inUnit(options, after, gaz);
      // (none there: a place the gazetteer lacks, which unknown-places.ts sets in that unit)
      if (within?.length === 0) continue;
      if (within) options = within;
      const locative = LOCATIVE.test(before) || /^\s*['’]s\b/.test(after) || /,\s*$/.test(before) && /\b(in|near|at)\b[^,]*,\s*$/.test(before);
      const curated = options.some((p) => p.id.startsWith('rg:') || p.kind === 'country');
      if (MEDIA_WORDS.test(after) && !AREA_SUFFIX.test(after)) {
        if (options[0]?.kind === 'country') break;
        continue; // "Kabul Daily Wire", "Quetta Chronicle": an outlet's or body's name
      }
      if (!curated) {
        // a demonym ("Thai") is never a place, whatever a town's other names say
        if (gaz.countryWords.has(key)) continue;
        // ("Bajaur Agency", a tribal agency, is an admin-2 area; "Anadolu Agency" is no place)
        const unitAfter = AREA_SUFFIX.test(after) && options.some((p) => p.kind === 'admin2' || (p.kind === 'admin1' && /^\s+(?:Department|Province|Region|State)\b/.test(after)));
        if (NEVER.has(key) || (MEDIA_WORDS.test(after) && !unitAfter) || (n === 1 && key.length < 4)) continue;
        // (a word recased text has in small letters elsewhere, capitalised here only as a sentence's first word)
        if (n === 1 && ctx.smallLetters && /^[\s"“'‘([-]*$/.test(before) && ctx.smallLetters(text.toLowerCase())) continue;
        const prev = toks[i - 1];
        const glued = prev && isCap(prev.text) && /^\s+$/.test(sentence.slice(prev.end, first.start));
        const next = toks[i + n];
        // (a town's officer is named after it: "Sipi Mayor Manuel Cruz", "Pisco Deputy Prefect Carlos Soto")
        const gluedAfter = next && isCap(next.text) && /^\s+$/.test(sentence.slice(last.end, next.start)) && !OFFICE_AFTER.test(after) && !UNIT_AFTER.test(after) && !unitAfter;
        if (glued || gluedAfter) continue; // part of a longer name the gazetteer does not know: a person, an agency
        if ((LINK_END.test(before.slice(-6)) && LINKED_BEFORE.test(before.slice(-60))) || LINKED_AFTER.test(after)) continue;
        const inContext = options.some((p) => ctx.countries.has(p.country));
    if (n === 1 && ctx.smallLetters && !(ctx.home ? options.some((p) => p.country === ctx.home) : inContext) && inName(before, after)) continue;
        const big = options.some((p) => p.population >= 200_000);
        // (a district named with its unit word has no population of its own: "in Shah Wali Kot district", "targeted
        // Baqim district (Sadah)" name the area whatever its size)
        if (!inContext && !(locative && (big || unitAfter || options.some((p) => p.population >= 20_000)))) continue;
        if (!locative && !inContext) continue;
        // "the San Isidro farm", "La Esperanza estate": a property of the story's country, not a town abroad of its name
        if (ctx.home && PROPERTY_AFTER.test(after) && !options.some((p) => p.country === ctx.home)) continue;
        // a one-word name that is only a small place or a county in another country the story mentions, with no "in"
        // or "near" before it, is a person's or a thing's ("Ruben Zamora", "Power", "Real"), not a place abroad
        if (n === 1 && !locative && ctx.home && !options.some((p) => p.country === ctx.home || p.population >= 20_000)) continue;
        // a town of the same name abroad, when the story is placed elsewhere, is a namesake: only a large city is taken
        if (!inContext && ctx.countries.size > 0 && !big) continue;
      } else {
        if (gaz.weak.has(key) && !locative && !AREA_SUFFIX.test(after)) continue;
        // "Pakistan Army", "Afghanistan Cricket Board": a country name that starts an organisation's name.
        if (options[0]?.kind === 'country' && MEDIA_WORDS.test(after)) break;
      }
      const suffix = AREA_SUFFIX.exec(after)?.[1] ?? AREA_BEFORE.exec(before)?.[1] ?? TOWN_BEFORE.exec(before)?.[1] ?? '';
      const chosen = choosePlace(options, ctx, suffix);
      if (!chosen) continue;
      // "Spin Boldak district" is the district its seat names: ACLED geo_precision 2
      const district = DISTRICT_SUFFIX.test(suffix) && chosen.precision === 1 && chosen.admin2 !== '' && fold(chosen.admin2) === fold(chosen.name);
      const found = district ? { ...chosen, precision: 2 as const } : chosen;
      // a town found by another of its names keeps the name the text gives it ("Kalbajar", not "Kerbakhiar")
      // (and so does a district found by its name without the transliteration's ‘ayn: "Nad Ali" for Nād ‘Alī)
      const renamed = found.kind !== 'country' && found.kind !== 'admin1' && (found.kind !== 'admin2' || (found.alt === true && !UNIT_LAST.test(key)));
      const place = found.id.startsWith('gn:') && renamed && fold(found.name) !== key ? { ...found, name: text } : found;
      out.push({ place, text, index: first.start, locative, ...(gaz.missions.has(key) ? { mission: true as const } : {}) });
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
  // (the whole text's words: only a capitalised or Arabic-script one is looked up, so no token is kept)
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) {
    if (!isCap(m[0]) && !isArabic(m[0])) continue;
    // (Pashto's "د", of, keyed joined to the name: "دافغانستان")
    const iso = countryWordOf(gaz, m[0]) ?? (m[0].length > 4 && m[0].startsWith('د') ? countryWordOf(gaz, m[0].slice(1)) : undefined);
    if (iso) out.add(iso);
  }
  const folded = fold(text);
  const { words, sieve } = multiWordCountries(gaz);
  // (one pass over the text says which names can be in it; only those are searched for, in the table's order)
  const may = sieve.candidates(folded);
  words.forEach(([word, iso], k) => {
    if (may[k] && folded.includes(word)) out.add(iso);
  });
  return out;
}

const multiWord = new WeakMap<Gazetteer, { words: [string, string][]; sieve: Sieve }>();
/**
 * The country names and demonyms of more than one word ("south sudan"), in the table's order, with a sieve of them
 * (each name as an expression of itself): built once per gazetteer. A search of the whole text for each of these
 * names was 1-2% of the ingest time.
 */
function multiWordCountries(gaz: Gazetteer): { words: [string, string][]; sieve: Sieve } {
  let list = multiWord.get(gaz);
  if (!list) {
    const words = [...gaz.countryWords].filter(([word]) => word.includes(' '));
    multiWord.set(gaz, (list = { words, sieve: new Sieve(words.map(([word]) => new RegExp(escapeRegExp(word)))) }));
  }
  return list;
}

/** "the capital of Caqueta", "the capital of the Ancash Department": the unit named is the seat's. */
const CAPITAL_OF = /\bcapital\s+(?:city\s+)?of\s+(?:the\s+)?$/i;
/**
 * "in the Salvadoran capital", "bombings in our capital", "fighting in the capital": the country's capital, the
 * demonym's or else the article's own country's (not "the capital of …", "the capital market", "foreign capital").
 */
const THE_CAPITAL = /\b(?:in|at|near|outside|into|to|toward|towards|from|of|around|across|throughout)\s+(?:the|this|our|their)\s+(?:(\p{Lu}\p{Ll}+)\s+)?capital\b(?!\s+(?:city\s+)?of\b|\s+(?:neighborhoods?|neighbourhoods?|districts?|suburbs?|areas?|market|markets|flight|gains?|goods|punishment|investment|investments|inflows?|outflows?|expenditure|spending|budget|letters?|crimes?|offen[cs]es?)\b)(?!\s*,\s*\p{Lu})/gu;

/**
 * "in the departmental capital", "near the provincial capital", "the department's capital": the seat of the
 * first-level unit the story is in (not "the provincial capital of X", which names its unit after "of").
 */
const UNIT_CAPITAL = /\b(?:the|this|that|its)\s+(?:departmental|provincial|regional|state|department(?:['’]s)?|province(?:['’]s)?|region(?:['’]s)?)\s+capital\b(?!\s+(?:city\s+)?of\b)/gi;
const AREA_KINDS = new Set(['admin1', 'province']);

/**
 * Places a sentence names by the word "capital": the seat of a first-level unit named after "the capital of", the
 * seat of the unit the sentence (or else the last place the story named, `near`) is in for "the departmental
 * capital", and the national capital of "the Colombian capital" or, with no demonym, of the article's own country.
 * @example capitalPlaces('A bomb exploded in the capital of Caqueta.', found, gazetteer(), 'CO') // Florencia
 */
export function capitalPlaces(sentence: string, known: readonly PlaceMention[], gaz: Gazetteer, home?: string, near?: Place): PlaceMention[] {
  if (!/capital/i.test(sentence)) return [];
  const out: PlaceMention[] = [];
  UNIT_CAPITAL.lastIndex = 0;
  for (const x of sentence.matchAll(UNIT_CAPITAL)) {
    // the unit: one the sentence names before the words, else one it names after, else the last place of the story
    // (a department, or the department of a town); what lies abroad is no story's department
    const inSentence = known.filter((k) => k.place.kind !== 'country' && (!home || k.place.country === home));
    const area = inSentence.filter((k) => k.index < x.index && AREA_KINDS.has(k.place.kind)).at(-1)?.place ?? inSentence.find((k) => AREA_KINDS.has(k.place.kind))?.place ?? inSentence.filter((k) => k.index < x.index).at(-1)?.place ?? (near && (!home || near.country === home) ? near : undefined);
    if (!area || (!area.admin1 && !AREA_KINDS.has(area.kind))) continue;
    const seat = gaz.seat(area.country, AREA_KINDS.has(area.kind) ? area.admin1 || area.name : area.admin1);
    if (seat && !known.some((k) => k.place.id === seat.id) && !out.some((o) => o.place.id === seat.id)) out.push({ place: seat, text: x[0], index: x.index, locative: true });
  }
  for (const m of known) {
    const p = m.place;
    if (!(p.kind === 'admin1' || p.kind === 'province' || p.kind === 'country') || !CAPITAL_OF.test(sentence.slice(Math.max(0, m.index - 30), m.index))) continue;
    const seat = gaz.seat(p.country, p.kind === 'country' ? '' : p.admin1 || p.name);
    if (seat && !known.some((k) => k.place.id === seat.id)) out.push({ place: seat, text: m.text, index: m.index, locative: true });
  }
  THE_CAPITAL.lastIndex = 0;
  for (const x of sentence.matchAll(THE_CAPITAL)) {
    const iso = x[1] ? countryWordOf(gaz, x[1]) : home;
    // (a capitalised word before "capital" that names no country is an adjective of another kind: "the Federal capital")
    if (!iso) continue;
    const seat = gaz.seat(iso);
    const at = x.index + x[0].lastIndexOf(x[1] ?? 'capital');
    if (seat && !known.some((k) => k.place.id === seat.id || (k.place.country === seat.country && k.place.precision === 1 && fold(k.place.name) === fold(seat.name))) && !out.some((o) => o.place.id === seat.id)) out.push({ place: seat, text: x[0].slice(x[0].search(/\s(?:the|this|our|their)\s/i) + 1), index: at, locative: true });
  }
  return out;
}
