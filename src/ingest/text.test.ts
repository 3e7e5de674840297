import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fold } from './text.js';

test('fold: the lookup key of a name, whichever path it takes', () => {
  // plain ASCII: lower case, backticks as apostrophes, single spaces, trimmed
  assert.equal(fold('Spin Boldak'), 'spin boldak');
  assert.equal(fold('spin boldak'), 'spin boldak');
  assert.equal(fold('ISPR'), 'ispr');
  assert.equal(fold(' North  Waziristan '), 'north waziristan');
  assert.equal(fold('Nad `Ali'), "nad 'ali");
  assert.equal(fold('a '), 'a');
  assert.equal(fold(''), '');
  // other whitespace and other scripts: diacritics dropped, dashes and apostrophes made one
  assert.equal(fold('Kabul\tcity'), 'kabul city');
  assert.equal(fold('Nād ‘Alī'), "nad 'ali");
  assert.equal(fold('Pūnch – İstanbul'), 'punch - istanbul');
});
