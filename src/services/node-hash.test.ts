import assert from 'node:assert/strict';
import { it } from 'node:test';
import fc from 'fast-check';
import { hashChildren, hashLeaf } from '../log/hash.js';
import { leafHashNode, nodeHashNode } from './node-hash.js';

it('hashes leaves as log/hash.ts does (RFC 9162: SHA-256 of 0x00 and the entry)', () => {
  assert.equal(leafHashNode(new Uint8Array()).toString('hex'), '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d');
  fc.assert(fc.property(fc.uint8Array({ maxLength: 2048 }), (entry) => assert.deepEqual(new Uint8Array(leafHashNode(entry)), hashLeaf(entry))));
});

it('hashes interior nodes as log/hash.ts does (SHA-256 of 0x01, left, right)', () => {
  const hash = fc.uint8Array({ minLength: 32, maxLength: 32 });
  fc.assert(fc.property(hash, hash, (left, right) => assert.deepEqual(new Uint8Array(nodeHashNode(left, right)), hashChildren(left, right))));
});

it('hashes entries longer than its scratch buffer, and a hash handed out stays as it was', () => {
  fc.assert(fc.property(fc.uint8Array({ minLength: 4000, maxLength: 70_000 }), (entry) => assert.deepEqual(new Uint8Array(leafHashNode(entry)), hashLeaf(entry))), { numRuns: 20 });
  const first = leafHashNode(new Uint8Array([1, 2, 3]));
  const kept = new Uint8Array(first);
  for (let i = 0; i < 1000; i++) nodeHashNode(first, leafHashNode(new Uint8Array([i & 0xff])));
  assert.deepEqual(new Uint8Array(first), kept);
});
