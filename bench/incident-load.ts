/**
 * Bulk load of generated incidents (bench/incident-generator.ts) into a store's `incidents` projection, as PostgreSQL's
 * manual advises for a large load: the secondary indexes are dropped, the rows inserted in chunks of 100,000 by the
 * database itself, then the indexes rebuilt from the definitions the migrations gave them (read back from
 * pg_indexes, so a new migration's index is rebuilt too) and the table analysed. A store that already holds exactly
 * `n` generated rows is left as it is, so a kept data set (BENCH_QUERY_KEEP=1) is loaded once.
 */
import type { SqlClient } from '../src/store/sql-client.js';
import { GENERATED_BASE_INDEX, generateIncidentsSql } from './incident-generator.js';

const CHUNK = 100_000;

export interface LoadResult {
  /** Seconds spent inserting rows and rebuilding indexes; 0 when the rows were already there. */
  readonly insertSeconds: number;
  readonly indexSeconds: number;
  /** The table with its indexes and TOAST, bytes. */
  readonly tableBytes: number;
}

/** Rows at generated log indexes in the store. */
async function generatedCount(client: SqlClient): Promise<number> {
  const [row] = await client.query('SELECT count(*)::int AS n FROM incidents WHERE log_index >= $1', [GENERATED_BASE_INDEX]);
  return Number(row!['n']);
}

/**
 * Make the store hold exactly `n` generated incidents (call after migrate()).
 * @example const { insertSeconds } = await loadGeneratedIncidents(client, 1_000_000, (done) => console.log(done));
 */
export async function loadGeneratedIncidents(client: SqlClient, n: number, progress: (done: number) => void = () => {}): Promise<LoadResult> {
  let insertSeconds = 0;
  let indexSeconds = 0;
  if ((await generatedCount(client)) !== n) {
    await client.exec(`DELETE FROM incidents WHERE log_index >= ${GENERATED_BASE_INDEX}`);
    // Keep the primary key and the unique log index (they guard the rows); everything else is rebuilt after.
    const indexes = await client.query(
      `SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'incidents' AND indexname NOT IN (SELECT conname FROM pg_constraint WHERE conrelid = 'incidents'::regclass)`,
    );
    for (const index of indexes) await client.exec(`DROP INDEX ${String(index['indexname'])}`);
    const t0 = performance.now();
    for (let first = 0; first < n; first += CHUNK) {
      await client.exec(generateIncidentsSql(first, Math.min(CHUNK, n - first), n));
      progress(Math.min(n, first + CHUNK));
    }
    const t1 = performance.now();
    await client.exec('SET maintenance_work_mem = \'256MB\'');
    for (const index of indexes) await client.exec(String(index['indexdef']));
    await client.exec('VACUUM ANALYZE incidents');
    insertSeconds = (t1 - t0) / 1000;
    indexSeconds = (performance.now() - t1) / 1000;
  } else {
    // Kept rows a later migration may have rewritten (007 added a column): the visibility map must be set again for
    // the index-only walks, as autovacuum would in time. Quick when nothing changed.
    await client.exec('VACUUM ANALYZE incidents');
  }
  const [size] = await client.query(`SELECT pg_total_relation_size('incidents')::float8 AS bytes`);
  return { insertSeconds, indexSeconds, tableBytes: Number(size!['bytes']) };
}
