import { test } from 'node:test';
import assert from 'node:assert/strict';
import { distanceKm, gazetteer } from './gazetteer.js';
import { articleCountries, findPlaces } from './places.js';

const names = (s: string, countries: string[] = ['PK', 'AF']): string[] => findPlaces(s, gazetteer(), { countries: new Set(countries) }).map((m) => `${m.place.name}/${m.place.country}`);

test('region places, crossings and districts come from the curated list', () => {
  assert.deepEqual(names('Firing at the Chaman-Spin Boldak border crossing near Chaman.'), ['Chaman–Spin Boldak crossing/PK', 'Chaman/PK', 'Spin Boldak/AF', 'Chaman/PK']);
  assert.deepEqual(names('Strikes hit the Argun and Barmal districts of Paktika province.'), ['Urgun/AF', 'Barmal/AF', 'Paktika/AF']);
  assert.deepEqual(names('A camp in Mir Ali, in North Waziristan, and Miram Shah.'), ['Mir Ali/PK', 'North Waziristan/PK', 'Miranshah/PK']);
  const crossing = gazetteer().lookup('torkham')[0]!;
  assert.equal(crossing.precision, 1);
  assert.ok(distanceKm(crossing, { lat: 34.01, lon: 71.58 }) < 60); // Peshawar is near
});

test('world places, with context deciding between namesakes', () => {
  assert.deepEqual(names('RSF fighters entered El Fasher in North Darfur.', ['SD']), ['El Fasher/SD', 'North Darfur/SD']);
  assert.deepEqual(names('Missiles hit Kharkiv overnight.', ['UA']), ['Kharkiv/UA']);
  assert.deepEqual(names('Explosions in Kabul.', []), ['Kabul/AF']);
});

test('words that are also place names, people and outlets are not places', () => {
  assert.deepEqual(names('Police said Abdul Rahim told Kabul Daily Wire that the Afghanistan Cricket Board withdrew.'), []);
  assert.deepEqual(names('Along the border, officials said.'), []);
});

test('an article\'s countries from names and demonyms', () => {
  assert.deepEqual([...articleCountries('Pakistani troops and Afghan forces; talks in the United Arab Emirates.', gazetteer())].sort(), ['AE', 'AF', 'PK']);
});

test('other spellings of a name: run together, hyphenated, French cardinal points', () => {
  assert.equal(gazetteer().lookup('sisaket')[0]?.name, 'Si Sa Ket');
  assert.equal(gazetteer().lookup('north kivu')[0]?.country, 'CD');
});

test('national capitals are known, so a capital can speak for its state', () => {
  assert.equal(gazetteer().capitals.get('islamabad'), 'PK');
  assert.equal(gazetteer().capitals.get('phnom penh'), 'KH');
});
