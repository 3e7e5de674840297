import { test } from 'node:test';
import assert from 'node:assert/strict';
import { outletSpans } from './outlets.js';
import { analyzeArticle } from './analyze.js';
import { gazetteer } from './gazetteer.js';
import { actorTable } from './actors.js';

test('outlets are found by name, agency credits included', () => {
  const s = 'Three were killed in Goma, Agence France-Presse reported, citing (AFP) sources.';
  assert.deepEqual(outletSpans(s).map(([a, b]) => s.slice(a, b)), ['Agence France-Presse', 'AFP']);
  assert.deepEqual(outletSpans('Apple and Dawning are not outlets.'), []);
});

test('an outlet is never a place nor an actor', () => {
  const text = 'Rebels killed 12 villagers near Beni on Sunday, a local official told Agence France-Presse.';
  const [s] = analyzeArticle({ id: 'a', title: '', text, source: 'x', published: '2020-01-06', publishedFrom: 'input', notes: [] }, { gazetteer: gazetteer(), actors: actorTable(), ref: '2020-01-06', refGuessed: false });
  assert.ok(!s!.places.some((p) => p.place.country === 'FR'));
  assert.ok(!s!.actors.some((a) => a.actor.country === 'FR'));
});
