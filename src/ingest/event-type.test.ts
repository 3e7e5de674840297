import { test } from 'node:test';
import assert from 'node:assert/strict';
import { classify, incidentType } from './event-type.js';

const sub = (s: string): string | undefined => incidentType(s)?.subEventType;

test('ACLED types from the wording', () => {
  assert.equal(sub('Pakistani air strikes on Paktika killed 10 civilians.'), 'Air/drone strike');
  assert.equal(sub('Mortar shells landed in a residential area.'), 'Shelling/artillery/missile attack');
  assert.equal(sub('A suicide bomber drove an explosives-laden vehicle into the wall.'), 'Suicide bomb');
  assert.equal(sub('Troops and Taliban fighters exchanged fire at the crossing.'), 'Armed clash');
  assert.equal(sub('A roadside bomb struck a police van.'), 'Remote explosive/landmine/IED');
  assert.equal(sub('Gunmen abducted three engineers.'), 'Abduction/forced disappearance');
});

test('developments: talks, ceasefires, agreements, breakdowns', () => {
  const dev = (s: string): string | undefined => classify(s).find((t) => t.kind === 'development')?.development;
  assert.equal(dev('The two sides agreed a 48-hour ceasefire.'), 'ceasefire');
  assert.equal(dev('Delegations met in Istanbul for a third round of talks.'), 'talks');
  assert.equal(dev('The talks collapsed on Friday.'), 'breakdown');
  assert.equal(dev('Türkiye released a joint statement.'), 'statement');
});

test('denials, threats and conditions are hedged, not reports', () => {
  assert.equal(sub('Mujahid rejected claims of a drone strike.'), undefined);
  assert.equal(sub('If talks fail, there will be open war and we will strike.'), undefined);
});

test('more breakdowns, and what the genre leaves unhedged', () => {
  const dev = (s: string): string | undefined => classify(s).find((t) => t.kind === 'development' && !t.hedged)?.development;
  assert.equal(dev('Pakistan-Afghanistan talks collapse in Istanbul'), 'breakdown');
  assert.equal(dev('The talks had concluded on November 7 without agreement.'), 'breakdown');
  assert.equal(dev('Thailand suspended implementation of the peace declaration.'), 'breakdown');
  assert.equal(sub('The statement did not mention the exchange of fire at Chaman.'), 'Armed clash');
  assert.equal(classify('Pakistani air strikes killed ten people.').filter((t) => t.kind === 'incident').length, 2);
  assert.equal(classify('Pakistani air strikes killed ten people.').find((t) => t.trigger === 'killed')?.weak, true);
});
