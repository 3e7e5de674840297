import { Worker } from 'node:worker_threads';
import { TruceError, type ErrorCode } from '../domain/errors.js';
import type { Row, SqlClient, SqlQueryable } from './sql-client.js';
import { SqlStore } from './sql-store.js';

/** What the thread answers: rows, or an error as plain fields (a thrown object does not cross threads whole). */
type Reply = { id: number; rows: Row[]; error?: undefined } | { id: number; error: { message: string; code?: string; name: string } };

/** A driver error rebuilt on this side with its SQLSTATE, so sqlState() and the store's translations read it as before. */
class ThreadedSqlError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
    name: string,
  ) {
    super(message);
    this.name = name;
  }
}

/** The thread's error on this side: a TruceError as itself (a held folder is 'unavailable'), else with its SQLSTATE. */
function rebuilt(error: { message: string; code?: string; name: string }): Error {
  if (error.name === 'TruceError' && error.code) return new TruceError(error.code as ErrorCode, error.message);
  return new ThreadedSqlError(error.message, error.code, error.name);
}

/**
 * A SqlClient whose PGlite database lives in a thread of its own (pglite-thread-worker.mjs). PGlite runs Postgres on
 * the thread that calls it, and a commit of a few hundred statements held the server's event loop for 5–15 ms, during
 * which no request was read or answered (BENCHMARKS.md, "PGlite in a thread of its own"). Each query is one message
 * each way; a transaction is a begin, its queries, and an end, the thread holding PGlite's transaction open between.
 * The folder lock, the durable filesystem and the template are the thread's (pglite-store.ts openPgliteDatabase).
 * @example const client = await openPgliteThread('.truce-data/pglite'); await client.query('SELECT 1 AS one') // [{ one: 1 }]
 */
export async function openPgliteThread(dataDir: string): Promise<SqlClient> {
  const worker = new Worker(new URL('./pglite-thread-worker.mjs', import.meta.url), { workerData: { dataDir } });
  const waiting = new Map<number, { resolve: (rows: Row[]) => void; reject: (error: Error) => void }>();
  let next = 1;
  let failure: Error | null = null;
  const settle = (reply: Reply): void => {
    const pending = waiting.get(reply.id);
    if (!pending) return;
    waiting.delete(reply.id);
    if (reply.error) pending.reject(rebuilt(reply.error));
    else pending.resolve(reply.rows);
  };
  const fail = (error: Error): void => {
    failure = error;
    for (const pending of waiting.values()) pending.reject(error);
    waiting.clear();
  };
  const ready = new Promise<Row[]>((resolve, reject) => waiting.set(0, { resolve, reject }));
  worker.on('message', settle);
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`the PGlite thread exited (code ${code})`)));
  const ask = (message: Record<string, unknown>, id = next++): Promise<Row[]> => {
    if (failure) return Promise.reject(failure);
    const answer = new Promise<Row[]>((resolve, reject) => waiting.set(id, { resolve, reject }));
    worker.postMessage({ ...message, id });
    return answer;
  };
  try {
    await ready;
  } catch (error) {
    await worker.terminate();
    throw error;
  }
  const queryable = (tx?: number): SqlQueryable => ({
    query: async <T extends Row>(sql: string, params: readonly unknown[] = []) => (await ask({ op: 'query', sql, params, tx })) as T[],
    exec: async (sql: string) => {
      await ask({ op: 'exec', sql, tx });
    },
  });
  return {
    kind: 'pglite',
    ...queryable(),
    async transaction(fn) {
      const tx = next++;
      const outcome = new Promise<Row[]>((resolve, reject) => waiting.set(tx, { resolve, reject }));
      // Kept from an unhandled rejection while fn runs; awaited below.
      outcome.catch(() => undefined);
      await ask({ op: 'begin', tx });
      let result;
      try {
        result = await fn(queryable(tx));
      } catch (error) {
        worker.postMessage({ op: 'end', tx, commit: false });
        await outcome.catch(() => undefined);
        throw error;
      }
      worker.postMessage({ op: 'end', tx, commit: true });
      await outcome;
      return result;
    },
    async close() {
      try {
        await ask({ op: 'close' });
      } finally {
        await worker.terminate();
      }
    },
  };
}

/**
 * The Store on PGlite in a folder, in a thread of its own (the server's embedded default). Call migrate() before use.
 * @example const store = await openPgliteThreadStore('.truce-data/pglite'); await store.migrate();
 */
export async function openPgliteThreadStore(dataDir: string): Promise<SqlStore> {
  return new SqlStore(await openPgliteThread(dataDir));
}
