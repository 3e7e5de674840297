// Bound parameters only: one round trip per few thousand rows, so group commits stay fast. The log's entries, the
// rows of every append, go as one prepared INSERT ... SELECT FROM unnest(arrays); the rarer rows as multi-row INSERTs.
import { TruceError } from '../domain/errors.js';
import type { Row, SqlQueryable } from './sql-client.js';
import type { AppendBatch, CandidateRow, IncidentRow, StateSnapshot, StoredEntry, TreeNode } from './store.js';
import { candidateValues, incidentValues, int } from './rows.js';

/** PostgreSQL binds at most 65535 parameters per statement; stay well under it. */
const MAX_PARAMS = 30_000;

interface RowsStatement {
  /** e.g. 'INSERT INTO t (a, b) VALUES' */
  readonly head: string;
  /**
   * One cast per column, e.g. ['bigint', 'text']: both drivers then agree on every parameter's type. 'bytea' sends
   * the bytes as base64 text decoded by the database: PGlite takes a bytea parameter 2x (300 B) to 14x (250 KB)
   * slower than the same bytes as text (BENCHMARKS.md); pg takes both alike.
   */
  readonly casts: readonly string[];
  /** e.g. 'ON CONFLICT (id) DO NOTHING' */
  readonly tail?: string;
}

/**
 * Run `head VALUES (...), (...) tail` over rows, chunked under the parameter limit.
 * @example await insertRows(tx, { head: 'INSERT INTO meta (key, value) VALUES', casts: ['text', 'text'] }, [['a', '1']])
 */
export async function insertRows(db: SqlQueryable, statement: RowsStatement, rows: readonly (readonly unknown[])[]): Promise<void> {
  const width = statement.casts.length;
  const perChunk = Math.max(1, Math.floor(MAX_PARAMS / width));
  for (let start = 0; start < rows.length; start += perChunk) {
    const chunk = rows.slice(start, start + perChunk);
    const params: unknown[] = [];
    const tuples = chunk.map((row) => {
      if (row.length !== width) throw new Error(`insertRows: a row has ${row.length} values, expected ${width}`);
      const slots = statement.casts.map((cast, i) => {
        const value = row[i];
        if (cast !== 'bytea' || value === null) {
          params.push(value);
          return `$${params.length}::${cast}`;
        }
        if (!(value instanceof Uint8Array)) throw new Error('insertRows: a bytea value is a Uint8Array');
        params.push(Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64'));
        return `decode($${params.length}::text, 'base64')`;
      });
      return `(${slots.join(', ')})`;
    });
    await db.query(`${statement.head} ${tuples.join(', ')} ${statement.tail ?? ''}`, params);
  }
}

/** Entries per INSERT: one text parameter per column, each up to a few MB. */
const ENTRIES_PER_INSERT = 1000;
/** Tree nodes per INSERT (startup may fill in a long run of missing ones): a few MB a parameter. */
const TREE_NODES_PER_INSERT = 50_000;

/**
 * ONE statement text whatever the batch size, so the database parses and plans it alike for every batch. Each column
 * goes as ONE text parameter, its values joined by commas and cut by string_to_array() in the database: the drivers
 * (PGlite's and pg's, both in JavaScript) escape an array parameter element by element, which cost 10-20 µs an entry
 * on PGlite (BENCHMARKS.md); no value here can hold a comma (hex, base64, member ids, statement types, RFC 3339
 * times), and joinColumn refuses one that does. The index is the first one's plus the row's ordinality (the batch
 * is consecutive). The guard: rows are written only if the log's size (in the statement's snapshot) is the first
 * index, so an append that another writer overtook writes nothing and is refused ('conflict'); a writer not yet
 * committed at the same index makes it wait, then fail on the primary key (also 'conflict').
 */
const GUARDED_ENTRIES = `INSERT INTO entries (idx, id, leaf_hash, bytes, type, "by", at, at_text, arrived_at)
  SELECT $1::bigint + n - 1, id, decode(leaf_hash, 'base64'), decode(bytes, 'base64'), type, "by", at_text::timestamptz, at_text, arrived_at::timestamptz
  FROM unnest(string_to_array($2::text, ','), string_to_array($3::text, ','), string_to_array($4::text, ','),
    string_to_array($5::text, ','), string_to_array($6::text, ','), string_to_array($7::text, ','), string_to_array($8::text, ',', ''))
    WITH ORDINALITY AS t (id, leaf_hash, bytes, type, "by", at_text, arrived_at, n)
  WHERE (SELECT coalesce(max(idx) + 1, 0) FROM entries) = $1::bigint`;

const INSERT_ENTRIES = `WITH appended AS (${GUARDED_ENTRIES} RETURNING 1) SELECT count(*) AS appended FROM appended`;

/**
 * The group commit's usual batch (entries and the tree nodes they complete, no projection rows) as ONE statement,
 * so ONE round trip and its own transaction: the nodes are written only with the entries (a refused append leaves
 * no node behind). Nodes go as joined text, as the entries' columns.
 */
const INSERT_ENTRIES_AND_NODES = `WITH appended AS (${GUARDED_ENTRIES} RETURNING 1),
  nodes AS (INSERT INTO tree_nodes (level, idx, hash)
    SELECT level, idx, decode(hash, 'base64')
    FROM unnest(string_to_array($9::text, ',')::int[], string_to_array($10::text, ',')::bigint[], string_to_array($11::text, ',')) AS t (level, idx, hash)
    WHERE EXISTS (SELECT FROM appended)
    ON CONFLICT (level, idx) DO NOTHING)
  SELECT count(*) AS appended FROM appended`;

const base64Of = (value: Uint8Array): string => Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64');

/**
 * Values joined by commas for string_to_array(); a value holding a comma (never one the sequencer writes) is refused
 * as the database refuses a bad value, so the sequencer refuses that statement alone.
 * @example joinColumn(['a', 'b'], 'type') // 'a,b'
 */
export function joinColumn(values: readonly string[], column: string): string {
  for (const v of values) if (v.includes(',')) throw new TruceError('bad_request', `an entry's ${column} holds a comma: ${JSON.stringify(v.slice(0, 80))}`);
  return values.join(',');
}

/** The parameters of GUARDED_ENTRIES for consecutive entries. */
function entryParams(chunk: readonly StoredEntry[]): unknown[] {
  return [
    chunk[0]!.index,
    joinColumn(chunk.map((e) => e.id), 'id'),
    chunk.map((e) => base64Of(e.leafHash)).join(','),
    chunk.map((e) => base64Of(e.bytes)).join(','),
    joinColumn(chunk.map((e) => e.type), 'type'),
    joinColumn(chunk.map((e) => e.by), 'by'),
    joinColumn(chunk.map((e) => e.at), 'at'),
    joinColumn(chunk.map((e) => e.arrivedAt ?? ''), 'arrival time'),
  ];
}

/** The guard held, or the log's size was not the first index: refused, nothing of this statement written. */
function checkAppended(rows: readonly Row[], chunk: readonly StoredEntry[]): void {
  if (int(rows[0]?.appended) !== chunk.length) {
    throw new TruceError('conflict', `the batch starts at index ${chunk[0]!.index} but the log no longer has ${chunk[0]!.index} entries (another writer appended)`);
  }
}

/** @example await insertEntries(tx, batch.entries) // refused ('conflict') unless the log has batch.entries[0].index entries */
export async function insertEntries(db: SqlQueryable, entries: readonly StoredEntry[]): Promise<void> {
  for (let start = 0; start < entries.length; start += ENTRIES_PER_INSERT) {
    const chunk = entries.length <= ENTRIES_PER_INSERT ? entries : entries.slice(start, start + ENTRIES_PER_INSERT);
    if (chunk.length === 0) continue;
    checkAppended(await db.query(INSERT_ENTRIES, entryParams(chunk), { prepare: 'truce_insert_entries_guarded' }), chunk);
  }
}

/** Whether insertEntriesAndNodes takes the batch in one statement. */
export const fitsOneStatement = (entries: number, nodes: number): boolean => entries > 0 && entries <= ENTRIES_PER_INSERT && nodes <= TREE_NODES_PER_INSERT;

/**
 * Entries and tree nodes in ONE statement, outside any transaction (it commits alone): see INSERT_ENTRIES_AND_NODES.
 * @example if (fitsOneStatement(entries.length, nodes.length)) await insertEntriesAndNodes(client, entries, nodes)
 */
export async function insertEntriesAndNodes(db: SqlQueryable, entries: readonly StoredEntry[], nodes: readonly TreeNode[]): Promise<void> {
  if (!fitsOneStatement(entries.length, nodes.length)) throw new Error('insertEntriesAndNodes: a batch for one statement (see fitsOneStatement)');
  // Most batches complete no node (one every 256 leaves): then the entries' INSERT alone, which PGlite, planning each
  // statement anew, runs in ~0.5 ms less than the same with an empty nodes part (measured at 20 entries a commit).
  if (nodes.length === 0) return checkAppended(await db.query(INSERT_ENTRIES, entryParams(entries), { prepare: 'truce_insert_entries_guarded' }), entries);
  const params = [...entryParams(entries), nodes.map((n) => n.level).join(','), nodes.map((n) => n.index).join(','), nodes.map((n) => base64Of(n.hash)).join(',')];
  checkAppended(await db.query(INSERT_ENTRIES_AND_NODES, params, { prepare: 'truce_insert_entries_and_nodes' }), entries);
}

/**
 * Insert or replace incident rows. A batch may touch one incident twice (file, then amend): the last row wins.
 * @example await upsertIncidents(tx, [row])
 */
export async function upsertIncidents(db: SqlQueryable, rows: readonly IncidentRow[]): Promise<void> {
  const latest = [...new Map(rows.map((r) => [r.id, r])).values()];
  const columns = ['start_date', 'end_date', 'lat', 'lon', 'event_type', 'parties', 'status', 'text', 'view', 'log_index'];
  await insertRows(
    db,
    {
      head: `INSERT INTO incidents (id, ${columns.join(', ')}) VALUES`,
      casts: ['text', 'date', 'date', 'float8', 'float8', 'text', 'text[]', 'text', 'text', 'text::jsonb', 'bigint'],
      tail: `ON CONFLICT (id) DO UPDATE SET ${columns.map((c) => `${c} = excluded.${c}`).join(', ')}`,
    },
    latest.map(incidentValues),
  );
}

/**
 * Insert or update candidates. A promoted candidate keeps its status and report: promotion is in the log, and
 * re-ingesting the same article must not reopen it. Dismissal and content updates go through.
 * @example await upsertCandidates(tx, [{ ...row, status: 'dismissed' }])
 */
export async function upsertCandidates(db: SqlQueryable, rows: readonly CandidateRow[]): Promise<void> {
  const latest = [...new Map(rows.map((r) => [r.id, r])).values()];
  const keep = (column: string): string =>
    `${column} = CASE WHEN candidates.status = 'promoted' THEN candidates.${column} ELSE excluded.${column} END`;
  await insertRows(
    db,
    {
      head: 'INSERT INTO candidates (id, batch, created_at, status, promoted_report, candidate) VALUES',
      casts: ['text', 'text', 'timestamptz', 'text', 'text', 'text::jsonb'],
      tail: `ON CONFLICT (id) DO UPDATE SET batch = excluded.batch, created_at = excluded.created_at,
        candidate = excluded.candidate, ${keep('status')}, ${keep('promoted_report')}`,
    },
    latest.map(candidateValues),
  );
}

type CandidateUpdate = NonNullable<AppendBatch['candidateUpdates']>[number];

/**
 * Apply status changes carried by appended statements (candidate.promote); unknown candidates are ignored.
 * @example await updateCandidates(tx, [{ id: 'c1', status: 'promoted', promotedReport: reportId }])
 */
export async function updateCandidates(db: SqlQueryable, updates: readonly CandidateUpdate[]): Promise<void> {
  const latest = [...new Map(updates.map((u) => [u.id, u])).values()];
  await insertRows(
    db,
    {
      head: 'UPDATE candidates AS c SET status = v.status, promoted_report = v.promoted_report FROM (VALUES',
      casts: ['text', 'text', 'text'],
      tail: ') AS v (id, status, promoted_report) WHERE c.id = v.id',
    },
    latest.map((u) => [u.id, u.status, u.promotedReport]),
  );
}

const INSERT_TREE_NODES = `INSERT INTO tree_nodes (level, idx, hash)
  SELECT level, idx, decode(hash, 'base64') FROM unnest($1::int[], $2::bigint[], $3::text[]) AS t (level, idx, hash)
  ON CONFLICT (level, idx) DO NOTHING`;

/** @example await insertTreeNodes(tx, [{ level: 8, index: 0, hash }]) // kept if already there */
export async function insertTreeNodes(db: SqlQueryable, nodes: readonly TreeNode[]): Promise<void> {
  for (let start = 0; start < nodes.length; start += TREE_NODES_PER_INSERT) {
    const chunk = nodes.slice(start, start + TREE_NODES_PER_INSERT);
    await db.query(INSERT_TREE_NODES, [chunk.map((n) => n.level), chunk.map((n) => n.index), chunk.map((n) => base64Of(n.hash))], { prepare: 'truce_insert_tree_nodes' });
  }
}

/** Snapshot parts per INSERT: a few MB a statement. */
const PARTS_PER_INSERT = 8;

/** Keep only this snapshot. @example await replaceSnapshot(tx, { size: 10, version, state, parts: [], createdAt }) */
export async function replaceSnapshot(db: SqlQueryable, snapshot: StateSnapshot): Promise<void> {
  await db.query('DELETE FROM state_snapshots'); // and its parts (ON DELETE CASCADE)
  await db.query('INSERT INTO state_snapshots (size, version, state, created_at) VALUES ($1, $2, $3, $4)', [
    snapshot.size, snapshot.version, snapshot.state, snapshot.createdAt,
  ]);
  for (let first = 0; first < snapshot.parts.length; first += PARTS_PER_INSERT) {
    const rows = snapshot.parts.slice(first, first + PARTS_PER_INSERT).map((data, i) => [snapshot.size, first + i, data]);
    await insertRows(db, { head: 'INSERT INTO state_snapshot_parts (size, part, data) VALUES', casts: ['bigint', 'int', 'bytea'] }, rows);
  }
}
