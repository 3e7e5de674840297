// A start that reads the stored tree and state snapshot instead of replaying must come back to exactly what a full
// replay makes: the same root, the same domain state (deep, strict equality), the same incident rows. On PGlite AND
// PostgreSQL, with the training demo (every record type) plus enough entries to complete stored tree nodes; and a
// tampered tree node, lost tree nodes, a lost or damaged snapshot are found or rebuilt, never served as they are.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { toBase64 } from '../domain/encoding.js';
import { canonicalBytes } from '../domain/jcs.js';
import { signStatement } from '../domain/statement.js';
import { openPgliteDatabase } from '../store/pglite-store.js';
import { postgresClient } from '../store/postgres-store.js';
import { createScratchDatabase } from '../store/postgres-test-db.js';
import type { SqlClient } from '../store/sql-client.js';
import { loadDemo } from './demo-loader.js';
import { readKeyFile } from './key-file.js';
import { Mechanism, type MechanismOptions } from './mechanism.js';
import { generateKeyPair } from './node-ed25519.js';

type Kind = 'pglite' | 'postgres';

async function withSql(kind: Kind, dataDir: string, db: string | undefined, fn: (client: SqlClient) => Promise<unknown>): Promise<void> {
  const client = kind === 'pglite' ? (await openPgliteDatabase(join(dataDir, 'pglite'))).client : postgresClient(new pg.Pool({ connectionString: db }));
  try {
    await fn(client);
  } finally {
    await client.close();
  }
}

/** Everything a start rebuilds, to compare a restart with a full replay. */
async function observe(m: Mechanism) {
  const incidents = await m.store.queryIncidents({ limit: 1000 });
  return { size: m.size, root: Buffer.from(m.tree.root()).toString('hex'), state: m.state, incidents: incidents.items };
}

for (const kind of ['pglite', 'postgres'] as const) {
  test(`${kind}: a restart from the stored tree and snapshot equals a full replay; damage is found or rebuilt`, async () => {
    const scratch = kind === 'postgres' ? await createScratchDatabase() : null;
    const db = scratch?.url;
    const dataDir = await mkdtemp(join(tmpdir(), `truce-restart-state-${kind}-`));
    // The state from the snapshot (the state folder: state-folder-restart.test.ts).
    const options: MechanismOptions = { dataDir, ...(db ? { db } : {}), checkpointIntervalMs: 3_600_000, stateFolder: false };
    const open = (extra: Partial<MechanismOptions> = {}) => Mechanism.open({ ...options, ...extra });
    try {
      // The training demo, then key.adds past 512 entries (two complete level-8 nodes), a snapshot stored on the way.
      let m = await open({ snapshotEvery: 200 });
      await loadDemo(m, () => undefined, 'training');
      const field = await readKeyFile(join(dataDir, 'demo-keys', 'field-team-1.json'));
      const at = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
      const adds = [];
      while (m.size + adds.length < 600) {
        const body = { key: toBase64(generateKeyPair().publicKey) };
        adds.push(canonicalBytes(await signStatement({ v: 1, type: 'key.add', by: 'field-team-1', key: toBase64(field.publicKey), at, body }, field.sign)));
      }
      await Promise.all(adds.map((bytes) => m.submit(bytes, true)));
      const stored = await m.store.latestSnapshot();
      assert.ok(stored && stored.size >= 200, 'a snapshot went in with a batch');
      await m.publishCheckpoint();
      const live = structuredClone(await observe(m));
      await m.close(); // a clean stop stores a snapshot of the whole log

      // 1. A plain restart replays nothing and makes exactly the state, root and rows the live process had.
      m = await open();
      assert.deepEqual([m.startup.snapshot, m.startup.replayed], [live.size, 0]);
      const restarted = await observe(m);
      assert.deepStrictEqual(restarted, live);
      await m.close();

      // 2. A deep start ignores the snapshot, replays and rechecks everything: the same again.
      m = await open({ deepCheck: true });
      assert.deepEqual([m.startup.snapshot, m.startup.replayed, m.startup.checked], [null, live.size, live.size]);
      assert.deepStrictEqual(await observe(m), live);
      await m.close();

      // 3. Lost tree nodes and a snapshot missing a part: the nodes rebuilt from the entries (each checked), the
      // snapshot ignored and the log replayed; the same state and root.
      await withSql(kind, dataDir, db, async (c) => {
        await c.query('DELETE FROM tree_nodes');
        await c.query('DELETE FROM state_snapshot_parts WHERE part = 1');
      });
      m = await open();
      assert.deepEqual([m.startup.snapshot, m.startup.replayed, m.startup.checked], [null, live.size, live.size]);
      assert.deepStrictEqual(await observe(m), live);
      await m.close();

      // 4. A tampered tree node under the signed root: the root no longer matches the checkpoint, nothing is served.
      await withSql(kind, dataDir, db, (c) => c.query(`UPDATE tree_nodes SET hash = sha256(hash) WHERE level = 8 AND idx = 0`));
      await assert.rejects(open(), (e: Error & { code?: string }) => e.code === 'conflict' && /checkpoint|altered/.test(e.message));
      await assert.rejects(open({ deepCheck: true }), (e: Error & { code?: string }) => e.code === 'conflict' && /tree node 0 of level 8/.test(e.message));
    } finally {
      await rm(dataDir, { recursive: true, force: true });
      await scratch?.drop();
    }
  });
}
