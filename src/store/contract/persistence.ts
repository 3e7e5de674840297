import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { candidate, checkpoint, cosignature, entries, incident } from './builders.js';
import { useStore, type HarnessFactory } from './fixture.js';

export function persistenceContract(factory: HarnessFactory): void {
  describe('persistence', () => {
    const fx = useStore(factory);
    const log = entries(0, 120, { padding: 100 });
    const incidents = [incident({ id: 'a', logIndex: 3, text: 'shelling near Chaman' }), incident({ id: 'b', logIndex: 9 })];
    const cand = candidate({ id: 'c1' });

    it('keeps everything across close and reopen, and migrating again changes nothing', async () => {
      await fx.store.appendBatch({ entries: log.slice(0, 100), incidents });
      await fx.store.appendBatch({ entries: log.slice(100), incidents: [] });
      await fx.store.saveCheckpoint(checkpoint(120));
      await fx.store.addCosignature(cosignature(120, 'k1'));
      await fx.store.saveCandidates([cand]);
      await fx.store.setMeta('origin', 'truce/demo');

      const store = await fx.reopen();
      await store.migrate();
      assert.equal(await store.logSize(), 120);
      assert.deepEqual(await store.entries(0, 120), log);
      assert.deepEqual(await store.checkpointAt(120), checkpoint(120));
      assert.deepEqual(await store.cosignatures(120), [cosignature(120, 'k1')]);
      assert.deepEqual((await store.queryIncidents({ limit: 10 })).items, [incidents[1], incidents[0]]);
      assert.deepEqual((await store.queryIncidents({ q: 'chaman', limit: 10 })).items, [incidents[0]]);
      assert.deepEqual(await store.candidate('c1'), cand);
      assert.equal(await store.getMeta('origin'), 'truce/demo');
    });

    it('appends after reopening where the log left off', async () => {
      await fx.store.appendBatch({ entries: entries(120, 5), incidents: [] });
      assert.equal(await fx.store.logSize(), 125);
    });
  });
}
