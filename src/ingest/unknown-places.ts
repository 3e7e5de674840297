// Places the gazetteer does not know but the text marks as places: "the Masisi territory", "the villages of
// Kibarizo and Lwibo", "around Nyabiondo, in …", "the Ras Isa oil port", "to Baram Chah in Balochistan". They come
// out under the name the text gives, placed at the known place that contains them (or the article's country),
// with ACLED precision 2 or 3 to say the coordinates are approximate.
import type { Gazetteer } from './gazetteer.js';
import type { Place, PlaceMention } from './types.js';
import { fold, slug } from './text.js';
import { Sieve } from './sieve.js';

const TYPE = '(?:[Cc]antons?|[Jj]urisdiction|districts?|territory|territories|provinces?|regions?|villages?|towns?|city|port|area|sector|valley|tehsil|county|governorate|oblast|camp|temples?|locality|neighbou?rhood|[Mm]unicipality|commune|groupement|subdistrict)';
const NAME = "\\p{Lu}[\\p{L}'’]+(?:-\\p{L}+)*(?:\\s+\\p{Lu}[\\p{L}'’]+(?:-\\p{L}+)*){0,2}";
/** A name, or a Spanish or Portuguese compound of two ("Lujan de Cuyo", "San Juan de los Cerritos"). */
const NAME_DE = `${NAME}(?:\\s+(?:de|del|da|do|dos|das)(?:\\s+(?:la|las|los))?\\s+${NAME})?`;
const AFTER = new RegExp(`(?:\\bthe\\s+|['’]s\\s+|\\b(?:in|near|at|of|around)\\s+)(${NAME})(?:\\s+and\\s+(${NAME}))?(?:\\s+[a-z]+)?\\s+${TYPE}\\b`, 'gu');
const BEFORE = new RegExp(`\\b${TYPE}\\s+of\\s+(${NAME})((?:\\s*(?:,|and)\\s+${NAME})*)`, 'gu');
const WITHIN = new RegExp(`\\b(?:(?:in|at|to|hit|struck|targeted|shelled|bombed)\\s+(${NAME})(?=\\s*,?\\s+(?:in|near)\\s+(?:the\\s+)?\\p{Lu})|(?:around|near|outside)\\s+(${NAME})(?![\\p{L}]|\\s+\\p{Lu}))`, 'gu');
/** A name set off by what it is ("In Paucarbambilla, a locality in Huanuco", "Chinchao, a village near Tingo Maria"). */
const APPOSED = new RegExp(`(?:\\b(?:[Ii]n|[Aa]t|[Nn]ear)\\s+)?(${NAME}),\\s+(?:a|an)\\s+(?:(?:small|remote|rural|mountain|mountainous|jungle|coastal|border|poor|peasant|farming|fishing|mining|Indian|indigenous)\\s+)?(town|village|locality|hamlet|community|settlement|district|municipality|port|city|neighbou?rhood|suburb|canton|province|region)\\s+(?:(?:\\d[\\d,.]*\\s*(?:km|kilomet(?:er|re)s|miles)\\s+)?(?:north|south|east|west|northeast|northwest|southeast|southwest)\\s+of|in|of|near|outside|on)\\b`, 'gu');
const APPOSED_SIEVE = /,\s+an?\s+(?:\w+\s+)?(?:town|village|locality|hamlet|community|settlement|district|municipality|port|city|neighbou?rhood|suburb|canton|province|region)\b/;
/** A place on a road named by its ends ("at El Doce on the Quibdo-Medellin highway"). */
const ON_ROAD = new RegExp(`\\b(?:in|at|near)\\s+(${NAME})(?=\\s*,?\\s+on\\s+the\\s+(?:\\p{Lu}[\\p{L}'’]+[\\s-]+){1,3}(?:highway|road|railway)\\b)`, 'gu');
const ROAD_SIEVE = /\b(?:highway|road|railway)\b/;
/**
 * Wire copy tells where, then when: "in Comayaguela last night", "at Pucayacu yesterday", "in Chilca on Sunday". A
 * capitalised name between a preposition of place and the day is a place (bodies and languages are no place).
 */
const WHERE_WHEN = new RegExp(`\\b(?:in|at)\\s+(${NAME})(?=\\s+(?:last\\s+night|yesterday|today|tonight|this\\s+(?:morning|afternoon|evening)|early\\s+(?:today|yesterday|this)|on\\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|at\\s+dawn)\\b)`, 'gu');
const NOT_SCENE = /^(?:Congress|Parliament|Assembly|Senate|Court|Cabinet|Council|Mass|Office|Church|Government|Radio|Television|Press|Spanish|English|French|Quechua|Geneva\s+Convention)$/;
const LOCATIVE_CAP = /\b(?:in|at|to|hit|struck|targeted|shelled|bombed|around|near|outside)\s+\p{Lu}/u;
const TYPED = new RegExp(`\\b${TYPE}\\b`);
/**
 * The words that call a name a settlement: "El Aguacate village", "the hamlet of Chuschi"; a Latin American
 * municipality bears its seat's name ("near Urum Municipality", "in Rio Negro Municipality"): the town's small area.
 */
const SETTLEMENT = /\b(?:villages?|hamlets?|towns?|[Mm]unicipality)\b/;
/** The seat of an office ("the mayor of", "the governor of"): the name set off after it is the holder's. */
const OFFICE_OF = /\b(?:mayor(?:-elect)?|governor|(?:deputy\s+|sub-?)?prefect|bishop|archbishop|council(?:man|or|lor)|alderman|justice\s+of\s+the\s+peace|priest|judge|representative|deputy|senator)\s+(?:of|for|from)\s+(?:the\s+)?(?:(?:town|city|municipality|village|department|province)\s+of\s+)?$/i;
/** "Kurram, Dir, Chitral and Baram Chah": a name in a list of known places is a place too. */
const LISTED = new RegExp(`^(?:\\s*,\\s*|\\s+and\\s+|\\s*,\\s*and\\s+)(${NAME})(?=\\s*(?:[,.;]|and\\b|$))`, 'u');
const NOT_PLACE = /^(?:The|A|An|This|That|Its|Their|His|Her|Our|In|On|At|For|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|Pakistani|Afghan|Indian|Islamic|Taliban|Army|Police|Ministry|Government|President|Minister|General|Mr|Ms|Dr)\b|\b(?:Hospital|University|Hotel|Office|Ministry|Army|Forces|Police|Council|Command|Network|Agency|Bazaar|Market|Mosque|School|Road|Street|Highway|Parliament|Senate|Assembly|Congress|Court|Committee|Embassy|Consulate|Palace|House)$/;

/**
 * The unit a coder's note names before its brackets ("in Bagha upazila (Rajshahi)", "Sirwah district (Marib)",
 * "Biaghat union, Gurudaspur upazila (Natore, Rajshahi)"): Bangladesh's upazilas and unions, other countries' districts.
 */
const UNIT_NAMED = '(?:Sadar\\s+)?(?:upazila|union|district|sub-?district|municipality|county|commune|tehsil)';
/** A unit in brackets may carry its unit word ("(West Tripura district, Tripura)", "(Bogura Sadar upazila, Rajshahi)"). */
const UNIT_WORD = '(?:\\s+(?:upazila|district|division|province|region|state|governorate|county))?';
/** A larger unit by its initials and an ampersand, as India's notes write Jammu and Kashmir: "(Budgam district, J&K)". */
const INITIALS = '\\p{Lu}{1,2}&\\p{Lu}{1,2}';
/**
 * A coder's note places a location by its units in brackets: "in Kalale (Kalale, Borgou)", "coded to Mekrou
 * (Banikoara, Alibori)", also with what the location is between ("in Gulane village (Cadale, Middle Shabelle)",
 * "Janaale town (Marka, Lower Shabelle)", "the outskirts of Lafoole village, (Afgooye, Lower Shabelle)").
 */
const UNITS = new RegExp(`(${NAME_DE})(?:\\s+(?:sector\\s+area|sector|village|town|city|area|locality|neighbou?rhood|settlement|hamlet|${UNIT_NAMED}))?,?\\s*\\((?:coded\\s+(?:as|to)\\s+)?(${NAME}|${INITIALS})${UNIT_WORD}(?:,\\s*(${NAME}|${INITIALS})${UNIT_WORD})?(?:,\\s*(${NAME}|${INITIALS})${UNIT_WORD})?\\)`, 'gu');
/**
 * A coder's note places a town by its first-level unit after a comma ("in Jojutla, Morelos, workers protested", "in
 * Huanuquillo, Junin, citizens…", "in Nis, Serbia" is a country's and read elsewhere).
 */
const TOWN_UNIT = new RegExp(`\\b(?:[Ii]n|[Aa]t|[Nn]ear)\\s+(${NAME_DE}),\\s+(${NAME})(?=\\s*[,.(;]|\\s+(?:state|department|province|region)\\b)`, 'gu');
/** What TOWN_UNIT needs, found without its names' backtracking: most sentences have no "in X, Y" at all. */
const TOWN_UNIT_GATE = /\b(?:[Ii]n|[Aa]t|[Nn]ear)\s+\p{Lu}[^,;.()]{0,200},\s+\p{Lu}/u;
const UNIT_ENDING = /\s(?:Canton|Jurisdiction|Municipality|District|Department|Province|Region|State|County|Village|Town|City|Area)$/;
const unitName = (s: string): string => fold(s).replace(/\s+(?:state|department|province|region|governorate|division)$/, '');
/** The town a name means in the first-level unit named after it, else a place the gazetteer lacks set in that unit. */
function townInUnit(name: string, unit: string, gaz: Gazetteer): Place | null {
  if (gaz.countryWords.has(fold(unit))) return null;
  const key = unitName(unit);
  const areas = [...gaz.lookup(fold(unit)), ...gaz.likeUnit(fold(unit))].filter((p) => (p.kind === 'admin1' || p.kind === 'province') && unitName(p.admin1 || p.name) === key);
  const towns = gaz.lookup(fold(name)).filter((p) => p.kind !== 'country' && p.kind !== 'admin1' && unitName(p.admin1) === key && (!areas.length || areas.some((a) => a.country === p.country)));
  const own = [...towns].sort((a, b) => a.precision - b.precision || b.population - a.population)[0];
  if (own) return { ...own, name };
  // (a name the gazetteer lacks only in a unit of one country: Junin is Peru's and Argentina's)
  return new Set(areas.map((a) => a.country)).size === 1 && !gaz.lookup(fold(name)).length ? unresolved(name, areas[0]!, true) : null;
}

/** Wire copy places a hamlet by its units after commas: "in El Tomate, Canaletes Municipality, Cordoba Department". */
const UNIT = '(?:Department|Province|Municipality|Canton|Jurisdiction|District|Region|State|Governorate|County|Prefecture)';
const CHAIN = new RegExp(`\\b(?:in|at|near|of|around|outside)\\s+(?:the\\s+)?(${NAME_DE})(?:\\s+(?:village|town|hamlet|canton|locality|settlement|farm|estate))?((?:\\s*,\\s*${NAME}\\s+${UNIT}\\b)+)`, 'gu');
/**
 * Wire copy of Latin America names hamlets and sites by Spanish compounds the gazetteer lacks ("occurred in Alto de
 * San Pablo", "in Juntas de Uramita", "of Dulce Nombre de Maria"); after a word of place they are one place (places.ts
 * leaves the known namesake inside them), not a body or a square ("the Universidad de Antioquia").
 */
const COMPOUND = new RegExp(`\\b(?:in|at|near|of|around|outside|from|to|towards?)\\s+(\\p{Lu}[\\p{L}'’]+(?:\\s+\\p{Lu}[\\p{L}'’]+)?\\s+(?:de|del|da|do|dos|das)(?:\\s+(?:la|las|los))?\\s+${NAME})`, 'gu');
const NOT_COMPOUND = /^(?:Universidad|Universidade|Banco|Diario|Colegio|Instituto|Hospital|Iglesia|Radio|Cartel|Club|Escuela|Palacio|Casa|Hotel|Ministerio|Corte|Tribunal|Frente|Ej[eé]rcito|Polic[ií]a|Partido|Movimiento|Museo|Teatro|Asamblea|Congreso|Consejo|Comando|Batall[oó]n|Brigada|Plaza|Avenida|Calle|Parque|Paseo|Puente|Departamento|Provincia|Municipio|Estado|Distrito|Ciudad)\b/u;
const LINKED = / d(?:e|el|a|o|os|as) \p{Lu}/u;
/** Whether a sentence holds one of the unit words a chain needs (sieve.ts). */
const CHAIN_SIEVE = new Sieve([CHAIN]);
const UNIT_WORDS = ['', ' Department', ' Region', ' Province', ' State', ' Governorate', ' District', ' County', ' Prefecture'];

/** The finest known unit among those named in brackets, the larger ones deciding the country. */
function bracketUnit(units: readonly (readonly string[])[], gaz: Gazetteer, home?: string, named: readonly Place[] = []): Place | null {
  // each unit as written, then with the words for a unit ("Borgou" is "Borgou Department")
  const exact = units.map((names) => names.flatMap((u) => UNIT_WORDS.flatMap((w) => gaz.lookup(fold(u + w)))).filter((p) => p.kind !== 'country'));
  // a unit the gazetteer spells otherwise ("Hiraan", "Lower Shabelle" for Hiran, Lower Shebelle): the units and seats
  // of like spelling in a country another unit names, or with no other unit known, in the one country they lie in
  // ("Atacora" is Benin's Atakora, no Brazilian town, beside Materi)
  const like = exact.map((o, i) => (o.length ? [] : units[i]!.flatMap((u) => gaz.likeUnit(fold(u)))));
  const others = (i: number): Set<string> => new Set([...exact, ...like].filter((_, j) => j % units.length !== i).flat().map((p) => p.country));
  const found = exact.map((o, i) => {
    if (o.length) return o;
    const agree = others(i);
    const options = agree.size ? like[i]!.filter((p) => agree.has(p.country)) : like[i]!;
    return new Set(options.map((p) => p.country)).size === 1 ? options : [];
  });
  // the largest unit decides the country: in the article's own country if it has one there, then in one another unit
  // names too, a region before a town
  const last = found.at(-1) ?? [];
  const both = others(found.length - 1);
  // (then in a country where the location itself has a namesake: "Baqim district (Sadah)" is Yemen's Sa'dah, not
  // Oman's Sadah; "Amritsar city (Punjab)" India's Punjab)
  const own = new Set(named.map((p) => p.country));
  const largest = last.find((p) => p.country === home && p.precision === 3) ?? last.find((p) => p.country === home) ?? last.find((p) => both.has(p.country) && p.precision === 3) ?? last.find((p) => both.has(p.country))
    ?? last.find((p) => own.has(p.country) && p.precision === 3) ?? last.find((p) => own.has(p.country)) ?? last.find((p) => p.precision === 3) ?? last[0];
  for (const options of found) {
    const inCountry = largest ? options.filter((p) => p.country === largest.country) : options;
    const best = [...inCountry].sort((a, b) => a.precision - b.precision || b.population - a.population)[0];
    if (best) return best;
  }
  return null;
}

/** How many of the bracketed units name a place in the country, as written or spelled alike. */
function unitsIn(units: readonly string[], gaz: Gazetteer, country: string): number {
  return units.filter((u) => [...UNIT_WORDS.flatMap((w) => gaz.lookup(fold(u + w))), ...gaz.likeUnit(fold(u))].some((p) => p.country === country && p.kind !== 'country')).length;
}

export interface UnknownPlaceContext {
  /** The article's own country, where a place nothing else locates is put. */
  readonly country?: string;
  /** Whether that country is the dateline's (a wire story's), not a guess from the country words of the text. */
  readonly datelined?: boolean;
  /** The last town or area the article named before this sentence: the likeliest container for a village. */
  readonly near?: Place;
  /** Character ranges taken by actors, people and known places. */
  readonly blocked: readonly (readonly [number, number])[];
}

const AREA_NAME = /\b(?:Departments?|Provinces?|Regions?|States?|Districts?|Governorates?|County|Counties|Municipality)$/;
function unresolved(name: string, at: Place, fine: boolean): Place {
  // a settlement the text names (a village, a canton, a town) is a small part of its region, ACLED's precision 2,
  // even placed at the region's coordinates; an area named inside a region is only the region's precision 3
  const settled = fine && at.kind !== 'country' && !AREA_NAME.test(name);
  return { id: `new:${at.country}:${slug(name)}`, name, country: at.country, admin1: at.kind === 'country' ? '' : at.admin1, admin2: at.admin2, lat: at.lat, lon: at.lon, precision: settled || at.precision !== 3 ? 2 : 3, kind: 'unresolved', population: 0 };
}

/**
 * A coder's bracketed units settle the country of their sentence: towns and areas of other countries found there by
 * name alone are dropped ("Karin village (Bossaso, Bari)" is neither Erzurum, once Karin, nor Italy's Bari; a "Dir"
 * clan's militia "in Baki (Baki, Awdal)" is in no Lower Dir of Pakistan).
 */
export function overruledByUnits(sentence: string, known: readonly PlaceMention[], gaz: Gazetteer, home?: string): PlaceMention[] {
  const countries = new Set<string>();
  for (const m of sentence.includes('(') ? sentence.matchAll(UNITS) : []) {
    // (two units at least must agree: "Dhaka - Rampura (Rampura)" is no town of India)
    const units = [m[2], m[3], m[4]].filter((u): u is string => !!u);
    const at = bracketUnit(units.map((u) => [u]), gaz, home);
    if (at && unitsIn(units, gaz, at.country) >= 2) countries.add(at.country);
  }
  const [country] = countries;
  return countries.size === 1 ? known.filter((k) => k.place.country !== country && k.place.kind !== 'country') : [];
}

/**
 * Places marked as such by the text that the gazetteer does not know.
 * @example findUnknownPlaces('Fighters attacked villages of Kibarizo and Lwibo in Masisi.', known, gazetteer(), { country: 'CD', blocked: [] })
 */
export function findUnknownPlaces(sentence: string, known: readonly PlaceMention[], gaz: Gazetteer, ctx: UnknownPlaceContext): PlaceMention[] {
  const out: PlaceMention[] = [];
  const taken = [...ctx.blocked, ...known.map((k) => [k.index, k.index + k.text.length] as const)];
  const add = (name: string, index: number, fine: boolean, onRoad: boolean | 'settlement' = false): void => {
    const n = name.trim();
    // (a name the gazetteer knows only as a small place abroad is the article's own when it is placed on one of the
    // country's roads, or called a village, hamlet or town in a story whose dateline gives the country: "El Doce" on a
    // Colombian highway, "El Aguacate village" in a story from Guatemala City, are no Mexican hamlets of those names)
    const abroad = (p: Place): boolean => (onRoad === true || (onRoad === 'settlement' && ctx.datelined === true)) && ctx.country !== undefined && p.country !== ctx.country && p.population < 100_000 && p.kind !== 'country';
    if (NOT_PLACE.test(n) || gaz.countryWords.has(fold(n)) || !gaz.lookup(fold(n)).every(abroad)) return;
    if (taken.some(([a, b]) => index < b && index + n.length > a) || out.some((o) => o.text === n)) return;
    // the known place that contains it: the nearest one named after it, else before it
    const container = known.filter((k) => k.index > index).sort((a, b) => a.index - b.index)[0] ?? known.filter((k) => k.place.kind !== 'country').at(-1);
    const at = container?.place ?? ctx.near ?? (ctx.country ? gaz.countries.get(ctx.country) : undefined);
    if (!at) return;
    out.push({ place: unresolved(n, at, fine), text: n, index, locative: true });
    taken.push([index, index + n.length]);
  };
  for (const m of sentence.includes('(') ? sentence.matchAll(UNITS) : []) {
    const name = m[1]!.trim();
    if (NOT_PLACE.test(name) || gaz.countryWords.has(fold(name)) || taken.some(([a, b]) => m.index < b && m.index + name.length > a)) continue;
    const units = [m[2], m[3], m[4]].filter((u): u is string => !!u);
    const at = bracketUnit(units.map((u) => [u]), gaz, ctx.country, gaz.lookup(fold(name)).filter((p) => p.kind !== 'country'));
    // a name the gazetteer knows but nothing else placed ("Kalale (Kalale, Borgou)", an admin-2 area with no country
    // in the text): the place of that name in the units' country, else nothing new
    const own = at && gaz.lookup(fold(name)).filter((p) => p.country === at.country && p.kind !== 'country').sort((a, b) => a.precision - b.precision)[0];
    if (own) out.push({ place: { ...own, name }, text: name, index: m.index, locative: true });
    // (a name known only abroad is a place the gazetteer lacks where two units agree on the country: "Karin village
    // (Bossaso, Bari)" is not Erzurum, once Karin; "Sylhet city (Sylhet Sadar)" is not made a place abroad)
    else if (at && (!gaz.lookup(fold(name)).length || unitsIn(units, gaz, at.country) >= 2)) out.push({ place: unresolved(name, at, true), text: name, index: m.index, locative: true });
  }
  for (const m of TOWN_UNIT_GATE.test(sentence) ? sentence.matchAll(TOWN_UNIT) : []) {
    const name = m[1]!.trim();
    const at = m.index + m[0].indexOf(name);
    // (a name with its unit word, "Yamabal Canton, Morazan", is read by the patterns of unit words)
    if (NOT_PLACE.test(name) || UNIT_ENDING.test(name) || gaz.countryWords.has(fold(name)) || taken.some(([a, b]) => at < b && at + name.length > a)) continue;
    const place = townInUnit(name, m[2]!, gaz);
    if (place) { out.push({ place, text: name, index: at, locative: true }); taken.push([at, at + name.length]); }
  }
  for (const m of sentence.includes(',') && CHAIN_SIEVE.candidates(sentence)[0] ? sentence.matchAll(CHAIN) : []) {
    const name = m[1]!.trim();
    if (NOT_PLACE.test(name) || gaz.countryWords.has(fold(name))) continue;
    const units = m[2]!.split(',').map((u) => u.trim()).filter(Boolean);
    const at = bracketUnit(units.map((u) => [u, u.replace(new RegExp(`\\s+${UNIT}$`, 'u'), '')]), gaz, ctx.country);
    // (a known name is a place the gazetteer lacks only when none of its namesakes lies in the units' country:
    // "Santa Fe, Antioquia Department" is no Santa Fe of Argentina)
    const namesakes = gaz.lookup(fold(name));
    if (namesakes.length && (!at || namesakes.some((p) => p.country === at.country))) continue;
    if (at) out.push({ place: unresolved(name, at, true), text: name, index: m.index + m[0].indexOf(name), locative: true });
  }
  for (const m of LINKED.test(sentence) ? sentence.matchAll(COMPOUND) : []) if (!NOT_COMPOUND.test(m[1]!)) add(m[1]!, m.index + m[0].indexOf(m[1]!), true);
  const typed = TYPED.test(sentence);
  for (const m of typed ? sentence.matchAll(AFTER) : []) {
    const area = /district|territor|province|region|governorate|oblast|county/.test(m[0]);
    const settlement = SETTLEMENT.test(m[0]) && 'settlement';
    add(m[1]!, m.index + m[0].indexOf(m[1]!), !area, settlement);
    if (m[2]) add(m[2], m.index + m[0].lastIndexOf(m[2]), !area, settlement);
  }
  for (const m of typed ? sentence.matchAll(BEFORE) : []) {
    add(m[1]!, m.index + m[0].indexOf(m[1]!), !/^(?:district|territory|province|region)/.test(m[0]), SETTLEMENT.test(m[0]) && 'settlement');
    for (const more of (m[2] ?? '').matchAll(new RegExp(NAME, 'gu'))) add(more[0], m.index + m[0].indexOf(more[0], m[0].indexOf(m[1]!) + m[1]!.length), true);
  }
  for (const m of APPOSED_SIEVE.test(sentence) ? sentence.matchAll(APPOSED) : []) add(m[1]!, m.index + m[0].indexOf(m[1]!), !/district|province|region/.test(m[2]!));
  for (const m of ROAD_SIEVE.test(sentence) ? sentence.matchAll(ON_ROAD) : []) add(m[1]!, m.index + m[0].indexOf(m[1]!), true, true);
  for (const m of LOCATIVE_CAP.test(sentence) ? sentence.matchAll(WITHIN) : []) add(m[1] ?? m[2]!, m.index + m[0].indexOf(m[1] ?? m[2]!), true);
  for (const m of LOCATIVE_CAP.test(sentence) ? sentence.matchAll(WHERE_WHEN) : []) if (!NOT_SCENE.test(m[1]!)) add(m[1]!, m.index + m[0].indexOf(m[1]!), true);
  for (const k of known) {
    // (after the seat of an office the name set off is its holder: "the mayor of Apopa, Jose Roberto Ramirez,")
    if (OFFICE_OF.test(sentence.slice(Math.max(0, k.index - 60), k.index))) continue;
    const m = LISTED.exec(sentence.slice(k.index + k.text.length));
    if (m) add(m[1]!, k.index + k.text.length + m[0].indexOf(m[1]!), true);
  }
  return out;
}
