import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { toHex } from './encoding.js';
import { HASH_SIZE, emptyRoot, hashChildren, hashLeaf, sha256 } from './hash.js';

describe('hash', () => {
  it('has the reference values of ../shared/vectors/README.md', () => {
    assert.equal(toHex(hashLeaf(new Uint8Array())), '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d');
    assert.equal(toHex(emptyRoot()), 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it('is SHA-256 with 0x00 for leaves and 0x01 for nodes (checked against node:crypto)', () => {
    const node = (...parts: Uint8Array[]) => new Uint8Array(createHash('sha256').update(Buffer.concat(parts)).digest());
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.uint8Array({ minLength: 32, maxLength: 32 }), fc.uint8Array({ minLength: 32, maxLength: 32 }), (entry, l, r) => {
        assert.deepEqual(sha256(entry), node(entry));
        assert.deepEqual(hashLeaf(entry), node(new Uint8Array([0]), entry));
        assert.deepEqual(hashChildren(l, r), node(new Uint8Array([1]), l, r));
      }),
    );
  });

  it('refuses children that are not hashes, and hands out fresh empty roots', () => {
    assert.throws(() => hashChildren(new Uint8Array(31), new Uint8Array(32)), RangeError);
    assert.throws(() => hashChildren(new Uint8Array(32), new Uint8Array(33)), RangeError);
    emptyRoot().fill(0);
    assert.equal(emptyRoot()[0], 0xe3);
    assert.equal(HASH_SIZE, 32);
  });
});
