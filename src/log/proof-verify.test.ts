import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { utf8 } from './encoding.js';
import { hashLeaf } from './hash.js';
import { MerkleTree } from './merkle-tree.js';
import { rootFromInclusionProof, verifyConsistency, verifyInclusion } from './proof-verify.js';
import { SHARED } from '../../test/repo-paths.js';

// Known answers: transparency-dev/merkle testdata (Apache-2.0), copied to ../shared/vectors/merkle.
const VECTORS = join(SHARED, 'vectors/merkle/');

function jsonFilesUnder(dir: string): string[] {
  assert.ok(existsSync(dir), `missing test vectors folder ${dir} (see ../shared/vectors/README.md)`);
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? jsonFilesUnder(path) : name.endsWith('.json') ? [path] : [];
  });
}
const b64 = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'base64'));

interface InclusionVector { leafIdx: number; treeSize: number; root: string; leafHash: string; proof: string[] | null; desc: string; wantErr: boolean }
interface ConsistencyVector { size1: number; size2: number; root1: string; root2: string; proof: string[] | null; desc: string; wantErr: boolean }

describe('proof verification: known answers', () => {
  it('agrees with every inclusion vector', () => {
    const files = jsonFilesUnder(join(VECTORS, 'inclusion'));
    assert.ok(files.length >= 80, `only ${files.length} inclusion vectors found`);
    let positive = 0;
    for (const file of files) {
      const v = JSON.parse(readFileSync(file, 'utf8')) as InclusionVector;
      const got = verifyInclusion(b64(v.leafHash), v.leafIdx, v.treeSize, (v.proof ?? []).map(b64), b64(v.root));
      assert.equal(got, !v.wantErr, `${file}: ${v.desc}`);
      if (got) positive++;
    }
    assert.ok(positive >= 5, 'the happy paths are there');
  });

  it('agrees with every consistency vector', () => {
    const files = jsonFilesUnder(join(VECTORS, 'consistency'));
    assert.ok(files.length >= 60, `only ${files.length} consistency vectors found`);
    for (const file of files) {
      const v = JSON.parse(readFileSync(file, 'utf8')) as ConsistencyVector;
      const got = verifyConsistency(v.size1, v.size2, (v.proof ?? []).map(b64), b64(v.root1), b64(v.root2));
      assert.equal(got, !v.wantErr, `${file}: ${v.desc}`);
    }
  });
});

// Mutations: a proof from the tree must fail after any single change. Leaves are distinct (entry i = "i"), so no
// two subtrees share a hash by accident.
const N = 300;
const LEAVES = Array.from({ length: N }, (_, i) => hashLeaf(utf8(String(i))));
const TREE = MerkleTree.fromLeafHashes(LEAVES);

function flipped(h: Uint8Array, bit: number): Uint8Array {
  const c = h.slice();
  c[bit >> 3]! ^= 1 << (bit & 7);
  return c;
}
function* everyBitFlip(hashes: readonly Uint8Array[]): Generator<Uint8Array[]> {
  for (let i = 0; i < hashes.length; i++) for (let bit = 0; bit < 256; bit++) yield hashes.map((h, j) => (j === i ? flipped(h, bit) : h));
}
const extra = fc.uint8Array({ minLength: 32, maxLength: 32 });

describe('proof verification: every mutation fails', () => {
  it('inclusion proofs', () => {
    const cases = fc.integer({ min: 1, max: N }).chain((n) => fc.tuple(fc.constant(n), fc.nat({ max: n - 1 }), fc.nat({ max: n - 1 }), fc.integer({ min: 1, max: N })));
    fc.assert(
      fc.property(cases, extra, ([size, index, otherIndex, otherSize], junk) => {
        const leaf = LEAVES[index]!;
        const root = TREE.root(size);
        const proof = TREE.inclusionProof(index, size);
        assert.ok(verifyInclusion(leaf, index, size, proof, root));
        for (const p of everyBitFlip(proof)) assert.ok(!verifyInclusion(leaf, index, size, p, root));
        for (let bit = 0; bit < 256; bit++) {
          assert.ok(!verifyInclusion(flipped(leaf, bit), index, size, proof, root));
          assert.ok(!verifyInclusion(leaf, index, size, proof, flipped(root, bit)));
        }
        if (otherIndex !== index) assert.ok(!verifyInclusion(leaf, otherIndex, size, proof, root), 'wrong index');
        if (otherSize !== size && index < otherSize) {
          assert.ok(!verifyInclusion(leaf, index, otherSize, proof, TREE.root(otherSize)), 'wrong size');
        }
        assert.ok(!verifyInclusion(leaf, index, size + size, proof, root), 'doubled size');
        assert.ok(!verifyInclusion(leaf, size, size, proof, root), 'index = size');
        if (proof.length > 0) {
          assert.ok(!verifyInclusion(leaf, index, size, proof.slice(1), root), 'first hash dropped');
          assert.ok(!verifyInclusion(leaf, index, size, proof.slice(0, -1), root), 'last hash dropped');
        }
        assert.ok(!verifyInclusion(leaf, index, size, [...proof, junk], root), 'extended');
        assert.ok(!verifyInclusion(leaf, index, size, [junk, ...proof], root), 'prefixed');
        assert.ok(!verifyInclusion(leaf, index, size, [...proof, root], root), 'root appended');
      }),
      { numRuns: 40 },
    );
  });

  it('consistency proofs', () => {
    const cases = fc.integer({ min: 2, max: N }).chain((n) => fc.tuple(fc.integer({ min: 1, max: n - 1 }), fc.constant(n), fc.integer({ min: 1, max: N })));
    fc.assert(
      fc.property(cases, extra, ([size1, size2, other], junk) => {
        const root1 = TREE.root(size1);
        const root2 = TREE.root(size2);
        const proof = TREE.consistencyProof(size1, size2);
        assert.ok(verifyConsistency(size1, size2, proof, root1, root2));
        for (const p of everyBitFlip(proof)) assert.ok(!verifyConsistency(size1, size2, p, root1, root2));
        for (let bit = 0; bit < 256; bit++) {
          assert.ok(!verifyConsistency(size1, size2, proof, flipped(root1, bit), root2));
          assert.ok(!verifyConsistency(size1, size2, proof, root1, flipped(root2, bit)));
        }
        if (other !== size1 && other <= size2) {
          assert.ok(!verifyConsistency(other, size2, proof, TREE.root(other), root2), 'wrong size1');
        }
        if (other !== size2 && other >= size1) {
          assert.ok(!verifyConsistency(size1, other, proof, root1, TREE.root(other)), 'wrong size2');
        }
        assert.ok(!verifyConsistency(size2, size1, proof, root2, root1), 'swapped');
        assert.ok(!verifyConsistency(size1, size2, proof.slice(1), root1, root2), 'first hash dropped');
        assert.ok(!verifyConsistency(size1, size2, proof.slice(0, -1), root1, root2), 'last hash dropped');
        assert.ok(!verifyConsistency(size1, size2, [...proof, junk], root1, root2), 'extended');
        assert.ok(!verifyConsistency(size1, size2, [junk, ...proof], root1, root2), 'prefixed');
      }),
      { numRuns: 40 },
    );
  });

  it('turns malformed input into false or null, never an exception', () => {
    const leaf = LEAVES[0]!;
    const root = TREE.root(2);
    const proof = TREE.inclusionProof(0, 2);
    assert.ok(verifyInclusion(leaf, 0, 2, proof, root));
    for (const [index, size] of [[-1, 2], [0, -2], [0.5, 2], [0, 2.5], [Number.NaN, 2], [0, Infinity], [2 ** 53, 2 ** 53 + 2]]) {
      assert.equal(verifyInclusion(leaf, index!, size!, proof, root), false);
      assert.equal(rootFromInclusionProof(leaf, index!, size!, proof), null);
    }
    assert.equal(verifyInclusion(leaf.subarray(0, 31), 0, 2, proof, root), false);
    assert.equal(verifyInclusion(leaf, 0, 2, [proof[0]!.subarray(1)], root), false);
    assert.equal(verifyInclusion(leaf, 0, 2, proof, root.subarray(1)), false);
    assert.equal(verifyInclusion(leaf, 0, 2, Array(1000).fill(proof[0]), root), false);
    assert.equal(verifyConsistency(1, 2, [new Uint8Array(3)], TREE.root(1), root), false);
    assert.equal(verifyConsistency(1, 2 ** 60, TREE.consistencyProof(1, 2), TREE.root(1), root), false);
    assert.equal(verifyConsistency(0, 0, [], new Uint8Array(), new Uint8Array()), false);
  });

  it('rootFromInclusionProof gives the root the proof implies', () => {
    assert.deepEqual(rootFromInclusionProof(LEAVES[7]!, 7, 100, TREE.inclusionProof(7, 100)), TREE.root(100));
  });
});
