// C2SP tlog-tiles: the log served as static files. A hash tile at level L, index N holds up to 256 consecutive
// tree hashes at height 8·L (level 0: leaf hashes); an entry bundle holds up to 256 consecutive entries, each
// prefixed by its big-endian u16 length. Paths are "tile/<L>/<N>[.p/<W>]" and "tile/entries/<N>[.p/<W>]", with
// N written in 3-digit groups ("x001/x234/067"). Request paths are attacker-controlled: parseTilePath accepts
// exactly the canonical spelling (so one file has one URL) and returns null for anything else.
import type { MerkleTree } from './merkle-tree.js';
import { isIndex } from './tree-math.js';

/** Tree levels per tile level. */
export const TILE_HEIGHT = 8;
/** Hashes (or entries) in a full tile. */
export const TILE_WIDTH = 256;
/** Largest entry an entry bundle can carry (u16 length). */
export const MAX_ENTRY_BYTES = 0xffff;

/** A hash tile or entry bundle; width is 1..256 (256 = full, no ".p/" suffix). */
export type Tile =
  | { readonly kind: 'hash'; readonly level: number; readonly index: number; readonly width: number }
  | { readonly kind: 'entries'; readonly index: number; readonly width: number };

/**
 * N as 3-digit groups, all but the last prefixed by "x".
 * @example formatTileIndex(1234067) // "x001/x234/067"
 */
export function formatTileIndex(index: number): string {
  if (!isIndex(index)) throw new RangeError('formatTileIndex: index must be a non-negative safe integer');
  const groups: string[] = [];
  let n = index;
  do {
    groups.unshift(String(n % 1000).padStart(3, '0'));
    n = Math.floor(n / 1000);
  } while (n > 0);
  return groups.map((g, i) => (i < groups.length - 1 ? `x${g}` : g)).join('/');
}

/**
 * The path of a tile or entry bundle, without a leading slash.
 * @example tilePath({ kind: "hash", level: 0, index: 1234067, width: 5 }) // "tile/0/x001/x234/067.p/5"
 */
export function tilePath(tile: Tile): string {
  if (!isIndex(tile.width) || tile.width < 1 || tile.width > TILE_WIDTH) throw new RangeError('tilePath: width is 1..256');
  const prefix = tile.kind === 'hash' ? `tile/${tile.level}` : 'tile/entries';
  if (tile.kind === 'hash' && (!isIndex(tile.level) || tile.level > 63)) throw new RangeError('tilePath: level is 0..63');
  const suffix = tile.width === TILE_WIDTH ? '' : `.p/${tile.width}`;
  return `${prefix}/${formatTileIndex(tile.index)}${suffix}`;
}

const PATH_PATTERN = /^tile\/(entries|0|[1-9][0-9]?)\/((?:x[0-9]{3}\/){0,5}[0-9]{3})(?:\.p\/([1-9][0-9]{0,2}))?$/;

/**
 * Parses a tile path (no leading slash); null unless it is the canonical path of some tile.
 * @example parseTilePath("tile/entries/x001/067.p/3") // { kind: "entries", index: 1067, width: 3 }
 */
export function parseTilePath(path: string): Tile | null {
  const m = PATH_PATTERN.exec(path);
  if (m === null) return null;
  const [, levelText, indexText, widthText] = m as unknown as [string, string, string, string | undefined];
  if (indexText.startsWith('x000')) return null; // a leading zero group: not canonical
  const index = Number(indexText.replaceAll('x', '').replaceAll('/', ''));
  const width = widthText === undefined ? TILE_WIDTH : Number(widthText);
  if (!isIndex(index) || (widthText !== undefined && width >= TILE_WIDTH)) return null;
  if (levelText === 'entries') return { kind: 'entries', index, width };
  const level = Number(levelText);
  return level <= 63 ? { kind: 'hash', level, index, width } : null;
}

/**
 * Every hash tile of a tree of `size` leaves (full ones, then the partial one, level by level).
 * @example hashTilesForSize(70000).length // 273 + 1 full/partial at level 0, 1 + 1 at level 1, 1 at level 2
 */
export function hashTilesForSize(size: number): Tile[] {
  const tiles: Tile[] = [];
  for (let level = 0, nodes = size; nodes > 0; level++, nodes = Math.floor(nodes / TILE_WIDTH)) {
    for (const t of tilesOfCount(nodes)) tiles.push({ kind: 'hash', level, ...t });
  }
  return tiles;
}

/**
 * Every entry bundle of a tree of `size` leaves.
 * @example entryBundlesForSize(300) // [{ kind: "entries", index: 0, width: 256 }, { ..., index: 1, width: 44 }]
 */
export function entryBundlesForSize(size: number): Tile[] {
  return tilesOfCount(size).map((t) => ({ kind: 'entries', ...t }));
}

function tilesOfCount(count: number): { index: number; width: number }[] {
  const out: { index: number; width: number }[] = [];
  const full = Math.floor(count / TILE_WIDTH);
  for (let index = 0; index < full; index++) out.push({ index, width: TILE_WIDTH });
  if (count % TILE_WIDTH !== 0) out.push({ index: full, width: count % TILE_WIDTH });
  return out;
}

/**
 * The bytes of a hash tile, from the tree; null when the tree does not (yet) hold all of its hashes.
 * @example hashTileContents(tree, { kind: "hash", level: 0, index: 0, width: 256 }) // 8192 bytes
 */
export function hashTileContents(tree: MerkleTree, tile: Tile & { kind: 'hash' }): Uint8Array | null {
  const height = tile.level * TILE_HEIGHT;
  const start = tile.index * TILE_WIDTH;
  if (height > 52 || (start + tile.width) * 2 ** height > tree.size) return null;
  return tree.nodeHashes(height, start, tile.width);
}

/**
 * Encodes entries as an entry bundle (each: u16 big-endian length, then the bytes).
 * @example encodeEntryBundle([utf8("{}")]) // Uint8Array [0, 2, 123, 125]
 */
export function encodeEntryBundle(entries: readonly Uint8Array[]): Uint8Array {
  let length = 0;
  for (const e of entries) {
    if (e.length > MAX_ENTRY_BYTES) throw new RangeError('encodeEntryBundle: an entry is at most 65535 bytes');
    length += 2 + e.length;
  }
  const out = new Uint8Array(length);
  let offset = 0;
  for (const e of entries) {
    out[offset] = e.length >>> 8;
    out[offset + 1] = e.length & 0xff;
    out.set(e, offset + 2);
    offset += 2 + e.length;
  }
  return out;
}

/**
 * Decodes an entry bundle; null if truncated, if it holds more than 256 entries, or if it does not hold exactly
 * `expectedCount` entries when given. (Bundles come from servers and mirrors: the cap bounds the work.)
 * @example parseEntryBundle(bytes, 256) // Uint8Array[] of 256 entries, or null
 */
export function parseEntryBundle(bytes: Uint8Array, expectedCount?: number): Uint8Array[] | null {
  const entries: Uint8Array[] = [];
  let offset = 0;
  while (offset < bytes.length) {
    if (offset + 2 > bytes.length || entries.length === TILE_WIDTH) return null;
    const length = (bytes[offset]! << 8) | bytes[offset + 1]!;
    if (offset + 2 + length > bytes.length) return null;
    entries.push(bytes.slice(offset + 2, offset + 2 + length));
    offset += 2 + length;
  }
  if (expectedCount !== undefined && entries.length !== expectedCount) return null;
  return entries;
}
