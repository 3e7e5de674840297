// What hedges a report of violence or a development: denials, threats, conditions, plans, proposals, a court's or an
// accuser's frame, a report called unfounded (event-type.ts). Split from event-type.test.ts, assertions unchanged.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { classify, incidentType } from './event-type.js';

const sub = (s: string): string | undefined => incidentType(s)?.subEventType;

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
  // "killed ten people" says who was hurt, not how: a weak attack on civilians that the air strikes override
  assert.equal(classify('Pakistani air strikes killed ten people.').find((t) => t.trigger === 'killed ten people')?.weak, true);
  assert.equal(sub('Pakistani air strikes killed ten people.'), 'Air/drone strike');
});

test('violence planned, prepared, intended or that may come is hedged; a planned ambush that happened is not (issue 10)', () => {
  assert.equal(sub('Military sources said the rebels are planning a major offensive against the capital.'), undefined);
  assert.equal(sub('The president said the guerrillas intend to sabotage the vote with attacks on power lines.'), undefined);
  assert.equal(sub('In a communique, the front said it is prepared to attack the garrison.'), undefined);
  assert.equal(sub('The gang may attempt to blow up the bridge during the holidays.'), undefined);
  assert.equal(sub('Border units are on alert over reports that the rebels are preparing a wave of bombings.'), undefined);
  assert.equal(sub('A carefully planned ambush killed nine soldiers near the border.'), 'Armed clash');
  assert.equal(sub('Rebels attempted to storm the barracks but were repelled after a two-hour clash.'), 'Armed clash');
  // (a development is not a possibility of violence: talks "intended to agree" a ceasefire still speak of it)
  assert.ok(classify('The talks had been intended to agree how to implement a ceasefire.').some((t) => t.kind === 'development' && !t.hedged));
  // forces moved or reinforced, told in the passive, are a change to the group's activity
  assert.equal(sub('A unit of police officers was moved to the border town on Tuesday.'), 'Change to group/activity');
  assert.equal(sub('Coastal troops have been reinforced ahead of the exercises.'), 'Change to group/activity');
});

test('a frame of a court or an accuser is marked on the violence it holds, which then hides no protest; an arrest still to come is hedged (issue 10)', () => {
  assert.equal(classify('The court convicted two men of the bombing of a bank.').find((t) => t.kind === 'incident')?.frame, 10);
  assert.equal(classify('Suspected members of the gang bombed a bank.').find((t) => t.kind === 'incident')?.frame, undefined);
  assert.equal(sub('Residents staged a human chain protest in the town and accused the councillor of vandalizing shops.'), 'Peaceful protest');
  assert.equal(sub('The police will arrest those responsible.'), undefined);
  assert.equal(sub('The front reported on the failure of its operation aimed at murdering a judge.'), undefined);
  assert.equal(sub('Police said the gang had plotted to kill the mayor.'), undefined);
});

test('talks, a truce or an accord someone proposes, calls for or works towards is hedged; talks held are not (issue 10)', () => {
  const talks = (s: string): boolean[] => classify(s).filter((t) => t.kind === 'development').map((t) => t.hedged);
  assert.deepEqual(talks('The rebel front today proposed "opening a dialogue process and talks" with the parties.'), [true, true]);
  assert.deepEqual(talks('The president has repeatedly called for a peace dialogue.'), [true]);
  assert.deepEqual(talks('The cabinet said it is continuing its efforts to form a commission for a dialogue.'), [true]);
  assert.deepEqual(talks('The mayor insisted today on an immediate truce.'), [true]);
  assert.ok(talks('Both delegations held talks in the capital on Monday.').every((h) => !h));
  assert.ok(talks('Both delegations held talks in the capital on Monday.').length > 0);
});

test('violence a report calls unfounded is hedged, and so is fighting someone "will have to continue" (issue 10)', () => {
  assert.equal(sub('The report that the consul was wounded by gunfire is absolutely unfounded.'), undefined);
  assert.equal(sub('The commander said that "we will have to continue fighting."'), undefined);
  assert.equal(sub('The consul was wounded by gunfire near the embassy.'), 'Armed clash');
});

test('talks or a truce someone is willing to continue, asks for, offers or thinks possible is hedged; talks held are not (issue 10)', () => {
  const talks = (s: string): boolean[] => classify(s).filter((t) => t.kind === 'development').map((t) => t.hedged);
  assert.deepEqual(talks('Cristiani stated today his government is willing to continue the dialogue with the guerrillas.'), [true]);
  assert.deepEqual(talks('The guerrilla group said it is willing to engage in a dialogue on oil policy.'), [true]);
  assert.deepEqual(talks('The Red Cross has received no reply to its request for a 6-hour truce.'), [true]);
  assert.deepEqual(talks('The possibilities for a dialogue with the traffickers have increased.'), [true]);
  assert.deepEqual(talks('The vice president described the possible resumption of dialogue as positive.'), [true]);
  assert.deepEqual(talks('The activists demanded the mediation of President Arias.'), [true]);
  assert.deepEqual(talks('The leadership is considering not going to the dialogue meetings.'), [true]);
  assert.deepEqual(talks('The government and the guerrillas opened a dialogue in Mexico City today.'), [false]);
  // (a word of asking far before an accord that was signed is no hedge of it)
  assert.ok(talks('The UN urged calm after the two sides signed a ceasefire on Monday.').every((h) => !h));
});
