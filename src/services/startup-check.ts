// Before serving, the stored log is checked against itself: every entry not checked at an earlier start has its leaf
// hash and id recomputed from its bytes, and every stored tree node above it is recomputed from the level below
// (missing ones, in a store written before they existed, are filled in). The root is then checked against the last
// signed checkpoint (mechanism.ts). Incremental: a start costs what was appended since the last one; a deep start
// (`truce serve --deep-check`) checks everything again.
import { createHash } from 'node:crypto';
import { TruceError } from '../domain/errors.js';
import { toHex } from '../domain/encoding.js';
import { TILE_HEIGHT, TILE_WIDTH } from '../log/tiles.js';
import type { Store, TreeNode } from '../store/store.js';
import { foldHashes, readLevel } from './stored-tree.js';

/** The meta key holding the log size checked so far. */
export const CHECKED_META = 'log_checked_size';
/** Nodes of the level above read per query: 64 tiles. */
const TILES_PER_READ = 64;

const altered = (what: string) => new TruceError('conflict', `${what}: the stored log was altered; refusing to serve (audit: \`truce serve --deep-check\`)`);

function leafHash(bytes: Uint8Array): Uint8Array {
  return createHash('sha256').update(new Uint8Array([0])).update(bytes).digest();
}

/** Level-0 hashes [start, end), each recomputed from its entry's bytes and compared with the stored hash and id. */
async function checkedLeaves(store: Store, start: number, end: number): Promise<Uint8Array> {
  const entries = await store.entries(start, end);
  const hashes = new Uint8Array((end - start) * 32);
  entries.forEach((entry, i) => {
    const index = start + i;
    const hash = leafHash(entry.bytes);
    if (entry.index !== index) throw altered(`entry ${index} is missing`);
    if (Buffer.compare(hash, entry.leafHash) !== 0 || entry.id !== toHex(hash)) throw altered(`entry ${index}'s bytes do not hash to its stored leaf hash and id`);
    hashes.set(hash, i * 32);
  });
  if (entries.length !== end - start) throw altered(`entries [${start}, ${end}) are missing`);
  return hashes;
}

/** Store the computed nodes where missing, then require every stored one to equal its computed value. */
async function reconcile(store: Store, level: number, nodes: readonly TreeNode[]): Promise<void> {
  if (nodes.length === 0) return;
  await store.saveTreeNodes(nodes);
  const first = nodes[0]!.index;
  const stored = await readLevel(store, level, first, first + nodes.length);
  nodes.forEach((node, i) => {
    if (Buffer.compare(stored.subarray(i * 32, (i + 1) * 32), node.hash) !== 0) throw altered(`tree node ${node.index} of level ${level} differs from the one computed from the log`);
  });
}

/**
 * Check the stored log's entries [from, size) and the tree nodes above them; throws TruceError('conflict') naming
 * the first entry or node that does not match.
 * @example await checkStoredLog(store, 0, await store.logSize()) // a deep check
 */
export async function checkStoredLog(store: Store, checked: number, size: number, onProgress?: (message: string) => void): Promise<void> {
  // A log shorter than what was checked before is the signed checkpoint's to judge (mechanism.ts), with its message.
  const from = Math.min(checked, size);
  for (let level = 0; 2 ** (level + TILE_HEIGHT) <= size; level += TILE_HEIGHT) {
    const parent = level + TILE_HEIGHT;
    const end = Math.floor(size / 2 ** parent);
    for (let node = Math.floor(from / 2 ** parent); node < end; node += TILES_PER_READ) {
      const last = Math.min(end, node + TILES_PER_READ);
      const [lo, hi] = [node * TILE_WIDTH, last * TILE_WIDTH];
      const hashes = level === 0 ? await checkedLeaves(store, lo, hi) : await readLevel(store, level, lo, hi);
      const nodes: TreeNode[] = [];
      for (let i = node; i < last; i++) {
        nodes.push({ level: parent, index: i, hash: foldHashes(hashes.subarray((i - node) * TILE_WIDTH * 32, (i - node + 1) * TILE_WIDTH * 32)) });
      }
      await reconcile(store, parent, nodes);
      if (level === 0) onProgress?.(`checked ${hi} of ${size} entries`);
    }
  }
  // The leaves past the last complete tile.
  const tail = Math.max(from, Math.floor(size / TILE_WIDTH) * TILE_WIDTH);
  if (tail < size) await checkedLeaves(store, tail, size);
}
