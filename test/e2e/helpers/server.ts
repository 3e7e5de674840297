import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Mechanism } from '../../../src/services/mechanism.js';
import { loadDemo } from '../../../src/services/demo-loader.js';
import { buildApp } from '../../../src/server/app.js';

export interface RunningServer {
  readonly url: string;
  readonly dataDir: string;
  readonly mechanism: Mechanism;
  close(): Promise<void>;
}

const WEB_ROOT = fileURLToPath(new URL('../../../dist/web', import.meta.url));

/** The real server on a random loopback port over a fresh data folder (PGlite, or PostgreSQL with `db`). */
export async function startServer(opts: { demo?: boolean | 'training'; db?: string; dataDir?: string; checkpointIntervalMs?: number; now?: () => number; stateFolder?: boolean; rateLimits?: false } = {}): Promise<RunningServer> {
  const dataDir = opts.dataDir ?? (await mkdtemp(join(tmpdir(), 'truce-e2e-')));
  const mechanism = await Mechanism.open({ dataDir, ...(opts.db ? { db: opts.db } : {}), checkpointIntervalMs: opts.checkpointIntervalMs ?? 200, ...(opts.now ? { now: opts.now } : {}), ...(opts.stateFolder === false ? { stateFolder: false } : {}) });
  if (opts.demo) await loadDemo(mechanism, undefined, opts.demo === 'training' ? 'training' : 'case');
  const app = await buildApp(mechanism, { webRoot: WEB_ROOT, ...(opts.rateLimits === false ? { rateLimits: false as const } : {}) });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    url: address,
    dataDir,
    mechanism,
    async close() {
      await app.close();
      await mechanism.close();
      if (!opts.dataDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}
