// The thread that holds a PGlite database for pglite-thread.ts: PGlite runs Postgres compiled to WebAssembly on the
// thread that calls it, so in the server's own thread every commit (and its fsync) stopped HTTP for its whole length.
// Plain JavaScript so it starts in a worker without the TypeScript loader; it loads the store's code from build/ when
// that is beside it, else from the TypeScript sources through tsx.
import { existsSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';

const compiled = existsSync(new URL('./pglite-store.js', import.meta.url));
if (!compiled) (await import('tsx/esm/api')).register();
const { openPgliteDatabase } = await import(new URL(compiled ? './pglite-store.js' : './pglite-store.ts', import.meta.url).href);

/** @param {unknown} error */
function asMessage(error) {
  const e = /** @type {{ message?: unknown, code?: unknown, name?: unknown }} */ (error ?? {});
  return { message: String(e.message ?? error), code: typeof e.code === 'string' ? e.code : undefined, name: typeof e.name === 'string' ? e.name : 'Error' };
}

let handle;
try {
  handle = await openPgliteDatabase(workerData.dataDir);
} catch (error) {
  parentPort.postMessage({ id: 0, error: asMessage(error) });
  process.exit(0);
}
const { client } = handle;

/**
 * Open transactions by number: the queries main sends for one, and how main ends it. PGlite's own lock keeps every
 * other query waiting until the transaction ends, as in the server's thread.
 * @type {Map<number, { ops: (msg: any) => void, end: (commit: boolean) => void }>}
 */
const open = new Map();
const ROLLBACK = Symbol('rollback');

/** @param {import('./sql-client.js').SqlQueryable} db @param {any} msg */
async function run(db, msg) {
  if (msg.op === 'exec') {
    await db.exec(msg.sql);
    return [];
  }
  return db.query(msg.sql, msg.params ?? []);
}

/** @param {any} msg */
function answer(msg, work) {
  work.then(
    (rows) => parentPort.postMessage({ id: msg.id, rows }),
    (error) => parentPort.postMessage({ id: msg.id, error: asMessage(error) }),
  );
}

parentPort.on('message', (msg) => {
  if (msg.op === 'begin') {
    let ended;
    const done = client.transaction(async (tx) => {
      const ending = new Promise((resolve) => (ended = resolve));
      open.set(msg.tx, { ops: (op) => answer(op, run(tx, op)), end: (commit) => ended(commit) });
      parentPort.postMessage({ id: msg.id, rows: [] });
      if (!(await ending)) throw ROLLBACK;
    });
    done.then(
      () => parentPort.postMessage({ id: msg.tx, rows: [] }),
      (error) => parentPort.postMessage(error === ROLLBACK ? { id: msg.tx, rows: [] } : { id: msg.tx, error: asMessage(error) }),
    ).finally(() => open.delete(msg.tx));
    return;
  }
  if (msg.op === 'end') return open.get(msg.tx)?.end(msg.commit);
  if (msg.op === 'close') {
    client.close().then(() => parentPort.postMessage({ id: msg.id, rows: [] }), (error) => parentPort.postMessage({ id: msg.id, error: asMessage(error) }));
    return;
  }
  if (msg.tx !== undefined) {
    const tx = open.get(msg.tx);
    // A query for a transaction that has ended is answered, not left waiting forever.
    if (!tx) return parentPort.postMessage({ id: msg.id, error: { message: `transaction ${msg.tx} is not open`, name: 'Error' } });
    return tx.ops(msg);
  }
  answer(msg, run(client, msg));
});
parentPort.postMessage({ id: 0, rows: [] });
