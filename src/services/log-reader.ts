import { type Result, ok, refuse } from '../domain/errors.js';
import { toBase64 } from '../log/encoding.js';
import { encodeEntryBundle, parseTilePath, TILE_HEIGHT, TILE_WIDTH } from '../log/tiles.js';
import type { Store } from '../store/store.js';
import type { StoredTree } from './stored-tree.js';

export interface Tile {
  readonly bytes: Uint8Array;
  /** Full tiles never change: serve them as immutable. */
  readonly immutable: boolean;
}

/**
 * Serve a C2SP tlog-tiles path from the stored tree (hash tiles) or the store (entry bundles). The path is
 * attacker-controlled: it is parsed strictly and anything beyond the published tree is refused.
 */
export async function readTile(tree: StoredTree, store: Store, publishedSize: number, path: string): Promise<Result<Tile>> {
  const tile = parseTilePath(path);
  if (!tile) return refuse('not_found', `${path} is not a tile path (tile/<L>/<N>[.p/<W>] or tile/entries/<N>[.p/<W>])`);
  const immutable = tile.width === TILE_WIDTH;
  const start = tile.index * TILE_WIDTH;
  const beyond = refuse('not_found', `${path} is beyond the published tree of size ${publishedSize}`);
  if (tile.kind === 'entries') {
    if (start + tile.width > publishedSize) return beyond;
    const entries = await store.entries(start, start + tile.width);
    return ok({ bytes: encodeEntryBundle(entries.map((e) => e.bytes)), immutable });
  }
  if ((start + tile.width) * 2 ** (tile.level * TILE_HEIGHT) > publishedSize) return beyond;
  return ok({ bytes: await tree.tileHashes(tile.level, start, tile.width), immutable });
}

function checkSize(size: number, published: number): Result<void> {
  if (size < 1 || size > published) return refuse('bad_request', `size must be between 1 and the published size ${published}`);
  return ok(undefined);
}

/** RFC 9162 inclusion proof of entry `index` in the tree of `size` (both within the published tree). */
export async function inclusionProof(tree: StoredTree, publishedSize: number, index: number, size: number): Promise<Result<{ index: number; size: number; leaf: string; proof: string[] }>> {
  const sized = checkSize(size, publishedSize);
  if (!sized.ok) return sized;
  if (index >= size) return refuse('bad_request', `index ${index} is not below size ${size}`);
  return ok({ index, size, leaf: toBase64(await tree.node(0, index)), proof: (await tree.inclusionProof(index, size)).map(toBase64) });
}

/** RFC 9162 consistency proof between two published sizes. */
export async function consistencyProof(tree: StoredTree, publishedSize: number, from: number, to: number): Promise<Result<{ from: number; to: number; proof: string[] }>> {
  const sized = checkSize(to, publishedSize);
  if (!sized.ok) return sized;
  if (from < 1 || from > to) return refuse('bad_request', `from must be between 1 and to (${to})`);
  return ok({ from, to, proof: (await tree.consistencyProof(from, to)).map(toBase64) });
}
