// A server of its own for one benchmark script run alone (bench/append-cpu.ts, bench/append-latency.ts): a fresh
// store, PGlite in a temporary folder or a scratch PostgreSQL database, the HTTP server on a free port, and one call
// that takes it all down again.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../src/server/app.js';
import { tuneServerGc } from '../src/server/gc-tuning.js';
import { Mechanism, type MechanismOptions } from '../src/services/mechanism.js';
import { createScratchDatabase } from '../src/store/postgres-test-db.js';

export interface BenchServer {
  readonly url: string;
  readonly mechanism: Mechanism;
  close(): Promise<void>;
}

/** @example const server = await benchServer(true, { verifyBatchesInWorkers: true }); try { … } finally { await server.close(); } */
export async function benchServer(pg: boolean, options: Omit<MechanismOptions, 'dataDir' | 'db'> = {}): Promise<BenchServer> {
  const scratch = pg ? await createScratchDatabase() : undefined;
  const dataDir = await mkdtemp(join(tmpdir(), 'truce-bench-server-'));
  tuneServerGc();
  const mechanism = await Mechanism.open({ dataDir, ...(scratch ? { db: scratch.url } : {}), ...options });
  const app = await buildApp(mechanism, { rateLimits: false });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    url,
    mechanism,
    async close() {
      await app.close();
      await mechanism.close();
      await scratch?.drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
