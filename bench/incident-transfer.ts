/**
 * Where a page of incidents spends its time after the plan (issue 14, part 3), on the kept data set of
 * bench/queries.ts (BENCH_QUERY_KEEP=1, BENCH_QUERY_N incidents), for one kind of its queries (BENCH_TRANSFER_KIND,
 * default 'time + bbox + type'; the plain query, as buildIncidentQuery writes it): the same page fetched as rows of
 * columns (what the store does), as one JSON text a row, as one JSON text for the whole page, and the API list's
 * server side without HTTP (rows parsed and the answer written with JSON.stringify, as the route does, against the
 * views' JSON text spliced into the answer). Each run's page is read once untimed first (its first read is timed
 * apart: the cost of pages not yet in the cache), then every variant, in an order that rotates from run to run.
 * Run alone: BENCH_QUERY_N=100000 node --import tsx bench/incident-transfer.ts (BENCH_QUERY_STORES=pglite for one)
 */
import { tmpdir, loadavg } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openPgliteDatabase } from '../src/store/pglite-store.js';
import { postgresClient } from '../src/store/postgres-store.js';
import { TEST_SERVER } from '../src/store/postgres-test-db.js';
import { buildIncidentQuery } from '../src/store/incident-query.js';
import { toIncident } from '../src/store/rows.js';
import type { Row, SqlClient } from '../src/store/sql-client.js';
import { QUERY_KINDS } from './queries.js';

const N = Number(process.env.BENCH_QUERY_N ?? 1_000_000);
const RUNS = Number(process.env.BENCH_QUERY_RUNS ?? 60);
const STORES = (process.env.BENCH_QUERY_STORES ?? 'pglite,postgres').split(',') as ('pglite' | 'postgres')[];
const KIND = process.env.BENCH_TRANSFER_KIND ?? 'time + bbox + type';

async function open(kind: 'pglite' | 'postgres'): Promise<SqlClient> {
  if (kind === 'pglite') return (await openPgliteDatabase(join(tmpdir(), `truce-bench-incidents-${N}-pglite`, 'pglite'))).client;
  const url = new URL(TEST_SERVER);
  url.pathname = `/truce_bench_incidents_${N}`;
  return postgresClient(new pg.Pool({ connectionString: url.toString(), max: 2 }));
}

const p = (sorted: number[], q: number) => +sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!.toFixed(2);

type Variant = (client: SqlClient, r: number) => Promise<number>;

const make = QUERY_KINDS[KIND]!;
const VARIANTS: Record<string, Variant> = {
  'rows of columns (the store)': async (client, r) => {
    const { sql, params } = buildIncidentQuery(make(r));
    return (await client.query(sql, params)).map(toIncident).length;
  },
  'one json text a row, parsed': async (client, r) => {
    const { sql, params } = buildIncidentQuery(make(r));
    const rows = await client.query(`SELECT row_to_json(page)::text AS j FROM (${sql}) AS page`, params);
    return rows.map((row) => toIncident(JSON.parse(row['j'] as string) as Row)).length;
  },
  'page as one json text, parsed': async (client, r) => {
    const { sql, params } = buildIncidentQuery(make(r));
    const [row] = await client.query(`SELECT json_agg(page)::text AS j FROM (${sql}) AS page`, params);
    return (JSON.parse(row!['j'] as string) as Row[]).map(toIncident).length;
  },
  // The API list's server side without HTTP: the page, then the answer's JSON text.
  'API answer: rows parsed, JSON written (the route)': async (client, r) => {
    const { sql, params } = buildIncidentQuery(make(r));
    return JSON.stringify({ items: (await client.query(sql, params)).map(toIncident).map((row) => row.view), next: null }).length;
  },
  'API answer: view texts spliced, not parsed': async (client, r) => {
    const { sql, params } = buildIncidentQuery(make(r));
    const rows = await client.query(`SELECT id, log_index, start_date, view::text AS view FROM (${sql}) AS page`, params);
    return `{"items":[${rows.map((row) => row['view'] as string).join(',')}],"next":null}`.length;
  },
};

for (const kind of STORES) {
  const client = await open(kind);
  try {
    const times: Record<string, number[]> = Object.fromEntries(Object.keys(VARIANTS).map((k) => [k, []]));
    for (const v of Object.values(VARIANTS)) for (let r = 0; r < 5; r++) await v(client, r + RUNS);
    const entries = Object.entries(VARIANTS);
    for (let r = 0; r < RUNS; r++) {
      // The run's page read once untimed, so no variant pays for its pages entering the cache; the order rotates.
      const cold = performance.now();
      await entries[0]![1](client, r);
      (times['first read of the run\'s page (cold), rows of columns'] ??= []).push(performance.now() - cold);
      for (let k = 0; k < entries.length; k++) {
        const [name, v] = entries[(k + r) % entries.length]!;
        const t0 = performance.now();
        await v(client, r);
        times[name]!.push(performance.now() - t0);
      }
    }
    const out: Record<string, { p50: number; p95: number }> = {};
    for (const [name, t] of Object.entries(times)) {
      t.sort((a, b) => a - b);
      out[`${kind}: ${name}`] = { p50: p(t, 0.5), p95: p(t, 0.95) };
    }
    console.log(`${new Date().toISOString()} ${kind}, ${N} incidents, ${KIND}, ${RUNS} runs, load ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
    console.table(out);
  } finally {
    await client.close();
  }
}
