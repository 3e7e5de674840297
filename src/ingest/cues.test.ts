import { test } from 'node:test';
import assert from 'node:assert/strict';
import { actorTable } from './actors.js';
import { analyzeArticle } from './analyze.js';
import { clauses, incidentFamily, isAggregate, sentenceCues } from './cues.js';
import { gazetteer } from './gazetteer.js';
import type { Article } from './types.js';

const cues = (sentence: string, ref = '2025-11-07'): [string, string, string | undefined, string[]][] => {
  const article: Article = { id: 'c', source: 'Test', title: '', published: ref, publishedFrom: 'input', text: sentence, notes: [] };
  const [s] = analyzeArticle(article, { gazetteer: gazetteer(), actors: actorTable(), ref, refGuessed: false });
  return sentenceCues(s!, [], ref).map((c) => [c.kind, c.trigger.development ?? c.trigger.subEventType, c.when?.start, c.where.map((p) => p.name)]);
};

test('clauses: relative and adverbial clauses are background, the main clause resumes after a comma', () => {
  const text = 'Qatar, which helped end the fighting on Sunday, welcomed the ceasefire.';
  const cs = clauses(text).map((c) => [text.slice(c.start, c.end).trim(), c.sub]);
  assert.deepEqual(cs, [['Qatar', false], [', which helped end the fighting on Sunday', true], [', welcomed the ceasefire.', false]]);
});

test('each date goes to the event nearest it: a round of talks on Saturday, last week\'s ceasefire', () => {
  assert.deepEqual(cues('Delegations began a second round of talks in Istanbul on Saturday, seeking to turn last week\'s Doha ceasefire into a lasting arrangement.', '2025-10-25'),
    [['development', 'talks', '2025-10-25', ['Istanbul']], ['development', 'ceasefire', '2025-10-13', ['Doha']]]);
});

test('an announcement is not an event; a statement is dated by when it was made', () => {
  assert.deepEqual(cues('The two sides will meet again in Istanbul on November 20.'), []);
  assert.deepEqual(cues('Information Minister Attaullah Tarar said on Wednesday that the talks had failed.').map((c) => [c[1], c[2]]), [['breakdown', '2025-11-05']]);
});

test('the kind of event is the first word that names the violence; a catch-all word gives way', () => {
  assert.deepEqual(cues('Troops repulsed an attack and mortar shells landed in Chaman on Thursday.').map((c) => [c[0], c[1], c[2]]), [['incident', 'Armed clash', '2025-11-06']]);
  assert.equal(incidentFamily('Shelling/artillery/missile attack', 'Explosions/Remote violence'), incidentFamily('Armed clash', 'Battles'));
});

test('a war\'s toll is an aggregate', () => {
  assert.ok(isAggregate('The conflict has killed more than 150,000 people since 2023.'));
  assert.ok(!isAggregate('Shelling killed three people in Kherson on Monday.'));
});

test('an opening sentence whose only incident is in a background clause reports it; "quoted X as reporting" opens no clause', () => {
  assert.deepEqual(cues('Police boosted their presence in Pretoria after dozens of shops were looted there the night before.', '2020-01-01').map((c) => c[1]), ['Looting/property destruction']);
  assert.equal(clauses('The agency quoted the council as reporting that the offensive was repelled.').length, 1);
});

test('a year or a month in a "since" clause starts a period: it does not date the event the main clause tells', () => {
  assert.deepEqual(cues('An air strike killed 29 soldiers in Idlib, the largest toll since Turkey intervened in Syria in 2016.', '2020-02-28').map((c) => [c[1], c[2]]), [['Air/drone strike', undefined]]);
});

test('a year in a background clause dates nothing in the main one ("stole the old railway, which was built in 1913", issue 10)', () => {
  assert.deepEqual(cues('The militants in Afrin have detached and stole the old railway of Afrin which linked Qatmeh to Akbas square and was built in 1913.', '2020-01-01').map((c) => [c[1], c[2]]), [['Looting/property destruction', undefined]]);
});

test('a day and a place in a background clause in the past perfect are before the event: neither dates nor places the main clause\'s (issue 10)', () => {
  assert.deepEqual(cues('The attack killed nine policemen and nine civilians, including four registry employees, who had been in Medellin on Sunday for the election of a new mayor.', '1988-10-25'),
    [['incident', 'Attack', undefined, []]]);
  // (a clause in the simple past still tells the event's own day and place)
  assert.deepEqual(cues('The attack killed nine policemen and nine civilians, including four registry employees, who were in Medellin on Sunday for the election of a new mayor.', '1988-10-25'),
    [['incident', 'Attack', '1988-10-23', ['Medellín']]]);
});

test('a place a distance is measured from is no scene when the scene is named too; alone, it places the event (issue 10)', () => {
  assert.deepEqual(cues('In the town of Huancayo, 350 km east of Lima, a professor was shot dead on Saturday by four terrorists.', '1988-10-02').map((c) => c[3]), [['Huancayo']]);
  assert.deepEqual(cues('A professor was shot dead on Saturday 20 km from Lima.', '1988-10-02').map((c) => c[3]), [['Lima']]);
});

test('where people were taken or went is not where it happened; a place named after the destination still is (issue 10)', () => {
  assert.deepEqual(cues('Two soldiers were killed on Tuesday, while the other two were taken as hostages toward Lima, in Peru.', '1988-10-05').map((c) => c[3]), [['Peru']]);
  assert.deepEqual(cues('On Tuesday, Shabaab assaulted a civilian travelling on a minibus heading towards Jilib near Bardera town.', '2025-08-01').map((c) => c[3].includes('Bardera')), [true]);
});

test('issue 10: sexual violence names an act, not a war: what it "has left" is no period\'s toll', () => {
  assert.ok(!isAggregate("Sexual violence against Rohingya women by Myanmar's military has left women with severe injuries."));
  assert.ok(isAggregate('The violence in the region has left 50 people dead.'));
});

test('where the news of an incident was learned is not where it happened (issue 10)', () => {
  assert.deepEqual(cues('Two engineers were murdered on Wednesday in Huancayo, which was learned about only today in Lima.', '1988-12-10').map((c) => c[3]), [['Huancayo']]);
  assert.deepEqual(cues('Two engineers were murdered on Wednesday, which was learned about only today in Lima.', '1988-12-10').map((c) => c[3]), [[]]);
  // nor where it was told: "reported in", "said in", "sources in" (not "said" before the incident it tells)
  assert.deepEqual(cues('It has been officially reported in La Paz that a bomb exploded this morning in Cochabamba.', '1989-10-18').map((c) => c[3]), [['Cochabamba']]);
  assert.deepEqual(cues('A politician was kidnapped today in Guatemala City, his party reported in Mexico City.', '1990-01-12').map((c) => c[3]), [['Guatemala City']]);
  assert.deepEqual(cues('A bomb exploded today in Lima, according to police sources in Cuzco.', '1989-10-18').map((c) => c[3]), [['Lima']]);
  assert.deepEqual(cues('Police said two bombs exploded today in Lima.', '1989-10-18').map((c) => c[3]), [['Lima']]);
});

test('an incident that tells where a scene is ("20 km from the place where a convoy was ambushed") is a landmark, not reported (issue 10)', () => {
  assert.deepEqual(cues('A bomb exploded on Thursday on the highway, 15 km from the spot where a patrol was ambushed on Monday.').map((c) => [c[1], c[2]]), [['Remote explosive/landmine/IED', '2025-11-06']]);
  assert.deepEqual(cues('Troops clashed with rebels on Thursday near where a bus was bombed on Monday.').map((c) => [c[1], c[2]]), [['Armed clash', '2025-11-06']]);
  // an incident told at a place described by what is there is reported
  assert.deepEqual(cues('Rebels ambushed a patrol near the place where the road crosses the river.').map((c) => c[1]), ['Armed clash']);
  assert.deepEqual(cues('A patrol was ambushed where the road crosses the river.').map((c) => c[1]), ['Armed clash']);
});

test('the seat of a victim\'s office is no scene when the scene is named too (issue 10)', () => {
  assert.deepEqual(cues('Gunmen kidnapped the mayor of Quibdo on Monday in Medellin.').map((c) => c[3]), [['Medellín']]);
  assert.deepEqual(cues('Gunmen killed the mayor of Medellin on Monday.').map((c) => c[3]), [['Medellín']]);
  // the seat's own unit set off after it is no other scene: the seat stays
  assert.deepEqual(cues('Peruvian guerrillas yesterday murdered the mayor of the town of Huanta, Ayacucho Department, and two of his aides.').map((c) => c[3]), [['Huanta', 'Ayacucho']]);
});

test('a protest and violence of another kind, one told in a background clause, are two events (issue 10)', () => {
  // (the killing has its own day in the clause about the dead; the funeral's protest is not of that day)
  assert.deepEqual(cues('The demonstrators attended the funeral of the 10 union leaders who were killed on 31 October during an attack on a union headquarters.', '1989-11-02').map((c) => [c[1], c[2]]),
    [['Peaceful protest', undefined], ['Armed clash', '1989-10-31']]);
});
