import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { buildGazetteer, gazetteer } from './gazetteer.js';
import { fold } from './text.js';
import type { CountryRow, Gazetteer } from './gazetteer.js';
import type { Place } from './types.js';
import { distanceKm } from '../domain/geo-distance.js';
import { findPlaces } from './places.js';

// The shipped world list without the hand-kept border places: what it knows of the world's admin-2 areas by itself.
let world: Gazetteer | null = null;
const worldOnly = (): Gazetteer => {
  if (world) return world;
  const text = gunzipSync(readFileSync(new URL('./data/world-places.tsv.gz', import.meta.url))).toString('utf8');
  const countries = (JSON.parse(readFileSync(new URL('./data/countries.json', import.meta.url), 'utf8')) as { countries: CountryRow[] }).countries;
  world = buildGazetteer([], text, countries);
  return world;
};
const area = (name: string, country: string): Place | undefined => worldOnly().lookup(name).find((p) => p.kind === 'admin2' && p.country === country);

test('admin-2 areas named unlike their seat come from GeoNames\' list, placed among their towns (Kurram, Bajaur)', () => {
  // Kurram's seat is Parachinar, Bajaur's Khar: neither district was in the world list before
  for (const [name, seat] of [['kurram', { lat: 33.9, lon: 70.1 }], ['bajaur', { lat: 34.73, lon: 71.52 }]] as const) {
    const p = area(name, 'PK');
    assert.ok(p, `${name} is an admin-2 area of Pakistan`);
    assert.equal(p.admin1, 'Khyber Pakhtunkhwa');
    assert.equal(p.precision, 2);
    assert.ok(distanceKm(p, seat) < 40, `${name} is near its seat (${p.lat}, ${p.lon})`);
  }
  const at = (s: string): string[] => findPlaces(s, worldOnly(), { countries: new Set(['PK']) }).map((m) => `${m.place.name}/${m.place.country}/${m.place.precision}`);
  assert.deepEqual(at('Militants attacked a checkpoint in Kurram district on Friday.'), ['Kurram/PK/2']);
  assert.deepEqual(at('Two soldiers were killed in Bajaur Agency.'), ['Bājaur/PK/2']);
});

test('admin-2 areas of Afghanistan, Nigeria and Somalia, with their admin-1 and a place among their towns', () => {
  const achin = area('achin', 'AF');
  assert.equal(achin?.admin1, 'Nangarhar');
  assert.ok(distanceKm(achin, { lat: 34.13, lon: 70.71 }) < 30);
  // a Nigerian local government area named after no town; Aliade, its headquarters, is near
  const gwer = area('gwer east', 'NG');
  assert.equal(gwer?.admin1, 'Benue');
  assert.ok(distanceKm(gwer, { lat: 7.3, lon: 8.48 }) < 30);
  // GeoNames codes no Somali town into a district: a district named after a town of its region is put at that town
  const q = area('qoryooley', 'SO');
  assert.equal(q?.admin1, 'Lower Shebelle');
  assert.ok(distanceKm(q, { lat: 1.79, lon: 44.53 }) < 10);
});

test('units and seats spelled otherwise: doubled letters aside, then vowels aside for long names (issue 10)', () => {
  const like = (name: string): string[] => worldOnly().likeUnit(name).map((p) => `${p.name}/${p.country}/${p.kind}`);
  assert.deepEqual(like('hiraan'), ['Hiran/SO/admin1']);
  assert.deepEqual(like('lower shabelle'), ['Lower Shebelle/SO/admin1']);
  assert.deepEqual(like('galgaduud'), ['Galguduud/SO/admin1']);
  // (and its district, from GeoNames' admin-2 list, placed among its region's towns)
  assert.deepEqual(like('bossaso'), ['Bosaso/SO/PPLA', 'Bossaso/SO/admin2']);
  // Benin's Atakora as its coders spell it; a first letter counts ("atacora" is not Brazil's Itacaré)
  assert.deepEqual(like('atacora'), ['Atakora Department/BJ/admin1']);
  // a short name without its vowels is like too many others: "saakow" is Somalia's Saakow district (GeoNames' admin-2
  // list), spelled alike, not Thailand's Sa Kaeo
  assert.deepEqual(like('saakow'), ['Saakow/SO/admin2']);
  assert.deepEqual(like('sakaow'), []);
});

test('a subdivision the data lists outside its country is at its own towns (Panjshir and Helmand were in the United States)', () => {
  const g = worldOnly();
  for (const name of ['panjshir', 'helmand']) {
    for (const p of g.lookup(name).filter((x) => x.country === 'AF')) {
      assert.ok(p.lat > 29 && p.lat < 39 && p.lon > 60 && p.lon < 75, `${p.name} (${p.kind}) at ${p.lat}, ${p.lon}`);
    }
  }
  // (Azerbaijan's Ganja was in Oklahoma; Italy's Marche in Florida)
  assert.ok(g.lookup('ganja').filter((x) => x.country === 'AZ').every((p) => p.lon > 44 && p.lon < 51));
  assert.ok(g.lookup('marche').filter((x) => x.country === 'IT' && x.kind === 'admin1').every((p) => p.lat > 42 && p.lat < 44.5 && p.lon > 12 && p.lon < 14));
});

test('Caribbean and Guianan countries are named, with a place from the world list (notes5, issue 10)', () => {
  const g = gazetteer();
  for (const [name, iso] of [['Puerto Rico', 'PR'], ['Trinidad and Tobago', 'TT'], ['Guyana', 'GY'], ['Suriname', 'SR'], ['Curacao', 'CW'], ['Curaçao', 'CW'], ['Guadeloupe', 'GP'], ['Puerto Rican', 'PR']] as const) {
    assert.equal(g.countryWords.get(fold(name)), iso, name);
    assert.ok(g.countries.get(iso), iso);
  }
  // (Trinidad alone is also a town of Cuba, Bolivia and Uruguay)
  assert.equal(g.countryWords.get('trinidad'), undefined);
});

test('GeoNames\' admin-1 areas country-state-city lacks, and admin-2 areas with no town of their own, are in the world list (Sool, Gebiley; notes5)', () => {
  const g = worldOnly();
  assert.ok(g.lookup('sool').some((p) => p.kind === 'admin1' && p.country === 'SO'));
  assert.ok(g.lookup('woqooyi galbeed').some((p) => p.kind === 'admin1' && p.country === 'SO'));
  // (placed among its region's towns: Woqooyi Galbeed's are around Hargeysa)
  const gebiley = g.lookup('gebiley').find((p) => p.kind === 'admin2' && p.country === 'SO');
  assert.equal(gebiley?.admin1, 'Woqooyi Galbeed');
  assert.ok(distanceKm(gebiley!, { lat: 9.56, lon: 44.06 }) < 150);
  assert.ok(g.lookup('bulo burto').some((p) => p.kind === 'admin2' && p.admin1 === 'Hiran'));
});
