// Both stores as bare SQL clients on scratch databases, for tests that run the same SQL on each: a PGlite in a
// temporary folder and a fresh PostgreSQL database, each removed by its close().
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openPgliteDatabase } from '../pglite-store.js';
import { postgresClient } from '../postgres-store.js';
import { createScratchDatabase } from '../postgres-test-db.js';
import type { SqlClient } from '../sql-client.js';

export interface ScratchClient {
  readonly client: SqlClient;
  close(): Promise<void>;
}

/** [kind, open] for PGlite and PostgreSQL; `prefix` names the temporary folder. */
export function scratchClients(prefix: string): [string, () => Promise<ScratchClient>][] {
  return [
    ['pglite', async () => {
      const dir = await mkdtemp(join(tmpdir(), `${prefix}-`));
      const { client } = await openPgliteDatabase(join(dir, 'pglite'));
      return { client, close: async () => { await client.close(); await rm(dir, { recursive: true, force: true }); } };
    }],
    ['postgres', async () => {
      const db = await createScratchDatabase();
      const client = postgresClient(new pg.Pool({ connectionString: db.url, max: 2 }));
      return { client, close: async () => { await client.close(); await db.drop(); } };
    }],
  ];
}
