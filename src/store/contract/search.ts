import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { IncidentQuery } from '../store.js';
import { entries, incident } from './builders.js';
import { ids, rejectsWith, useStore, type HarnessFactory } from './fixture.js';

const texts: Record<string, string> = {
  airstrike: 'Airstrikes hit houses in Spin Boldak district overnight; several civilians were killed.',
  shelling: 'Artillery shelling near Chaman town injured two traders at the border market.',
  rumour: 'Unconfirmed rumour of a drone strike on a Kurram checkpoint, later denied.',
  raid: 'Fitna al-Khawarij fighters raided a police post; the attackers were killed in the clash.',
  talks: 'Delegations met in Doha; the ceasefire was extended for two weeks.',
};

export function searchContract(factory: HarnessFactory): void {
  describe('incidents: full text (english configuration, websearch syntax, trigram names)', () => {
    const fx = useStore(factory);
    const search = async (q: string, extra: Partial<IncidentQuery> = {}) =>
      ids((await fx.store.queryIncidents({ q, limit: 50, ...extra })).items).sort();

    it('finds words through their stems', async () => {
      await fx.store.replaceIncidents(
        Object.entries(texts).map(([id, text], i) => incident({ id, text, logIndex: i, parties: i % 2 ? ['afghanistan'] : ['pakistan'] })),
      );
      assert.deepEqual(await search('killing'), ['airstrike', 'raid']);
      assert.deepEqual(await search('civilian killed'), ['airstrike']);
      assert.deepEqual(await search('injure'), ['shelling']);
      assert.deepEqual(await search('CEASEFIRE'), ['talks']);
    });

    it('understands phrases, OR and negation', async () => {
      assert.deepEqual(await search('"spin boldak"'), ['airstrike']);
      assert.deepEqual(await search('"boldak spin"'), []);
      assert.deepEqual(await search('shelling or doha'), ['shelling', 'talks']);
      assert.deepEqual(await search('strike -rumour'), []);
      assert.deepEqual(await search('strike'), ['rumour']);
    });

    it('finds spelling variants of a name by trigram similarity', async () => {
      assert.deepEqual(await search('Khawaarij'), ['raid']);
      assert.deepEqual(await search('Chamman'), ['shelling']);
    });

    it('finds a misspelt word beside a correct one, and the words of an incident rewritten later', async () => {
      assert.deepEqual(await search('Chamman traders'), ['shelling']);
      assert.deepEqual(await search('Chamman doha'), [], 'both words must match, the misspelt one through its variant');
      assert.deepEqual(await search('Stonebrige'), [], 'no incident names it yet');
      // The talks incident is rewritten in place (an amendment, a reply): its new words join the index of words.
      const talks = incident({ id: 'talks', logIndex: 4, text: 'Delegations met at Stonebridge; the ceasefire was extended.' });
      await fx.store.appendBatch({ entries: entries(0, 1), incidents: [talks] });
      assert.deepEqual(await search('Stonebrige'), ['talks']);
      assert.deepEqual(await search('Stonebridge'), ['talks']);
    });

    it('combines with the other filters and ignores an empty q', async () => {
      assert.deepEqual(await search('killed', { party: 'pakistan' }), ['airstrike']);
      assert.equal((await search('   ')).length, Object.keys(texts).length);
    });

    it('treats hostile input as text: no error, no effect', async () => {
      for (const q of ["'); DROP TABLE incidents; --", '\\', '&|!():*<->', '"', 'the', '%_%', 'ñandú']) {
        await fx.store.queryIncidents({ q, limit: 5 });
      }
      assert.equal((await search('')).length, Object.keys(texts).length);
      await rejectsWith(fx.store.queryIncidents({ q: 'a\u0000b', limit: 5 }), 'bad_request');
    });
  });
}
