/**
 * Restart benchmark: one log grown to 10k, 100k and 1M entries (BENCH_RESTART_SIZES) on PGlite and PostgreSQL; at each
 * size, a start in a fresh process (bench/restart-open.ts, as `truce serve` starts: the state in the background)
 * (1) right after growing (it checks the leaf hashes and tree nodes of the new entries once), (2) again (the steady
 * restart: the log served once the tree's right edge and the checkpoint are read; the state loaded from its snapshot
 * after), with RSS and heap at both points, and, as the baseline from the same run, (3) a deep start that checks
 * everything and replays the whole log (up to BENCH_DEEP_MAX entries, default 100k; beyond, minutes).
 * The log is grown without HTTP (signed statements applied and written in batches of 5,000, as the sequencer does):
 * by default four report.file for each key.add, as a mechanism's log mostly holds reports (BENCH_RESTART_MIX=keys:
 * key.add only), so building a million entries takes minutes rather than the hours of appending one by one.
 * Run alone: node --import tsx bench/restart.ts (BENCH_RESTART_STORES=pglite for one store)
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { Mechanism } from '../src/services/mechanism.js';
import { createScratchDatabase } from '../src/store/postgres-test-db.js';
import { member, signed } from '../test/e2e/helpers/members.js';
import { grow } from './log-growth.js';

const SIZES = (process.env.BENCH_RESTART_SIZES ?? '10000,100000,1000000').split(',').map(Number);
const DEEP_MAX = Number(process.env.BENCH_DEEP_MAX ?? 100_000);
/** keys: key.add only; reports: four report.file for each key.add (bench/log-growth.ts). */
const MIX = (process.env.BENCH_RESTART_MIX ?? 'reports') as 'keys' | 'reports';
const OPEN_SCRIPT = fileURLToPath(new URL('./restart-open.ts', import.meta.url));
const run = promisify(execFile);

/** One start in a fresh process (bench/restart-open.ts): its phases and memory, nothing left from the growing. */
async function timedOpen(dataDir: string, db: string | undefined, deep = false): Promise<Opened> {
  const args = ['--expose-gc', '--import', 'tsx', OPEN_SCRIPT, dataDir, ...(db ? [db] : []), ...(deep ? ['--deep'] : [])];
  const { stdout } = await run(process.execPath, args, { maxBuffer: 1 << 20 });
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as Opened;
}

interface Opened {
  readonly startup: Mechanism['startup'];
  readonly atLog: { rssMiB: number; heapMiB: number; cpuS: number };
  readonly atState: { rssMiB: number; heapMiB: number; cpuS: number };
}

async function benchOn(kind: 'pglite' | 'postgres'): Promise<Record<string, number>> {
  const scratch = kind === 'postgres' ? await createScratchDatabase() : null;
  const dataDir = await mkdtemp(join(tmpdir(), 'truce-bench-restart-'));
  const options = { dataDir, ...(scratch ? { db: scratch.url } : {}), checkpointIntervalMs: 3_600_000 };
  const out: Record<string, number> = {};
  try {
    const operator = member('secretariat');
    const monitor = member('monitor');
    let m: Mechanism | null = await Mechanism.open(options);
    await m.submit(await signed(operator, 'member.admit', { member: operator.id, name: 'Secretariat', role: 'operator', key: operator.key, mechanism: 'bench' }), true);
    await m.submit(await signed(operator, 'member.admit', { member: monitor.id, name: 'Monitor', role: 'monitor', key: monitor.key }), true);
    for (const size of SIZES) {
      const t0 = performance.now();
      if (!m) throw new Error('unreachable');
      await grow(m, monitor, size, MIX);
      await m.close(); // a clean stop: last checkpoint, state snapshot
      // Let the grown state go before the timed starts: with a second 1M-entry state still in the heap, the first
      // run's snapshot reads at 1M mostly measured the garbage collector (BENCHMARKS.md).
      m = null;
      const label = `${size >= 1e6 ? `${size / 1e6}M` : `${size / 1e3}k`} ${MIX}`;
      out[`${kind} ${label}: grow, entries/s`] = (size - 2) / ((performance.now() - t0) / 1000);
      const first = await timedOpen(dataDir, scratch?.url);
      out[`${kind} ${label}: first start after growth, ms (checks ${first.startup.checked} new entries)`] = first.startup.stateReadyMs!;
      const { startup: steady, atLog, atState } = await timedOpen(dataDir, scratch?.url);
      out[`${kind} ${label}: restart, log served (checkpoint, tiles, proofs), ms`] = steady.ms;
      out[`${kind} ${label}: restart, log served, CPU s of the process`] = atLog.cpuS;
      out[`${kind} ${label}: restart, state loaded (views, appends), ms`] = steady.stateReadyMs!;
      out[`${kind} ${label}: restart, state loaded, CPU s of the process`] = atState.cpuS;
      out[`${kind} ${label}: restart, opening the database, ms`] = steady.phases.store;
      out[`${kind} ${label}: restart, checking new entries, ms`] = steady.phases.check;
      out[`${kind} ${label}: restart, the tree's right edge, ms`] = steady.phases.tree;
      out[`${kind} ${label}: restart, checkpoint and log key, ms`] = steady.phases.log;
      out[`${kind} ${label}: restart, the state (folder or snapshot, then the tail), ms`] = steady.phases.state;
      out[`${kind} ${label}: restart, entries replayed`] = steady.replayed;
      out[`${kind} ${label}: restart, log size the state folder held (-1: none)`] = steady.stateFolder ?? -1;
      out[`${kind} ${label}: RSS when the log is served, MiB`] = atLog.rssMiB;
      out[`${kind} ${label}: heap when the log is served, MiB`] = atLog.heapMiB;
      out[`${kind} ${label}: RSS when the state is loaded, MiB`] = atState.rssMiB;
      out[`${kind} ${label}: heap when the state is loaded (after GC), MiB`] = atState.heapMiB;
      if (size <= DEEP_MAX) {
        const deep = await timedOpen(dataDir, scratch?.url, true);
        out[`${kind} ${label}: baseline: deep start (check all, replay all), ms`] = deep.startup.stateReadyMs!;
      }
      console.log(JSON.stringify(Object.fromEntries(Object.entries(out).filter(([k]) => k.includes(` ${label}:`)))));
      m = await Mechanism.open(options);
    }
    await m?.close();
  } finally {
    await rm(dataDir, { recursive: true, force: true });
    await scratch?.drop();
  }
  return out;
}

const STORES = (process.env.BENCH_RESTART_STORES ?? 'pglite,postgres').split(',') as ('pglite' | 'postgres')[];

export async function benchRestart(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const kind of STORES) Object.assign(out, await benchOn(kind));
  return out;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) console.table(await benchRestart());
