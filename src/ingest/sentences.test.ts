import { test } from 'node:test';
import assert from 'node:assert/strict';
import { splitSentences } from './sentences.js';

test('abbreviations, initials and closing quotes do not end sentences early', () => {
  const s = splitSentences('Lt. Gen. Ahmed Sharif Chaudhry said the U.S. was "not involved." He added more. A. Khan left on Nov. 7. Then D.I. Khan was hit.').map((x) => x.text);
  assert.deepEqual(s, ['Lt. Gen. Ahmed Sharif Chaudhry said the U.S. was "not involved."', 'He added more.', 'A. Khan left on Nov. 7.', 'Then D.I. Khan was hit.']);
});

test('paragraphs are numbered; hard-wrapped lines join back', () => {
  const s = splitSentences('First para one. First para two.\n\nA wrapped line that goes on and on for quite a while and\ncontinues here on the next line of the same paragraph.');
  assert.equal(s.length, 3);
  assert.equal(s[2]!.paragraph, 1);
  assert.match(s[2]!.text, /while and continues/);
});

test('a wrapped line the next one carries on in lower case is no heading, and a quote closing a line does not end the sentence then (issue 10)', () => {
  const s = splitSentences('Soto is the second APRA leader to be killed in Pisco.\nOn 7 December 1987, Professor Carlos Medrano Vazquez, who won election\nby a landslide, was riddled with bullets.\n\n"The contras are ready to attack at any moment,"\nthe president added. Ortega announced an "imminent contra"\nattack against Nicaragua.');
  assert.deepEqual(s.map((x) => x.text), [
    'Soto is the second APRA leader to be killed in Pisco.',
    'On 7 December 1987, Professor Carlos Medrano Vazquez, who won election by a landslide, was riddled with bullets.',
    '"The contras are ready to attack at any moment," the president added.',
    'Ortega announced an "imminent contra" attack against Nicaragua.',
  ]);
});
