/**
 * Queries at scale (issue 14, part 3): BENCH_QUERY_N (default 1,000,000) generated incidents, clustered as real ones
 * are (bench/incident-generator.ts), bulk-loaded into the incidents projection of PGlite and of PostgreSQL
 * (bench/incident-load.ts); then, on each store, p50 and p95 over RUNS queries of each kind, every run asking
 * something a little different (another hotspot, window, word):
 * - through the whole API path: GET /v1/incidents over HTTP on a running `truce serve` (the training mechanism loaded,
 *   so the state, the reader and the page's shaping are real), answered from the projection, asked by a client in a
 *   process of its own (bench/query-client.ts) as a browser would, compressed as the server compresses for one;
 * - the database part alone: the store's listIncidentViews, the SQL the route runs (each view as JSON text).
 * Baselines from the same run: GET /v1/incidents?limit=50 with no filter (the newest page: the cost of a page of 50
 * views through HTTP and JSON), and the primary-key lookup of one incident.
 * The EXPLAIN (ANALYZE, BUFFERS) of each kind goes to bench/last-plans.md (docs/QUERY-PLANS.md quotes a run).
 * BENCH_QUERY_KEEP=1 keeps the loaded data (/tmp/truce-bench-incidents-N and database truce_bench_incidents_N) and
 * reuses it on the next run, so the 1M load is paid once; with BENCH_QUERY_LOAD_ONLY=1 as well, the run only loads.
 * Run alone: node --import tsx bench/queries.ts (BENCH_QUERY_STORES=postgres for one store)
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import pg from 'pg';
import { openPgliteDatabase } from '../src/store/pglite-store.js';
import { postgresClient } from '../src/store/postgres-store.js';
import { createScratchDatabase } from '../src/store/postgres-test-db.js';
import { SqlStore } from '../src/store/sql-store.js';
import { planIncidentQuery } from '../src/store/incident-query.js';
import { INCIDENT_LISTING_COLUMNS } from '../src/store/rows.js';
import type { SqlClient } from '../src/store/sql-client.js';
import type { IncidentQuery } from '../src/store/store.js';
import { Mechanism } from '../src/services/mechanism.js';
import { loadDemo } from '../src/services/demo-loader.js';
import { buildApp } from '../src/server/app.js';
import { EVENT_TYPES, HOTSPOTS, generatedId } from './incident-generator.js';
import { loadGeneratedIncidents } from './incident-load.js';
import { keptDatabase } from './log-growth.js';
import { p50p95 } from './percentiles.js';
import { repeated, timedGets } from './timed-gets.js';

const N = Number(process.env.BENCH_QUERY_N ?? 1_000_000);
const RUNS = Number(process.env.BENCH_QUERY_RUNS ?? 100);
const KEEP = process.env.BENCH_QUERY_KEEP === '1';
const STORES = (process.env.BENCH_QUERY_STORES ?? 'pglite,postgres').split(',') as ('pglite' | 'postgres')[];
/** Only load (or find) the kept data and stop: start a long load in the background, measure later. */
const LOAD_ONLY = process.env.BENCH_QUERY_LOAD_ONLY === '1';

const day = (offset: number) => new Date(Date.UTC(2025, 0, 1 + offset)).toISOString().slice(0, 10);
/** A box of `half` degrees either side of hotspot k. */
const around = (k: number, half: number): [number, number, number, number] => {
  const [lat, lon] = HOTSPOTS[k % HOTSPOTS.length]!;
  return [lon - half, lat - half, lon + half, lat + half];
};
const WORDS_EN = ['mortar', 'clash', 'hospital', 'protest', 'civilians', 'riot', 'officials', 'residents', 'artillery', 'troop'];
const WORDS_OTHER = ['گولہ', 'ډزې', 'گلوله‌باری', 'قصف', 'احتجاج', 'زخمی', 'ټپیان', 'مسلح'];
const MISSPELT = ['Eastgat', 'Stonebrige', 'Redmarch', 'Kestrell', 'Milbrook', 'Westfort'];

/** The kinds of query a map and a search box ask, each a function of the run number. */
export const QUERY_KINDS: Record<string, (r: number) => IncidentQuery> = {
  // A district on the map, a month, one event type: the overview's and the incidents page's main filter.
  'time + bbox + type': (r) => {
    const from = day((r * 37) % 700);
    return { from, to: day((r * 37) % 700 + 30), bbox: around(r, 0.25), type: EVENT_TYPES[r % 3]![0], limit: 50 };
  },
  // The whole front for a quarter, one type (a wide map view).
  'time + wide bbox + type': (r) => ({ from: day((r * 53) % 640), to: day((r * 53) % 640 + 90), bbox: [-1, 0, 4, 2], type: EVENT_TYPES[r % EVENT_TYPES.length]![0], limit: 50 }),
  'full text, one word': (r) => ({ q: r % 3 === 2 ? WORDS_OTHER[r % WORDS_OTHER.length]! : WORDS_EN[r % WORDS_EN.length]!, limit: 50 }),
  // What someone looking for one event types: what happened, and where.
  'full text, two words': (r) => ({ q: `${WORDS_EN[r % WORDS_EN.length]} ${HOTSPOTS[(r * 5) % HOTSPOTS.length]![2]}`, limit: 50 }),
  'full text + time + bbox': (r) => ({ q: WORDS_EN[r % WORDS_EN.length]!, from: day((r * 37) % 700), to: day((r * 37) % 700 + 60), bbox: around(r, 0.5), limit: 50 }),
  'name-like (trigram)': (r) => ({ q: MISSPELT[r % MISSPELT.length]!, limit: 50 }),
};

/** p50 and p95 of `RUNS` calls of `run(r)`, after a warm-up pass. */
async function timed(run: (r: number) => Promise<unknown>): Promise<{ p50: number; p95: number }> {
  for (let r = 0; r < Math.min(10, RUNS); r++) await run(r + RUNS);
  const times: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const start = performance.now();
    await run(r);
    times.push(performance.now() - start);
  }
  return p50p95(times);
}

/** The query string GET /v1/incidents takes for a query. */
export function searchParams(query: IncidentQuery): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) params.set(key, Array.isArray(value) ? value.join(',') : String(value));
  return params.toString();
}

interface Place {
  readonly dataDir: string;
  readonly db?: string;
  drop(): Promise<void>;
}

/** Where a store's data lives: kept under fixed names with BENCH_QUERY_KEEP=1, scratch otherwise. */
async function place(kind: 'pglite' | 'postgres'): Promise<Place> {
  if (KEEP) {
    const dataDir = join(tmpdir(), `truce-bench-incidents-${N}-${kind}`);
    if (kind === 'pglite') return { dataDir, drop: async () => {} };
    return { dataDir, db: await keptDatabase(`truce_bench_incidents_${N}`), drop: async () => {} };
  }
  const dataDir = await mkdtemp(join(tmpdir(), 'truce-bench-queries-'));
  const scratch = kind === 'postgres' ? await createScratchDatabase() : null;
  return {
    dataDir,
    ...(scratch ? { db: scratch.url } : {}),
    drop: async () => {
      await rm(dataDir, { recursive: true, force: true });
      await scratch?.drop();
    },
  };
}

async function openClient(at: Place): Promise<SqlClient> {
  return at.db ? postgresClient(new pg.Pool({ connectionString: at.db, max: 2 })) : (await openPgliteDatabase(join(at.dataDir, 'pglite'))).client;
}

async function benchOn(kind: 'pglite' | 'postgres', plans: string[]): Promise<Record<string, number>> {
  const at = await place(kind);
  const out: Record<string, number> = {};
  const label = kind === 'pglite' ? 'PGlite' : 'PostgreSQL';
  try {
    // 1. Load (or find) the rows; time the database part and record the plans with a client of our own.
    const client = await openClient(at);
    try {
      const store = new SqlStore(client);
      await store.migrate();
      const load = await loadGeneratedIncidents(client, N, (done) => process.stderr.write(`\r${label}: ${done} incidents generated`));
      process.stderr.write('\n');
      if (load.insertSeconds > 0) {
        out[`${label}: load ${N} incidents (insert), s`] = +load.insertSeconds.toFixed(1);
        out[`${label}: load: rebuild indexes + analyse, s`] = +load.indexSeconds.toFixed(1);
      }
      out[`${label}: incidents table with indexes, bytes per incident`] = Math.round(load.tableBytes / N);
      if (LOAD_ONLY) return out;
      const lookups = await timed((r) => store.incident(generatedId((r * 7919) % N)));
      out[`${label}: baseline: one incident by id (store), p95 ms`] = lookups.p95;
      for (const [name, make] of Object.entries(QUERY_KINDS)) {
        const t = await timed((r) => store.listIncidentViews(make(r)));
        out[`${label}: ${name} (store), p50 ms`] = t.p50;
        out[`${label}: ${name} (store), p95 ms`] = t.p95;
        const { sql, params } = await planIncidentQuery(client, make(1), INCIDENT_LISTING_COLUMNS);
        // On PGlite (PostgreSQL 18) SERIALIZE also detoasts and writes out the rows, as the query itself does, and counts
        // their pages; without it EXPLAIN reads no value kept out of line. The test server (PostgreSQL 15) has no SERIALIZE.
        const options = client.kind === 'pglite' ? 'ANALYZE, BUFFERS, SERIALIZE, COSTS OFF' : 'ANALYZE, BUFFERS, COSTS OFF';
        const plan = await client.query(`EXPLAIN (${options}) ${sql}`, params);
        plans.push(`### ${label}: ${name}\n\n\`${searchParams(make(1))}\`\n\n\`\`\`\n${plan.map((row) => String(row['QUERY PLAN'])).join('\n')}\n\`\`\`\n`);
      }
    } finally {
      await client.close();
    }
    // 2. The whole path: a running server on the same store, GET /v1/incidents over HTTP.
    const mechanism = await Mechanism.open({ dataDir: at.dataDir, ...(at.db ? { db: at.db } : {}) });
    const app = await buildApp(mechanism, { rateLimits: false });
    try {
      if (mechanism.size === 0) await loadDemo(mechanism, undefined, 'training');
      const url = await app.listen({ port: 0, host: '127.0.0.1' });
      const warmup = Array.from({ length: Math.min(10, RUNS) }, (_, i) => RUNS + i);
      const runs = Array.from({ length: RUNS }, (_, i) => i);
      const paths = (make: (r: number) => string) => ({ warmup: warmup.map(make), runs: runs.map(make) });
      const kinds = {
        baseline: repeated('/v1/incidents?limit=50', RUNS),
        ...Object.fromEntries(Object.entries(QUERY_KINDS).map(([name, make]) => [name, paths((r) => `/v1/incidents?${searchParams(make(r))}`)])),
      };
      const http = await timedGets(url, kinds);
      out[`${label}: baseline: GET /v1/incidents?limit=50, no filter, p50 ms`] = http.baseline!.p50;
      out[`${label}: baseline: GET /v1/incidents?limit=50, no filter, p95 ms`] = http.baseline!.p95;
      for (const name of Object.keys(QUERY_KINDS)) {
        out[`${label}: ${name} (HTTP), p50 ms`] = http[name]!.p50;
        out[`${label}: ${name} (HTTP), p95 ms`] = http[name]!.p95;
      }
    } finally {
      await app.close();
      await mechanism.close();
    }
  } finally {
    await at.drop();
  }
  return out;
}

export async function benchQueries(): Promise<Record<string, number>> {
  const plans: string[] = [];
  const out: Record<string, number> = { 'incidents generated': N, 'runs per figure': RUNS };
  for (const kind of STORES) Object.assign(out, await benchOn(kind, plans));
  if (!LOAD_ONLY) await writeFile(fileURLToPath(new URL('./last-plans.md', import.meta.url)), `Plans of a run of bench/queries.ts, ${new Date().toISOString()}, ${N} incidents\n\n${plans.join('\n')}`);
  return out;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) console.table(await benchQueries());
