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
const IN_FLIGHT = Number(process.env.BENCH_APPEND_IN_FLIGHT ?? 64);

/** node:crypto Ed25519 verifications per second on this core, by the wall clock and per CPU second. */
export function ed25519VerifyRate(n = 20_000): { perSecond: number; perCpuSecond: number } {
  const m = member('bench');
  const msg = randomBytes(200);
  const sig = m.sign(msg);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  for (let i = 0; i < n; i++) verifyEd25519Node(m.publicKey, msg, sig);
  const cpu = process.cpuUsage(cpu0);
  return { perSecond: n / ((performance.now() - t0) / 1000), perCpuSecond: n / ((cpu.user + cpu.system) / 1e6) };
}

interface ClientRun {
  readonly perSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
}

interface AppendRun {
  readonly perSecond: number;
  /** The verify rate measured just before this run: on a shared machine the load changes from minute to minute. */
  readonly verifyPerSecond: number;
  readonly verifyPerCpuSecond: number;
  /** Statements per CPU second of the server's process (all its threads; PGlite runs in it), load generator apart. */
  readonly perServerCpuSecond: number;
  readonly n: number;
  readonly batch: number;
  /** Acknowledgement latency with statements sent at half the rate just measured (open loop). */
  readonly half?: ClientRun & { readonly rate: number };
  /** Statements replayed per second when the mechanism reopens on the store it just wrote. */
  readonly replayPerSecond: number;
}

async function client(url: string, monitor: ReturnType<typeof member>, n: number, rate = 0): Promise<ClientRun> {
  const args = [url, monitor.id, Buffer.from(monitor.seed).toString('base64'), String(n), String(IN_FLIGHT), String(rate)];
  const { stdout } = await run(process.execPath, ['--import', 'tsx', CLIENT, ...args]);
  return JSON.parse(stdout) as ClientRun;
}

async function appendRate(db?: string, options: { verifyInWorkers?: boolean; halfLoad?: boolean } = {}): Promise<AppendRun> {
  const dataDir = await mkdtemp(join(tmpdir(), 'truce-bench-'));
  let mechanism = await Mechanism.open({ dataDir, ...(options.verifyInWorkers === undefined ? {} : { verifyInWorkers: options.verifyInWorkers }), ...(db ? { db } : {}) });
  const app = await buildApp(mechanism, { rateLimits: false });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  let closed = false;
  try {
    const operator = member('secretariat');
    const monitor = member('monitor');
    await bootstrap(url, operator, 'bench', [{ m: monitor, role: 'monitor' }]);
    // The clients run in another process, as they would in use; they pre-sign, so the server alone is measured.
    const verify = ed25519VerifyRate(5_000);
    const cpu0 = process.cpuUsage();
    const full = await client(url, monitor, STATEMENTS);
    const cpu = process.cpuUsage(cpu0);
    const { commits, statements } = mechanism.sequencer.stats;
    // Then at half that rate, open loop: how long a client waits for its 201 when the server is not saturated.
    const halfRate = Math.max(1, Math.round(full.perSecond / 2));
    const half = options.halfLoad ? { ...(await client(url, monitor, Math.max(200, Math.min(STATEMENTS, halfRate * 5)), halfRate)), rate: halfRate } : undefined;
    await app.close();
    await mechanism.close();
    closed = true;
    const t0 = performance.now();
    mechanism = await Mechanism.open({ dataDir, ...(db ? { db } : {}) });
    const replayPerSecond = mechanism.size / ((performance.now() - t0) / 1000);
    await mechanism.close();
    return {
      perSecond: full.perSecond, verifyPerSecond: verify.perSecond, verifyPerCpuSecond: verify.perCpuSecond,
      perServerCpuSecond: STATEMENTS / ((cpu.user + cpu.system) / 1e6), n: STATEMENTS, batch: statements / commits, ...(half ? { half } : {}), replayPerSecond };
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
  const pglite = await appendRate(undefined, { halfLoad: true });
  const pgliteThreads = await appendRate(undefined, { verifyInWorkers: true });
  const scratch = await createScratchDatabase();
  let postgres: AppendRun;
  let postgresThreads: AppendRun;
  try {
    postgres = await appendRate(scratch.url, { halfLoad: true });
    await scratch.drop();
    const second = await createScratchDatabase();
    try {
      postgresThreads = await appendRate(second.url, { verifyInWorkers: true });
    } finally {
      await second.drop();
    }
  } finally {
    await scratch.drop().catch(() => undefined);
  }
  return {
    'ed25519 verify /s (node:crypto, 1 core)': Math.round(verify.perSecond),
    'ed25519 verify /s just before the PGlite run': Math.round(pglite.verifyPerSecond),
    'ed25519 verify /s just before the PostgreSQL run': Math.round(postgres.verifyPerSecond),
    'append over HTTP /s, PGlite': Math.round(pglite.perSecond),
    'append over HTTP /s, PostgreSQL': Math.round(postgres.perSecond),
    'append over HTTP /s, PGlite, verifier thread': Math.round(pgliteThreads.perSecond),
    'append over HTTP /s, PostgreSQL, verifier thread': Math.round(postgresThreads.perSecond),
    'server default: verifier thread': availableParallelism() >= 4 ? 1 : 0,
    'PGlite append / verify rate': +(pglite.perSecond / verify.perSecond).toFixed(3),
    'PostgreSQL append / verify rate': +(postgres.perSecond / verify.perSecond).toFixed(3),
    'PGlite append / verify rate, verify measured just before': +(pglite.perSecond / pglite.verifyPerSecond).toFixed(3),
    'PostgreSQL append / verify rate, verify measured just before': +(postgres.perSecond / postgres.verifyPerSecond).toFixed(3),
    'PGlite statements per server CPU s / verifies per CPU s': +(pglite.perServerCpuSecond / pglite.verifyPerCpuSecond).toFixed(3),
    'PostgreSQL statements per server CPU s / verifies per CPU s': +(postgres.perServerCpuSecond / postgres.verifyPerCpuSecond).toFixed(3),
    'half load, PGlite: rate /s': pglite.half?.rate ?? 0,
    'half load, PGlite: ack p50 ms': pglite.half?.p50Ms ?? 0,
    'half load, PGlite: ack p99 ms': pglite.half?.p99Ms ?? 0,
    'half load, PGlite: ack max ms': pglite.half?.maxMs ?? 0,
    'half load, PostgreSQL: rate /s': postgres.half?.rate ?? 0,
    'half load, PostgreSQL: ack p50 ms': postgres.half?.p50Ms ?? 0,
    'half load, PostgreSQL: ack p99 ms': postgres.half?.p99Ms ?? 0,
    'half load, PostgreSQL: ack max ms': postgres.half?.maxMs ?? 0,
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
