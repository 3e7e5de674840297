import { join } from 'node:path';
import { TruceError } from '../domain/errors.js';
import type { Store } from './store.js';
import { openPgliteThreadStore } from './pglite-thread.js';
import { openPostgresStore } from './postgres-store.js';

export interface OpenStoreOptions {
  /** Truce's data folder; PGlite keeps its database in `<dataDir>/pglite`. */
  readonly dataDir: string;
  /** A PostgreSQL URL (postgres:// or postgresql://): use that server instead of PGlite. */
  readonly db?: string;
  /** Errors of idle PostgreSQL connections (a server restart): the pool replaces them; the caller logs them. */
  readonly onPoolError?: (error: Error) => void;
}

/**
 * Open the store `truce serve --data DIR [--db URL]` asks for, with its migrations applied.
 * @example const store = await openStore({ dataDir: '.truce-data' }); // PGlite in .truce-data/pglite
 * @example const store = await openStore({ dataDir: '.truce-data', db: 'postgres://truce@localhost/truce' });
 */
export async function openStore(options: OpenStoreOptions): Promise<Store> {
  if (options.db !== undefined && !/^postgres(ql)?:\/\//.test(options.db)) {
    throw new TruceError('bad_request', '--db must be a postgres:// or postgresql:// URL');
  }
  const store = options.db ? await openPostgresStore(options.db, options.onPoolError ? { onError: options.onPoolError } : {}) : await openPgliteThreadStore(join(options.dataDir, 'pglite'));
  try {
    await store.migrate();
  } catch (error) {
    await store.close();
    throw error;
  }
  return store;
}
