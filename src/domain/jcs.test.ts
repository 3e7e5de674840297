import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { canonicalJson, isCanonicalText } from './jcs.js';
import { parseStrictJson } from './strict-json.js';

// isCanonicalText must give exactly the verdict of re-serializing with the library, for canonical texts and for texts
// that differ from their canonical form in every way RFC 8785 cares about.
const texts = [
  '{}', '[]', 'null', 'true', '0', '-0', '1', '1.0', '1e21', '1E21', '1e+21', '0.1', '100', '1e2', '-1.5e-7', '0.000001',
  '"a"', '"\\u00e9"', '"é"', '"\\/"', '"/"', '"\\u001f"', '"\\u001F"', '"\\t"', '"\\u0009"', '"\\""', '"\\\\"',
  '"😀"', '"\\ud83d\\ude00"', '"\\ud800"', '"\\uFFFF"', '"\uffff"',
  '{"a":1,"b":2}', '{"b":2,"a":1}', '{"a":1, "b":2}', ' {"a":1}', '{"a":1}\n', '{"a":{"c":[1,{"e":null,"d":true}]}}',
  '{"a":{"c":[1,{"d":true,"e":null}]}}', '{"9":1,"10":2}', '{"10":2,"9":1}', '{"1":1,"a":2}', '{"a":2,"1":1}',
  '{"":0,"a":1}', '{"a":1,"":0}', '{"é":1,"z":2}', '{"z":2,"é":1}', '{"😀":1,"\uffff":2}', '{"\uffff":2,"😀":1}',
  '{"a":[]}', '{"a":[ ]}', '[1,2,[3,[4,{}]]]', '[1,2,[3,[4,{ }]]]', '{"toJSON":"x","z":1}', '{"a":"\\u2028"}',
  '{"v":1,"type":"key.add","by":"m","key":"AAAA","at":"2026-01-01T00:00:00Z","body":{"key":"BBBB"},"sig":"CCCC"}',
  '{"at":"2026-01-01T00:00:00Z","body":{"key":"BBBB"},"by":"m","key":"AAAA","sig":"CCCC","type":"key.add","v":1}',
];

test('isCanonicalText agrees with canonicalJson(value) === text on every text', () => {
  let canonical = 0;
  for (const text of texts) {
    const value: unknown = JSON.parse(text);
    if (text === '"\\ud800"') {
      // A lone surrogate has no canonical form (the library throws); statements holding one are refused before.
      assert.throws(() => canonicalJson(value), /surrogate/);
      assert.equal(parseStrictJson(text).ok, false);
      continue;
    }
    const expected = canonicalJson(value) === text;
    if (expected) canonical += 1;
    assert.equal(isCanonicalText(value, text), expected, text);
  }
  // Both verdicts occur, on both paths (keys in order, and keys V8 reorders such as "9" before "10").
  assert.ok(canonical >= 15 && canonical <= texts.length - 15, `${canonical} of ${texts.length} canonical`);
  assert.equal(isCanonicalText(JSON.parse('{"10":2,"9":1}'), '{"10":2,"9":1}'), true);
  assert.equal(isCanonicalText(JSON.parse('{"b":2,"a":1}'), '{"b":2,"a":1}'), false);
});

test('isCanonicalText agrees with the library on generated JSON, written canonically, natively and spaced', () => {
  fc.assert(
    fc.property(fc.jsonValue({ maxDepth: 4 }), fc.constantFrom('canonical', 'native', 'spaced'), (generated, style) => {
      const text = style === 'canonical' ? canonicalJson(generated) : JSON.stringify(generated, null, style === 'spaced' ? 1 : undefined);
      const value: unknown = JSON.parse(text);
      assert.equal(isCanonicalText(value, text), canonicalJson(value) === text, text);
    }),
    { numRuns: 2000 },
  );
});
