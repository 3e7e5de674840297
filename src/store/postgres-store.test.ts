import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { storeContract } from './store-contract.js';
import { openPostgresStore } from './postgres-store.js';
import { TEST_SERVER, createScratchDatabase } from './postgres-test-db.js';
import { crashTest } from './contract/crash.js';
import { openStore } from './open-store.js';

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

  it('fails fast on an unreachable server', async () => {
    await assert.rejects(openPostgresStore('postgres://postgres@127.0.0.1:1/none'));
  });
});
