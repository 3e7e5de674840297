import { test } from 'node:test';
import assert from 'node:assert/strict';
import { protestGrievance } from './protest-grievance.js';
import { incidentType } from './event-type.js';

// Invented notes in the coders' style.
const sub = (s: string): string | undefined => incidentType(s)?.subEventType;

test('violence a protest is about is no violence of the protest: a peaceful protest (notes6, issue 10)', () => {
  assert.equal(sub('On 12 March 2023, students staged a protest on campus in Rajshahi city, against the prior clash between locals and students.'), 'Peaceful protest');
  assert.equal(sub('On 1 April 2024, workers staged a protest at the mill, demanding punishment for the manager for assaulting one of their leaders.'), 'Peaceful protest');
  const lawyers = 'Lawyers staged a protest against the prior clash.';
  assert.equal(protestGrievance(lawyers, lawyers.indexOf('clash')), true);
  // (the protesters' own violence stays theirs: a verb in the past, or a clause joined by "and")
  assert.equal(sub('On 5 May 2020, residents demonstrating against the nightly curfew vandalized a police station in Koutiala.'), 'Violent demonstration');
  assert.equal(sub('Students protested for the second day and clashed with police in Dhaka.'), 'Violent demonstration');
  // (nor is the month a march: "On 13 March 2024, supporters … following the killing of a supporter")
  const march = 'On 13 March 2024, supporters vandalized houses following the killing of a supporter.';
  assert.equal(protestGrievance(march, march.indexOf('killing')), false);
});

test('demonstrators assaulted by others: a protest with intervention, not a violent demonstration (notes6, issue 10)', () => {
  assert.equal(sub('On 8 April 2023, members of Jubo League assaulted the BNP demonstrators in Natore town, during a demonstration against the rising prices of gas.'), 'Protest with intervention');
  assert.equal(sub("On 11 February 2023, members of Awami League assaulted the members of BNP in Hatibandha upazila, during BNP's demonstration demanding fresh elections."), 'Protest with intervention');
  assert.equal(sub('A leader and his accomplices assaulted and injured 12 members of BNP who were staging a protest in front of the press club.'), 'Protest with intervention');
  // (demonstrators who assaulted someone rioted)
  assert.equal(sub('Demonstrators assaulted a police officer during the demonstration in Dhaka.'), 'Violent demonstration');
});
