import { TruceError } from '../domain/errors.js';
import { sqlState, type SqlClient } from './sql-client.js';
import type {
  AppendBatch, AssumedLog, CandidateRow, IncidentListing, IncidentQuery, IncidentRow, Page, StateSnapshot, Store, StoredCheckpoint, StoredCosignature,
  StoredEntry, TreeNode,
} from './store.js';
import {
  CANDIDATE_COLUMNS, CHECKPOINT_COLUMNS, COSIGNATURE_COLUMNS, ENTRY_COLUMNS, INCIDENT_COLUMNS, INCIDENT_LISTING_COLUMNS,
  base64, fromBase64Column, int, iso, toCandidate, toCheckpoint, toCosignature, toEntry, toIncident, toIncidentListing,
} from './rows.js';
import { appendBatch, appendFresh } from './append-batch.js';
import { clampLimit, runIncidentQuery } from './incident-query.js';
import { decodeCursor, encodeCursor, isShortText, isTimestamp } from './cursor.js';
import { insertRows, insertTreeNodes, replaceSnapshot, upsertCandidates, upsertIncidents } from './write-sql.js';
import { migrate } from './migrate.js';

function range(start: number, end: number): void {
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || start < 0 || end < start) {
    throw new TruceError('bad_request', `[${start}, ${end}) is not a range of log indexes`);
  }
}

/**
 * The Store, written once in PostgreSQL's dialect over a SqlClient; pglite-store.ts and postgres-store.ts only
 * open a client. See store.ts for each method's contract.
 * @example const store = new SqlStore(client); await store.migrate(); await store.logSize() // 0
 */
/** Snapshot parts read per query (each up to about a MB). */
const SNAPSHOT_PAGE = 16;

export class SqlStore implements Store {
  readonly kind: Store['kind'];

  constructor(private readonly db: SqlClient) {
    this.kind = db.kind;
  }

  async migrate(): Promise<void> {
    await migrate(this.db);
  }

  close(): Promise<void> {
    return this.db.close();
  }

  async logSize(): Promise<number> {
    const [row] = await this.db.query('SELECT coalesce(max(idx) + 1, 0) AS size FROM entries');
    return int(row?.size);
  }

  async entries(start: number, end: number): Promise<StoredEntry[]> {
    range(start, end);
    const rows = await this.db.query(`SELECT ${ENTRY_COLUMNS} FROM entries WHERE idx >= $1 AND idx < $2 ORDER BY idx`, [start, end]);
    return rows.map(toEntry);
  }

  async leafHashes(start: number, end: number): Promise<Uint8Array> {
    range(start, end);
    const [row] = await this.db.query(
      `SELECT ${base64("string_agg(leaf_hash, ''::bytea ORDER BY idx)")} AS hashes FROM entries WHERE idx >= $1 AND idx < $2`,
      [start, end],
    );
    return row?.hashes == null ? new Uint8Array(0) : fromBase64Column(row.hashes);
  }

  async entryIndexById(id: string): Promise<number | null> {
    const [row] = await this.db.query('SELECT idx FROM entries WHERE id = $1', [id]);
    return row ? int(row.idx) : null;
  }

  async arrivals(indexes: readonly number[]): Promise<Map<number, string | null>> {
    if (indexes.length === 0) return new Map();
    const rows = await this.db.query(`SELECT idx, ${iso('arrived_at')} AS arrived_at FROM entries WHERE idx = ANY($1::bigint[])`, [indexes]);
    return new Map(rows.map((r) => [int(r.idx), r.arrived_at === null || r.arrived_at === undefined ? null : String(r.arrived_at)]));
  }

  async storedIds(ids: readonly string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await this.db.query('SELECT id FROM entries WHERE id = ANY ($1::text[])', [ids]);
    return new Set(rows.map((r) => String(r.id)));
  }

  async treeNodes(level: number, start: number, end: number): Promise<Uint8Array> {
    range(start, end);
    const [row] = await this.db.query(
      `SELECT ${base64("string_agg(hash, ''::bytea ORDER BY idx)")} AS hashes FROM tree_nodes WHERE level = $1 AND idx >= $2 AND idx < $3`,
      [level, start, end],
    );
    return row?.hashes == null ? new Uint8Array(0) : fromBase64Column(row.hashes);
  }

  async saveTreeNodes(nodes: readonly TreeNode[]): Promise<void> {
    await this.db.transaction((tx) => insertTreeNodes(tx, nodes));
  }

  async latestSnapshot(): Promise<StateSnapshot | null> {
    const header = await this.snapshotHeader();
    if (!header) return null;
    // The parts a page at a time: one result of hundreds of MB is more than PGlite's memory comfortably holds.
    const parts: Uint8Array[] = [];
    for (;;) {
      const page = await this.snapshotParts(header.size, parts.length, SNAPSHOT_PAGE);
      parts.push(...page);
      if (page.length < SNAPSHOT_PAGE) return { ...header, parts };
    }
  }

  async snapshotHeader(): Promise<Omit<StateSnapshot, 'parts'> | null> {
    const [row] = await this.db.query(`SELECT size, version, state, ${iso('created_at')} AS created_at FROM state_snapshots ORDER BY size DESC LIMIT 1`);
    return row ? { size: int(row.size), version: String(row.version), state: String(row.state), createdAt: String(row.created_at) } : null;
  }

  async snapshotParts(size: number, first: number, count: number): Promise<Uint8Array[]> {
    const rows = await this.db.query(`SELECT part, ${base64('data')} AS data FROM state_snapshot_parts WHERE size = $1 AND part >= $2 ORDER BY part LIMIT $3`, [size, first, count]);
    const parts: Uint8Array[] = [];
    // A missing part ends the list there (the header's count then refuses the snapshot).
    for (const row of rows) {
      if (int(row.part) !== first + parts.length) break;
      parts.push(fromBase64Column(row.data));
    }
    return parts;
  }

  async saveSnapshot(snapshot: StateSnapshot): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.exec('LOCK TABLE entries IN EXCLUSIVE MODE');
      const [row] = await tx.query('SELECT coalesce(max(idx) + 1, 0) AS size FROM entries');
      if (int(row?.size) !== snapshot.size) throw new TruceError('conflict', `a snapshot of size ${snapshot.size} for a log of ${int(row?.size)} entries`);
      await replaceSnapshot(tx, snapshot);
    });
  }

  appendBatch(batch: AppendBatch): Promise<void> {
    return appendBatch(this.db, batch);
  }

  appendFresh(ids: readonly string[], build: (stored: ReadonlySet<string>) => Promise<AppendBatch | null>, assumed?: AssumedLog): Promise<void> {
    return appendFresh(this.db, ids, build, assumed);
  }

  async saveCheckpoint(checkpoint: StoredCheckpoint): Promise<StoredCheckpoint> {
    const { size, rootHash, note, createdAt } = checkpoint;
    await this.db.query(
      'INSERT INTO checkpoints (size, root, note, created_at) VALUES ($1, $2, $3, $4) ON CONFLICT (size) DO NOTHING',
      [size, rootHash, note, createdAt],
    );
    const stored = await this.checkpointAt(size);
    if (!stored) throw new TruceError('internal', `checkpoint ${size} vanished after insert`);
    return stored;
  }

  async latestCheckpoint(): Promise<StoredCheckpoint | null> {
    const [row] = await this.db.query(`SELECT ${CHECKPOINT_COLUMNS} FROM checkpoints ORDER BY size DESC LIMIT 1`);
    return row ? toCheckpoint(row) : null;
  }

  async checkpointAt(size: number): Promise<StoredCheckpoint | null> {
    const [row] = await this.db.query(`SELECT ${CHECKPOINT_COLUMNS} FROM checkpoints WHERE size = $1`, [size]);
    return row ? toCheckpoint(row) : null;
  }

  async firstCheckpointIncluding(index: number): Promise<StoredCheckpoint | null> {
    const [row] = await this.db.query(`SELECT ${CHECKPOINT_COLUMNS} FROM checkpoints WHERE size > $1 ORDER BY size LIMIT 1`, [index]);
    return row ? toCheckpoint(row) : null;
  }

  async listCheckpoints(limit: number, beforeSize?: number): Promise<StoredCheckpoint[]> {
    const rows = await this.db.query(
      `SELECT ${CHECKPOINT_COLUMNS} FROM checkpoints WHERE ($1::bigint IS NULL OR size < $1::bigint) ORDER BY size DESC LIMIT $2`,
      [beforeSize ?? null, clampLimit(limit)],
    );
    return rows.map(toCheckpoint);
  }

  async addCosignature(c: StoredCosignature): Promise<void> {
    try {
      await this.db.query(
        `INSERT INTO cosignatures (size, key_id, witness, line, received_at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (size, key_id) DO NOTHING`,
        [c.size, c.keyId, c.witness, c.line, c.receivedAt],
      );
    } catch (error) {
      if (sqlState(error) === '23503') throw new TruceError('not_found', `no checkpoint of size ${c.size} to cosign`);
      throw error;
    }
  }

  async cosignatures(size: number): Promise<StoredCosignature[]> {
    const rows = await this.db.query(`SELECT ${COSIGNATURE_COLUMNS} FROM cosignatures WHERE size = $1 ORDER BY key_id`, [size]);
    return rows.map(toCosignature);
  }

  async queryIncidents(query: IncidentQuery): Promise<Page<IncidentRow>> {
    const { rows, limit } = await runIncidentQuery(this.db, query);
    return incidentPage(rows.map(toIncident), limit);
  }

  async listIncidentViews(query: IncidentQuery): Promise<Page<IncidentListing>> {
    const { rows, limit } = await runIncidentQuery(this.db, query, undefined, INCIDENT_LISTING_COLUMNS);
    return incidentPage(rows.map(toIncidentListing), limit);
  }

  async incident(id: string): Promise<IncidentRow | null> {
    const [row] = await this.db.query(`SELECT ${INCIDENT_COLUMNS} FROM incidents WHERE id = $1`, [id]);
    return row ? toIncident(row) : null;
  }

  async replaceIncidents(rows: readonly IncidentRow[]): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.query('DELETE FROM incidents');
      await upsertIncidents(tx, rows);
    });
  }

  async saveCandidates(rows: readonly CandidateRow[]): Promise<void> {
    await this.db.transaction((tx) => upsertCandidates(tx, rows));
  }

  async listCandidates(query: { status?: CandidateRow['status']; limit: number; cursor?: string }): Promise<Page<CandidateRow>> {
    const limit = clampLimit(query.limit);
    const [at, id] = query.cursor === undefined ? [null, null] : decodeCursor(query.cursor, [isTimestamp, isShortText]);
    const rows = await this.db.query(
      `SELECT ${CANDIDATE_COLUMNS}, to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS cursor_at
       FROM candidates WHERE ($1::text IS NULL OR status = $1::text)
       AND ($2::timestamptz IS NULL OR (created_at, id) < ($2::timestamptz, $3::text))
       ORDER BY created_at DESC, id DESC LIMIT $4`,
      [query.status ?? null, at, id, limit + 1],
    );
    const last = rows.length > limit ? rows[limit - 1] : undefined;
    return {
      items: rows.slice(0, limit).map(toCandidate),
      next: last ? encodeCursor([String(last.cursor_at), String(last.id)]) : null,
    };
  }

  async candidate(id: string): Promise<CandidateRow | null> {
    const [row] = await this.db.query(`SELECT ${CANDIDATE_COLUMNS} FROM candidates WHERE id = $1`, [id]);
    return row ? toCandidate(row) : null;
  }

  async getMeta(key: string): Promise<string | null> {
    const [row] = await this.db.query('SELECT value FROM meta WHERE key = $1', [key]);
    return row ? String(row.value) : null;
  }

  async setMeta(key: string, value: string): Promise<void> {
    await insertRows(this.db, { head: 'INSERT INTO meta (key, value) VALUES', casts: ['text', 'text'], tail: 'ON CONFLICT (key) DO UPDATE SET value = excluded.value' }, [[key, value]]);
  }
}

/** A page of `limit` from `limit + 1` rows, the cursor after its last one when there are more. */
function incidentPage<T extends { readonly startDate: string; readonly logIndex: number }>(items: readonly T[], limit: number): Page<T> {
  const last = items.length > limit ? items[limit - 1] : undefined;
  return { items: items.slice(0, limit), next: last ? encodeCursor([last.startDate, last.logIndex]) : null };
}
