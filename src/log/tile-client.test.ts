import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type AuditProgress, type FetchTile, auditLog } from './tile-client.js';
import { utf8 } from './encoding.js';
import { hashLeaf } from './hash.js';
import { MerkleTree } from './merkle-tree.js';
import { encodeEntryBundle, hashTilesForSize } from './tiles.js';
import { entriesOf, fetcherOf, tileServer } from './test-tiles.js';


describe('auditLog', () => {
  it('rebuilds the tree from the entries, checks every hash tile, and reports progress', async () => {
    const entries = entriesOf(600);
    const expected = MerkleTree.fromLeafHashes(entries.map(hashLeaf));
    const progress: AuditProgress[] = [];
    const r = await auditLog({ fetchTile: fetcherOf(tileServer(entries)), size: 600, root: expected.root(), onProgress: (p) => progress.push(p) });
    assert.ok(r.ok, r.ok ? '' : r.detail);
    assert.deepEqual(r.entries, entries);
    assert.deepEqual(r.root, expected.root());
    assert.equal(r.tree.size, 600);
    assert.deepEqual(progress.filter((p) => p.phase === 'entries').map((p) => `${p.done}/${p.total}`), ['1/3', '2/3', '3/3']);
    assert.equal(progress.filter((p) => p.phase === 'hashes').length, hashTilesForSize(600).length);
  });

  it('audits an older size, using full tiles when the partial ones are gone', async () => {
    // The log published checkpoints at 300 and then 600, and deleted the partial tiles that became full.
    const entries = entriesOf(600);
    const files = new Map([...tileServer(entries.slice(0, 300)), ...tileServer(entries)]);
    for (const path of files.keys()) if (path.includes('.p/') && files.has(path.slice(0, path.indexOf('.p/')))) files.delete(path);
    assert.ok(!files.has('tile/entries/001.p/44') && files.has('tile/1/000.p/1'));
    const fetched: string[] = [];
    const r = await auditLog({ fetchTile: fetcherOf(files, fetched), size: 300, root: MerkleTree.fromLeafHashes(entries.slice(0, 300).map(hashLeaf)).root() });
    assert.ok(r.ok, r.ok ? '' : r.detail);
    assert.equal(r.entries.length, 300);
    assert.ok(fetched.includes('tile/entries/001.p/44') && fetched.includes('tile/entries/001'));
  });

  it('finds a rewritten entry, a wrong hash tile, a short bundle, and a different log', async () => {
    const entries = entriesOf(300);
    const root = MerkleTree.fromLeafHashes(entries.map(hashLeaf)).root();
    const reason = async (files: Map<string, Uint8Array>) => {
      const r = await auditLog({ fetchTile: fetcherOf(files), size: 300, root });
      return r.ok ? 'ok' : r.reason;
    };
    const rewritten = tileServer(entries);
    const other = entries.slice();
    other[5] = utf8('{"e":"rewritten"}');
    rewritten.set('tile/entries/000', tileServer(other).get('tile/entries/000')!);
    assert.equal(await reason(rewritten), 'hash-tile-mismatch');
    const badTile = tileServer(entries);
    const t = badTile.get('tile/1/000.p/1')!.slice();
    t[0]! ^= 1;
    badTile.set('tile/1/000.p/1', t);
    assert.equal(await reason(badTile), 'hash-tile-mismatch');
    const short = tileServer(entries);
    short.set('tile/entries/001.p/44', encodeEntryBundle(entries.slice(256, 299)));
    assert.equal(await reason(short), 'bad-entry-bundle');
    assert.equal(await reason(tileServer(entriesOf(300, 'x'))), 'root-mismatch');
    assert.equal(await reason(tileServer(entries)), 'ok');
  });

  it('lets fetch errors through, bounds parallel fetches, and handles the empty log', async () => {
    const files = tileServer(entriesOf(2000));
    files.delete('tile/0/005');
    await assert.rejects(auditLog({ fetchTile: fetcherOf(files), size: 2000 }), /404 tile\/0\/005/);
    let inFlight = 0;
    let peak = 0;
    const slow: FetchTile = async (path) => {
      peak = Math.max(peak, ++inFlight);
      await new Promise((r) => setTimeout(r, 1));
      inFlight--;
      return fetcherOf(tileServer(entriesOf(2000)))(path);
    };
    const r = await auditLog({ fetchTile: slow, size: 2000, concurrency: 3 });
    assert.ok(r.ok);
    assert.equal(peak, 3);
    const empty = await auditLog({ fetchTile: fetcherOf(new Map()), size: 0 });
    assert.ok(empty.ok && empty.entries.length === 0);
    const bad = await auditLog({ fetchTile: fetcherOf(new Map()), size: -1 });
    assert.ok(!bad.ok && bad.reason === 'bad-size');
  });
});
