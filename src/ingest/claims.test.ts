import { test } from 'node:test';
import assert from 'node:assert/strict';
import { actorTable } from './actors.js';
import { findClaims } from './claims.js';
import { splitSentences } from './sentences.js';

const claims = (text: string): [string, string | undefined, string, string][] =>
  findClaims(splitSentences(text), { actors: actorTable() }).map((c) => [c.speaker, c.role, c.kind, c.quote]);

test('speaker, role and quote or paraphrase', () => {
  assert.deepEqual(claims('"It was not an attack," Mujahid said in a statement.'), [['Zabihullah Mujahid', 'Taliban government spokesman', 'quote', 'It was not an attack,']]);
  assert.deepEqual(claims('Pakistan\'s Defence Minister Khawaja Asif said the talks had ended.'), [['Khawaja Asif', 'Defence Minister of Pakistan', 'paraphrase', 'the talks had ended.']]);
  assert.deepEqual(claims('"I was in my shop," said Abdul Rahim, a resident.'), [['Abdul Rahim', 'a resident', 'quote', 'I was in my shop,']]);
  assert.deepEqual(claims('Two soldiers were killed, according to police officials.').map((c) => c[0]), ['police officials']);
});

test('a quote over several sentences stays with its speaker; "he said" finds the last one named', () => {
  const cs = findClaims(splitSentences('In a post on X, Attaullah Tarar wrote: "Pakistan engaged in dialogue. The Afghan side gave no assurances." He said more talks were pointless.'), { actors: actorTable() });
  assert.deepEqual(cs.map((c) => [c.sentence, c.speaker, c.kind]), [[0, 'Attaullah Tarar', 'quote'], [1, 'Attaullah Tarar', 'quote'], [2, 'Attaullah Tarar', 'paraphrase']]);
});

test('what the text asserts is not a claim', () => {
  assert.deepEqual(claims('Two people were killed in Chaman on Thursday.'), []);
});
