import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { StoredEntry } from '../store.js';
import { candidate, entries, entry, incident } from './builders.js';
import { rejectsWith, useStore, type HarnessFactory } from './fixture.js';

const concat = (parts: readonly StoredEntry[]): Uint8Array => new Uint8Array(Buffer.concat(parts.map((e) => e.leafHash)));

export function logContract(factory: HarnessFactory): void {
  describe('the log', () => {
    const fx = useStore(factory);
    const written: StoredEntry[] = [];

    it('starts empty', async () => {
      assert.equal(await fx.store.logSize(), 0);
      assert.deepEqual(await fx.store.entries(0, 10), []);
      assert.deepEqual(await fx.store.leafHashes(0, 10), new Uint8Array(0));
      assert.equal(await fx.store.entryIndexById(entry(0).id), null);
    });

    it('appends a batch of one and reads it back exactly (at keeps its nanoseconds)', async () => {
      const batch = entries(0, 1);
      await fx.store.appendBatch({ entries: batch, incidents: [] });
      written.push(...batch);
      assert.equal(await fx.store.logSize(), 1);
      assert.deepEqual(await fx.store.entries(0, 1), batch);
      assert.equal((await fx.store.entries(0, 1))[0]?.at, '2025-10-01T12:00:00.123456789Z');
      assert.equal(await fx.store.entryIndexById(batch[0]!.id), 0);
    });

    it('keeps when each entry arrived, beside when it was signed', async () => {
      const arrivals = await fx.store.arrivals([0, 7]);
      assert.equal(arrivals.get(0), '2025-10-01T13:00:00.123Z');
      assert.equal(arrivals.has(7), false);
    });

    it('appends a batch of 4000 (more than one INSERT) and reads ranges back', async () => {
      const batch = entries(1, 4000, { padding: 200 });
      await fx.store.appendBatch({ entries: batch, incidents: [] });
      written.push(...batch);
      assert.equal(await fx.store.logSize(), 4001);
      assert.deepEqual(await fx.store.entries(0, 4001), written);
      assert.deepEqual(await fx.store.entries(3990, 5000), written.slice(3990));
      assert.equal(await fx.store.entryIndexById(written[2500]!.id), 2500);
    });

    it('returns leaf hashes concatenated in index order', async () => {
      assert.deepEqual(await fx.store.leafHashes(0, 4001), concat(written));
      assert.deepEqual(await fx.store.leafHashes(17, 300), concat(written.slice(17, 300)));
      assert.deepEqual(await fx.store.leafHashes(5, 5), new Uint8Array(0));
    });

    it('refuses a batch that does not start at the log size, writing nothing', async () => {
      const size = await fx.store.logSize();
      for (const first of [size + 1, size - 1, 0]) {
        const batch = entries(first, 3, { salt: `wrong-${first}` });
        const incidents = [incident({ id: `inc-wrong-${first}`, logIndex: first })];
        await rejectsWith(fx.store.appendBatch({ entries: batch, incidents }), 'conflict');
        assert.equal(await fx.store.incident(`inc-wrong-${first}`), null);
        assert.equal(await fx.store.entryIndexById(batch[0]!.id), null);
      }
      assert.equal(await fx.store.logSize(), size);
    });

    it('refuses a batch repeating a stored statement, writing nothing of it', async () => {
      await fx.store.saveCandidates([candidate({ id: 'cand-replay' })]);
      const size = await fx.store.logSize();
      const fresh = entry(size, { salt: 'fresh' });
      const replayed = { ...written[7]!, index: size + 1 };
      await rejectsWith(
        fx.store.appendBatch({
          entries: [fresh, replayed],
          incidents: [incident({ id: 'inc-replay', logIndex: size })],
          candidateUpdates: [{ id: 'cand-replay', status: 'promoted', promotedReport: 'inc-replay' }],
        }),
        'replay',
      );
      assert.equal(await fx.store.logSize(), size);
      assert.equal(await fx.store.entryIndexById(fresh.id), null);
      assert.equal(await fx.store.incident('inc-replay'), null);
      assert.equal((await fx.store.candidate('cand-replay'))?.status, 'open');
    });

    it('refuses the same statement twice in one batch, and entries that are not consecutive', async () => {
      const size = await fx.store.logSize();
      const one = entry(size, { salt: 'twice' });
      await rejectsWith(fx.store.appendBatch({ entries: [one, { ...one, index: size + 1 }], incidents: [] }), 'replay');
      const gap = [entry(size, { salt: 'gap' }), entry(size + 2, { salt: 'gap' })];
      await rejectsWith(fx.store.appendBatch({ entries: gap, incidents: [] }), 'bad_request');
      assert.equal(await fx.store.logSize(), size);
    });

    it('refuses an entry whose id or leaf hash is not computed from its bytes (a database CHECK)', async () => {
      const size = await fx.store.logSize();
      const good = entry(size, { salt: 'check' });
      const wrongId = { ...good, id: entry(size, { salt: 'other' }).id };
      const wrongLeaf = { ...good, leafHash: new Uint8Array(32) };
      await rejectsWith(fx.store.appendBatch({ entries: [wrongId], incidents: [] }), 'bad_request');
      await rejectsWith(fx.store.appendBatch({ entries: [wrongLeaf], incidents: [] }), 'bad_request');
      assert.equal(await fx.store.logSize(), size);
    });

    it('refuses an entry whose type, member or time holds a comma (its columns go joined by commas), writing nothing', async () => {
      const size = await fx.store.logSize();
      const good = entries(size, 2, { salt: 'comma' });
      for (const bad of [{ type: 'key.add,x' }, { by: 'a,b' }, { at: '2025-10-13T12:00:00Z,' }]) {
        await rejectsWith(fx.store.appendBatch({ entries: [good[0]!, { ...good[1]!, ...bad }], incidents: [] }), 'bad_request');
      }
      assert.equal(await fx.store.logSize(), size);
      await fx.store.appendBatch({ entries: good, incidents: [] });
      assert.deepEqual((await fx.store.entries(size, size + 2)).map((e) => [e.type, e.by, e.at]), good.map((e) => [e.type, e.by, e.at]));
    });

    it('lets exactly one of two concurrent appends at the same index win, leaving no gap', async () => {
      const size = await fx.store.logSize();
      const results = await Promise.allSettled([
        fx.store.appendBatch({ entries: entries(size, 50, { salt: 'racer-a' }), incidents: [] }),
        fx.store.appendBatch({ entries: entries(size, 50, { salt: 'racer-b' }), incidents: [] }),
      ]);
      assert.deepEqual(results.map((r) => r.status).sort(), ['fulfilled', 'rejected']);
      assert.equal(await fx.store.logSize(), size + 50);
      const stored = await fx.store.entries(0, size + 50);
      assert.deepEqual(stored.map((e) => e.index), Array.from({ length: size + 50 }, (_, i) => i));
    });

    it('appendFresh reads which ids are stored before build, then writes what build makes of it', async () => {
      const size = await fx.store.logSize();
      const fresh = entries(size, 3, { salt: 'fresh-read' });
      const seen: string[][] = [];
      await fx.store.appendFresh([written[3]!.id, ...fresh.map((e) => e.id)], async (stored) => {
        seen.push([...stored]);
        return { entries: fresh, incidents: [incident({ id: 'inc-fresh', logIndex: size })] };
      });
      assert.deepEqual(seen, [[written[3]!.id]]);
      assert.deepEqual(await fx.store.entries(size, size + 3), fresh);
      assert.equal((await fx.store.incident('inc-fresh'))?.logIndex, size);
      // null: nothing to write (every statement was refused), and nothing is
      await fx.store.appendFresh([entry(size + 3, { salt: 'never' }).id], async () => null);
      assert.equal(await fx.store.logSize(), size + 3);
    });

    it('appendFresh still refuses a built batch that repeats a stored id, or holds an id it did not check', async () => {
      const size = await fx.store.logSize();
      const replayed = { ...written[5]!, index: size };
      await rejectsWith(fx.store.appendFresh([replayed.id], async () => ({ entries: [replayed], incidents: [] })), 'replay');
      const unchecked = entry(size, { salt: 'unchecked' });
      await assert.rejects(fx.store.appendFresh([written[6]!.id], async () => ({ entries: [unchecked], incidents: [] })), /not among the ids checked/);
      assert.equal(await fx.store.logSize(), size);
    });

    it('appendFresh with an assumed log reads nothing first; a wrong belief is refused, writing nothing', async () => {
      const size = await fx.store.logSize();
      const fresh = entries(size, 2, { salt: 'assumed' });
      const seen: string[][] = [];
      await fx.store.appendFresh(fresh.map((e) => e.id), async (stored) => {
        seen.push([...stored]);
        return { entries: fresh, incidents: [] };
      }, { size });
      assert.deepEqual(seen, [[]], 'build is told of no stored id');
      assert.deepEqual(await fx.store.entries(size, size + 2), fresh);
      // A stored id believed fresh: the database refuses it (the unique id).
      const replayed = { ...written[4]!, index: size + 2 };
      await rejectsWith(fx.store.appendFresh([replayed.id], async () => ({ entries: [replayed], incidents: [] }), { size: size + 2 }), 'conflict');
      // A size that is not the log's: refused by the size check, or by the guarded INSERT if the caller's index agrees.
      const behind = entries(size + 1, 1, { salt: 'behind' });
      await rejectsWith(fx.store.appendFresh(behind.map((e) => e.id), async () => ({ entries: behind, incidents: [] }), { size: size + 1 }), 'conflict');
      assert.equal(await fx.store.logSize(), size + 2);
      written.push(...fresh);
    });

    it('appendFresh writes entries and their tree nodes together (one statement), or neither', async () => {
      const size = await fx.store.logSize();
      const batch = entries(size, 2, { salt: 'with-nodes' });
      const node = { level: 8, index: 90_000, hash: new Uint8Array(32).fill(7) };
      await fx.store.appendFresh(batch.map((e) => e.id), async () => ({ entries: batch, incidents: [], treeNodes: [node] }));
      assert.deepEqual(await fx.store.entries(size, size + 2), batch);
      assert.deepEqual(await fx.store.treeNodes(8, 90_000, 90_001), node.hash);
      // Another writer appends between the read and the write: refused, and no node of the refused batch is left.
      const late = entries(size + 2, 2, { salt: 'overtaken' });
      const other = entry(size + 2, { salt: 'other-writer' });
      const lost = { level: 8, index: 90_001, hash: new Uint8Array(32).fill(9) };
      await rejectsWith(fx.store.appendFresh(late.map((e) => e.id), async () => {
        await fx.store.appendBatch({ entries: [other], incidents: [] });
        return { entries: late, incidents: [], treeNodes: [lost] };
      }), 'conflict');
      assert.equal(await fx.store.logSize(), size + 3);
      assert.deepEqual(await fx.store.entries(size + 2, size + 3), [other]);
      assert.deepEqual(await fx.store.treeNodes(8, 90_001, 90_002), new Uint8Array(0));
      written.push(...batch, other);
    });

    it('appendFresh refuses a batch when another writer stored one of its statements meanwhile, writing nothing', async () => {
      const size = await fx.store.logSize();
      const batch = entries(size, 3, { salt: 'stolen' });
      await rejectsWith(fx.store.appendFresh(batch.map((e) => e.id), async () => {
        await fx.store.appendBatch({ entries: [batch[0]!], incidents: [] });
        return { entries: batch, incidents: [incident({ id: 'inc-stolen', logIndex: size })] };
      }), 'conflict');
      assert.equal(await fx.store.logSize(), size + 1);
      assert.equal(await fx.store.incident('inc-stolen'), null);
      written.push(batch[0]!);
    });

    it('refuses ranges that are not ranges of indexes', async () => {
      await rejectsWith(fx.store.entries(5, 2), 'bad_request');
      await rejectsWith(fx.store.leafHashes(-1, 2), 'bad_request');
      await rejectsWith(fx.store.entries(0.5, 2), 'bad_request');
    });
  });
}
