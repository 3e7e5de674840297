/**
 * How the incidents table's storage and PGlite's cache change the incident queries (issue 14, part 3): copies of a
 * kept PGlite data set (bench/queries.ts with BENCH_QUERY_KEEP=1), each opened by its own PGlite in this process, are
 * queried in alternation, run by run (the order rotating), so a busy machine weighs on all of them alike. Every run
 * asks another district, window or word (bench/queries.ts's QUERY_KINDS, through the store's queryIncidents), so, as
 * in bench/queries.ts, most of a run's rows are not yet in the cache of the PGlite that reads them.
 *   BENCH_STORAGE_SETS='007=/tmp/a/pglite,008=/tmp/b/pglite,008-512MB=/tmp/c/pglite@512MB' node --import tsx bench/incident-storage.ts
 * (label=folder, @ a shared_buffers; default 128MB, PGlite's own). With BENCH_STORAGE_MIGRATE=folder instead, the
 * folder's store is migrated to the current migrations (timed), vacuumed and analysed, with its sizes before and after.
 * BENCH_STORAGE_RUNS (default 100) runs a kind; BENCH_STORAGE_KINDS picks kinds (names separated by |).
 */
import { loadavg } from 'node:os';
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { pgliteClient } from '../src/store/pglite-store.js';
import { DurableNodeFS, durableStartParams } from '../src/store/pglite-durable-fs.js';
import { SqlStore } from '../src/store/sql-store.js';
import { migrate } from '../src/store/migrate.js';
import { planIncidentQuery } from '../src/store/incident-query.js';
import type { SqlClient } from '../src/store/sql-client.js';
import { generatedId } from './incident-generator.js';
import { p50p95 } from './percentiles.js';
import { QUERY_KINDS, searchParams } from './queries.js';

const N = Number(process.env.BENCH_QUERY_N ?? 1_000_000);
const RUNS = Number(process.env.BENCH_STORAGE_RUNS ?? 100);
const load = () => loadavg().map((l) => l.toFixed(1)).join(' ');

interface Set {
  readonly label: string;
  readonly client: SqlClient;
  readonly store: SqlStore;
}

async function openSet(label: string, folder: string, sharedBuffers = '128MB'): Promise<Set> {
  const db = new PGlite({ fs: new DurableNodeFS(folder), extensions: { pg_trgm }, startParams: [...durableStartParams(), '-c', `shared_buffers=${sharedBuffers}`] });
  await db.waitReady;
  const client = pgliteClient(db);
  return { label, client, store: new SqlStore(client) };
}

/** Heap, TOAST (with its index) and indexes of the incidents table, MB. */
async function sizes(client: SqlClient): Promise<Record<string, number>> {
  const [row] = await client.query(`SELECT pg_relation_size('incidents')::float8 AS heap,
      coalesce((SELECT pg_total_relation_size(reltoastrelid) FROM pg_class WHERE oid = 'incidents'::regclass AND reltoastrelid <> 0), 0)::float8 AS toast,
      pg_indexes_size('incidents')::float8 AS indexes, pg_total_relation_size('incidents')::float8 AS total`);
  return Object.fromEntries(Object.entries(row!).map(([k, v]) => [`${k}, MB`, +(Number(v) / 2 ** 20).toFixed(1)]));
}


const KINDS: Record<string, (set: Set, r: number) => Promise<unknown>> = {
  'one incident by id': (set, r) => set.store.incident(generatedId((r * 7919) % N)),
  ...Object.fromEntries(Object.entries(QUERY_KINDS).map(([name, make]) => [name, (set: Set, r: number) => set.store.queryIncidents(make(r))])),
};

async function compare(sets: readonly Set[]): Promise<void> {
  const chosen = process.env.BENCH_STORAGE_KINDS?.split('|') ?? Object.keys(KINDS);
  for (const set of sets) console.log(set.label, (await set.client.query('SHOW shared_buffers'))[0], await sizes(set.client));
  const table: Record<string, Record<string, string>> = {};
  const plans: string[] = [];
  // With BENCH_STORAGE_INTERLEAVE=1 the chosen kinds run in the same rotation (two ways of one query compared
  // alike); else one kind after the other.
  const groups = process.env.BENCH_STORAGE_INTERLEAVE === '1' ? [chosen] : chosen.map((name) => [name]);
  for (const group of groups) {
    const startLoad = load();
    const pairs = group.flatMap((name) => sets.map((set) => ({ name, set, run: KINDS[name]!, times: [] as number[] })));
    for (let r = 0; r < Math.min(10, RUNS); r++) for (const pair of pairs) await pair.run(pair.set, r + RUNS);
    for (let r = 0; r < RUNS; r++) {
      for (let k = 0; k < pairs.length; k++) {
        const pair = pairs[(k + r) % pairs.length]!;
        const t0 = performance.now();
        await pair.run(pair.set, r);
        pair.times.push(performance.now() - t0);
      }
    }
    for (const name of group) {
      const row: Record<string, string> = {};
      for (const pair of pairs.filter((p) => p.name === name)) {
        const { p50, p95 } = p50p95(pair.times);
        row[pair.set.label] = `${p50} / ${p95}`;
      }
      row['load'] = `${startLoad} -> ${load()}`;
      table[name] = row;
      console.log(new Date().toISOString(), name, row);
    }
  }
  for (const name of chosen) {
    // A plan of a run none of the sets has read yet (cold), then of the same run again (warm).
    const make = QUERY_KINDS[name];
    if (make) {
      for (const set of sets) {
        const { sql, params } = await planIncidentQuery(set.client, make(3 * RUNS + 7));
        for (const when of ['cold', 'warm']) {
          // SERIALIZE (PostgreSQL 17+, so PGlite's 18): the rows are also detoasted and written out, as a query's are, and
          // their pages counted; without it EXPLAIN never reads a value kept out of line.
          const plan = await set.client.query(`EXPLAIN (ANALYZE, BUFFERS, SERIALIZE, COSTS OFF) ${sql}`, params);
          plans.push(`### ${set.label}: ${name} (${when})\n\n\`${searchParams(make(3 * RUNS + 7))}\`\n\n\`\`\`\n${plan.map((p) => String(p['QUERY PLAN'])).join('\n')}\n\`\`\`\n`);
        }
      }
    }
  }
  console.log(`${new Date().toISOString()}, ${N} incidents, ${RUNS} runs a kind, p50 / p95 ms`);
  console.table(table);
  await writeFile(fileURLToPath(new URL('./last-storage-plans.md', import.meta.url)), `Plans of a run of bench/incident-storage.ts, ${new Date().toISOString()}, ${N} incidents\n\n${plans.join('\n')}`);
}

const migrateFolder = process.env.BENCH_STORAGE_MIGRATE;
if (migrateFolder) {
  const set = await openSet('migrate', migrateFolder);
  try {
    console.log('before', await sizes(set.client), 'load', load());
    const t0 = performance.now();
    const applied = await migrate(set.client);
    const t1 = performance.now();
    await set.client.exec('VACUUM ANALYZE incidents');
    console.log(`migrations ${applied.join(', ')}: ${((t1 - t0) / 1000).toFixed(1)} s, then VACUUM ANALYZE ${((performance.now() - t1) / 1000).toFixed(1)} s`);
    console.log('after', await sizes(set.client), 'load', load());
  } finally {
    await set.client.close();
  }
} else {
  const specs = (process.env.BENCH_STORAGE_SETS ?? '').split(',').filter(Boolean);
  if (specs.length === 0) throw new Error('BENCH_STORAGE_SETS=label=folder[@shared_buffers],... or BENCH_STORAGE_MIGRATE=folder');
  const sets: Set[] = [];
  try {
    for (const spec of specs) {
      const [label, rest] = spec.split('=') as [string, string];
      const [folder, sharedBuffers] = rest.split('@') as [string, string | undefined];
      sets.push(await openSet(label, folder, sharedBuffers));
    }
    await compare(sets);
  } finally {
    for (const set of sets) await set.client.close();
  }
}
