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
