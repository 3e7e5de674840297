import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { openPgliteThread } from './pglite-thread.js';
import { openPgliteDatabase } from './pglite-store.js';
import { sqlState, type SqlQueryable } from './sql-client.js';
import { rejectsWith } from './contract/fixture.js';

describe('PGlite in a thread of its own', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'truce-pglite-thread-'));
  const client = await openPgliteThread(dir);
  after(async () => {
    await client.close();
    rmSync(dir, { recursive: true, force: true });
  });
  await client.exec('CREATE TABLE t (n int PRIMARY KEY, b bytea)');

  it('answers rows with numbers and bytes as the in-thread client does', async () => {
    await client.query('INSERT INTO t VALUES ($1, $2)', [1, new Uint8Array([0, 255, 7])]);
    const rows = await client.query<{ n: number; b: Uint8Array }>('SELECT n, b FROM t WHERE n = $1', [1]);
    assert.deepEqual(rows.map((r) => [r.n, [...r.b]]), [[1, [0, 255, 7]]]);
  });

  it('keeps an error\'s SQLSTATE across the thread', async () => {
    const error = await client.query('INSERT INTO t VALUES (1, NULL)').then(() => null, (e: unknown) => e);
    assert.equal(sqlState(error), '23505', String(error));
  });

  it('commits a transaction whole, rolls one back whole when its function throws, and keeps other queries out meanwhile', async () => {
    await client.transaction(async (tx) => {
      await tx.query('INSERT INTO t VALUES (2, NULL)');
      await tx.query('INSERT INTO t VALUES (3, NULL)');
    });
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const failing = client.transaction(async (tx) => {
      await tx.query('INSERT INTO t VALUES (4, NULL)');
      await held;
      throw new Error('the caller gave up');
    });
    // A query outside the transaction waits for it to end: it must not see (or join) row 4.
    const outside = client.query<{ count: number }>('SELECT count(*)::int AS count FROM t');
    release();
    await assert.rejects(failing, /the caller gave up/);
    assert.deepEqual(await outside, [{ count: 3 }]);
    assert.deepEqual((await client.query<{ n: number }>('SELECT n FROM t ORDER BY n')).map((r) => r.n), [1, 2, 3]);
  });

  it('answers a query made on a transaction after it ended with an error, not silence', async () => {
    let kept!: SqlQueryable;
    await client.transaction(async (tx) => {
      kept = tx;
    });
    await assert.rejects(kept.query('SELECT 1'), /transaction \d+ is not open/);
  });

  it('reports a commit the database refuses as the transaction\'s error', async () => {
    await client.exec('CREATE TABLE d (n int, CONSTRAINT later UNIQUE (n) DEFERRABLE INITIALLY DEFERRED)');
    const error = await client
      .transaction(async (tx) => {
        await tx.query('INSERT INTO d VALUES (1), (1)');
      })
      .then(() => null, (e: unknown) => e);
    assert.equal(sqlState(error), '23505', String(error));
    assert.deepEqual(await client.query('SELECT n FROM d'), []);
  });

  it('refuses a folder another holder has open, as unavailable', async () => {
    const other = mkdtempSync(join(tmpdir(), 'truce-pglite-thread-held-'));
    try {
      const { store } = await openPgliteDatabase(other);
      try {
        await rejectsWith(openPgliteThread(other), 'unavailable');
      } finally {
        await store.close();
      }
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });
});
