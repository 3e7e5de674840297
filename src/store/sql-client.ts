/**
 * The one seam between the Store and a database driver. PGlite and `pg` differ in small ways (pg returns bigint as
 * a string and bytea as a Buffer; PGlite returns numbers and Uint8Array); the row mappers in rows.ts absorb that,
 * so the SQL above this interface is written once, in PostgreSQL's dialect.
 */

export type Row = Record<string, unknown>;

export interface QueryOptions {
  /** A name unique to this SQL text (PostgreSQL's named prepared statements; PGlite parses in-process anyway). */
  readonly prepare?: string;
}

/** What both a client and an open transaction can do. */
export interface SqlQueryable {
  /**
   * One statement with bound parameters ($1, $2, ...); values are never interpolated into the SQL text. `prepare`
   * names a statement run often with the same text: a server-side driver parses and plans it once per connection.
   */
  query<T extends Row = Row>(sql: string, params?: readonly unknown[], options?: QueryOptions): Promise<T[]>;
  /** A script of several statements without parameters (migrations only). */
  exec(sql: string): Promise<void>;
}

export interface SqlClient extends SqlQueryable {
  readonly kind: 'pglite' | 'postgres';
  /** Run fn inside BEGIN ... COMMIT on one connection; ROLLBACK and rethrow if it throws. */
  transaction<T>(fn: (tx: SqlQueryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/**
 * The SQLSTATE of a driver error (both drivers put it in `code`).
 * @example if (sqlState(error) === '23505') { ... } // a unique violation
 */
export function sqlState(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  const code = (error as { code: unknown }).code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
}
