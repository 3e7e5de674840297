import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { storeContract } from './store-contract.js';
import { openPostgresStore } from './postgres-store.js';
import { TEST_SERVER, createScratchDatabase } from './postgres-test-db.js';
import { crashTest } from './contract/crash.js';
import { openStore } from './open-store.js';
import pg from 'pg';
import { postgresClient } from './postgres-store.js';
import { SqlStore } from './sql-store.js';
import { entries } from './contract/builders.js';

// PostgreSQL must be running at 127.0.0.1:5432 (scripts/prepare-machine.sh starts it): if it is down, these tests
// fail, never skip. The first one says so plainly (the contract's hooks would only report its tests "cancelled").
it('needs PostgreSQL at 127.0.0.1:5432 (user postgres, trust): start it with scripts/prepare-machine.sh', async () => {
  const db = await createScratchDatabase(TEST_SERVER);
  await db.drop();
});

storeContract('postgres', async () => {
  const db = await createScratchDatabase();
  return { open: () => openPostgresStore(db.url), destroy: () => db.drop() };
});

describe('postgres adapter', () => {
  it('loses no acknowledged entry when the appending process is killed', { timeout: 120_000 }, async () => {
    const db = await createScratchDatabase();
    try {
      await crashTest({ kind: 'postgres', target: db.url, open: () => openPostgresStore(db.url) });
    } finally {
      await db.drop();
    }
  });

  it('is what openStore opens for a postgres:// URL, migrated', async () => {
    const db = await createScratchDatabase();
    try {
      const store = await openStore({ dataDir: '/nonexistent', db: db.url });
      assert.equal(store.kind, 'postgres');
      assert.equal(await store.logSize(), 0);
      await store.close();
    } finally {
      await db.drop();
    }
  });

  it('finds which of a batch\'s statements are stored through the id index, however small the log was at first', async () => {
    // A named prepared statement is planned once for all (a generic plan after five runs): planned while the log was
    // small, the lookup of stored ids became a sequential scan that split the batch's id list again for every row,
    // a second per batch of 1,000 on a log of a few thousand entries, growing with the log.
    const db = await createScratchDatabase();
    const pool = new pg.Pool({ connectionString: db.url, max: 1 }); // one connection: one plan cache, one backend's counters
    try {
      const store = new SqlStore(postgresClient(pool));
      await store.migrate();
      let next = 0;
      const append = async (n: number) => {
        await store.appendBatch({ entries: entries(next, n), incidents: [] });
        next += n;
      };
      for (let i = 0; i < 8; i++) await append(1);
      for (let i = 0; i < 3; i++) await append(2_000);
      const seqScans = async () => {
        await pool.query('SELECT pg_stat_force_next_flush()');
        const [row] = (await pool.query("SELECT seq_scan FROM pg_stat_user_tables WHERE relname = 'entries'")).rows as { seq_scan: string }[];
        return Number(row!.seq_scan);
      };
      const before = await seqScans();
      await append(10);
      assert.equal(await seqScans() - before, 0, 'appending a batch scanned the whole entries table');
      assert.equal(await store.logSize(), next);
    } finally {
      await pool.end();
      await db.drop();
    }
  });

  it('survives an idle connection cut by the server (the database dropped under it), and reports it at the next query', async () => {
    const db = await createScratchDatabase();
    const pool = new pg.Pool({ connectionString: db.url, max: 1 });
    const client = postgresClient(pool);
    try {
      await client.query('SELECT 1');
      const cut = new Promise<void>((resolve) => pool.on('remove', () => resolve()));
      // Terminates the pool's idle connection: without a listener the pool's 'error' event would crash this process.
      await db.drop();
      await cut;
      await assert.rejects(client.query('SELECT 1'), /does not exist/);
    } finally {
      await pool.end();
    }
  });

  it('fails fast on an unreachable server', async () => {
    await assert.rejects(openPostgresStore('postgres://postgres@127.0.0.1:1/none'));
  });
});
