// The log's Merkle tree read from the store, so memory stays bounded as the log grows: in memory only the right
// edge (one hash per set bit of the size) and a bounded cache of full tiles; every other hash comes from the store's
// C2SP-shaped rows (leaf hashes, and tree_nodes every 8 levels). Opening reads about log256(size) tiles: constant
// time in practice, where rebuilding an in-memory tree read every leaf.
import { LRUCache } from 'lru-cache';
import { TruceError } from '../domain/errors.js';
import { HASH_SIZE, emptyRoot, hashChildren } from '../log/hash.js';
import { exactLog2, isIndex, isPowerOfTwo, largestPowerOfTwoBelow } from '../log/tree-math.js';
import { TILE_HEIGHT, TILE_WIDTH } from '../log/tiles.js';
import type { Store, TreeNode } from '../store/store.js';
import { nodeHashNode } from './node-hash.js';

/** Full tiles kept in memory: 4096 × 8 KiB = 32 MiB at most. */
const CACHED_TILES = 4096;

interface Subtree {
  readonly level: number;
  readonly hash: Uint8Array;
}

/** What appending leaves would make: the new right edge and the stored nodes it completes (see extend). */
export interface Growth {
  readonly size: number;
  readonly edge: readonly Subtree[];
  readonly nodes: readonly TreeNode[];
}

/** Fold 2^k consecutive hashes (concatenated) into the root of their subtree. */
export function foldHashes(hashes: Uint8Array): Uint8Array {
  let level = hashes;
  while (level.length > HASH_SIZE) {
    const next = new Uint8Array(level.length / 2);
    for (let i = 0; i < level.length; i += 2 * HASH_SIZE) {
      next.set(hashChildren(level.subarray(i, i + HASH_SIZE), level.subarray(i + HASH_SIZE, i + 2 * HASH_SIZE)), i / 2);
    }
    level = next;
  }
  return level.slice();
}

/** The store lacks hashes the tree needs (e.g. tree_nodes lost): startup rebuilds them from the entries. */
export class MissingTreeHashes extends TruceError {
  constructor(level: number, start: number, end: number) {
    super('internal', `the store lacks tree hashes of level ${level} in [${start}, ${end})`);
  }
}

/**
 * Hashes of one stored level (0: leaf hashes; 8, 16, ...: tree_nodes), [start, end), all of them or a TruceError.
 * @example await readLevel(store, 0, 0, 256) // the first leaf tile's 8192 bytes
 */
export async function readLevel(store: Store, level: number, start: number, end: number): Promise<Uint8Array> {
  const hashes = level === 0 ? await store.leafHashes(start, end) : await store.treeNodes(level, start, end);
  if (hashes.length !== (end - start) * HASH_SIZE) {
    throw new MissingTreeHashes(level, start, end);
  }
  return hashes;
}

/**
 * An RFC 9162 tree over the store's hashes. The sequencer extends it (extend, then adopt once the batch committed);
 * readers ask for roots, proofs and tiles of any size up to the current one.
 * @example const tree = await StoredTree.open(store, await store.logSize()); await tree.inclusionProof(3, tree.size)
 */
export class StoredTree {
  #size = 0;
  #edge: readonly Subtree[] = [];
  readonly #tiles = new LRUCache<string, Uint8Array>({ max: CACHED_TILES });

  private constructor(private readonly store: Store) {}

  /** Open the tree of the first `size` entries: reads the complete subtrees of its right edge. */
  static async open(store: Store, size: number): Promise<StoredTree> {
    const tree = new StoredTree(store);
    const edge: Subtree[] = [];
    let start = 0;
    for (let level = 52; level >= 0; level--) {
      const width = 2 ** level;
      if (start + width > size) continue;
      edge.push({ level, hash: await tree.node(level, start / width, start + width) });
      start += width;
    }
    tree.#size = size;
    tree.#edge = edge;
    return tree;
  }

  get size(): number {
    return this.#size;
  }

  /** The root at the current size (from the right edge, no store access). */
  root(): Uint8Array {
    if (this.#edge.length === 0) return emptyRoot();
    let acc = this.#edge[this.#edge.length - 1]!.hash;
    for (let i = this.#edge.length - 2; i >= 0; i--) acc = hashChildren(this.#edge[i]!.hash, acc);
    return acc.slice();
  }

  /**
   * The tree after appending these leaf hashes, and the tree_nodes rows they complete, without changing this one:
   * the rows go into the batch's transaction, and adopt() follows its commit.
   */
  extend(leafHashes: readonly Uint8Array[]): Growth {
    const edge = [...this.#edge];
    const nodes: TreeNode[] = [];
    let size = this.#size;
    for (const leaf of leafHashes) {
      if (leaf.length !== HASH_SIZE) throw new RangeError(`a leaf hash is ${HASH_SIZE} bytes`);
      edge.push({ level: 0, hash: leaf });
      size += 1;
      while (edge.length >= 2 && edge[edge.length - 1]!.level === edge[edge.length - 2]!.level) {
        const right = edge.pop()!;
        const left = edge.pop()!;
        const level = left.level + 1;
        const hash = nodeHashNode(left.hash, right.hash);
        edge.push({ level, hash });
        if (level % TILE_HEIGHT === 0) nodes.push({ level, index: size / 2 ** level - 1, hash });
      }
    }
    return { size, edge, nodes };
  }

  /** Take a growth made by extend() from this very tree, once its rows are stored. */
  adopt(growth: Growth): void {
    this.#size = growth.size;
    this.#edge = growth.edge;
  }

  /** The root of the tree of the first `size` entries. */
  async rootAt(size: number): Promise<Uint8Array> {
    this.#checkSize(size);
    if (size === this.#size) return this.root();
    return size === 0 ? emptyRoot() : this.#rangeHash(0, size);
  }

  /**
   * Hash of the complete subtree at `level` with position `index`; `within` is a size that contains it. Hashed up
   * from the stored level at or below it (at most 128 hashes).
   */
  async node(level: number, index: number, within = this.#size): Promise<Uint8Array> {
    if ((index + 1) * 2 ** level > within) throw new RangeError(`no complete node ${index} at level ${level} in a tree of ${within}`);
    const base = level - (level % TILE_HEIGHT);
    const span = 2 ** (level - base);
    return foldHashes(await this.#stored(base, index * span, span, within));
  }

  /**
   * `count` hashes of a stored level (a multiple of 8) from `start`: what a C2SP hash tile holds.
   * @example await tree.tileHashes(1, 0, 256) // tile/1/000: level 8, nodes 0..255
   */
  async tileHashes(tileLevel: number, start: number, count: number): Promise<Uint8Array> {
    return this.#stored(tileLevel * TILE_HEIGHT, start, count, this.#size);
  }

  /** RFC 9162 §2.1.3.1 inclusion proof of leaf `index` in the tree of `size`. */
  async inclusionProof(index: number, size: number): Promise<Uint8Array[]> {
    this.#checkSize(size);
    if (!isIndex(index) || index >= size) throw new RangeError(`inclusionProof: index ${index} is not below size ${size}`);
    const path: Uint8Array[] = [];
    let start = 0;
    let end = size;
    while (end - start > 1) {
      const k = largestPowerOfTwoBelow(end - start);
      if (index < start + k) {
        path.push(await this.#rangeHash(start + k, end));
        end = start + k;
      } else {
        path.push(await this.#rangeHash(start, start + k));
        start += k;
      }
    }
    return path.reverse();
  }

  /** RFC 9162 §2.1.4.1 consistency proof from size1 to size2. */
  async consistencyProof(size1: number, size2: number): Promise<Uint8Array[]> {
    this.#checkSize(size2);
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
        if (!whole) proof.push(await this.#rangeHash(start, end));
        break;
      }
      const k = largestPowerOfTwoBelow(n);
      if (m <= k) {
        proof.push(await this.#rangeHash(start + k, end));
        end = start + k;
      } else {
        proof.push(await this.#rangeHash(start, start + k));
        start += k;
        m -= k;
        whole = false;
      }
    }
    return proof.reverse();
  }

  /** MTH(D[start:end]) for the ranges RFC 9162's recursions visit. */
  async #rangeHash(start: number, end: number): Promise<Uint8Array> {
    const n = end - start;
    if (isPowerOfTwo(n) && start % n === 0) return this.node(exactLog2(n), start / n, end);
    const k = largestPowerOfTwoBelow(n);
    return hashChildren(await this.#rangeHash(start, start + k), await this.#rangeHash(start + k, end));
  }

  /** Stored hashes of level `level` (a multiple of 8), [start, start + count) inside one tile; full tiles are cached. */
  async #stored(level: number, start: number, count: number, within: number): Promise<Uint8Array> {
    const tile = Math.floor(start / TILE_WIDTH);
    const offset = (start - tile * TILE_WIDTH) * HASH_SIZE;
    if (offset + count * HASH_SIZE > TILE_WIDTH * HASH_SIZE) throw new RangeError('a read crosses a tile');
    if ((tile + 1) * TILE_WIDTH * 2 ** level > Math.max(within, this.#size)) return readLevel(this.store, level, start, start + count);
    const key = `${level}/${tile}`;
    let hashes = this.#tiles.get(key);
    if (!hashes) {
      hashes = await readLevel(this.store, level, tile * TILE_WIDTH, (tile + 1) * TILE_WIDTH);
      this.#tiles.set(key, hashes);
    }
    return hashes.subarray(offset, offset + count * HASH_SIZE);
  }

  #checkSize(size: number): void {
    if (!isIndex(size) || size > this.#size) throw new RangeError(`size ${size} is not in [0, ${this.#size}]`);
  }
}
