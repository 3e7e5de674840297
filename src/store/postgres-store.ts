import pg from 'pg';
import type { QueryOptions, Row, SqlClient, SqlQueryable } from './sql-client.js';
import { SqlStore } from './sql-store.js';

function queryable(db: pg.Pool | pg.PoolClient): SqlQueryable {
  return {
    query: async <T extends Row>(sql: string, params: readonly unknown[] = [], options: QueryOptions = {}) =>
      (await db.query<T>(options.prepare ? { name: options.prepare, text: sql, values: [...params] } : { text: sql, values: [...params] })).rows,
    exec: async (sql: string) => {
      await db.query(sql); // no parameters: the simple protocol, which takes several statements
    },
  };
}

/**
 * A SqlClient over a pg Pool; a transaction runs on one pooled connection.
 * @example const client = postgresClient(new pg.Pool({ connectionString: url }));
 */
export function postgresClient(pool: pg.Pool): SqlClient {
  // An idle connection's error (the server restarted, or a scratch database was dropped while a connection that the
  // pool had just ended was still open) is emitted on the pool; without a listener it would crash the process. The
  // pool drops that connection and the next query reports the failure. openPostgresStore passes its own listener.
  if (pool.listenerCount('error') === 0) pool.on('error', () => {});
  return {
    kind: 'postgres',
    ...queryable(pool),
    async transaction(fn) {
      const connection = await pool.connect();
      try {
        await connection.query('BEGIN');
        const result = await fn(queryable(connection));
        await connection.query('COMMIT');
        connection.release();
        return result;
      } catch (error) {
        // A connection whose ROLLBACK fails is broken: release(err) destroys it instead of pooling it.
        await connection.query('ROLLBACK').then(() => connection.release(), (e: Error) => connection.release(e));
        throw error;
      }
    },
    close: () => pool.end(),
  };
}

/**
 * The Store on a PostgreSQL server (15 or later), reached at url. Fails fast if the server is unreachable. Durability
 * is the server's (fsync, synchronous_commit on by default). Call migrate() before use.
 * @example const store = await openPostgresStore('postgres://truce@db.example/truce'); await store.migrate();
 */
export async function openPostgresStore(url: string, options: { maxConnections?: number; onError?: (error: Error) => void } = {}): Promise<SqlStore> {
  const pool = new pg.Pool({ connectionString: url, max: options.maxConnections ?? 8 });
  // An idle connection's error (server restart) is emitted on the pool; the pool drops that connection, and the
  // next query reports the failure. Without a listener it would crash the process; the caller logs it.
  pool.on('error', options.onError ?? (() => {}));
  try {
    await pool.query('SELECT 1');
  } catch (error) {
    await pool.end();
    throw error;
  }
  return new SqlStore(postgresClient(pool));
}
