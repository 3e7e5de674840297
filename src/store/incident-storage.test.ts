// Migration 008 on both stores: a store written before it (views out of line, in the TOAST table) has every row in line
// after it, with the same answers; rows written after it stay in line.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { loadMigrations, migrate } from './migrate.js';
import type { SqlClient } from './sql-client.js';
import { SqlStore } from './sql-store.js';
import type { IncidentQuery, IncidentRow } from './store.js';
import { scratchClients } from './contract/scratch-clients.js';
import { incident } from './contract/builders.js';

/**
 * A view of ~3 KB that compresses poorly (hex of random bytes), so before 008 the toaster stores it out of line, as it
 * did real 2-3 KB views, and after 008 (in line, uncompressed if compression does not pay) it still fits the row.
 */
const heavy = (i: number): IncidentRow =>
  incident({
    id: `h-${i}`,
    logIndex: i,
    startDate: `2025-10-${String(1 + (i % 28)).padStart(2, '0')}`,
    endDate: `2025-10-${String(1 + (i % 28)).padStart(2, '0')}`,
    text: `Shelling near Chaman, report ${i}`,
    view: { id: `h-${i}`, narrative: randomBytes(1500).toString('hex'), history: [{ version: 1 }] },
  });

const QUERIES: IncidentQuery[] = [
  { limit: 500 },
  { q: 'shelling', limit: 7 },
  { from: '2025-10-05', to: '2025-10-09', bbox: [66, 30, 67, 32], type: 'Battles', limit: 20 },
];

/** Bytes in the incidents table's TOAST table (its pages hold out-of-line values only). */
async function toastBytes(client: SqlClient): Promise<number> {
  const [row] = await client.query(
    `SELECT pg_relation_size(reltoastrelid)::float8 AS bytes FROM pg_class WHERE oid = 'incidents'::regclass`,
  );
  return Number(row!['bytes']);
}

for (const [kind, open] of scratchClients('truce-storage')) {
  describe(`migration 008, incident rows in line (${kind})`, () => {
    let client: SqlClient;
    let close: () => Promise<void>;
    let store: SqlStore;
    const data = Array.from({ length: 60 }, (_, i) => heavy(i));

    before(async () => {
      ({ client, close } = await open());
      store = new SqlStore(client);
    });
    after(() => close());

    it('brings the rows of a store written before it in line, and they answer as before', async () => {
      const before008 = loadMigrations().filter((m) => m.version < 8);
      assert.deepEqual(await migrate(client, before008), before008.map((m) => m.version));
      await store.replaceIncidents(data);
      assert.ok((await toastBytes(client)) > 0, 'before 008, the views are out of line');
      const answers = [];
      for (const query of QUERIES) answers.push(await store.queryIncidents(query));
      assert.equal(answers[0]!.items.length, data.length);

      assert.deepEqual(await migrate(client), [8]);
      assert.equal(await toastBytes(client), 0, 'after 008, nothing is out of line');
      for (const [k, query] of QUERIES.entries()) assert.deepEqual(await store.queryIncidents(query), answers[k], JSON.stringify(query));
      const [marked] = await client.query(`SELECT count(*)::int AS n FROM pg_index WHERE indrelid = 'incidents'::regclass AND indisclustered`);
      assert.equal(Number(marked!['n']), 0, 'the table is not left marked as clustered');
      assert.deepEqual(await migrate(client), []);
    });

    it('keeps rows written after it in line', async () => {
      const more = Array.from({ length: 40 }, (_, i) => heavy(100 + i));
      await store.replaceIncidents([...data, ...more]);
      assert.equal(await toastBytes(client), 0);
      const [row] = await client.query(`SELECT view FROM incidents WHERE id = 'h-139'`);
      assert.deepEqual(row!['view'], more[39]!.view);
    });
  });
}
