/**
 * Restart benchmark: one log grown to 10k, 100k and 1M entries (BENCH_RESTART_SIZES) on PGlite and PostgreSQL; at each
 * size, the time to open the mechanism (1) right after growing (it checks the leaf hashes and tree nodes of the new
 * entries once), (2) again (the steady restart: state snapshot and the tree's right edge read, nothing replayed), and,
 * as the baseline from the same run, (3) a deep start that checks everything and replays the whole log, as every
 * start did before (up to BENCH_DEEP_MAX entries, default 100k; beyond, minutes).
 * The log is grown without HTTP (signed key.add statements applied and written in batches of 5,000, as the sequencer
 * does), so building a million entries takes minutes rather than the hours of appending one by one.
 * Run alone: node --import tsx bench/restart.ts (BENCH_RESTART_STORES=pglite for one store)
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Mechanism } from '../src/services/mechanism.js';
import { createScratchDatabase } from '../src/store/postgres-test-db.js';
import { member, signed } from '../test/e2e/helpers/members.js';
import { grow } from './log-growth.js';

const SIZES = (process.env.BENCH_RESTART_SIZES ?? '10000,100000,1000000').split(',').map(Number);
const DEEP_MAX = Number(process.env.BENCH_DEEP_MAX ?? 100_000);

async function timedOpen(options: Parameters<typeof Mechanism.open>[0]): Promise<Mechanism['startup'] & { rssMiB: number }> {
  const m = await Mechanism.open(options);
  const startup = { ...m.startup, rssMiB: process.memoryUsage().rss / 2 ** 20 };
  await m.close();
  return startup;
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
      await grow(m, monitor, size);
      await m.close(); // a clean stop: last checkpoint, state snapshot
      // Let the grown state go before the timed starts: with a second 1M-entry state still in the heap, the first
      // run's snapshot reads at 1M mostly measured the garbage collector (BENCHMARKS.md).
      m = null;
      const label = size >= 1e6 ? `${size / 1e6}M` : `${size / 1e3}k`;
      out[`${kind} ${label}: grow, entries/s`] = (size - 2) / ((performance.now() - t0) / 1000);
      const first = await timedOpen(options);
      out[`${kind} ${label}: first start after growth, ms (checks ${first.checked} new entries)`] = first.ms;
      const steady = await timedOpen(options);
      out[`${kind} ${label}: restart, ms`] = steady.ms;
      out[`${kind} ${label}: restart less opening the database, ms`] = steady.ms - steady.phases.store;
      out[`${kind} ${label}: restart, opening the database, ms`] = steady.phases.store;
      out[`${kind} ${label}: restart, checking new entries, ms`] = steady.phases.check;
      out[`${kind} ${label}: restart, the tree's right edge, ms`] = steady.phases.tree;
      out[`${kind} ${label}: restart, reading the state snapshot, ms`] = steady.phases.state;
      out[`${kind} ${label}: restart, checkpoint and log key, ms`] = steady.phases.log;
      out[`${kind} ${label}: restart, entries replayed`] = steady.replayed;
      out[`${kind} ${label}: RSS after restart, MiB`] = steady.rssMiB;
      if (size <= DEEP_MAX) {
        const deep = await timedOpen({ ...options, deepCheck: true });
        out[`${kind} ${label}: baseline: deep start (check all, replay all), ms`] = deep.ms;
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
