import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { fromHex, toHex, utf8 } from './encoding.js';
import { emptyRoot, hashChildren, hashLeaf } from './hash.js';
import { MerkleTree } from './merkle-tree.js';
import { verifyConsistency, verifyInclusion } from './proof-verify.js';

// A naive reference: RFC 9162 §2.1 written as its recursive definitions, used only here to check the tree.
function split(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}
function refRoot(leaves: readonly Uint8Array[]): Uint8Array {
  if (leaves.length === 0) return emptyRoot();
  if (leaves.length === 1) return leaves[0]!;
  const k = split(leaves.length);
  return hashChildren(refRoot(leaves.slice(0, k)), refRoot(leaves.slice(k)));
}
function refPath(m: number, leaves: readonly Uint8Array[]): Uint8Array[] {
  if (leaves.length <= 1) return [];
  const k = split(leaves.length);
  return m < k
    ? [...refPath(m, leaves.slice(0, k)), refRoot(leaves.slice(k))]
    : [...refPath(m - k, leaves.slice(k)), refRoot(leaves.slice(0, k))];
}
function refSubproof(m: number, leaves: readonly Uint8Array[], whole: boolean): Uint8Array[] {
  const n = leaves.length;
  if (m === n) return whole ? [] : [refRoot(leaves)];
  const k = split(n);
  return m <= k
    ? [...refSubproof(m, leaves.slice(0, k), whole), refRoot(leaves.slice(k))]
    : [...refSubproof(m - k, leaves.slice(k), false), refRoot(leaves.slice(0, k))];
}

/** Distinct leaves: entry i is the decimal text of i. */
const leavesOf = (n: number): Uint8Array[] => Array.from({ length: n }, (_, i) => hashLeaf(utf8(String(i))));
const MAX = 300;
const LEAVES = leavesOf(MAX);
const BIG = MerkleTree.fromLeafHashes(LEAVES);
const hexes = (hs: readonly Uint8Array[]): string[] => hs.map(toHex);

describe('MerkleTree', () => {
  it('matches the RFC 6962 test tree roots (transparency-dev testdata leaves)', () => {
    // Source: the 8 leaves of RFC 6962's reference tests, also used by ../shared/vectors/merkle.
    const entries = ['', '00', '10', '2021', '3031', '40414243', '5051525354555657', '606162636465666768696a6b6c6d6e6f'];
    const roots = [
      '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
      'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
      'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
      '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
      '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
      'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
      '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
    ];
    const tree = MerkleTree.fromLeafHashes(entries.map((e) => hashLeaf(fromHex(e)!)));
    roots.forEach((r, i) => assert.equal(toHex(tree.root(i + 1)), r, `root of size ${i + 1}`));
    assert.equal(toHex(tree.root(0)), 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it('has the reference root at every size, however it was built', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX }), fc.integer({ min: 1, max: 40 }), (size, chunk) => {
        const leaves = LEAVES.slice(0, size);
        const one = new MerkleTree();
        for (const l of leaves) one.append(l);
        const chunked = new MerkleTree();
        for (let i = 0; i < size; i += chunk) assert.equal(chunked.appendMany(leaves.slice(i, i + chunk)), i);
        assert.equal(one.size, size);
        const want = toHex(refRoot(leaves));
        assert.equal(toHex(one.root()), want);
        assert.equal(toHex(chunked.root()), want);
        assert.equal(toHex(BIG.root(size)), want);
      }),
      { numRuns: 60 },
    );
  });

  it('gives the reference inclusion proofs, which verify', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: MAX }).chain((n) => fc.tuple(fc.constant(n), fc.nat({ max: n - 1 }))), ([size, index]) => {
        const proof = BIG.inclusionProof(index, size);
        assert.deepEqual(hexes(proof), hexes(refPath(index, LEAVES.slice(0, size))));
        assert.ok(verifyInclusion(LEAVES[index]!, index, size, proof, refRoot(LEAVES.slice(0, size))));
      }),
      { numRuns: 400 },
    );
  });

  it('gives the reference consistency proofs, which verify', () => {
    const sizes = fc.integer({ min: 1, max: MAX }).chain((n) => fc.tuple(fc.integer({ min: 1, max: n }), fc.constant(n)));
    fc.assert(
      fc.property(sizes, ([size1, size2]) => {
        const proof = BIG.consistencyProof(size1, size2);
        const want = size1 === size2 ? [] : refSubproof(size1, LEAVES.slice(0, size2), true);
        assert.deepEqual(hexes(proof), hexes(want));
        assert.ok(verifyConsistency(size1, size2, proof, BIG.root(size1), BIG.root(size2)));
      }),
      { numRuns: 400 },
    );
  });

  it('proves every leaf at every size and every pair of sizes up to 48', () => {
    for (let size = 1; size <= 48; size++) {
      const root = BIG.root(size);
      for (let i = 0; i < size; i++) assert.ok(verifyInclusion(LEAVES[i]!, i, size, BIG.inclusionProof(i, size), root));
      for (let m = 1; m <= size; m++) assert.ok(verifyConsistency(m, size, BIG.consistencyProof(m, size), BIG.root(m), root));
    }
  });

  it('serves complete subtree hashes by level and index', () => {
    assert.equal(toHex(BIG.nodeHash(0, 5)), toHex(LEAVES[5]!));
    assert.equal(toHex(BIG.nodeHash(3, 2)), toHex(refRoot(LEAVES.slice(16, 24))));
    assert.equal(toHex(BIG.nodeHash(8, 0)), toHex(refRoot(LEAVES.slice(0, 256))));
    const row = BIG.nodeHashes(2, 3, 4);
    assert.equal(row.length, 4 * 32);
    assert.equal(toHex(row.subarray(32, 64)), toHex(refRoot(LEAVES.slice(16, 20))));
    assert.throws(() => BIG.nodeHash(8, 1), RangeError); // leaves 256..511 are not all there
    assert.throws(() => BIG.nodeHash(9, 0), RangeError);
    assert.throws(() => BIG.nodeHashes(0, 299, 2), RangeError);
    assert.throws(() => BIG.nodeHash(-1, 0), RangeError);
    row.fill(0); // a copy: the tree is unchanged
    assert.equal(toHex(BIG.nodeHashes(2, 3, 4).subarray(32, 64)), toHex(refRoot(LEAVES.slice(16, 20))));
  });

  it('rejects impossible requests with RangeError', () => {
    const tree = MerkleTree.fromLeafHashes(leavesOf(10));
    assert.throws(() => tree.root(11), RangeError);
    assert.throws(() => tree.root(1.5), RangeError);
    assert.throws(() => tree.inclusionProof(10, 10), RangeError);
    assert.throws(() => tree.inclusionProof(0, 11), RangeError);
    assert.throws(() => tree.inclusionProof(0, 0), RangeError);
    assert.throws(() => tree.consistencyProof(5, 4), RangeError);
    assert.throws(() => tree.consistencyProof(1, 11), RangeError);
    assert.throws(() => tree.append(new Uint8Array(31)), RangeError);
    assert.deepEqual(tree.consistencyProof(0, 10), []);
    assert.deepEqual(tree.consistencyProof(10, 10), []);
    assert.deepEqual(new MerkleTree().root(), emptyRoot());
  });

  it('returns roots and proofs that callers may modify freely', () => {
    const tree = MerkleTree.fromLeafHashes(leavesOf(4));
    const before = toHex(tree.root());
    tree.root().fill(0);
    tree.root(1).fill(0); // a single-leaf root is the stored leaf hash itself
    tree.inclusionProof(0, 4)[0]!.fill(0);
    assert.equal(toHex(tree.root()), before);
    assert.equal(toHex(tree.root(1)), toHex(leavesOf(1)[0]!));
  });

  it('holds a tree of 2^17 + 3 leaves and proves its last leaf', () => {
    const n = 2 ** 17 + 3;
    const leaf = hashLeaf(utf8('x'));
    const tree = new MerkleTree();
    for (let i = 0; i < n; i++) tree.append(leaf);
    assert.equal(tree.size, n);
    const root = tree.root();
    assert.ok(verifyInclusion(leaf, n - 1, n, tree.inclusionProof(n - 1, n), root));
    assert.ok(verifyConsistency(2 ** 17, n, tree.consistencyProof(2 ** 17), tree.root(2 ** 17), root));
  });
});
