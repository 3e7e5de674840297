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
  assert.deepEqual(claims('"I was in my shop," said Abdul Rahim, a resident.'), [['Abdul Rahim', 'resident', 'quote', 'I was in my shop,']]);
  assert.deepEqual(claims('Two soldiers were killed, according to police officials.').map((c) => c[0]), ['police officials']);
});

test('a quote over several sentences stays with its speaker; "he said" finds the last one named', () => {
  const cs = findClaims(splitSentences('In a post on X, Attaullah Tarar wrote: "Pakistan engaged in dialogue. The Afghan side gave no assurances." He said more talks were pointless.'), { actors: actorTable() });
  assert.deepEqual(cs.map((c) => [c.sentence, c.speaker, c.kind]), [[0, 'Attaullah Tarar', 'quote'], [1, 'Attaullah Tarar', 'quote'], [2, 'Attaullah Tarar', 'paraphrase']]);
});

test('what the text asserts is not a claim', () => {
  assert.deepEqual(claims('Two people were killed in Chaman on Thursday.'), []);
});

test('two accounts in one sentence; a headline\'s source; a capital that speaks for its state', () => {
  const cs = findClaims(splitSentences('Pakistani officials said two people were killed, while Afghan officials said four civilians died.'), { actors: actorTable() });
  assert.deepEqual(cs.map((c) => c.speakerId), ['pakistan', 'afghan-taliban']);
  assert.deepEqual(claims('Ten soldiers martyred in Orakzai ambush: ISPR').map((c) => c[0]), ['Inter-Services Public Relations']);
  const capital = findClaims(splitSentences('Islamabad has long demanded action.'), { actors: actorTable(), capitalOf: (n) => (n === 'Islamabad' ? 'PK' : undefined) });
  assert.deepEqual(capital.map((c) => c.speaker), ['Government of Pakistan']);
});

test('anonymous sources after the figures; "Mr X" is the person named before; a statement at length keeps its speaker', () => {
  assert.deepEqual(claims('Three people were killed and four wounded, a security official said on Sunday.').map((c) => c[0]), ['security official']);
  const cs = findClaims(splitSentences('Prime Minister Anutin Charnvirakul said the steps would be halted. "We are not safe," Mr Anutin told reporters.'), { actors: actorTable() });
  assert.deepEqual(cs.map((c) => c.speaker), ['Anutin Charnvirakul', 'Anutin Charnvirakul']);
  const block = findClaims(splitSentences('The ministry issued the following statement on Sunday.\n\n---\n\nThe attack was repulsed. Ten militants were killed.\n\n---\n\nTraders said the crossing was closed.'), { actors: actorTable() });
  assert.deepEqual(block.map((c) => [c.sentence, c.speaker]), [[0, 'ministry'], [2, 'ministry'], [3, 'ministry'], [5, 'traders']]);
});

test('wire copy\'s "X mentions N killed" is X\'s account, so two reports of a toll stay two claimants', () => {
  assert.deepEqual(claims('The first report mentions 10 killed, but Gen Medina mentions "12 killed."').map((c) => c[0]), ['Gen Medina']);
});
