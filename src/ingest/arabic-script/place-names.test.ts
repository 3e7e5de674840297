// Arabic-script names of districts, towns and a province that GeoNames' packaged data (cities500, the admin-1 and
// admin-2 lists) names in Latin script only or not at all: kept by hand in data/region-places.json (docs/ingest.md,
// "Real Arabic-script reporting, third part").
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gazetteer } from '../gazetteer.js';
import { findPlaces } from '../places.js';

const found = (s: string, countries: string[]): string[] =>
  findPlaces(s, gazetteer(), { countries: new Set(countries) }).map((m) => `${m.place.name}/${m.place.country}/${m.place.precision}`);

test('Afghan districts and a province without Arabic-script names in GeoNames', () => {
  // Pashto: "ten insurgents were killed in Kajaki district" (Pashto's final "ى" for "ی")
  assert.deepEqual(found('د کجکى په ولسوالى کې لس تنه یاغیان ووژل شول', ['AF']), ['Kajaki/AF/2']);
  // Pashto: "elders of the Bala Buluk area say"
  assert.deepEqual(found('د بالا بلوک د سیمې قومي مشران وايي', ['AF']), ['Bala Buluk/AF/2']);
  // Pashto "وردګ" and Dari "وردک": Maidan Wardak, which country-state-city (the admin-1 list) lacks
  assert.deepEqual(found('د میدان وردګ ولایت امنیتي چارواکي وايي', ['AF']), ['Maidan Wardak/AF/3']);
  assert.deepEqual(found('در ولایت میدان وردک درگیری رخ داد', ['AF']), ['Maidan Wardak/AF/3']);
  // Pashto spellings of Uruzgan and Helmand ("اورزگان", "هېلمند")
  assert.deepEqual(found('د اورزگان په جنوبي برخو کې برید وشو', ['AF']), ['Uruzgan/AF/3']);
  assert.deepEqual(found('د هېلمند پولیس وايي', ['AF']), ['Helmand/AF/3']);
});

test('Pakistani towns and a district without Arabic-script names in GeoNames', () => {
  // Urdu: "near Matta in Swat district of Khyber Pakhtunkhwa"
  assert.deepEqual(found('خیبر پختونخوا کے ضلع سوات کے علاقے مٹہ کے قریب دھماکا ہوا', ['PK']), ['Khyber Pakhtunkhwa/PK/3', 'Swat/PK/2', 'Matta/PK/1']);
  // Urdu: "a suicide attack at the Wagah border"
  assert.deepEqual(found('واہگہ بارڈر پر خودکش حملہ ہوا', ['PK']), ['Wagah/PK/1']);
  // "Matta" is a surname in English: a place only with a place cue
  assert.deepEqual(found('Matta said the talks would resume.', ['PK']), []);
  assert.deepEqual(found('A bomb exploded near Matta on Friday.', ['PK']), ['Matta/PK/1']);
});

test('a unit word keyed with Arabic yeh is still a unit word: "ولسوالي سنگين" is Sangin district, not Helmand', () => {
  // older VOA Dari copy: "in Sangin district of Helmand province"; the province word after Sangin belongs to Helmand
  assert.deepEqual(found('در ولسوالي سنگين ولايت هلمند درگيري شد', ['AF']), ['Sangīn/AF/2', 'Helmand/AF/3']);
  assert.deepEqual(found('در ولسوالي سنگين ولايت هملند', ['AF']), ['Sangīn/AF/2']);
});
