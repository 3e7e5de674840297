/**
 * The one contract suite every Store adapter passes (style habit 7): pglite-store.test.ts and postgres-store.test.ts
 * run it with their own harness. Each part opens a fresh database.
 */
import { describe } from 'node:test';
import type { HarnessFactory } from './contract/fixture.js';
import { logContract } from './contract/log.js';
import { recordsContract } from './contract/records.js';
import { incidentsContract } from './contract/incidents.js';
import { searchContract } from './contract/search.js';
import { persistenceContract } from './contract/persistence.js';

export type { HarnessFactory, StoreHarness } from './contract/fixture.js';

/**
 * Register the contract's tests for one adapter.
 * @example storeContract('pglite', async () => { const dir = tmp(); return { open: () => openPgliteStore(dir), destroy: () => rm(dir) }; });
 */
export function storeContract(name: string, factory: HarnessFactory): void {
  describe(`Store contract: ${name}`, () => {
    logContract(factory);
    recordsContract(factory);
    incidentsContract(factory);
    searchContract(factory);
    persistenceContract(factory);
  });
}
