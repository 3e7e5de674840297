import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clusterMentions, dateScore, placeScore, similarity } from './cluster.js';
import type { Mention } from './events.js';
import type { Actor, DateInterval, Place } from './types.js';

const town = (name: string, lat: number, lon: number, admin1 = 'North', country = 'XA'): Place => ({ id: `t:${name}`, name, country, admin1, admin2: '', lat, lon, precision: 1, kind: 'town', population: 5000 });
const area = (name: string, lat: number, lon: number, country = 'XA'): Place => ({ id: `a:${name}`, name, country, admin1: name, admin2: '', lat, lon, precision: 3, kind: 'admin1', population: 0 });
const army: Actor = { id: 'army', name: 'Army', aliases: [], kind: 'state_force', known: true };
const rebels: Actor = { id: 'rebels', name: 'Rebels', aliases: [], kind: 'armed_group', known: true };
const day = (d: string, end = d, precision: DateInterval['precision'] = 'day'): DateInterval => ({ start: d, end, precision });

function mention(article: string, over: Partial<Mention> = {}): Mention {
  return {
    id: `${article}:1`, article, kind: 'incident', eventType: 'Battles', subEventType: 'Armed clash', when: day('2025-03-10'),
    where: [town('Alpha', 10, 10)], actors: [army, rebels], perpetrators: [], casualties: [], fatalities: null, injured: null,
    claims: [], sentences: [0], trace: { where: [], actors: [], fatalities: [], injured: [] }, ...over,
  };
}

test('one clash told by three outlets, with a day between them and different places nearby, is one event', () => {
  const a = mention('a');
  const b = mention('b', { when: day('2025-03-09', '2025-03-10', 'night'), where: [town('Beta', 10.1, 10.1)] });
  const c = mention('c', { when: day('2025-03-11'), where: [area('North', 10.3, 10.2)], subEventType: 'Shelling/artillery/missile attack', eventType: 'Explosions/Remote violence' });
  const groups = clusterMentions([a, b, c]);
  assert.equal(groups.length, 1);
  assert.deepEqual(groups[0]!.map((m) => m.article).sort(), ['a', 'b', 'c']);
});

test('days apart, another kind, or the same article keep mentions apart', () => {
  assert.equal(similarity(mention('a'), mention('b', { when: day('2025-03-14') })), -Infinity);
  assert.equal(similarity(mention('a'), mention('b', { kind: 'development', eventType: 'Strategic developments', subEventType: 'Agreement', development: 'ceasefire' })), -Infinity);
  assert.equal(similarity(mention('a'), mention('a')), -Infinity);
  assert.equal(clusterMentions([mention('a'), mention('a', { id: 'a:2' })]).length, 2);
});

test('far-apart places join only on the same days, with the same kind of violence and an actor in common', () => {
  const near = mention('a');
  const far = mention('b', { where: [town('Gamma', 14, 14, 'South')] });
  assert.ok(similarity(near, far) > 0);
  assert.equal(similarity(near, { ...far, actors: [] }), -Infinity);
  assert.equal(similarity(near, { ...far, when: day('2025-03-11') }), -Infinity);
});

test('an air strike and an explosion join only on the same day and place', () => {
  const strike = mention('a', { eventType: 'Explosions/Remote violence', subEventType: 'Air/drone strike', actors: [] });
  const blast = mention('b', { eventType: 'Explosions/Remote violence', subEventType: 'Remote explosive/landmine/IED', actors: [] });
  assert.ok(similarity(strike, blast) > 0);
  assert.equal(similarity(strike, { ...blast, where: [town('Beta', 10.4, 10.4)] }), -Infinity);
});

test('a round of talks and the breakdown of talks are different developments; one speaker\'s statement a day apart is one', () => {
  const dev = (article: string, development: string, when: DateInterval, speakerId?: string): Mention => mention(article, {
    kind: 'development', eventType: 'Strategic developments', subEventType: development === 'talks' ? 'Other' : 'Other', development, when, where: [], actors: [],
    claims: speakerId ? [{ speaker: speakerId, speakerId, quote: 'q', kind: 'paraphrase', verb: 'said', sentence: 0 }] : [],
  });
  assert.equal(similarity(dev('a', 'talks', day('2025-03-10')), dev('b', 'breakdown', day('2025-03-10'))), -Infinity);
  const groups = clusterMentions([dev('a', 'breakdown', day('2025-03-10'), 'minister'), dev('b', 'breakdown', day('2025-03-11'), 'minister')]);
  assert.equal(groups.length, 1);
});

test('average linkage: a mention that fits one member but clashes with another does not chain two events', () => {
  const a = mention('a', { when: day('2025-03-10') });
  const b = mention('b', { when: day('2025-03-11') });
  const c = mention('c', { when: day('2025-03-12') });
  const groups = clusterMentions([a, b, c]);
  assert.ok(groups.every((g) => !(g.some((m) => m.article === 'a') && g.some((m) => m.article === 'c'))));
});

test('dates: overlap scores best, a window must hold the other day, a publication day only bounds from above', () => {
  assert.equal(dateScore(day('2025-03-10'), day('2025-03-09', '2025-03-10', 'night')), 1);
  assert.equal(dateScore(day('2025-03-10'), day('2025-03-11')), 0.5);
  assert.ok(dateScore(day('2025-03-03', '2025-03-09', 'week'), day('2025-03-05')) > 0);
  assert.equal(dateScore(day('2025-03-03', '2025-03-09', 'week'), day('2025-03-12')), -Infinity);
  assert.ok(dateScore(day('2025-03-12', '2025-03-12', 'inferred'), day('2025-03-10')) > 0);
});

test('places: the same, near, a town in its province, far apart', () => {
  const alpha = town('Alpha', 10, 10);
  assert.equal(placeScore([alpha], [alpha]), 1);
  assert.ok(placeScore([alpha], [town('Beta', 10.2, 10.2)]) >= 0.8);
  assert.ok(placeScore([alpha], [area('North', 12, 12)]) > 0);
  assert.equal(placeScore([alpha], [town('Gamma', 14, 14, 'South')]), -1);
  assert.equal(placeScore([], [alpha]), 0);
});
