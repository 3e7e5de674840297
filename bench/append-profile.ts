// Where an append's time goes (issue 14 part 2), run alone:
//   node --import tsx bench/append-profile.ts [pg]        (N=3000 statements, PROF_DIR=/tmp for the profiles)
//   node --import tsx bench/append-profile.ts [pg] batch [pool|inline]  (the batch route over a real socket, see below;
//   PROF_ALLOC=1 adds the allocations, sampled, as append-batch-{store}.heapprofile; PROF_ALLOC=live only those still
//   alive at the end; PROF_ALLOC=promoted those that outlived the young generation)
// CPU per statement of each check on its own (parse, signing bytes, leaf hash, verify), then the whole path
// in-process (Mechanism.submit, 64 in flight) and through Fastify (app.inject: routing, hooks, headers, no socket),
// half the statements each. Both halves are sampled by the V8 profiler (node:inspector) into
// PROF_DIR/append-{submit,http}-{pglite,postgres}.cpuprofile, for Chrome DevTools or any flame graph viewer:
// unlike `node --cpu-prof`, they hold the appends only, not the setup.
// With `batch`: N=20000 statements as NDJSON requests of BATCH=500 to POST /v1/statements/batch, 4 in flight (RATE=n:
// n a second, open loop), from
// the load generator of bench/append.ts in its own process, the server sampled into append-batch-{store}.cpuprofile
// (the server's CPU per statement printed beside it).
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { fromBase64 } from '../src/domain/encoding.js';
import { parseStatement, signingBytes, statementId } from '../src/domain/statement.js';
import { buildApp } from '../src/server/app.js';
import { tuneServerGc } from '../src/server/gc-tuning.js';
import { Mechanism } from '../src/services/mechanism.js';
import { verifyEd25519Node } from '../src/services/node-ed25519.js';
import { leafHashNode } from '../src/services/node-hash.js';
import { createScratchDatabase } from '../src/store/postgres-test-db.js';
import { bootstrap, member, signed } from '../test/e2e/helpers/members.js';

const BATCH_MODE = process.argv.includes('batch');
const N = Number(process.env.N ?? (BATCH_MODE ? 20_000 : 3000));
const BATCH = Number(process.env.BATCH ?? 500);
/** RATE=n: the batch route's load generator sends n statements a second (open loop, as at half load), else closed loop. */
const RATE = Number(process.env.RATE ?? 0);
const IN_FLIGHT = 64;
const PROF_DIR = process.env.PROF_DIR ?? tmpdir();
const PROF_ALLOC = ['1', 'live', 'promoted'].includes(process.env.PROF_ALLOC ?? '');
/** PROF_ALLOC=live: only what is still alive at the end (what the run retains), not every allocation. */
const PROF_LIVE = process.env.PROF_ALLOC === 'live';
/**
 * PROF_ALLOC=promoted: what lived long enough to leave the young generation (alive at the end, or collected by a
 * full collection), not what a scavenge freed: what each scavenge copies and promotes.
 */
const PROF_PROMOTED = process.env.PROF_ALLOC === 'promoted';

/** CPU µs per item of a synchronous loop over `items`. */
function cpuPer<T>(items: readonly T[], f: (item: T) => unknown): number {
  const c0 = process.cpuUsage();
  for (const item of items) f(item);
  const c = process.cpuUsage(c0);
  return +((c.user + c.system) / items.length).toFixed(1);
}

/**
 * Sample the V8 profiler around `work` into PROF_DIR/file; with the process's CPU µs during `work` alone (stopping
 * the profiler serializes its samples, ~5 % of a run's CPU, which is not the server's).
 */
async function sampled<T>(file: string, work: () => Promise<T>): Promise<{ result: T; cpuUs: number }> {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  await session.post('Profiler.start');
  // PROF_ALLOC=1: also where the event loop allocates, every object sampled (one per 16 KiB allocated) whether it
  // dies young or not, into file.heapprofile: what the scavenges of a batch run are made of.
  if (PROF_ALLOC) await session.post('HeapProfiler.startSampling', { samplingInterval: 16_384, includeObjectsCollectedByMajorGC: !PROF_LIVE, includeObjectsCollectedByMinorGC: !PROF_LIVE && !PROF_PROMOTED });
  const c0 = process.cpuUsage();
  const result = await work();
  const c = process.cpuUsage(c0);
  const { profile } = await session.post('Profiler.stop');
  writeFileSync(join(PROF_DIR, file), JSON.stringify(profile));
  if (PROF_ALLOC) {
    const { profile: heap } = await session.post('HeapProfiler.stopSampling');
    writeFileSync(join(PROF_DIR, file.replace(/\.cpuprofile$/, '.heapprofile')), JSON.stringify(heap));
  }
  session.disconnect();
  return { result, cpuUs: c.user + c.system };
}

/** Send `bodies` with IN_FLIGHT at once through `send`, profiled into `file`: CPU µs a statement and statements/s. */
async function profiled(bodies: readonly Uint8Array[], send: (b: Uint8Array) => Promise<void>, file: string): Promise<{ cpuUs: number; perSecond: number }> {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  await session.post('Profiler.start');
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  let next = 0;
  await Promise.all(Array.from({ length: IN_FLIGHT }, async () => {
    while (next < bodies.length) await send(bodies[next++]!);
  }));
  const seconds = (performance.now() - t0) / 1000;
  const c = process.cpuUsage(c0);
  const { profile } = await session.post('Profiler.stop');
  writeFileSync(join(PROF_DIR, file), JSON.stringify(profile));
  session.disconnect();
  return { cpuUs: +((c.user + c.system) / bodies.length).toFixed(1), perSecond: Math.round(bodies.length / seconds) };
}

const scratch = process.argv.includes('pg') ? await createScratchDatabase() : undefined;
const storeName = scratch ? 'postgres' : 'pglite';
const dataDir = await mkdtemp(join(tmpdir(), 'truce-profile-'));
tuneServerGc();
const mechanism = await Mechanism.open({ dataDir, ...(scratch ? { db: scratch.url } : {}), ...(process.argv.includes('pool') ? { verifyBatchesInWorkers: true } : process.argv.includes('inline') ? { verifyBatchesInWorkers: false } : {}) });
const app = await buildApp(mechanism, { rateLimits: false });
const url = await app.listen({ port: 0, host: '127.0.0.1' });
try {
  const monitor = member('monitor');
  await bootstrap(url, member('secretariat'), 'bench', [{ m: monitor, role: 'monitor' }]);
  if (BATCH_MODE) {
    const client = fileURLToPath(new URL('./append-client.ts', import.meta.url));
    const args = [url, monitor.id, Buffer.from(monitor.seed).toString('base64'), String(N), '4', String(RATE), String(BATCH)];
    const stats0 = { ...mechanism.sequencer.stats };
    // The client pre-signs before it posts: sample from when the log starts growing.
    const size0 = mechanism.size;
    const child = promisify(execFile)(process.execPath, ['--import', 'tsx', client, ...args]);
    while (mechanism.size === size0) await new Promise((resolve) => setTimeout(resolve, 2));
    const file = `append-batch-${storeName}.cpuprofile`;
    // The ceiling in the same minute: one verification's CPU on this thread (a noisy machine shifts both alike).
    const message = randomBytes(250);
    const signature = monitor.sign(message);
    const verifyUs = cpuPer(Array.from({ length: 3000 }, () => message), (m) => verifyEd25519Node(monitor.publicKey, m, signature));
    const sampledFrom = mechanism.size;
    const { result: { stdout }, cpuUs } = await sampled(file, () => child);
    const run = JSON.parse(stdout) as { perSecond: number };
    const s = mechanism.sequencer.stats;
    console.table({
      'batch route: statements/s (load generator)': Math.round(run.perSecond),
      'server CPU µs a statement': +(cpuUs / (mechanism.size - sampledFrom)).toFixed(1),
      'Ed25519 verify CPU µs, same process': verifyUs,
      'verify CPU ÷ server CPU a statement (the ratio per CPU second)': +(verifyUs / (cpuUs / (mechanism.size - sampledFrom))).toFixed(3),
      'statements per commit': +((s.statements - stats0.statements) / (s.commits - stats0.commits)).toFixed(1),
    });
    console.log(`profile: ${join(PROF_DIR, file)}`);
    process.exitCode = 0;
  } else {
  const bodies = await Promise.all(Array.from({ length: N }, () => signed(monitor, 'key.add', { key: randomBytes(32).toString('base64') })));
  const statements = bodies.map((b) => {
    const p = parseStatement(b);
    if (!p.ok) throw new Error(p.detail);
    return p.value;
  });
  const toSign = statements.map((s) => signingBytes(s));
  const r: Record<string, number> = {
    'parseStatement (UTF-8, strict JSON, envelope schema, canonical check) µs': cpuPer(bodies, parseStatement),
    'signingBytes µs': cpuPer(statements, signingBytes),
    'leaf hash, node:crypto (the sequencer) µs': cpuPer(bodies, leafHashNode),
    'leaf hash, pure JS (log/hash.ts, the browser) µs': cpuPer(bodies, statementId),
    'Ed25519 verify, node:crypto µs': cpuPer(statements.map((s, i) => [s, i] as const), ([s, i]) => verifyEd25519Node(fromBase64(s.key)!, toSign[i]!, fromBase64(s.sig)!)),
  };
  const half = Math.floor(N / 2);
  const stats0 = { ...mechanism.sequencer.stats };
  const inProcess = await profiled(bodies.slice(0, half), async (b) => void (await mechanism.submit(b)), `append-submit-${storeName}.cpuprofile`);
  r['whole append in-process (Mechanism.submit), CPU µs'] = inProcess.cpuUs;
  r['whole append in-process, statements/s'] = inProcess.perSecond;
  r['statements per commit, in-process'] = +((mechanism.sequencer.stats.statements - stats0.statements) / (mechanism.sequencer.stats.commits - stats0.commits)).toFixed(1);
  const http = await profiled(bodies.slice(half), async (b) => {
    const res = await app.inject({ method: 'POST', url: '/v1/statements', headers: { 'content-type': 'application/json' }, payload: Buffer.from(b) });
    if (res.statusCode !== 201) throw new Error(res.body);
  }, `append-http-${storeName}.cpuprofile`);
  r['whole append through Fastify (inject), CPU µs'] = http.cpuUs;
  r['whole append through Fastify, statements/s'] = http.perSecond;
  console.table(r);
  console.log(`profiles: ${join(PROF_DIR, `append-{submit,http}-${storeName}.cpuprofile`)}`);
  }
} finally {
  await app.close();
  await mechanism.close();
  await scratch?.drop();
  await rm(dataDir, { recursive: true, force: true });
}
