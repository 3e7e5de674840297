// Where the acknowledgement tail at half load comes from (issue 14 part 2), run alone:
//   node --import tsx bench/append-latency.ts [pg] [pool] [rate]   (env: N statements, BATCH a request, IN_FLIGHT requests)
// The batch route as bench/append.ts drives it: a closed-loop run of N statements (requests of 500, 4 in flight) for
// the rate, then the open loop at half that rate (or at `rate` statements/s, to compare two versions of the code at
// the same load), the load generator in its own process.
// During the open loop the server records each commit's parts (gather, the store's transaction, of which the
// time before the callback ran is the wait for the database), the checkpointer's writes, GC pauses and the event
// loop's delay; the client the acknowledgement latency. Printed as one table, with uptime beside it.
import { AsyncLocalStorage } from 'node:async_hooks';
import { execFile } from 'node:child_process';
import { loadavg } from 'node:os';
import { PerformanceObserver, monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { bootstrap, member } from '../test/e2e/helpers/members.js';
import { benchServer } from './bench-server.js';

const N = Number(process.env.N ?? 20_000);
const BATCH = Number(process.env.BATCH ?? 500);
const IN_FLIGHT = Number(process.env.IN_FLIGHT ?? 4);
const pg = process.argv.includes('pg');
const fixedRate = Number(process.argv.slice(2).find((a) => /^\d+$/.test(a)) ?? 0);
const CLIENT = fileURLToPath(new URL('./append-client.ts', import.meta.url));

interface ClientRun { perSecond: number; p50Ms: number; p99Ms: number; maxMs: number; perRequest: number; roundTripP50Ms?: number; roundTripP99Ms?: number; slotWaitP99Ms?: number }

// `pool`: the batches' signatures shared with the verifier thread (the server's default from 2 cores), else on the
// event loop.
const server = await benchServer(pg, { verifyBatchesInWorkers: process.argv.includes('pool') });
const { url, mechanism } = server;

/** Durations in ms recorded under a name while `recording`. */
const samples = new Map<string, number[]>();
let recording = false;
const note = (name: string, ms: number): void => {
  if (!recording) return;
  const list = samples.get(name) ?? [];
  list.push(ms);
  samples.set(name, list);
};

// The store's transaction around each commit, and the part of it before the sequencer's callback ran.
const store = mechanism.store;
const appendFresh = store.appendFresh.bind(store);
store.appendFresh = async (ids, build, assumed) => {
  const t0 = performance.now();
  let inside = 0;
  try {
    return await appendFresh(ids, async (stored) => {
      inside = performance.now();
      note('commit: before build (the read of size and stored ids, when not assumed)', inside - t0);
      const out = await build(stored);
      note('commit: prepare + build (apply, projections, tree, snapshot)', performance.now() - inside);
      inside = performance.now();
      return out;
    }, assumed);
  } finally {
    const t1 = performance.now();
    note('commit: INSERTs + COMMIT', t1 - inside);
    note('commit: whole transaction', t1 - t0);
    note('commit: statements', ids.length);
  }
};
// Each batch request inside the server, from its statements handed to the mechanism to every one settled, in three
// parts: until its signatures are handed to the verifier (the state loaded, the parse), their check, and after (the
// queue and the commit). The slowest hundredth's parts are printed apart: what the tail is made of.
interface RequestTimes { readonly t0: number; verifyFrom?: number; verifyTo?: number }
const requests = new AsyncLocalStorage<RequestTimes>();
const slowest: { total: number; before: number; verify: number; after: number }[] = [];
const submitMany = mechanism.submitMany.bind(mechanism);
mechanism.submitMany = async (items) => {
  const times: RequestTimes = { t0: performance.now() };
  try {
    return await requests.run(times, () => submitMany(items));
  } finally {
    const total = performance.now() - times.t0;
    note('request: checks, queue and commit (server)', total);
    if (times.verifyFrom !== undefined && times.verifyTo !== undefined) {
      const parts = { total, before: times.verifyFrom - times.t0, verify: times.verifyTo - times.verifyFrom, after: times.t0 + total - times.verifyTo };
      note('request: until its signatures are handed over', parts.before);
      note('request: its signatures checked', parts.verify);
      note('request: queue and commit after the check', parts.after);
      if (recording) slowest.push(parts);
    }
  }
};
// The sequencer calls the mechanism's verifier through the object, so a wrapper put on it sees every batch.
const verifier = (mechanism as unknown as { verifier: { verifyMany: (jobs: readonly unknown[]) => Promise<boolean[]> } }).verifier;
const verifyMany = verifier.verifyMany.bind(verifier);
verifier.verifyMany = async (jobs) => {
  const times = requests.getStore();
  if (times) times.verifyFrom = performance.now();
  try {
    return await verifyMany(jobs);
  } finally {
    if (times) times.verifyTo = performance.now();
  }
};
const saveCheckpoint = store.saveCheckpoint.bind(store);
store.saveCheckpoint = async (c) => {
  const t0 = performance.now();
  try {
    return await saveCheckpoint(c);
  } finally {
    note('checkpointer: saveCheckpoint', performance.now() - t0);
  }
};
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) note(`gc kind ${(e as unknown as { detail?: { kind?: number } }).detail?.kind ?? "?"}`, e.duration);
}).observe({ entryTypes: ['gc'] });
const loopDelay = monitorEventLoopDelay({ resolution: 2 });

async function client(n: number, rate: number): Promise<ClientRun> {
  const args = [url, monitor.id, Buffer.from(monitor.seed).toString('base64'), String(n), String(IN_FLIGHT), String(rate), String(BATCH)];
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', CLIENT, ...args]);
  return JSON.parse(stdout) as ClientRun;
}

const monitor = member('monitor');
const q = (xs: readonly number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return +(s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? 0).toFixed(1);
};
try {
  await bootstrap(url, member('secretariat'), 'bench', [{ m: monitor, role: 'monitor' }]);
  const load = loadavg()[0]!.toFixed(2);
  const full = await client(N, 0);
  const rate = fixedRate || Math.round(full.perSecond / 2);
  recording = true;
  loopDelay.enable();
  const half = await client(Math.max(BATCH * 20, Math.ceil((rate * 5) / BATCH) * BATCH), rate);
  loopDelay.disable();
  recording = false;
  const table: Record<string, string> = {
    'store, load average at start / end': `${pg ? 'PostgreSQL' : 'PGlite'}, ${load} / ${loadavg()[0]!.toFixed(2)}`,
    'closed loop statements/s': String(Math.round(full.perSecond)),
    'open loop rate /s, statements a request': `${rate}, ${half.perRequest}`,
    'ack ms p50 / p99 / max': `${half.p50Ms} / ${half.p99Ms} / ${half.maxMs}`,
    'client: request round trip p50 / p99, wait for a slot p99 (ms)': `${half.roundTripP50Ms} / ${half.roundTripP99Ms}, ${half.slotWaitP99Ms}`,
    'event loop delay ms p50 / p99 / max': `${(loopDelay.percentile(50) / 1e6).toFixed(1)} / ${(loopDelay.percentile(99) / 1e6).toFixed(1)} / ${(loopDelay.max / 1e6).toFixed(1)}`,
  };
  for (const [name, xs] of [...samples].sort()) {
    table[name] = `n ${xs.length}, p50 ${q(xs, 0.5)}, p99 ${q(xs, 0.99)}, max ${q(xs, 1)}, sum ${Math.round(xs.reduce((a, b) => a + b, 0))}`;
  }
  const tail = slowest.sort((a, b) => b.total - a.total).slice(0, Math.max(1, Math.ceil(slowest.length / 100)));
  const mean = (k: 'total' | 'before' | 'verify' | 'after') => (tail.reduce((sum, r) => sum + r[k], 0) / tail.length).toFixed(1);
  table['the slowest 1 % of requests: total / before / verify / after, mean ms'] = `${mean('total')} / ${mean('before')} / ${mean('verify')} / ${mean('after')} (${tail.length})`;
  console.table(table);
} finally {
  await server.close();
}
