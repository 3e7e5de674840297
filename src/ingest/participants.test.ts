import { test } from 'node:test';
import assert from 'node:assert/strict';
import { actorTable } from './actors.js';
import { analyzeArticle } from './analyze.js';
import { gazetteer } from './gazetteer.js';
import { participants } from './participants.js';
import type { Article } from './types.js';

const parts = (sentence: string, kind: 'incident' | 'development' = 'incident'): [string[], string[]] => {
  const article: Article = { id: 'p', source: 'Test', title: '', published: '2025-11-07', publishedFrom: 'input', text: sentence, notes: [] };
  const [s] = analyzeArticle(article, { gazetteer: gazetteer(), actors: actorTable(), ref: '2025-11-07', refGuessed: false });
  const p = participants(s!, kind);
  return [p.actors.map((a) => a.id), p.perpetrators.map((a) => a.id)];
};

test('parties and perpetrators, less the speakers', () => {
  assert.deepEqual(parts('Afghan forces opened fire on Pakistani troops, the ISPR said.'), [['afghan-taliban', 'pakistan-army'], ['afghan-taliban']]);
  assert.deepEqual(parts('Zabihullah Mujahid said Pakistani forces fired first.')[0], ['pakistan-army']);
});

test('a government in a report of violence is its forces; a country where it happened is a place', () => {
  assert.deepEqual(parts('Pakistan repulsed an attack by the TTP.'), [['pakistan-army', 'ttp'], ['ttp']]);
  assert.deepEqual(parts('Two civilians were killed in Afghanistan.')[0], []);
  assert.deepEqual(parts('Pakistan and Afghanistan agreed a truce, mediated by Qatar.', 'development')[0], ['pakistan', 'afghan-taliban', 'qatar']);
});
