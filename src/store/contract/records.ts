import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CandidateRow } from '../store.js';
import { candidate, checkpoint, cosignature, entries } from './builders.js';
import { rejectsWith, useStore, type HarnessFactory } from './fixture.js';

export function recordsContract(factory: HarnessFactory): void {
  describe('checkpoints and cosignatures', () => {
    const fx = useStore(factory);

    it('stores one checkpoint per size: a second, different one of that size gets the stored one back', async () => {
      assert.equal(await fx.store.latestCheckpoint(), null);
      const first = checkpoint(10, 'first');
      assert.deepEqual(await fx.store.saveCheckpoint(first), first);
      assert.deepEqual(await fx.store.saveCheckpoint(checkpoint(10, 'second')), first);
      assert.deepEqual(await fx.store.checkpointAt(10), first);
      assert.equal(await fx.store.checkpointAt(11), null);
    });

    it('lists checkpoints newest first, before a size, and knows the latest', async () => {
      for (const size of [1, 5, 20, 15]) await fx.store.saveCheckpoint(checkpoint(size));
      assert.equal((await fx.store.latestCheckpoint())?.size, 20);
      assert.deepEqual((await fx.store.listCheckpoints(10)).map((c) => c.size), [20, 15, 10, 5, 1]);
      assert.deepEqual((await fx.store.listCheckpoints(2, 15)).map((c) => c.size), [10, 5]);
      assert.deepEqual((await fx.store.listCheckpoints(0)).map((c) => c.size), [20], 'limit is clamped to at least 1');
    });

    it('finds the first checkpoint that includes an entry (it bounds when the entry arrived)', async () => {
      assert.equal((await fx.store.firstCheckpointIncluding(0))?.size, 1);
      assert.equal((await fx.store.firstCheckpointIncluding(5))?.size, 10, 'entry 5 is not in the tree of size 5');
      assert.equal((await fx.store.firstCheckpointIncluding(19))?.size, 20);
      assert.equal(await fx.store.firstCheckpointIncluding(20), null);
    });

    it('adds cosignatures idempotently per (size, key id)', async () => {
      await fx.store.addCosignature(cosignature(10, 'bb'));
      await fx.store.addCosignature(cosignature(10, 'bb'));
      await fx.store.addCosignature({ ...cosignature(10, 'bb'), line: 'a different line' });
      await fx.store.addCosignature(cosignature(10, 'aa', 'qatar'));
      assert.deepEqual(await fx.store.cosignatures(10), [cosignature(10, 'aa', 'qatar'), cosignature(10, 'bb')]);
      assert.deepEqual(await fx.store.cosignatures(5), []);
    });

    it('refuses a cosignature of a size with no checkpoint', async () => {
      await rejectsWith(fx.store.addCosignature(cosignature(999, 'aa')), 'not_found');
    });
  });

  describe('candidates and meta', () => {
    const fx = useStore(factory);
    const rows: CandidateRow[] = Array.from({ length: 9 }, (_, i) =>
      candidate({ id: `cand-${i}`, createdAt: `2025-10-13T08:00:0${i % 3}.000Z`, status: i % 4 === 3 ? 'dismissed' : 'open' }),
    );
    const newestFirst = [...rows].sort((a, b) => (a.createdAt === b.createdAt ? (a.id < b.id ? 1 : -1) : a.createdAt < b.createdAt ? 1 : -1));

    it('saves candidates and reads them back', async () => {
      await fx.store.saveCandidates(rows);
      assert.deepEqual(await fx.store.candidate('cand-4'), rows[4]);
      assert.equal(await fx.store.candidate('nope'), null);
    });

    it('lists candidates newest first across pages, and by status', async () => {
      const seen: CandidateRow[] = [];
      let cursor: string | undefined;
      do {
        const page = await fx.store.listCandidates({ limit: 2, ...(cursor ? { cursor } : {}) });
        seen.push(...page.items);
        cursor = page.next ?? undefined;
      } while (cursor);
      assert.deepEqual(seen, newestFirst);
      const dismissed = await fx.store.listCandidates({ status: 'dismissed', limit: 50 });
      assert.deepEqual(dismissed.items, newestFirst.filter((c) => c.status === 'dismissed'));
      assert.equal(dismissed.next, null);
    });

    it('promotes a candidate with the appended statement, and a re-save does not reopen it', async () => {
      await fx.store.appendBatch({
        entries: entries(0, 1),
        incidents: [],
        candidateUpdates: [
          { id: 'cand-0', status: 'promoted', promotedReport: 'report-0' },
          { id: 'unknown-candidate', status: 'promoted', promotedReport: 'report-x' },
        ],
      });
      assert.deepEqual(await fx.store.candidate('cand-0'), { ...rows[0], status: 'promoted', promotedReport: 'report-0' });
      const updated = { ...rows[0]!, candidate: { summary: 'merged with a second article' } };
      await fx.store.saveCandidates([updated, { ...rows[1]!, status: 'dismissed' }]);
      assert.deepEqual(await fx.store.candidate('cand-0'), { ...updated, status: 'promoted', promotedReport: 'report-0' });
      assert.equal((await fx.store.candidate('cand-1'))?.status, 'dismissed');
    });

    it('refuses a cursor it did not issue', async () => {
      await rejectsWith(fx.store.listCandidates({ limit: 2, cursor: 'bm90LWEtY3Vyc29y' }), 'bad_request');
      await rejectsWith(fx.store.listCandidates({ limit: 2, cursor: "x' OR 1=1 --" }), 'bad_request');
    });

    it('keeps small settings', async () => {
      assert.equal(await fx.store.getMeta('mechanism'), null);
      await fx.store.setMeta('mechanism', 'pk-af-2025');
      await fx.store.setMeta('mechanism', 'pk-af-2025-b');
      assert.equal(await fx.store.getMeta('mechanism'), 'pk-af-2025-b');
    });
  });
}
