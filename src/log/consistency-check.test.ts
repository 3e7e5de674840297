import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Checkpoint } from './checkpoint.js';
import { checkCheckpointConsistency } from './consistency-check.js';
import { utf8 } from './encoding.js';
import { hashLeaf } from './hash.js';
import { MerkleTree } from './merkle-tree.js';

const tree = MerkleTree.fromLeafHashes(Array.from({ length: 20 }, (_, i) => hashLeaf(utf8(`entry ${i}`))));
const at = (size: number, origin = 'truce/test'): Checkpoint => ({ origin, size, rootHash: tree.root(size), extensions: [] });

describe('checkCheckpointConsistency', () => {
  it('accepts an append-only extension, the same tree, and growth from empty', () => {
    assert.deepEqual(checkCheckpointConsistency(at(7), at(20), tree.consistencyProof(7, 20)), { ok: true });
    assert.deepEqual(checkCheckpointConsistency(at(20), at(20), []), { ok: true });
    assert.deepEqual(checkCheckpointConsistency(at(0), at(20), []), { ok: true });
  });

  it('names what went wrong', () => {
    const reason = (r: ReturnType<typeof checkCheckpointConsistency>) => (r.ok ? 'ok' : r.reason);
    assert.equal(reason(checkCheckpointConsistency(at(7), at(20, 'truce/other'), tree.consistencyProof(7, 20))), 'different-log');
    assert.equal(reason(checkCheckpointConsistency(at(20), at(7), [])), 'rollback');
    const forked: Checkpoint = { ...at(20), rootHash: tree.root(19) };
    assert.equal(reason(checkCheckpointConsistency(at(20), forked, [])), 'fork');
    assert.equal(reason(checkCheckpointConsistency(at(20), at(20), [tree.root(1)])), 'inconsistent');
    assert.equal(reason(checkCheckpointConsistency(at(7), at(20), tree.consistencyProof(8, 20))), 'inconsistent');
    assert.equal(reason(checkCheckpointConsistency(at(7), forked, tree.consistencyProof(7, 20))), 'inconsistent');
    const badEmpty: Checkpoint = { ...at(0), rootHash: tree.root(1) };
    assert.equal(reason(checkCheckpointConsistency(badEmpty, at(20), [])), 'inconsistent');
  });
});
