/**
 * Store benchmark: appendBatch throughput for batches of 1, 100 and 1000 entries on PGlite (durable, see
 * src/store/pglite-durable-fs.ts) and PostgreSQL, each next to a baseline measured in the same run: the same rows,
 * in batches of the same size, as one plain multi-row INSERT into a scratch table without constraints. Machines
 * differ; the ratio append/baseline is the figure to compare.
 * Run alone: node --import tsx bench/store.ts
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { openPgliteDatabase } from '../src/store/pglite-store.js';
import { postgresClient } from '../src/store/postgres-store.js';
import { createScratchDatabase } from '../src/store/postgres-test-db.js';
import { SqlStore } from '../src/store/sql-store.js';
import type { SqlClient } from '../src/store/sql-client.js';
import type { Store, StoredEntry } from '../src/store/store.js';
import { insertRows } from '../src/store/write-sql.js';
import { entries } from '../src/store/contract/builders.js';

/** Batch size -> how many timed batches (after one untimed warm-up batch). */
const PLAN: readonly (readonly [batch: number, batches: number])[] = [[1, 200], [100, 20], [1000, 5]];
const PADDING = 300; // entries of about 400 bytes, like a short signed statement

const SCRATCH = `CREATE TABLE IF NOT EXISTS bench_scratch (idx bigint, id text, leaf_hash bytea, bytes bytea, type text,
  "by" text, at timestamptz, at_text text)`;
const SCRATCH_CASTS = ['bigint', 'text', 'bytea', 'bytea', 'text', 'text', 'timestamptz', 'text'];
const scratchRow = (e: StoredEntry): unknown[] => [e.index, e.id, e.leafHash, e.bytes, e.type, e.by, e.at, e.at];

type Write = (batch: readonly StoredEntry[]) => Promise<void>;

/**
 * Rows per second of each writer over the same batches. The writers take turns batch by batch, so a busy machine
 * slows both alike and the ratio stays meaningful. The first batch of each is an untimed warm-up.
 */
async function timed(batches: readonly (readonly StoredEntry[])[], writers: readonly Write[]): Promise<number[]> {
  const seconds = writers.map(() => 0);
  for (const [i, batch] of batches.entries()) {
    for (const [w, write] of writers.entries()) {
      const start = performance.now();
      await write(batch);
      if (i > 0) seconds[w]! += (performance.now() - start) / 1000;
    }
  }
  const rows = batches.slice(1).reduce((n, b) => n + b.length, 0);
  return seconds.map((s) => rows / s);
}

async function measure(name: string, store: Store, client: SqlClient): Promise<Record<string, number>> {
  await client.exec(SCRATCH);
  const out: Record<string, number> = {};
  let next = await store.logSize();
  for (const [size, count] of PLAN) {
    const batches = Array.from({ length: count + 1 }, (_, i) => entries(next + i * size, size, { padding: PADDING }));
    next += (count + 1) * size;
    const [baseline = 0, append = 0] = await timed(batches, [
      (b) => insertRows(client, { head: 'INSERT INTO bench_scratch VALUES', casts: SCRATCH_CASTS }, b.map(scratchRow)),
      (b) => store.appendBatch({ entries: b, incidents: [] }),
    ]);
    out[`${name}.append.batch${size}.entries_per_s`] = Math.round(append);
    out[`${name}.baseline.batch${size}.rows_per_s`] = Math.round(baseline);
    out[`${name}.append.batch${size}.ratio_to_baseline`] = Math.round((append / baseline) * 100) / 100;
  }
  return out;
}

async function benchPglite(): Promise<Record<string, number>> {
  const dir = mkdtempSync(join(tmpdir(), 'truce-bench-'));
  const { store, client } = await openPgliteDatabase(dir);
  try {
    await store.migrate();
    return await measure('pglite', store, client);
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function benchPostgres(): Promise<Record<string, number>> {
  const db = await createScratchDatabase();
  const pool = new pg.Pool({ connectionString: db.url, max: 2 });
  try {
    const client = postgresClient(pool);
    const store = new SqlStore(client);
    await store.migrate();
    return await measure('postgres', store, client);
  } finally {
    await pool.end();
    await db.drop();
  }
}

/**
 * Measure appendBatch against the baseline on both adapters. PostgreSQL is expected at 127.0.0.1:5432; if it is
 * unreachable its figures are left out, with a warning on stderr.
 * @example const figures = await benchStore(); figures['pglite.append.batch1000.ratio_to_baseline'] // e.g. 0.8
 */
export async function benchStore(): Promise<Record<string, number>> {
  const figures = await benchPglite();
  try {
    Object.assign(figures, await benchPostgres());
  } catch (error) {
    process.stderr.write(`bench/store: PostgreSQL left out: ${(error as Error).message}\n`);
  }
  return figures;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const figures = await benchStore();
  const rows = PLAN.flatMap(([size]) =>
    ['pglite', 'postgres'].map((db) => ({
      db,
      batch: size,
      'append entries/s': figures[`${db}.append.batch${size}.entries_per_s`],
      'baseline rows/s': figures[`${db}.baseline.batch${size}.rows_per_s`],
      ratio: figures[`${db}.append.batch${size}.ratio_to_baseline`],
    })),
  );
  console.table(rows.filter((r) => r['append entries/s'] !== undefined));
}
