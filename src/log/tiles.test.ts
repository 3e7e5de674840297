import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { utf8 } from './encoding.js';
import { hashLeaf } from './hash.js';
import { MerkleTree } from './merkle-tree.js';
import {
  type Tile,
  encodeEntryBundle,
  entryBundlesForSize,
  formatTileIndex,
  hashTileContents,
  hashTilesForSize,
  parseEntryBundle,
  parseTilePath,
  tilePath,
} from './tiles.js';

const chunks = (bytes: Uint8Array): Uint8Array[] => Array.from({ length: bytes.length / 32 }, (_, i) => bytes.slice(32 * i, 32 * i + 32));

describe('tile paths', () => {
  it('writes indices in 3-digit groups (the spec example and edges)', () => {
    assert.equal(formatTileIndex(1234067), 'x001/x234/067');
    assert.equal(formatTileIndex(0), '000');
    assert.equal(formatTileIndex(999), '999');
    assert.equal(formatTileIndex(1000), 'x001/000');
    assert.equal(tilePath({ kind: 'hash', level: 0, index: 1234067, width: 256 }), 'tile/0/x001/x234/067');
    assert.equal(tilePath({ kind: 'hash', level: 2, index: 5, width: 17 }), 'tile/2/005.p/17');
    assert.equal(tilePath({ kind: 'entries', index: 1067, width: 3 }), 'tile/entries/x001/067.p/3');
  });

  it('parses exactly what it writes', () => {
    const tile: fc.Arbitrary<Tile> = fc.oneof(
      fc.record({ kind: fc.constant('hash' as const), level: fc.integer({ min: 0, max: 63 }), index: fc.nat({ max: Number.MAX_SAFE_INTEGER }), width: fc.integer({ min: 1, max: 256 }) }),
      fc.record({ kind: fc.constant('entries' as const), index: fc.nat({ max: Number.MAX_SAFE_INTEGER }), width: fc.integer({ min: 1, max: 256 }) }),
    );
    fc.assert(fc.property(tile, (t) => assert.deepEqual(parseTilePath(tilePath(t)), { ...t })));
  });

  it('returns null for every non-canonical or hostile path', () => {
    const bad = [
      'tile/00/000', 'tile/64/000', 'tile/-1/000', 'tile/0/x000/001', 'tile/0/1', 'tile/0/0001', 'tile/0/01',
      'tile/0/000.p/0', 'tile/0/000.p/256', 'tile/0/000.p/01', 'tile/0/000.p/', 'tile/0/000.p', '/tile/0/000',
      'tile/0/000/', 'tile/0/x001', 'tile/0/x1000/000', 'tile/0/000.p/5.p/5', 'tile/0/000?x=1', 'tile/0/../000',
      'tile/0/x009/x007/x199/x254/x740/992', 'tile/0/x001/x002/x003/x004/x005/x006/007', 'tile/entry/000',
      'tile/entries/000.p/256', 'tile/ 0/000', 'tile/0/000\n', 'TILE/0/000', 'tile/0/x00a/000', '',
    ];
    for (const p of bad) assert.equal(parseTilePath(p), null, JSON.stringify(p));
  });

  it('lists the tiles of a tree as the spec describes (sizes 70,000 and 256)', () => {
    const tiles = hashTilesForSize(70000);
    const level = (l: number) => tiles.filter((t) => t.kind === 'hash' && t.level === l);
    assert.equal(level(0).filter((t) => t.width === 256).length, 273);
    assert.deepEqual(level(0).at(-1), { kind: 'hash', level: 0, index: 273, width: 112 });
    assert.deepEqual(level(1), [{ kind: 'hash', level: 1, index: 0, width: 256 }, { kind: 'hash', level: 1, index: 1, width: 17 }]);
    assert.deepEqual(level(2), [{ kind: 'hash', level: 2, index: 0, width: 1 }]);
    assert.equal(tiles.length, 277);
    assert.deepEqual(hashTilesForSize(256), [{ kind: 'hash', level: 0, index: 0, width: 256 }, { kind: 'hash', level: 1, index: 0, width: 1 }]);
    assert.deepEqual(hashTilesForSize(0), []);
    assert.deepEqual(entryBundlesForSize(300), [{ kind: 'entries', index: 0, width: 256 }, { kind: 'entries', index: 1, width: 44 }]);
  });
});

describe('tile contents', () => {
  const leaves = Array.from({ length: 600 }, (_, i) => hashLeaf(utf8(`e${i}`)));
  const tree = MerkleTree.fromLeafHashes(leaves);

  it('level 0 holds leaf hashes; level 1 holds the roots of full level-0 tiles', () => {
    const t0 = hashTileContents(tree, { kind: 'hash', level: 0, index: 1, width: 256 })!;
    assert.deepEqual(chunks(t0), leaves.slice(256, 512));
    const t1 = hashTileContents(tree, { kind: 'hash', level: 1, index: 0, width: 2 })!;
    assert.deepEqual(chunks(t1)[1], MerkleTree.fromLeafHashes(chunks(t0)).root());
    assert.deepEqual(chunks(t1)[0], tree.root(256));
    const partial = hashTileContents(tree, { kind: 'hash', level: 0, index: 2, width: 88 })!;
    assert.equal(partial.length, 88 * 32);
  });

  it('is null for tiles the tree cannot fill yet', () => {
    assert.equal(hashTileContents(tree, { kind: 'hash', level: 0, index: 2, width: 89 }), null);
    assert.equal(hashTileContents(tree, { kind: 'hash', level: 1, index: 0, width: 3 }), null);
    assert.equal(hashTileContents(tree, { kind: 'hash', level: 7, index: 0, width: 1 }), null);
    assert.equal(hashTileContents(tree, { kind: 'hash', level: 63, index: 0, width: 1 }), null);
  });
});

describe('entry bundles', () => {
  it('round-trips entries of any length up to 65535 bytes', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 300 }), { maxLength: 256 }), (entries) => {
        const bundle = encodeEntryBundle(entries);
        assert.deepEqual(parseEntryBundle(bundle), entries);
        assert.deepEqual(parseEntryBundle(bundle, entries.length), entries);
      }),
      { numRuns: 50 },
    );
    const big = new Uint8Array(65535).fill(7);
    assert.deepEqual(parseEntryBundle(encodeEntryBundle([big]), 1), [big]);
    assert.deepEqual(Array.from(encodeEntryBundle([utf8('{}')])), [0, 2, 123, 125]);
    assert.throws(() => encodeEntryBundle([new Uint8Array(65536)]), RangeError);
  });

  it('rejects truncated bundles, wrong counts, and more than 256 entries', () => {
    const bundle = encodeEntryBundle([utf8('abc'), utf8('de')]);
    assert.equal(parseEntryBundle(bundle.subarray(0, bundle.length - 1)), null);
    assert.equal(parseEntryBundle(new Uint8Array([0])), null);
    assert.equal(parseEntryBundle(bundle, 3), null);
    assert.equal(parseEntryBundle(bundle, 1), null);
    assert.equal(parseEntryBundle(new Uint8Array(2 * 257)), null); // 257 empty entries
    assert.equal(parseEntryBundle(new Uint8Array(2 * 256))?.length, 256);
  });
});
