import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TruceError } from '../domain/errors.js';
import { MAX_BATCH_STATEMENTS, jsonArrayItems, ndjsonItems } from './batch-body.js';

const cut = (split: (b: Uint8Array) => Uint8Array[], body: string): string[] => split(Buffer.from(body)).map((b) => Buffer.from(b).toString());
const refusedWith = (code: string) => (error: unknown) => error instanceof TruceError && error.code === code;

describe('cutting a batch body into statements', () => {
  it('NDJSON: one a line, CRLF and empty lines tolerated, the bytes untouched', () => {
    assert.deepEqual(cut(ndjsonItems, '{"a":1}\n{"b":" x "}\r\n\n{"c":[]}'), ['{"a":1}', '{"b":" x "}', '{"c":[]}']);
    assert.deepEqual(cut(ndjsonItems, '\n'), []);
  });

  it('a JSON array: each element\'s exact bytes, whatever its strings and nesting hold', () => {
    assert.deepEqual(cut(jsonArrayItems, ' [ {"a":"],\\"["} ,\n{"b":[1,{"c":2}]} ] '), ['{"a":"],\\"["}', '{"b":[1,{"c":2}]}']);
    assert.deepEqual(cut(jsonArrayItems, '[]'), []);
    assert.deepEqual(cut(jsonArrayItems, '[1, "x"]'), ['1', '"x"']); // not statements: refused one by one later
  });

  it('refuses a body that is not an array of elements', () => {
    for (const body of ['{"a":1}', '[{"a":1}', '[{"a":1},]', '[,{"a":1}]', '[{"a":1}] x', '']) {
      assert.throws(() => jsonArrayItems(Buffer.from(body)), refusedWith('bad_request'), body);
    }
  });

  it('refuses more statements than a batch holds (413)', () => {
    const many = Array.from({ length: MAX_BATCH_STATEMENTS + 1 }, () => '{}');
    assert.throws(() => ndjsonItems(Buffer.from(many.join('\n'))), refusedWith('too_large'));
    assert.throws(() => jsonArrayItems(Buffer.from(`[${many.join(',')}]`)), refusedWith('too_large'));
    assert.equal(ndjsonItems(Buffer.from(many.slice(1).join('\n'))).length, MAX_BATCH_STATEMENTS);
  });
});
