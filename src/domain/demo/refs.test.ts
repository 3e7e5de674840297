import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hashOf, idOf, resolveDemoBody } from './refs.js';
import { contentHash } from '../records/fields.js';

test('resolveDemoBody replaces @id and @hash references, deep, and leaves other strings alone', () => {
  const named = new Map([['A1', { id: 'aa'.repeat(32), body: { x: 1 } }]]);
  const body = resolveDemoBody({ agreement: idOf('A1'), nested: [{ hash: hashOf('A1') }], text: 'see @id:A1 inside', n: 3, none: null }, named);
  assert.deepEqual(body, { agreement: 'aa'.repeat(32), nested: [{ hash: contentHash({ x: 1 }) }], text: 'see @id:A1 inside', n: 3, none: null });
  assert.throws(() => resolveDemoBody({ a: idOf('B2') }, named), /B2/);
});
