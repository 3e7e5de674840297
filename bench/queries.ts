/**
 * Queries at scale: BENCH_QUERY_N (default 1,000,000) generated incidents, clustered as real ones are (around a dozen
 * border districts, in bursts over two years, a skewed mix of event types, narratives from a shared vocabulary), in
 * the incidents projection of PGlite and PostgreSQL; then p50/p95 of GET /v1/incidents-shaped queries (the store's
 * queryIncidents, a first page of 50): time + bbox + type, full text, full text + time, a name-like (trigram) query.
 * Baseline from the same run: the primary-key lookup of one incident. EXPLAIN ANALYZE of each goes to
 * bench/plans-<store>.txt (docs/SCALING.md quotes them).
 * Run alone: node --import tsx bench/queries.ts
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
import { buildIncidentQuery } from '../src/store/incident-query.js';
import type { SqlClient } from '../src/store/sql-client.js';
import type { IncidentQuery } from '../src/store/store.js';

const N = Number(process.env.BENCH_QUERY_N ?? 1_000_000);
const RUNS = 60;
const CHUNK = 100_000;

/** Hotspots: [lat, lon] of border districts where incidents cluster. */
const HOTSPOTS = [[30.92, 66.45], [34.1, 71.1], [33.9, 70.1], [34.7, 71.5], [32.98, 70.27], [33.34, 69.92], [35.0, 71.3], [32.3, 68.8], [31.0, 66.4], [30.2, 67.0], [34.0, 71.6], [34.5, 69.2]];
const TYPES = ['Battles', 'Explosions/Remote violence', 'Violence against civilians', 'Strategic developments', 'Protests', 'Riots'];
const WORDS = ['shelling', 'mortar', 'drone', 'strike', 'clash', 'checkpoint', 'crossing', 'artillery', 'ambush', 'convoy', 'border', 'post', 'village', 'market', 'civilians', 'killed', 'wounded', 'fire', 'exchange', 'militants', 'Khawarij', 'Chaman', 'Torkham', 'Kurram', 'Bajaur', 'Angoor Adda', 'Spin Boldak'];

/** One INSERT ... SELECT per chunk: the rows are made by the database, so a million take a minute, not an hour. */
function generateSql(first: number, count: number): string {
  const hot = `(ARRAY[${HOTSPOTS.map(([lat, lon]) => `point(${lat}, ${lon})`).join(', ')}])[1 + (i * 7919) % ${HOTSPOTS.length}]`;
  const word = (salt: number) => `(ARRAY[${WORDS.map((w) => `'${w}'`).join(', ')}])[1 + ((i * ${salt}) # (i >> 3)) % ${WORDS.length}]`;
  // Bursts: most incidents fall in a few weeks of escalation; the rest spread over two years.
  const day = `CASE WHEN i % 3 = 0 THEN (i * 31) % 730 ELSE 300 + (i * 13) % 40 + ((i >> 5) % 3) * 200 END`;
  return `INSERT INTO incidents (id, start_date, end_date, lat, lon, event_type, parties, status, text, view, log_index)
    SELECT 'g' || i, d, d + (i % 3), h[0] + ((i * 37) % 1000 - 500) / 1000.0 * ((i % 5) + 1) / 5, h[1] + ((i * 53) % 1000 - 500) / 1000.0 * ((i % 7) + 1) / 7,
      (ARRAY[${TYPES.map((t) => `'${t}'`).join(', ')}])[1 + CASE WHEN i % 10 < 4 THEN 0 WHEN i % 10 < 7 THEN 1 WHEN i % 10 < 9 THEN 2 ELSE 3 + i % 3 END],
      CASE WHEN i % 2 = 0 THEN ARRAY['pk'] ELSE ARRAY['af'] END,
      (ARRAY['reported', 'replied', 'under_investigation', 'violation', 'no_violation'])[1 + i % 5],
      ${word(3)} || ' ' || ${word(5)} || ' near ' || ${word(11)} || ', ' || ${word(17)} || ' ' || ${word(23)} || ' reported by the field team ' || i,
      jsonb_build_object('id', 'g' || i), i
    FROM generate_series(${first}, ${first + count - 1}) AS i, LATERAL (SELECT DATE '2025-01-01' + (${day})::int AS d, ${hot} AS h) AS x`;
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

/** The queries, each a function of the run number so every run asks something a little different. */
const QUERIES: Record<string, (r: number) => IncidentQuery> = {
  'time + bbox + type': (r) => {
    const [lat, lon] = HOTSPOTS[r % HOTSPOTS.length]!;
    const from = new Date(Date.UTC(2025, 0, 1 + ((r * 37) % 700))).toISOString().slice(0, 10);
    const to = new Date(Date.parse(from) + 30 * 86_400_000).toISOString().slice(0, 10);
    return { from, to, bbox: [lon! - 0.5, lat! - 0.5, lon! + 0.5, lat! + 0.5], type: TYPES[r % 3]!, limit: 50 };
  },
  'full text': (r) => ({ q: `${WORDS[r % 10]} ${WORDS[(r * 3) % 10]}`, limit: 50 }),
  'full text + time': (r) => ({ q: WORDS[r % 20]!, from: '2025-11-01', to: '2025-11-30', limit: 50 }),
  'name-like (trigram)': (r) => ({ q: ['Khawaarij', 'Chamann', 'Torkam', 'Kuram'][r % 4]!, limit: 50 }),
};

async function benchOn(kind: 'pglite' | 'postgres', plans: string[]): Promise<Record<string, number>> {
  const scratch = kind === 'postgres' ? await createScratchDatabase() : null;
  const dir = kind === 'pglite' ? await mkdtemp(join(tmpdir(), 'truce-bench-queries-')) : null;
  const client: SqlClient = dir ? (await openPgliteDatabase(join(dir, 'pglite'))).client : postgresClient(new pg.Pool({ connectionString: scratch!.url, max: 2 }));
  const store = new SqlStore(client);
  const out: Record<string, number> = {};
  try {
    await store.migrate();
    const t0 = performance.now();
    for (let first = 0; first < N; first += CHUNK) await client.exec(generateSql(first, Math.min(CHUNK, N - first)));
    await client.exec('ANALYZE incidents');
    out[`${kind}: ${N} incidents generated and indexed, s`] = (performance.now() - t0) / 1000;
    const lookups: number[] = [];
    for (let r = 0; r < RUNS; r++) {
      const start = performance.now();
      await store.incident(`g${(r * 104729) % N}`);
      lookups.push(performance.now() - start);
    }
    out[`${kind}: baseline: one incident by id, p95 ms`] = percentile(lookups.sort((a, b) => a - b), 0.95);
    for (const [name, make] of Object.entries(QUERIES)) {
      const times: number[] = [];
      for (let r = 0; r < RUNS; r++) {
        const start = performance.now();
        await store.queryIncidents(make(r));
        times.push(performance.now() - start);
      }
      times.sort((a, b) => a - b);
      out[`${kind}: ${name}, p50 ms`] = percentile(times, 0.5);
      out[`${kind}: ${name}, p95 ms`] = percentile(times, 0.95);
      const { sql, params } = buildIncidentQuery(make(1));
      const plan = await client.query(`EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF) ${sql}`, params);
      plans.push(`-- ${kind}: ${name}: ${JSON.stringify(make(1))}\n${plan.map((row) => String(row['QUERY PLAN'])).join('\n')}\n`);
    }
  } finally {
    await client.close();
    if (dir) await rm(dir, { recursive: true, force: true });
    await scratch?.drop();
  }
  return out;
}

export async function benchQueries(): Promise<Record<string, number>> {
  const plans: string[] = [];
  const out = { ...(await benchOn('pglite', plans)), ...(await benchOn('postgres', plans)) };
  await writeFile(fileURLToPath(new URL('./plans.txt', import.meta.url)), plans.join('\n'));
  return out;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) console.table(await benchQueries());
