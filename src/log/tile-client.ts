// What an auditor runs (`truce verify`, "verify in this browser"): read the whole log through its tiles, rebuild
// the tree from the entries alone, and check that every hash tile the log serves (which others use to build
// proofs) agrees with the recomputed tree. I/O is injected as fetchTile, so the same code runs in node and the
// browser. Tiles come from the log server or any mirror, so every byte is checked, and a mismatch is a returned
// failure; a fetch that throws (network, 404) propagates as it is.
import { bytesEqual } from './encoding.js';
import { HASH_SIZE, hashLeaf } from './hash.js';
import { MerkleTree } from './merkle-tree.js';
import { TILE_WIDTH, type Tile, entryBundlesForSize, hashTileContents, hashTilesForSize, parseEntryBundle, tilePath } from './tiles.js';
import { isIndex } from './tree-math.js';

/** Fetches the bytes at a tile path ("tile/0/001"), relative to the log's URL prefix; rejects if unavailable. */
export type FetchTile = (path: string) => Promise<Uint8Array>;

export interface AuditProgress {
  readonly phase: 'entries' | 'hashes';
  readonly done: number;
  readonly total: number;
}

export interface AuditOptions {
  readonly fetchTile: FetchTile;
  /** Tree size, from a verified checkpoint. */
  readonly size: number;
  /** Root hash from the same checkpoint; when given, a different recomputed root is a failure. */
  readonly root?: Uint8Array;
  readonly onProgress?: (progress: AuditProgress) => void;
  /** Tiles fetched in parallel (default 8). */
  readonly concurrency?: number;
}

export type AuditFailureReason = 'bad-size' | 'bad-entry-bundle' | 'hash-tile-mismatch' | 'root-mismatch';

export type AuditResult =
  | { readonly ok: true; readonly entries: Uint8Array[]; readonly root: Uint8Array; readonly tree: MerkleTree }
  | { readonly ok: false; readonly reason: AuditFailureReason; readonly detail: string };

/**
 * Reads and checks every entry and hash tile of a log of `size` entries.
 * @example const r = await auditLog({ fetchTile, size: cp.size, root: cp.rootHash, onProgress: console.log })
 */
export async function auditLog(options: AuditOptions): Promise<AuditResult> {
  const { fetchTile, size, onProgress } = options;
  const concurrency = Math.max(1, options.concurrency ?? 8);
  if (!isIndex(size)) return { ok: false, reason: 'bad-size', detail: `size ${size} is not a tree size` };
  const tree = new MerkleTree();
  const entries: Uint8Array[] = [];
  const bundles = entryBundlesForSize(size);
  let done = 0;
  for await (const [tile, bytes] of fetchInOrder(bundles, concurrency, (t) => fetchWithFallback(fetchTile, t))) {
    const parsed = parseEntryBundle(bytes);
    // Exactly the tile's width, or a full bundle in place of a partial one that is gone.
    const fits = parsed !== null && (parsed.length === tile.width || parsed.length === TILE_WIDTH);
    const bundle = fits ? parsed.slice(0, tile.width) : null;
    if (bundle === null) return { ok: false, reason: 'bad-entry-bundle', detail: `${tilePath(tile)} does not hold ${tile.width} entries` };
    for (const entry of bundle) {
      entries.push(entry);
      tree.append(hashLeaf(entry));
    }
    onProgress?.({ phase: 'entries', done: ++done, total: bundles.length });
  }
  const hashTiles = hashTilesForSize(size);
  done = 0;
  for await (const [tile, bytes] of fetchInOrder(hashTiles, concurrency, (t) => fetchWithFallback(fetchTile, t))) {
    const expected = hashTileContents(tree, tile as Tile & { kind: 'hash' })!;
    const fits = bytes.length === tile.width * HASH_SIZE || bytes.length === TILE_WIDTH * HASH_SIZE;
    if (!fits || !bytesEqual(bytes.subarray(0, tile.width * HASH_SIZE), expected)) {
      return { ok: false, reason: 'hash-tile-mismatch', detail: `${tilePath(tile)} differs from the tree rebuilt from the entries` };
    }
    onProgress?.({ phase: 'hashes', done: ++done, total: hashTiles.length });
  }
  const root = tree.root();
  if (options.root !== undefined && !bytesEqual(root, options.root)) {
    return { ok: false, reason: 'root-mismatch', detail: 'the entries do not hash to the checkpoint root' };
  }
  return { ok: true, entries, root, tree };
}

/**
 * Fetches a tile; if a partial tile is gone (logs may delete it once the full tile exists), fetches the full one
 * instead, and the caller uses its first `width` items. The bytes are returned unchecked.
 */
export async function fetchWithFallback(fetchTile: FetchTile, tile: Tile): Promise<Uint8Array> {
  try {
    return await fetchTile(tilePath(tile));
  } catch (error) {
    if (tile.width === TILE_WIDTH) throw error;
    try {
      return await fetchTile(tilePath({ ...tile, width: TILE_WIDTH }));
    } catch {
      throw error;
    }
  }
}

/** Runs `fetch` over items with bounded parallelism and yields results in item order. */
export async function* fetchInOrder<T, R>(items: readonly T[], concurrency: number, fetch: (item: T) => Promise<R>): AsyncGenerator<[T, R]> {
  const pending: Promise<R>[] = [];
  let next = 0;
  const start = (): void => {
    const p = fetch(items[next++]!);
    p.catch(() => undefined); // rejections are re-raised when awaited in order, not reported as unhandled
    pending.push(p);
  };
  while (next < items.length && pending.length < concurrency) start();
  for (let i = 0; i < items.length; i++) {
    const result = await pending.shift()!;
    if (next < items.length) start();
    yield [items[i]!, result];
  }
}
