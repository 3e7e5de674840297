// Statements appended per second over HTTP, with signature checks, on PGlite and PostgreSQL; beside the raw Ed25519
// verify rate measured in the same process, so figures read as ratios on a noisy 2-core machine.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Mechanism } from '../src/services/mechanism.js';
import { buildApp } from '../src/server/app.js';
import { verifyEd25519Node } from '../src/services/node-ed25519.js';
import { createScratchDatabase } from '../src/store/postgres-test-db.js';
import { bootstrap, member } from '../test/e2e/helpers/members.js';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';

const CLIENT = fileURLToPath(new URL('./append-client.ts', import.meta.url));
const run = promisify(execFile);

const STATEMENTS = Number(process.env.BENCH_APPEND_N ?? 3000);
const IN_FLIGHT = 64;

/** node:crypto Ed25519 verifications per second on this core. */
export function ed25519VerifyRate(n = 20_000): number {
  const m = member('bench');
  const msg = randomBytes(200);
  const sig = m.sign(msg);
  const t0 = performance.now();
  for (let i = 0; i < n; i++) verifyEd25519Node(m.publicKey, msg, sig);
  return n / ((performance.now() - t0) / 1000);
}

interface AppendRun {
  readonly perSecond: number;
  readonly n: number;
  readonly batch: number;
  /** Statements replayed per second when the mechanism reopens on the store it just wrote. */
  readonly replayPerSecond: number;
}

async function appendRate(db?: string, verifyInWorkers?: boolean): Promise<AppendRun> {
  const dataDir = await mkdtemp(join(tmpdir(), 'truce-bench-'));
  let mechanism = await Mechanism.open({ dataDir, ...(verifyInWorkers === undefined ? {} : { verifyInWorkers }), ...(db ? { db } : {}) });
  const app = await buildApp(mechanism, { rateLimits: false });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  let closed = false;
  try {
    const operator = member('secretariat');
    const monitor = member('monitor');
    await bootstrap(url, operator, 'bench', [{ m: monitor, role: 'monitor' }]);
    // The clients run in another process, as they would in use; they pre-sign, so the server alone is measured.
    const client = await run(process.execPath, ['--import', 'tsx', CLIENT, url, monitor.id, Buffer.from(monitor.seed).toString('base64'), String(STATEMENTS), String(IN_FLIGHT)]);
    const { commits, statements } = mechanism.sequencer.stats;
    await app.close();
    await mechanism.close();
    closed = true;
    const t0 = performance.now();
    mechanism = await Mechanism.open({ dataDir, ...(db ? { db } : {}) });
    const replayPerSecond = mechanism.size / ((performance.now() - t0) / 1000);
    await mechanism.close();
    return { perSecond: (JSON.parse(client.stdout) as { perSecond: number }).perSecond, n: STATEMENTS, batch: statements / commits, replayPerSecond };
  } finally {
    if (!closed) {
      await app.close();
      await mechanism.close();
    }
    await rm(dataDir, { recursive: true, force: true });
  }
}

export async function benchAppend(): Promise<Record<string, number>> {
  const verify = ed25519VerifyRate();
  const pglite = await appendRate();
  const pgliteThreads = await appendRate(undefined, true);
  const scratch = await createScratchDatabase();
  let postgres: AppendRun;
  let postgresThreads: AppendRun;
  try {
    postgres = await appendRate(scratch.url);
    await scratch.drop();
    const second = await createScratchDatabase();
    try {
      postgresThreads = await appendRate(second.url, true);
    } finally {
      await second.drop();
    }
  } finally {
    await scratch.drop().catch(() => undefined);
  }
  return {
    'ed25519 verify /s (node:crypto, 1 core)': Math.round(verify),
    'append over HTTP /s, PGlite': Math.round(pglite.perSecond),
    'append over HTTP /s, PostgreSQL': Math.round(postgres.perSecond),
    'append over HTTP /s, PGlite, verifier thread': Math.round(pgliteThreads.perSecond),
    'append over HTTP /s, PostgreSQL, verifier thread': Math.round(postgresThreads.perSecond),
    'server default: verifier thread': availableParallelism() >= 4 ? 1 : 0,
    'PGlite append / verify rate': +(pglite.perSecond / verify).toFixed(3),
    'PostgreSQL append / verify rate': +(postgres.perSecond / verify).toFixed(3),
    'reopen (start + replay) statements/s, PGlite': Math.round(pglite.replayPerSecond),
    'reopen (start + replay) statements/s, PostgreSQL': Math.round(postgres.replayPerSecond),
    'statements per commit, PGlite (group commit)': +pglite.batch.toFixed(1),
    'statements per commit, PostgreSQL (group commit)': +postgres.batch.toFixed(1),
    'verifier thread gain, PGlite (x)': +(pgliteThreads.perSecond / pglite.perSecond).toFixed(2),
    'verifier thread gain, PostgreSQL (x)': +(postgresThreads.perSecond / postgres.perSecond).toFixed(2),
    'statements per run': STATEMENTS,
    'requests in flight': IN_FLIGHT,
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.table(await benchAppend());
}
