import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detectLanguage } from './language.js';
import { ingest } from './pipeline.js';

test('the language of an article, named', () => {
  assert.deepEqual(detectLanguage('Three soldiers were killed yesterday in a clash with guerrillas in the north of the country.'), { code: 'eng', name: 'English' });
  assert.deepEqual(detectLanguage('پاکستان اور افغانستان کے درمیان سرحد پر فائرنگ سے تین افراد ہلاک ہو گئے۔'), { code: 'urd', name: 'Urdu' });
  assert.equal(detectLanguage('THREE SOLDIERS WERE KILLED YESTERDAY IN A CLASH WITH GUERRILLAS IN THE NORTH.').code, 'eng');
  assert.equal(detectLanguage('Hi').code, 'und');
});

test('an article in another language is reported as not extracted, with its language', () => {
  const urdu = 'چمن میں سرحد پار سے فائرنگ کے نتیجے میں دو افراد ہلاک اور تین زخمی ہو گئے، حکام نے بتایا۔ یہ واقعہ جمعرات کی شام پیش آیا۔';
  const r = ingest([{ id: 'ur.txt', text: urdu, published: '2025-11-07' }]);
  assert.equal(r.events.length, 0);
  assert.equal(r.articles[0]!.language, 'urd');
  assert.deepEqual(r.articles[0]!.not_extracted, { code: 'language', reason: 'written in Urdu (urd): this build reads English only' });
});
