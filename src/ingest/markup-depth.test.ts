import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_MARKUP_DEPTH, nestedDeeperThan } from './markup-depth.js';

const nested = (n: number, tag = 'div') => `<${tag}>`.repeat(n) + 'x' + `</${tag}>`.repeat(n);

test('nesting past the limit is found, siblings and void elements are not nesting', () => {
  assert.equal(nestedDeeperThan(nested(MAX_MARKUP_DEPTH)), false);
  assert.equal(nestedDeeperThan(nested(MAX_MARKUP_DEPTH + 1)), true);
  assert.equal(nestedDeeperThan('<p>a<br><img src=x></p>'.repeat(5000)), false);
  assert.equal(nestedDeeperThan('<p>a'.repeat(5000)), false, 'an open <p> is closed by the next one (HTML rules)');
  assert.equal(nestedDeeperThan(nested(MAX_MARKUP_DEPTH + 1, 'item'), MAX_MARKUP_DEPTH, true), true);
});

test('a 5 MB page nested 450,000 deep is refused in well under a second', () => {
  const started = performance.now();
  assert.equal(nestedDeeperThan(nested(450_000)), true);
  assert.ok(performance.now() - started < 1000);
});
