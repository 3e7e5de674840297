import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isShouting, recase } from './recase.js';
import { gazetteer } from './gazetteer.js';
import { actorTable } from './actors.js';

test('a text in capitals is read in sentence case, names kept', () => {
  const text = 'THREE SOLDIERS WERE KILLED ON 30 DECEMBER IN USULUTAN AND MORAZAN DEPARTMENTS BY THE FARABUNDO MARTI NATIONAL LIBERATION FRONT [FMLN]. THE FMLN DENIED IT IN SAN SALVADOR.';
  assert.ok(isShouting(text));
  const out = recase(text, gazetteer(), actorTable());
  assert.equal(out, 'Three soldiers were killed on 30 December in Usulutan and Morazan departments by the Farabundo Marti National Liberation Front [FMLN]. The FMLN denied it in San Salvador.');
});

test('ordinary text is left alone', () => {
  const s = 'The UN said NATO troops were in Kabul.';
  assert.equal(isShouting(s), false);
  assert.equal(recase(s, gazetteer(), actorTable()), s);
});
