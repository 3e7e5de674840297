import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ingest } from './index.js';

// Invented notes in the coders' style; the places are real names the gazetteer knows.
const sub = (text: string): string | undefined => ingest([{ id: 't', text }]).events[0]?.sub_event_type;

test('fire or an ambush aimed at civilian vehicles, civilians or people off duty is an attack (notes7, issue 10)', () => {
  assert.equal(sub('On 15 December 2025, Al Shabaab opened gunfire on a passenger vehicle near Wisil town (Hobyo, Mudug). 2 civilians were injured.'), 'Attack');
  assert.equal(sub('On 16 February 2026, unidentified clan militia opened fire on a lorry transporting goods near Gabiley village (Gebiley, Woqooyi Galbeed). There were no casualties.'), 'Attack');
  assert.equal(sub('On 4 February 2026, Darod Dhulbahante clan militia attacked pastoralists from the Isaaq clan at a water point near Qoorlugud village (Buuhoodle, Togdheer).'), 'Attack');
  assert.equal(sub('On 6 May 2020, Al Shabaab militants shot and killed a Govt soldier (assumed off-duty) at Garas Barey (Wanla Weyn, Lower Shabelle).'), 'Attack');
  // (a vehicle carrying soldiers is a force's)
  assert.equal(sub('On 16 May 2025, Al Shabaab ambushed Bajaj carrying government soldiers (SNA) near Burjeedka village (Baydhaba, Bay). 2 soldiers were killed.'), 'Armed clash');
});

test('violence told as an attack that hurt members of a force only, on duty, is an armed clash (notes7, issue 10)', () => {
  assert.equal(sub('On 8 May 2020, unidentified gunmen assassinated a QSD member on the Mansura road in Ar-Raqqa.'), 'Armed clash');
  assert.equal(sub('On 3 May 2020, unidentified gunmen shot dead a lieutenant of the army in the city of Dar\'a.'), 'Armed clash');
  // (not a family, nor the accused, nor one off duty)
  assert.equal(sub('On 14 July 2022, the military forces killed three members of the Fulani community accused of being Islamist militants in Nouari village (Materi, Atacora).'), 'Attack');
});
