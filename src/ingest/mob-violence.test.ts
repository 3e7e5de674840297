import { test } from 'node:test';
import assert from 'node:assert/strict';
import { armedSides } from './mob-violence.js';
import { ingest } from './index.js';

// Invented notes in the coders' style; the places are real names the gazetteer knows.
const sub = (text: string): string | undefined => ingest([{ id: 'm', text }]).events[0]?.sub_event_type;

test('a party the text alone names is no armed side: its supporters\' violence is mob violence (notes6, issue 10)', () => {
  assert.equal(armedSides([{ id: 'new:jatiya-party', name: 'Jatiya Party', aliases: [], kind: 'armed_group', known: false }]), 0);
  assert.equal(armedSides([{ id: 'new:arakan-liberation-army', name: 'Arakan Liberation Army', aliases: [], kind: 'armed_group', known: false }]), 1);
  assert.equal(sub('On 3 March 2024, supporters of an Awami League candidate assaulted and injured 6 members of Jatiya Party in Kishoreganj town (Kishoreganj Sadar, Dhaka), over electoral rivalry.'), 'Mob violence');
  assert.equal(sub('On 3 March 2024, supporters of two councillor candidates, one backed by Jamaat-e-Islami, clashed using sticks in Kishoreganj town (Kishoreganj Sadar, Dhaka).'), 'Mob violence');
});

test('a crowd that clashed with the police, with no firearm, is mob violence (notes6, issue 10)', () => {
  assert.equal(sub('On 3 March 2024, members of BNP clashed with police forces in Kishoreganj town (Kishoreganj Sadar, Dhaka), when they were on their way to a meeting.'), 'Mob violence');
  // (gunmen keep their clash)
  assert.notEqual(sub('On 3 March 2024, gunmen clashed with police forces in Kishoreganj town (Kishoreganj Sadar, Dhaka).'), 'Mob violence');
});
