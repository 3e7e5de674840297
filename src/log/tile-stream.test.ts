import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AuditProgress, FetchTile } from './tile-client.js';
import { auditLogStream, streamTiles } from './tile-stream.js';
import { utf8 } from './encoding.js';
import { hashLeaf } from './hash.js';
import { MerkleTree } from './merkle-tree.js';
import { encodeEntryBundle, entryBundlesForSize, hashTilesForSize, tilePath } from './tiles.js';
import { entriesOf, fetcherOf, tileServer } from './test-tiles.js';


/** Runs the streaming audit, collecting what it hands on. */
async function stream(files: Map<string, Uint8Array>, size: number, extra: { root?: Uint8Array; rootsAt?: number[] } = {}) {
  const seen: Uint8Array[] = [];
  const firsts: number[] = [];
  const progress: AuditProgress[] = [];
  const result = await auditLogStream({
    fetchTile: fetcherOf(files),
    size,
    ...extra,
    onEntries: (entries, first) => {
      firsts.push(first);
      seen.push(...entries);
    },
    onProgress: (p) => progress.push(p),
  });
  return { result, seen, firsts, progress };
}

describe('auditLogStream', () => {
  it('fetches exactly the tiles auditLog reads, each hash tile once the entries under it are in', () => {
    for (const size of [0, 1, 255, 256, 257, 600, 65_536, 65_537, 70_000, 16_777_216 + 300]) {
      const order = streamTiles(size).map(tilePath);
      const all = [...entryBundlesForSize(size), ...hashTilesForSize(size)].map(tilePath);
      assert.deepEqual([...order].sort(), [...all].sort(), `size ${size}`);
      assert.equal(new Set(order).size, order.length);
    }
    assert.deepEqual(streamTiles(300).map(tilePath), ['tile/entries/000', 'tile/0/000', 'tile/entries/001.p/44', 'tile/0/001.p/44', 'tile/1/000.p/1']);
    const big = streamTiles(65_536).map(tilePath);
    assert.equal(big.indexOf('tile/1/000'), big.indexOf('tile/0/255') + 1, 'the level-1 tile right after the bundle that completes it');
  });

  it('hands on every entry in order and gives the root and earlier roots of the tree auditLog rebuilds', async () => {
    for (const size of [1, 256, 600, 65_536 + 700]) {
      const entries = entriesOf(size);
      const tree = MerkleTree.fromLeafHashes(entries.map(hashLeaf));
      const rootsAt = [1, 255, 256, 257, 513, 65_536, 65_537, size - 1, size].filter((s) => s >= 1 && s <= size);
      const { result, seen, firsts, progress } = await stream(tileServer(entries), size, { root: tree.root(), rootsAt });
      assert.ok(result.ok, result.ok ? '' : result.detail);
      assert.deepEqual(result.root, tree.root());
      assert.equal(seen.length, size);
      assert.ok(seen.every((e, i) => e.length === entries[i]!.length && e.every((b, j) => b === entries[i]![j])), `size ${size}: the entries, in order`);
      assert.deepEqual(firsts, entryBundlesForSize(size).map((t) => t.index * 256));
      for (const at of rootsAt) assert.deepEqual(result.roots.get(at), tree.root(at), `size ${size}: root at ${at}`);
      assert.equal(progress.length, Math.ceil(size / 256));
      assert.deepEqual(progress.at(-1), { phase: 'entries', done: Math.ceil(size / 256), total: Math.ceil(size / 256) });
    }
  });

  it('finds a rewritten entry, a wrong hash tile at any level, a short bundle and a different log, and uses full tiles for gone partial ones', async () => {
    const entries = entriesOf(65_536 + 300);
    const root = MerkleTree.fromLeafHashes(entries.map(hashLeaf)).root();
    const reason = async (files: Map<string, Uint8Array>) => {
      const { result } = await stream(files, entries.length, { root });
      return result.ok ? 'ok' : result.reason;
    };
    const honest = tileServer(entries);
    assert.equal(await reason(honest), 'ok');
    const rewritten = new Map(honest);
    const other = entries.slice();
    other[5] = utf8('{"e":"rewritten"}');
    rewritten.set('tile/entries/000', tileServer(other.slice(0, 256)).get('tile/entries/000')!);
    assert.equal(await reason(rewritten), 'hash-tile-mismatch');
    for (const path of ['tile/0/100', 'tile/1/000', 'tile/1/001.p/1', 'tile/2/000.p/1']) {
      const bad = new Map(honest);
      const t = bad.get(path)!.slice();
      t[t.length - 1]! ^= 1;
      bad.set(path, t);
      assert.equal(await reason(bad), 'hash-tile-mismatch', path);
    }
    const short = new Map(honest);
    short.set('tile/entries/257.p/44', encodeEntryBundle(entries.slice(65_536 + 256, 65_536 + 299)));
    assert.equal(await reason(short), 'bad-entry-bundle');
    assert.equal(await reason(tileServer(entriesOf(entries.length, 'x'))), 'root-mismatch');
    // An older size, its partial tiles deleted once full: the full ones serve, cut to the width.
    const older = entriesOf(600);
    const files = new Map([...tileServer(older.slice(0, 300)), ...tileServer(older)]);
    for (const path of files.keys()) if (path.includes('.p/') && files.has(path.slice(0, path.indexOf('.p/')))) files.delete(path);
    const r = await stream(files, 300, { root: MerkleTree.fromLeafHashes(older.slice(0, 300).map(hashLeaf)).root() });
    assert.ok(r.result.ok && r.seen.length === 300);
  });

  it('lets fetch errors through, keeps at most `concurrency` requests in flight, and handles the empty log', async () => {
    const files = tileServer(entriesOf(2000));
    files.delete('tile/0/005');
    await assert.rejects(auditLogStream({ fetchTile: fetcherOf(files), size: 2000, onEntries: () => undefined }), /404 tile\/0\/005/);
    let inFlight = 0;
    let peak = 0;
    const all = tileServer(entriesOf(2000));
    const slow: FetchTile = async (path) => {
      peak = Math.max(peak, ++inFlight);
      await new Promise((r) => setTimeout(r, 1));
      inFlight--;
      return fetcherOf(all)(path);
    };
    assert.ok((await auditLogStream({ fetchTile: slow, size: 2000, concurrency: 3, onEntries: () => undefined })).ok);
    assert.equal(peak, 3);
    const empty = await stream(new Map(), 0, { root: new MerkleTree().root() });
    assert.ok(empty.result.ok && empty.seen.length === 0);
    const bad = await auditLogStream({ fetchTile: fetcherOf(new Map()), size: -1, onEntries: () => undefined });
    assert.ok(!bad.ok && bad.reason === 'bad-size');
  });
});
