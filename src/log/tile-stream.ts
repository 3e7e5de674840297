// The auditor's read of a whole log (tile-client.ts's auditLog) in bounded memory, for the browser: each entry bundle
// is hashed and handed on as it arrives, its level-0 hash tile checked right after it, and each higher hash tile as
// soon as the bundles below it are in; then the bundle is let go. What is kept is one tile under construction per
// level (at most 256 hashes each), so a million entries need a few KiB of tree instead of ~64 MiB, and no entry is
// held after the caller is done with it. The same checks as auditLog: every entry bundle and hash tile the log serves
// against the tree rebuilt from the entries, and the root against the checkpoint's.
import { bytesEqual } from './encoding.js';
import { HASH_SIZE, emptyRoot, hashChildren, hashLeaf } from './hash.js';
import { TILE_WIDTH, type Tile, entryBundlesForSize, parseEntryBundle, tilePath } from './tiles.js';
import { isIndex } from './tree-math.js';
import { type AuditFailureReason, type AuditProgress, type FetchTile, fetchInOrder, fetchWithFallback } from './tile-client.js';

export interface AuditStreamOptions {
  readonly fetchTile: FetchTile;
  /** Tree size, from a verified checkpoint. */
  readonly size: number;
  /** Root hash from the same checkpoint; when given, a different recomputed root is a failure. */
  readonly root?: Uint8Array;
  /** Each bundle's entries, in order, once its bytes hash into the tree; awaited before the next bundle is handed on. */
  readonly onEntries: (entries: Uint8Array[], first: number) => void | Promise<void>;
  /** Earlier tree sizes whose roots the caller wants (a witnessed checkpoint's): answered in `roots`. */
  readonly rootsAt?: readonly number[];
  readonly onProgress?: (progress: AuditProgress) => void;
  /** Tiles fetched in parallel (default 8). */
  readonly concurrency?: number;
}

export type AuditStreamResult =
  | { readonly ok: true; readonly root: Uint8Array; readonly roots: ReadonlyMap<number, Uint8Array> }
  | { readonly ok: false; readonly reason: AuditFailureReason; readonly detail: string };

/**
 * The tiles to fetch, in the order they can be checked: entry bundle N, then hash tile 0/N, then every higher hash
 * tile that bundle N completes; at the end the partial hash tiles above level 0. The same set as
 * entryBundlesForSize and hashTilesForSize together.
 * @example streamTiles(300) // entries/0, 0/000, entries/1 (44), 0/001 (44), 1/000 (1)
 */
export function streamTiles(size: number): Tile[] {
  const out: Tile[] = [];
  for (const bundle of entryBundlesForSize(size)) {
    out.push(bundle, { kind: 'hash', level: 0, index: bundle.index, width: bundle.width });
    if (bundle.width !== TILE_WIDTH) continue;
    for (let level = 1, span = TILE_WIDTH; (bundle.index + 1) % span === 0; level++, span *= TILE_WIDTH) {
      out.push({ kind: 'hash', level, index: (bundle.index + 1) / span - 1, width: TILE_WIDTH });
    }
  }
  for (let level = 1, nodes = Math.floor(size / TILE_WIDTH); nodes > 0; level++, nodes = Math.floor(nodes / TILE_WIDTH)) {
    if (nodes % TILE_WIDTH !== 0) out.push({ kind: 'hash', level, index: Math.floor(nodes / TILE_WIDTH), width: nodes % TILE_WIDTH });
  }
  return out;
}

/** The RFC 9162 root of consecutive nodes of one height (a power-of-two count: the root of their perfect subtree). */
function rootOf(nodes: readonly Uint8Array[]): Uint8Array {
  if (nodes.length === 1) return nodes[0]!;
  let k = 1;
  while (k * 2 < nodes.length) k *= 2;
  return hashChildren(rootOf(nodes.slice(0, k)), rootOf(nodes.slice(k)));
}

/**
 * The root of a tree given as runs of complete subtrees, left to right, each run's subtrees one size and smaller than
 * any to its left (the tiles under construction, highest level first, then some leaves): each run splits into perfect
 * subtrees by the bits of its length, and the tree's root folds them from the right (RFC 9162 §2.1.1).
 */
function rootOfRuns(runs: readonly (readonly Uint8Array[])[]): Uint8Array {
  const perfect: Uint8Array[] = [];
  for (const run of runs) {
    let start = 0;
    for (let bit = TILE_WIDTH; bit >= 1; bit /= 2) {
      if ((run.length - start) & bit) {
        perfect.push(rootOf(run.slice(start, start + bit)));
        start += bit;
      }
    }
  }
  if (perfect.length === 0) return emptyRoot();
  let acc = perfect[perfect.length - 1]!;
  for (let i = perfect.length - 2; i >= 0; i--) acc = hashChildren(perfect[i]!, acc);
  return acc;
}

/**
 * Reads and checks every entry and hash tile of a log of `size` entries, handing each bundle's entries to
 * `onEntries` as they are checked into the tree, and keeping none.
 * @example const r = await auditLogStream({ fetchTile, size: cp.size, root: cp.rootHash, onEntries: (es, first) => replay(es, first) })
 */
export async function auditLogStream(options: AuditStreamOptions): Promise<AuditStreamResult> {
  const { fetchTile, size, onProgress } = options;
  const concurrency = Math.max(1, options.concurrency ?? 8);
  if (!isIndex(size)) return { ok: false, reason: 'bad-size', detail: `size ${size} is not a tree size` };
  const wanted = new Set((options.rootsAt ?? []).filter((s) => isIndex(s) && s <= size));
  const roots = new Map<number, Uint8Array>();
  // levels[L]: the hashes (of height 8·L) of the tile at level L under construction, fewer than 256 between bundles.
  const levels: Uint8Array[][] = [[]];
  const upper = () => levels.slice(1).reverse();
  const bundles = Math.ceil(size / TILE_WIDTH);
  let done = 0;
  let leaves = 0;
  const mismatch = (tile: Tile) => ({ ok: false as const, reason: 'hash-tile-mismatch' as const, detail: `${tilePath(tile)} differs from the tree rebuilt from the entries` });
  for await (const [tile, bytes] of fetchInOrder(streamTiles(size), concurrency, (t) => fetchWithFallback(fetchTile, t))) {
    if (tile.kind === 'entries') {
      const parsed = parseEntryBundle(bytes);
      // Exactly the tile's width, or a full bundle in place of a partial one that is gone.
      const fits = parsed !== null && (parsed.length === tile.width || parsed.length === TILE_WIDTH);
      const bundle = fits ? parsed.slice(0, tile.width) : null;
      if (bundle === null) return { ok: false, reason: 'bad-entry-bundle', detail: `${tilePath(tile)} does not hold ${tile.width} entries` };
      const hashes = bundle.map(hashLeaf);
      for (const at of wanted) {
        if (at > leaves && at <= leaves + hashes.length) roots.set(at, rootOfRuns([...upper(), hashes.slice(0, at - leaves)]));
      }
      levels[0] = hashes;
      leaves += hashes.length;
      await options.onEntries(bundle, tile.index * TILE_WIDTH);
      onProgress?.({ phase: 'entries', done: ++done, total: bundles });
      continue;
    }
    const nodes = levels[tile.level] ?? [];
    const expected = nodes.slice(0, tile.width);
    const fits = (bytes.length === tile.width * HASH_SIZE || bytes.length === TILE_WIDTH * HASH_SIZE) && expected.length === tile.width;
    if (!fits || !expected.every((h, i) => bytesEqual(h, bytes.subarray(i * HASH_SIZE, (i + 1) * HASH_SIZE)))) return mismatch(tile);
    if (tile.width === TILE_WIDTH) {
      // A complete tile becomes one node of the level above.
      (levels[tile.level + 1] ??= []).push(rootOf(nodes));
      levels[tile.level] = [];
    }
  }
  const root = rootOfRuns([...upper(), levels[0]!]);
  if (options.root !== undefined && !bytesEqual(root, options.root)) {
    return { ok: false, reason: 'root-mismatch', detail: 'the entries do not hash to the checkpoint root' };
  }
  if (wanted.has(size)) roots.set(size, root);
  return { ok: true, root, roots };
}
