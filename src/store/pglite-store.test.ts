import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { storeContract } from './store-contract.js';
import { openPgliteDatabase } from './pglite-store.js';
import { openPgliteThreadStore } from './pglite-thread.js';
import { entries } from './contract/builders.js';
import { crashTest } from './contract/crash.js';
import { openStore } from './open-store.js';
import { rejectsWith } from './contract/fixture.js';

const tempDir = (): string => mkdtempSync(join(tmpdir(), 'truce-pglite-'));

// As the server opens it: in a thread of its own (pglite-thread.ts), over the same client and filesystem.
storeContract('pglite', async () => {
  const dir = tempDir();
  return { open: () => openPgliteThreadStore(dir), destroy: async () => rmSync(dir, { recursive: true, force: true }) };
});

describe('openStore', () => {
  it('opens PGlite in <dataDir>/pglite, migrated, when no --db is given', async () => {
    const dir = tempDir();
    try {
      const store = await openStore({ dataDir: dir });
      assert.equal(store.kind, 'pglite');
      assert.equal(await store.logSize(), 0);
      await store.close();
      assert.ok(existsSync(join(dir, 'pglite', 'PG_VERSION')));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a --db that is not a PostgreSQL URL, before opening anything', async () => {
    await rejectsWith(openStore({ dataDir: '/nonexistent', db: 'mysql://root@localhost/x' }), 'bad_request');
  });
});

describe('pglite durability', () => {
  it('really fsyncs: at least one fsync per committed append, WAL segments not zero-filled; and one process at a time', async () => {
    const dir = tempDir();
    try {
      const { store, fs, client } = await openPgliteDatabase(dir);
      await rejectsWith(openPgliteDatabase(dir), 'unavailable');
      // The settings the durability rests on, as the database reports them (pglite-durable-fs.ts).
      for (const [name, value] of [['fsync', 'on'], ['wal_sync_method', 'fsync'], ['wal_init_zero', 'off']] as const) {
        const [row] = await client.query(`SHOW ${name}`);
        assert.equal(row?.[name], value, name);
      }
      await store.migrate();
      const before = fs.syncs;
      for (let i = 0; i < 5; i++) await store.appendBatch({ entries: entries(i, 1), incidents: [] });
      assert.ok(fs.syncs - before >= 5, `${fs.syncs - before} fsyncs for 5 commits`);
      await store.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('loses no acknowledged entry when the process is killed mid-append', { timeout: 120_000 }, async () => {
    const dir = tempDir();
    try {
      await crashTest({ kind: 'pglite', target: dir, open: () => openPgliteThreadStore(dir) });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
