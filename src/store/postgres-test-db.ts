import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** The tests' server: local PostgreSQL, user postgres, trust authentication. */
export const TEST_SERVER = 'postgres://postgres@127.0.0.1:5432/postgres';

export interface ScratchDatabase {
  readonly url: string;
  drop(): Promise<void>;
}

/**
 * Create a fresh, uniquely named database on a server (for tests and benchmarks); drop() removes it, closing any
 * connection left open. Rejects if the server is unreachable: a test that needs PostgreSQL fails, never skips.
 * @example const db = await createScratchDatabase(); const store = await openPostgresStore(db.url); ... await db.drop();
 */
export async function createScratchDatabase(serverUrl: string = TEST_SERVER): Promise<ScratchDatabase> {
  // DDL cannot bind an identifier; this one is ours (a fixed prefix and hex), never input.
  const name = `truce_test_${process.pid}_${randomBytes(6).toString('hex')}`;
  await adminQuery(serverUrl, `CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

async function adminQuery(serverUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
