import { type Result, ok, refuse } from '../domain/errors.js';
import { toBase64 } from '../log/encoding.js';
import type { MerkleTree } from '../log/merkle-tree.js';
import { encodeEntryBundle, hashTileContents, parseTilePath, TILE_HEIGHT, TILE_WIDTH } from '../log/tiles.js';
import type { Store } from '../store/store.js';

export interface Tile {
  readonly bytes: Uint8Array;
  /** Full tiles never change: serve them as immutable. */
  readonly immutable: boolean;
}

/**
 * Serve a C2SP tlog-tiles path from the in-memory tree (hash tiles) or the store (entry bundles). The path is
 * attacker-controlled: it is parsed strictly and anything beyond the published tree is refused.
 */
export async function readTile(tree: MerkleTree, store: Store, publishedSize: number, path: string): Promise<Result<Tile>> {
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
  const bytes = hashTileContents(tree, tile);
  return bytes ? ok({ bytes, immutable }) : beyond;
}

function checkSize(size: number, published: number): Result<void> {
  if (size < 1 || size > published) return refuse('bad_request', `size must be between 1 and the published size ${published}`);
  return ok(undefined);
}

/** RFC 9162 inclusion proof of entry `index` in the tree of `size` (both within the published tree). */
export function inclusionProof(tree: MerkleTree, publishedSize: number, index: number, size: number): Result<{ index: number; size: number; leaf: string; proof: string[] }> {
  const sized = checkSize(size, publishedSize);
  if (!sized.ok) return sized;
  if (index >= size) return refuse('bad_request', `index ${index} is not below size ${size}`);
  return ok({ index, size, leaf: toBase64(tree.nodeHash(0, index)), proof: tree.inclusionProof(index, size).map(toBase64) });
}

/** RFC 9162 consistency proof between two published sizes. */
export function consistencyProof(tree: MerkleTree, publishedSize: number, from: number, to: number): Result<{ from: number; to: number; proof: string[] }> {
  const sized = checkSize(to, publishedSize);
  if (!sized.ok) return sized;
  if (from < 1 || from > to) return refuse('bad_request', `from must be between 1 and to (${to})`);
  return ok({ from, to, proof: tree.consistencyProof(from, to).map(toBase64) });
}
