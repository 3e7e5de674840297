// The search walk (migration 007's word signatures) against the plain query, on both stores: whichever road a page
// takes (the walk fills it; the walk comes back short and the full-text index answers), the pages are the same.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { encodeCursor } from './cursor.js';
import { buildIncidentQuery, runIncidentQuery, searchWalk } from './incident-query.js';
import type { SqlClient } from './sql-client.js';
import { SqlStore } from './sql-store.js';
import type { IncidentQuery, IncidentRow } from './store.js';
import { scratchClients } from './contract/scratch-clients.js';
import { incident, prng } from './contract/builders.js';

// Words of very different frequencies: "shelling" in most texts, "ferry" in a few, "quarry" in one, "nowhere" in none.
const COMMON = ['shelling', 'clash', 'market', 'checkpoint', 'civilians'];
const RARE = ['ferry', 'drone', 'hospital'];

function rows(n: number): IncidentRow[] {
  const rand = prng(3);
  return Array.from({ length: n }, (_, i) => {
    const words = [...COMMON.filter(() => rand() < 0.6), ...RARE.filter(() => rand() < 0.05), ...(i === 77 ? ['quarry'] : [])];
    const day = 1 + Math.floor((i / n) * 28);
    return incident({
      id: `s-${i}`,
      logIndex: i,
      startDate: `2025-10-${String(day).padStart(2, '0')}`,
      endDate: `2025-10-${String(Math.min(28, day + Math.floor(rand() * 3))).padStart(2, '0')}`,
      lat: 30 + rand() * 2,
      lon: 66 + rand() * 2,
      eventType: rand() < 0.5 ? 'Battles' : 'Protests',
      parties: rand() < 0.5 ? ['pakistan'] : ['afghanistan'],
      status: rand() < 0.8 ? 'reported' : 'replied',
      text: `Residents reported ${words.join(' and ')} near the border.`,
    });
  });
}

const QUERIES: Omit<IncidentQuery, 'limit'>[] = [
  { q: 'shelling' },
  { q: 'shelling clash market' },
  { q: 'Civilians Checkpoint' },
  { q: 'ferry' },
  { q: 'drone hospital' },
  { q: 'quarry' },
  { q: 'nowhere' },
  { q: 'the' }, // a stop word: no lexeme, so no signature bit; every row passes the walk's test
  { q: 'shelling', from: '2025-10-10', to: '2025-10-12', bbox: [66.5, 30.5, 67.5, 31.5] },
  { q: 'ferry', type: 'Protests', party: 'pakistan' },
  { q: 'clash', status: 'replied', to: '2025-10-20' },
];

const ids = (result: { rows: Record<string, unknown>[] }) => result.rows.map((r) => String(r['id']));

for (const [kind, open] of scratchClients('truce-search-walk')) {
  describe(`incident search walk (${kind})`, () => {
    let client: SqlClient;
    let close: () => Promise<void>;
    const data = rows(400);

    before(async () => {
      ({ client, close } = await open());
      const store = new SqlStore(client);
      await store.migrate();
      await store.replaceIncidents(data);
    });
    after(() => close());

    it('gives the plain query\'s pages, whether the walk fills the page or the full-text index finishes it', async () => {
      for (const query of QUERIES) {
        for (const limit of [1, 10, 60]) {
          const plain = buildIncidentQuery({ ...query, limit });
          const expected = (await client.query(plain.sql, plain.params)).map((r) => String(r['id']));
          // One short walk then the full-text index; a walk that grows once; one that grows to the whole table.
          for (const walk of [{ first: 1, max: 1 }, { first: 25, max: 100 }, { first: 3, max: 10_000 }, { first: 10_000, max: 10_000 }]) {
            const got = ids(await runIncidentQuery(client, { ...query, limit }, walk));
            assert.deepEqual(got, expected, JSON.stringify({ ...query, limit, walk }));
          }
        }
      }
    });

    it('pages through every match with a cursor on either road', async () => {
      for (const walk of [{ first: 7, max: 7 }, { first: 7, max: 1000 }, { first: 10_000, max: 10_000 }]) {
        const seen: string[] = [];
        let cursor: string | undefined;
        for (;;) {
          const { rows: page, limit } = await runIncidentQuery(client, { q: 'market checkpoint', limit: 25, ...(cursor ? { cursor } : {}) }, walk);
          seen.push(...page.slice(0, limit).map((r) => String(r['id'])));
          if (page.length <= limit) break;
          const last = page[limit - 1]!;
          cursor = encodeCursor([String(last['start_date']), Number(last['log_index'])]);
        }
        const expected = data
          .filter((r) => /market/.test(r.text) && /checkpoint/.test(r.text))
          .sort((a, b) => b.startDate.localeCompare(a.startDate) || b.logIndex - a.logIndex)
          .map((r) => r.id);
        assert.ok(expected.length > 50);
        assert.deepEqual(seen, expected, JSON.stringify(walk));
      }
    });

    it('walks only for plain words: quotes, negation, OR and spelling variants go to the full-text index', () => {
      assert.ok(searchWalk({ q: 'shelling market', limit: 5 }));
      for (const q of ['"shelling market"', 'shelling -market', 'shelling or market', 'shelling OR market', '  ']) assert.equal(searchWalk({ q, limit: 5 }), null, q);
      assert.equal(searchWalk({ q: 'Chamman', limit: 5 }, [['chaman']]), null);
      assert.equal(searchWalk({ limit: 5 }), null);
    });
  });
}
