import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TruceError } from '../domain/errors.js';
import { readStrictJson } from './read-json.js';

const refused = (text: string, message: RegExp) =>
  assert.throws(() => readStrictJson(text, 'the body'), (e: unknown) => e instanceof TruceError && e.code === 'bad_request' && message.test(e.message));

test('a repeated key is refused and named by its path, at any depth; the same key in two objects is fine', () => {
  refused('{"narrative":"a","narrative":"b"}', /the body repeats the key \/narrative/);
  refused('{"where":{"lat":30.9,"lat":31}}', /repeats the key \/where\/lat/);
  refused('{"actors":[{"name":"x"},{"name":"y","side":"a","side":"b"}]}', /repeats the key \/actors\/1\/side/);
  assert.deepEqual(readStrictJson('{"a":{"name":1},"b":{"name":2}}', 'the body'), { a: { name: 1 }, b: { name: 2 } });
});

test('what the server refuses is refused here too, before anything is signed', () => {
  refused('{"__proto__":{"x":1}}', /not acceptable JSON/);
  refused('{"narrative":"a\\u0000b"}', /not acceptable JSON/);
  refused('{"n":1e400}', /not acceptable JSON/);
  refused('{"a":', /not acceptable JSON/);
  refused('[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]', /not acceptable JSON/);
});
