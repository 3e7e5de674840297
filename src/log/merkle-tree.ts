// The log's Merkle tree (RFC 9162 §2.1), held compactly: level k keeps the hashes of every complete subtree
// of 2^k leaves, floor(size / 2^k) of them, back to back in one growable Uint8Array (32 bytes per node). A
// million leaves take about 64 MiB and no per-node objects. Roots, inclusion and consistency proofs for any
// earlier size are computed from these complete subtrees, hashing only the ephemeral nodes on the right edge.
import { HASH_SIZE, emptyRoot, hashChildren } from './hash.js';
import { exactLog2, isIndex, isOdd, isPowerOfTwo, largestPowerOfTwoBelow } from './tree-math.js';

const MIN_CAPACITY = 64; // hashes per level at first allocation

/**
 * An append-only RFC 9162 Merkle tree over leaf hashes, answering for any past size.
 * @example
 * const tree = new MerkleTree();
 * tree.append(hashLeaf(statementBytes)); // 0
 * const proof = tree.inclusionProof(0, tree.size);
 */
export class MerkleTree {
  /** levels[k] holds floor(size / 2^k) hashes (some spare capacity after them). */
  #levels: Uint8Array[] = [];
  #size = 0;

  /**
   * Builds a tree from leaf hashes (each 32 bytes), reserving memory once.
   * @example MerkleTree.fromLeafHashes(entries.map(hashLeaf)).root()
   */
  static fromLeafHashes(leafHashes: readonly Uint8Array[]): MerkleTree {
    const tree = new MerkleTree();
    tree.appendMany(leafHashes);
    return tree;
  }

  /** Number of leaves. */
  get size(): number {
    return this.#size;
  }

  /**
   * Appends one leaf hash and returns its index.
   * @example const index = tree.append(hashLeaf(entry));
   */
  append(leafHash: Uint8Array): number {
    if (leafHash.length !== HASH_SIZE) throw new RangeError(`append: a leaf hash is ${HASH_SIZE} bytes`);
    const index = this.#size;
    this.#write(0, index, leafHash);
    // Each time the new node is a right child, its parent becomes complete.
    let level = 0;
    let i = index;
    while (isOdd(i)) {
      const parent = hashChildren(this.#view(level, i - 1), this.#view(level, i));
      i = (i - 1) / 2;
      level++;
      this.#write(level, i, parent);
    }
    this.#size = index + 1;
    return index;
  }

  /**
   * Appends leaf hashes in order and returns the index of the first (the old size).
   * @example tree.appendMany(batch.map(hashLeaf)) // index of batch[0]
   */
  appendMany(leafHashes: readonly Uint8Array[]): number {
    const first = this.#size;
    this.#reserve(first + leafHashes.length);
    for (const h of leafHashes) this.append(h);
    return first;
  }

  /**
   * The root hash of the tree made of the first `size` leaves (default: all of them).
   * @example tree.root() ; tree.root(5) // the root the log had at size 5
   */
  root(size: number = this.#size): Uint8Array {
    this.#checkSize(size, 'root');
    if (size === 0) return emptyRoot();
    // The complete subtrees of a size-n tree are given by the set bits of n; fold them from the right.
    let acc: Uint8Array | null = null;
    let p = 1;
    for (let level = 0; p <= size; level++, p *= 2) {
      const count = Math.floor(size / p);
      if (!isOdd(count)) continue;
      const node = this.#view(level, count - 1);
      acc = acc === null ? node.slice() : hashChildren(node, acc);
    }
    return acc!;
  }

  /**
   * Hash of the complete subtree at `level` (2^level leaves) with position `index` in that level: level 0 is
   * the leaf hashes. This is what tiles serve.
   * @example tree.nodeHash(0, 7) // leaf hash of entry 7; tree.nodeHash(8, 0) // root of the first 256 entries
   */
  nodeHash(level: number, index: number): Uint8Array {
    return this.nodeHashes(level, index, 1);
  }

  /**
   * `count` consecutive complete-subtree hashes at one level, concatenated (a copy), e.g. a tile's contents.
   * @example tree.nodeHashes(0, 256, 256) // the level-0 tile number 1
   */
  nodeHashes(level: number, start: number, count: number): Uint8Array {
    if (!isIndex(level) || !isIndex(start) || !isIndex(count) || level > 52) {
      throw new RangeError('nodeHashes: level, start and count must be non-negative integers');
    }
    if ((start + count) * 2 ** level > this.#size) {
      throw new RangeError(`nodeHashes: level ${level} has no complete node ${start + count - 1} at size ${this.#size}`);
    }
    const buf = this.#levels[level] ?? new Uint8Array(0);
    return buf.slice(start * HASH_SIZE, (start + count) * HASH_SIZE);
  }

  /**
   * RFC 9162 §2.1.3.1 inclusion proof of leaf `index` in the tree of size `size` (default: current size).
   * Throws RangeError unless index < size <= this.size.
   * @example verifyInclusion(leaf, 3, 10, tree.inclusionProof(3, 10), tree.root(10)) // true
   */
  inclusionProof(index: number, size: number = this.#size): Uint8Array[] {
    this.#checkSize(size, 'inclusionProof');
    if (!isIndex(index) || index >= size) throw new RangeError(`inclusionProof: index ${index} is not below size ${size}`);
    const path: Uint8Array[] = [];
    let start = 0;
    let end = size;
    while (end - start > 1) {
      const k = largestPowerOfTwoBelow(end - start);
      if (index < start + k) {
        path.push(this.#rangeHash(start + k, end));
        end = start + k;
      } else {
        path.push(this.#rangeHash(start, start + k));
        start += k;
      }
    }
    return path.reverse();
  }

  /**
   * RFC 9162 §2.1.4.1 consistency proof from size1 to size2 (default: current size). Empty when size1 is 0
   * or equals size2. Throws RangeError unless size1 <= size2 <= this.size.
   * @example verifyConsistency(4, 9, tree.consistencyProof(4, 9), tree.root(4), tree.root(9)) // true
   */
  consistencyProof(size1: number, size2: number = this.#size): Uint8Array[] {
    this.#checkSize(size2, 'consistencyProof');
    if (!isIndex(size1) || size1 > size2) throw new RangeError(`consistencyProof: size1 ${size1} exceeds size2 ${size2}`);
    if (size1 === 0 || size1 === size2) return [];
    const proof: Uint8Array[] = [];
    let m = size1;
    let start = 0;
    let end = size2;
    let whole = true; // SUBPROOF's b: m is still the whole old tree, whose root the verifier knows
    for (;;) {
      const n = end - start;
      if (m === n) {
        if (!whole) proof.push(this.#rangeHash(start, end));
        break;
      }
      const k = largestPowerOfTwoBelow(n);
      if (m <= k) {
        proof.push(this.#rangeHash(start + k, end));
        end = start + k;
      } else {
        proof.push(this.#rangeHash(start, start + k));
        start += k;
        m -= k;
        whole = false;
      }
    }
    return proof.reverse();
  }

  /** MTH(D[start:end]) for the ranges RFC 9162's recursions visit (start aligned to a power of two >= length). */
  #rangeHash(start: number, end: number): Uint8Array {
    const n = end - start;
    if (isPowerOfTwo(n) && start % n === 0) return this.#view(exactLog2(n), start / n).slice();
    const k = largestPowerOfTwoBelow(n);
    return hashChildren(this.#rangeHash(start, start + k), this.#rangeHash(start + k, end));
  }

  #checkSize(size: number, what: string): void {
    if (!isIndex(size) || size > this.#size) throw new RangeError(`${what}: size ${size} is not in [0, ${this.#size}]`);
  }

  /** A view (no copy) of one stored hash. */
  #view(level: number, index: number): Uint8Array {
    return this.#levels[level]!.subarray(index * HASH_SIZE, (index + 1) * HASH_SIZE);
  }

  #write(level: number, index: number, hash: Uint8Array): void {
    this.#grow(level, index + 1);
    this.#levels[level]!.set(hash, index * HASH_SIZE);
  }

  /** Makes room for a tree of `size` leaves on every level (one allocation per level for a bulk append). */
  #reserve(size: number): void {
    for (let level = 0, count = size; count >= 1; level++, count = Math.floor(count / 2)) this.#grow(level, count);
  }

  /** Ensures level `level` holds `count` hashes, growing by half again (not doubling) to bound the slack. */
  #grow(level: number, count: number): void {
    const have = this.#levels[level];
    if (have !== undefined && have.length >= count * HASH_SIZE) return;
    const current = have === undefined ? 0 : have.length / HASH_SIZE;
    const capacity = Math.max(count, MIN_CAPACITY, Math.floor(current * 1.5));
    const grown = new Uint8Array(capacity * HASH_SIZE);
    if (have !== undefined) grown.set(have);
    this.#levels[level] = grown;
  }
}
