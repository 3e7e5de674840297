// Test builders for the tile clients (tile-client.test.ts, tile-stream.test.ts): a log served as static tiles.
import { utf8 } from './encoding.js';
import { hashLeaf } from './hash.js';
import { MerkleTree } from './merkle-tree.js';
import type { FetchTile } from './tile-client.js';
import { encodeEntryBundle, entryBundlesForSize, hashTileContents, hashTilesForSize, tilePath } from './tiles.js';

/** A static tile server for a log, as a map from path to bytes (full and partial tiles). */
export function tileServer(entries: Uint8Array[]): Map<string, Uint8Array> {
  const tree = MerkleTree.fromLeafHashes(entries.map(hashLeaf));
  const files = new Map<string, Uint8Array>();
  for (const t of entryBundlesForSize(entries.length)) files.set(tilePath(t), encodeEntryBundle(entries.slice(t.index * 256, t.index * 256 + t.width)));
  for (const t of hashTilesForSize(entries.length)) if (t.kind === 'hash') files.set(tilePath(t), hashTileContents(tree, t)!);
  return files;
}

/** `n` distinct small entries. */
export const entriesOf = (n: number, tag = 'e'): Uint8Array[] => Array.from({ length: n }, (_, i) => utf8(`{"${tag}":${i}}`));

/** A fetcher over `files` that records each path asked for in `log` and fails with a 404 for what is not there. */
export const fetcherOf = (files: Map<string, Uint8Array>, log: string[] = []): FetchTile => async (path) => {
  log.push(path);
  const bytes = files.get(path);
  if (bytes === undefined) throw new Error(`404 ${path}`);
  return bytes;
};
