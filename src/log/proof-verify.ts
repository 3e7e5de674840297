// Verifying Merkle proofs, RFC 9162 §2.1.3.2 (inclusion) and §2.1.4.2 (consistency). Proofs, sizes and roots
// come from the log server or from a receipt file, so all of them are untrusted: a malformed proof is a
// `false` (or null root), never an exception.
import { bytesEqual } from './encoding.js';
import { HASH_SIZE, hashChildren } from './hash.js';
import { half, isIndex, isOdd, isPowerOfTwo } from './tree-math.js';

// A proof for a tree of at most 2^53 leaves has at most 53 (inclusion) or 2*53 (consistency) hashes.
const MAX_PROOF_LENGTH = 128;

function wellFormed(hashes: readonly Uint8Array[]): boolean {
  return hashes.length <= MAX_PROOF_LENGTH && hashes.every((h) => h.length === HASH_SIZE);
}

/**
 * The root implied by an inclusion proof for `leafHash` at `index` in a tree of `size` leaves, or null when the
 * proof cannot be for that position (wrong length, index out of range, malformed hash).
 * @example rootFromInclusionProof(hashLeaf(entry), 3, 10, proof) // compare with a signed checkpoint's root
 */
export function rootFromInclusionProof(
  leafHash: Uint8Array,
  index: number,
  size: number,
  proof: readonly Uint8Array[],
): Uint8Array | null {
  if (!isIndex(index) || !isIndex(size) || index >= size) return null;
  if (leafHash.length !== HASH_SIZE || !wellFormed(proof)) return null;
  let fn = index;
  let sn = size - 1;
  let r = leafHash;
  for (const p of proof) {
    if (sn === 0) return null; // proof longer than the path to the root
    if (isOdd(fn) || fn === sn) {
      r = hashChildren(p, r);
      // On the right edge a node may have no right sibling: climb until it is a right child again.
      while (!isOdd(fn) && fn !== 0) {
        fn = half(fn);
        sn = half(sn);
      }
    } else {
      r = hashChildren(r, p);
    }
    fn = half(fn);
    sn = half(sn);
  }
  return sn === 0 ? r : null; // sn > 0: proof shorter than the path
}

/**
 * True when `proof` shows that `leafHash` is leaf `index` of the tree of `size` leaves whose root is `root`.
 * @example verifyInclusion(hashLeaf(entry), 3, 10, proof, checkpoint.rootHash) // true or false
 */
export function verifyInclusion(
  leafHash: Uint8Array,
  index: number,
  size: number,
  proof: readonly Uint8Array[],
  root: Uint8Array,
): boolean {
  const computed = rootFromInclusionProof(leafHash, index, size, proof);
  return computed !== null && root.length === HASH_SIZE && bytesEqual(computed, root);
}

/**
 * True when `proof` shows that the tree of size1 leaves with root1 is a prefix of the tree of size2 leaves with
 * root2. Equal sizes need an empty proof and equal roots. size1 = 0 is always false: nothing can be proven from
 * the empty tree (every tree extends it), so callers treat "no previous checkpoint" separately.
 * @example verifyConsistency(old.size, cp.size, proof, old.rootHash, cp.rootHash) // true or false
 */
export function verifyConsistency(
  size1: number,
  size2: number,
  proof: readonly Uint8Array[],
  root1: Uint8Array,
  root2: Uint8Array,
): boolean {
  if (!isIndex(size1) || !isIndex(size2) || size1 > size2 || size1 === 0) return false;
  if (size1 === size2) return proof.length === 0 && bytesEqual(root1, root2);
  if (proof.length === 0 || !wellFormed(proof)) return false;
  if (root1.length !== HASH_SIZE || root2.length !== HASH_SIZE) return false;
  // When the old tree is a complete subtree, its root is the proof's (omitted) first node.
  const path = isPowerOfTwo(size1) ? [root1, ...proof] : proof;
  let fn = size1 - 1;
  let sn = size2 - 1;
  while (isOdd(fn)) {
    fn = half(fn);
    sn = half(sn);
  }
  let fr = path[0]!;
  let sr = path[0]!;
  for (let i = 1; i < path.length; i++) {
    const c = path[i]!;
    if (sn === 0) return false;
    if (isOdd(fn) || fn === sn) {
      fr = hashChildren(c, fr);
      sr = hashChildren(c, sr);
      while (!isOdd(fn) && fn !== 0) {
        fn = half(fn);
        sn = half(sn);
      }
    } else {
      sr = hashChildren(sr, c);
    }
    fn = half(fn);
    sn = half(sn);
  }
  return sn === 0 && bytesEqual(fr, root1) && bytesEqual(sr, root2);
}
