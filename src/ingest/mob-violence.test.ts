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

test('assailants\' violence by hand needs no weapon named, and passengers, drivers, lawyers, interns are a crowd (notes7, issue 10)', () => {
  assert.equal(sub('On 1 April 2023, assailants assaulted and injured 3 journalists in Kishoreganj town (Kishoreganj Sadar, Dhaka), as they covered a drive of the mobile court.'), 'Mob violence');
  assert.equal(sub('On 21 November 2023, unidentified assailants stabbed and killed a leader of Jubo League in Kishoreganj town (Kishoreganj Sadar, Dhaka), following an altercation.'), 'Mob violence');
  assert.equal(sub('On 8 March 2024, assailants vandalized the house and private car of a former MP in Kishoreganj town (Kishoreganj Sadar, Dhaka), over unknown reasons.'), 'Mob violence');
  assert.equal(sub('On 2 May 2024, passengers assaulted the staffers of an express train at the railway station in Kishoreganj town (Kishoreganj Sadar, Dhaka), when they wanted to board without tickets.'), 'Mob violence');
  assert.equal(sub('On 25 January 2024, rickshaw drivers assaulted and killed a local leader of Jubo League in Kishoreganj town (Kishoreganj Sadar, Dhaka), following an altercation.'), 'Mob violence');
  // (a crowd that beat policemen fought a force, as one that clashed with the police did)
  assert.equal(sub('On 17 March 2024, family members of an accused attacked 3 police personnel in Kishoreganj town (Kishoreganj Sadar, Dhaka), over unknown reasons.'), 'Mob violence');
  // (assailants who shoot are no mob)
  assert.notEqual(sub('On 4 April 2023, unidentified assailants shot and killed a former leader of Chhatra League in Kishoreganj town (Kishoreganj Sadar, Dhaka).'), 'Mob violence');
});
