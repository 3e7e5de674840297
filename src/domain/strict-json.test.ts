import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { z } from 'zod';
import { MAX_JSON_DEPTH, droppedKey, parseStrictJson, stringProblem, valueProblem } from './strict-json.js';

test('parseStrictJson accepts ordinary JSON and refuses prototype keys, bad strings, Infinity and deep nesting', () => {
  assert.deepEqual(parseStrictJson('{"a":[1,"x\\ty",null,{"b":true}]}'), { ok: true, value: { a: [1, 'x\ty', null, { b: true }] } });
  for (const bad of ['{"__proto__":{}}', '[{"x":{"__proto__":null}}]', '{"c":{"constructor":{"prototype":1}}}', '"\\u0000"', '{"\\u0001":1}', '["\\udc00"]', '1e400', '[-1e999]', '{', '']) {
    assert.equal(parseStrictJson(bad).ok, false, bad);
  }
  assert.equal(parseStrictJson('['.repeat(MAX_JSON_DEPTH) + ']'.repeat(MAX_JSON_DEPTH)).ok, true);
  assert.equal(parseStrictJson('['.repeat(MAX_JSON_DEPTH + 1) + ']'.repeat(MAX_JSON_DEPTH + 1)).ok, false);
  assert.equal(parseStrictJson('['.repeat(100_000) + ']'.repeat(100_000)).ok, false, 'no stack overflow');
});

test('stringProblem: tab, newline and paired surrogates are text; NUL, C0 controls and lone surrogates are not', () => {
  assert.equal(stringProblem('a\tb\nc\r😀'), null);
  assert.match(stringProblem('\u0000') ?? '', /U\+0000/);
  assert.match(stringProblem('\u001b[31m') ?? '', /U\+001B/);
  assert.match(stringProblem('x\ud83d') ?? '', /surrogate/);
  assert.match(stringProblem('\ude00x') ?? '', /surrogate/);
});

test('property: whatever JSON.stringify makes of well-formed data parses back equal', () => {
  const text = fc.string({ unit: 'grapheme' }).filter((s) => stringProblem(s) === null);
  // Prototype keys are refused by design (the first test); fast-check generates "__proto__" now and then.
  const key = text.filter((k) => !['__proto__', 'constructor', 'prototype'].includes(k));
  const json = fc.letrec((tie) => ({
    value: fc.oneof({ depthSize: 'small' }, fc.constant(null), fc.boolean(), fc.double({ noNaN: true, noDefaultInfinity: true }), text, fc.array(tie('value'), { maxLength: 4 }), fc.dictionary(key, tie('value'), { maxKeys: 4 })),
  })).value;
  fc.assert(fc.property(json, (v) => {
    const r = parseStrictJson(JSON.stringify(v));
    return r.ok && JSON.stringify(r.value) === JSON.stringify(v);
  }), { numRuns: 300 });
});

test('droppedKey names the first key a schema stripped, at any depth', () => {
  const loose = z.object({ a: z.object({ b: z.number() }), list: z.array(z.object({ c: z.number() })) });
  const raw = { a: { b: 1, x: 2 }, list: [{ c: 1 }] };
  assert.equal(droppedKey(raw, loose.parse(raw)), '.a.x');
  const rawList = { a: { b: 1 }, list: [{ c: 1 }, { c: 2, y: 1 }] };
  assert.equal(droppedKey(rawList, loose.parse(rawList)), '.list[1].y');
  const clean = { a: { b: 1 }, list: [] };
  assert.equal(droppedKey(clean, loose.parse(clean)), null);
});

test('valueProblem names the path of what it refuses, and passes what it may store', () => {
  assert.equal(valueProblem({ a: ['x', { b: 'fine\ttext\n' }], n: 1.5, t: true, z: null }), null);
  assert.equal(valueProblem({ body: { items: ['ok', { name: 'a\u0000b' }] } }), 'the string at .body.items[1].name holds the control character U+0000');
  assert.equal(valueProblem(['\ud800']), 'the string at [0] holds a lone UTF-16 surrogate (not Unicode text)');
  assert.equal(valueProblem('\u007f'), 'the string at (root) holds the control character U+007F');
  assert.equal(valueProblem({ a: { 'k\u0001': 1 } }), 'a key at .a holds the control character U+0001');
  assert.equal(valueProblem({ a: [0, Infinity] }), 'the number at .a[1] is out of range');
  let deep: unknown = 'leaf';
  for (let i = 0; i < MAX_JSON_DEPTH; i++) deep = [deep];
  assert.equal(valueProblem(deep), null);
  assert.equal(valueProblem([deep]), `nesting deeper than ${MAX_JSON_DEPTH} levels at ${'[0]'.repeat(MAX_JSON_DEPTH)}`);
});
