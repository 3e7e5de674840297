import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { SqlClient, SqlQueryable, Row } from './sql-client.js';
import { SqlStore } from './sql-store.js';
import { DurableNodeFS, durableStartParams, fsyncTree } from './pglite-durable-fs.js';
import { lockFolder } from './folder-lock.js';
import { copyTemplate, pgliteTemplate } from './pglite-template.js';

function queryable(db: PGlite | Transaction): SqlQueryable {
  return {
    query: async <T extends Row>(sql: string, params: readonly unknown[] = []) => (await db.query<T>(sql, [...params])).rows,
    exec: async (sql: string) => {
      await db.exec(sql);
    },
  };
}

/**
 * A SqlClient over one PGlite instance (it runs one query at a time; a transaction holds it).
 * @example const client = pgliteClient(new PGlite()); await client.query('SELECT 1 AS one') // [{ one: 1 }]
 */
export function pgliteClient(db: PGlite, onClose: () => void = () => {}): SqlClient {
  return {
    kind: 'pglite',
    ...queryable(db),
    transaction: (fn) => db.transaction((tx) => fn(queryable(tx))),
    close: async () => {
      try {
        await db.close();
      } finally {
        onClose();
      }
    },
  };
}

/** A PGlite store, its SQL client (for benchmarks and tools) and its filesystem, whose `syncs` show commits reach the disk. */
export interface PgliteStoreHandle {
  readonly store: SqlStore;
  readonly client: SqlClient;
  readonly fs: DurableNodeFS;
}

/**
 * Open (creating if needed) a PGlite database in a folder, durable: see pglite-durable-fs.ts. pg_trgm is loaded on
 * every open, as the migrations need it. One process at a time: a second open of the folder fails with
 * TruceError('unavailable') (folder-lock.ts). Call migrate() after.
 * @example const { store } = await openPgliteDatabase('.truce-data/pglite'); await store.migrate();
 */
export async function openPgliteDatabase(dataDir: string): Promise<PgliteStoreHandle> {
  const folder = resolve(dataDir);
  mkdirSync(dirname(folder), { recursive: true });
  const release = await lockFolder(folder);
  let db: PGlite | undefined;
  try {
    const fresh = !existsSync(join(folder, 'PG_VERSION'));
    mkdirSync(folder, { recursive: true });
    const template = fresh ? pgliteTemplate() : null;
    if (template) copyTemplate(template, folder);
    const fs = new DurableNodeFS(folder);
    db = new PGlite({ fs, extensions: { pg_trgm }, startParams: durableStartParams() });
    await db.waitReady;
    if (fresh) await fsyncTree(folder);
    const client = pgliteClient(db, release);
    return { store: new SqlStore(client), client, fs };
  } catch (error) {
    await db?.close().catch(() => undefined);
    release();
    throw error;
  }
}

/**
 * The Store on PGlite in a folder (the embedded default). Call migrate() before use.
 * @example const store = await openPgliteStore('.truce-data/pglite'); await store.migrate();
 */
export async function openPgliteStore(dataDir: string): Promise<SqlStore> {
  return (await openPgliteDatabase(dataDir)).store;
}
