import { test } from 'node:test';
import assert from 'node:assert/strict';
import { codedToll } from './coded-tolls.js';
import { ingest } from './index.js';

const killed = (sentence: string) => codedToll(sentence, 'ACLED')?.range ?? null;

test("a coder's stated toll: coded as N, the figure for this event over the total, bare counts", () => {
  assert.deepEqual(killed('Unspecified number of fatalities coded as 3.'), { min: 3, max: 3 });
  assert.deepEqual(killed('An unknown number of militants were killed and wounded (unspecified fatalities coded as 3).'), { min: 3, max: 3 });
  assert.deepEqual(killed('10 fatalities split across 2 events and coded as 5 for this event.'), { min: 5, max: 5 });
  assert.deepEqual(killed('Unspecified number of fatalities coded as 10 and split over 2 events, coded as 5 for this event.'), { min: 5, max: 5 });
  assert.deepEqual(killed('Fatalities coded as 4 (VoJ reported 6).'), { min: 4, max: 4 });
  assert.deepEqual(killed('Several fatalities coded as three.'), { min: 3, max: 3 });
  assert.deepEqual(killed('Total 12 fatalities.'), { min: 12, max: 12 });
  assert.deepEqual(killed('There was 1 fatality and 7 people arrested.'), { min: 1, max: 1 });
  // not a coder's toll: another "coded as", or fatalities without a figure for the event
  assert.equal(killed('International forces (described as allied forces, coded as Unidentified Military Forces) struck.'), null);
  assert.equal(killed('Fatalities are split across three events.'), null);
  assert.equal(killed('The attack caused fatalities among the guards.'), null);
});

test("a note's coded toll is its event's killed, in place of the total and of vague words", () => {
  const [event] = ingest([{ id: 'n1', text: 'On 17 May 2025, Al Shabaab attacked government security forces (SNA) in Moqokori village (Bulo Burto, Hiraan). Government claimed to have killed 70 militants over two days. 70 fatalities split across 2 events and coded as 35 for this event.' }]).events;
  assert.deepEqual(event?.fatalities, { min: 35, max: 35 });
  const vague = ingest([{ id: 'n2', text: 'On 1 April 2025, US forces conducted an airstrike targeting an Islamic State hideout in Buuraha Cali Miskat (Qandala, Bari). Multiple militants were killed and wounded. Unspecified number of fatalities coded as 3.' }]).events;
  assert.deepEqual(vague[0]?.fatalities, { min: 3, max: 3 });
});

test("the coded toll goes to the note's first incident, not to one a later sentence seemed to open", () => {
  const events = ingest([{ id: 'n3', text: 'On 4 June 2025, Al Shabaab clashed with government security forces (SNA) at a base in Ceel Hareri village (Bulo Burto, Hiraan). The clash was initiated with SVBIED and RPGs. The suicide bomber, 9 soldiers, and 15 others were injured. An unspecified number of fatalities coded as 3. Al Shabaab claimed responsibility.' }]).events;
  assert.equal(events[0]?.sub_event_type, 'Armed clash');
  assert.deepEqual(events[0]?.fatalities, { min: 3, max: 3 });
  for (const later of events.slice(1)) assert.equal(later.fatalities, null);
});

test("a coder's toll 'for this event' in a later sentence wins over the total split across locations before it (notes5, issue 10)", () => {
  const note = 'On 2 July 2025, government security forces (NISA) and Hawadle clan militia clashed with Al Shabaab in Mabaax village (Bulo Burto, Hiiraan). An unknown number of militants were killed and wounded. Unspecified number of fatalities coded as 3 and split across 2 locations. Fatalities coded as 1 for this event.';
  assert.deepEqual(ingest([{ id: 'n', text: note }]).events[0]?.fatalities, { min: 1, max: 1 });
});
