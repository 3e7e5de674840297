import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ingest } from './index.js';

// Invented notes in the coders' style; the places are real names the gazetteer knows.
const sub = (text: string): string | undefined => ingest([{ id: 'o', text }]).events[0]?.sub_event_type;

test('a protest the police or a rival party obstructed, intercepted or foiled met an intervention (notes7, issue 10)', () => {
  assert.equal(sub('On 30 July 2023, members of Jamaat-e-Islami staged a protest in Kishoreganj town (Kishoreganj Sadar, Dhaka), demanding a free election. Police forces obstructed the protest and arrested 2 members of Jamaat from the spot.'), 'Protest with intervention');
  assert.equal(sub('On 10 December 2023, members of BNP staged a protest in Kishoreganj town (Kishoreganj Sadar, Dhaka), against the government. Pro-Awami League lawyers foiled the protest and pushed the protestors out.'), 'Protest with intervention');
  // (a boat intercepted is no protest's)
  assert.equal(sub('On 30 July 2023, members of BNP staged a protest in Kishoreganj town (Kishoreganj Sadar, Dhaka), demanding a free election. Coast guard forces intercepted a boat carrying migrants.'), 'Peaceful protest');
});
