// Row <-> record mapping, the one place that absorbs the two drivers' differences (see sql-client.ts).
import type { CandidateRow, IncidentListing, IncidentRow, StoredCheckpoint, StoredCosignature, StoredEntry } from './store.js';
import type { Row } from './sql-client.js';

/**
 * A timestamptz as JavaScript's toISOString() writes it, in SQL, so no driver parses dates in local time.
 * @example `SELECT ${iso('created_at')} AS created_at FROM checkpoints` // '2025-10-13T08:00:00.000Z'
 */
export const iso = (column: string): string => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
const day = (column: string): string => `to_char(${column}, 'YYYY-MM-DD')`;

/**
 * A bytea read as base64 text: PGlite hands bytea results over ~10x slower than the same bytes as text (25 MB in
 * 4.4 s against 0.44 s, BENCHMARKS.md), which made every replay and startup check on PGlite pay for it; pg reads
 * both alike. Read back with fromBase64Column.
 * @example `SELECT ${base64('bytes')} AS bytes FROM entries`
 */
export const base64 = (expression: string): string => `encode(${expression}, 'base64')`;

export const ENTRY_COLUMNS = `idx, id, ${base64('leaf_hash')} AS leaf_hash, ${base64('bytes')} AS bytes, type, "by", at_text, ${iso('arrived_at')} AS arrived_at`;
export const CHECKPOINT_COLUMNS = `size, ${base64('root')} AS root, note, ${iso('created_at')} AS created_at`;
export const COSIGNATURE_COLUMNS = `size, key_id, witness, line, ${iso('received_at')} AS received_at`;
export const INCIDENT_COLUMNS = `id, ${day('start_date')} AS start_date, ${day('end_date')} AS end_date, lat, lon,
  event_type, parties, status, text, view, log_index`;
/**
 * What a page of GET /v1/incidents needs: the view as JSON text (spliced into the answer as the database writes it,
 * never parsed and written again; services/queries.ts) and what the cursor and the reader's access are made of.
 */
export const INCIDENT_LISTING_COLUMNS = `id, ${day('start_date')} AS start_date, log_index, view::text AS view_json`;
export const CANDIDATE_COLUMNS = `id, batch, ${iso('created_at')} AS created_at, status, promoted_report, candidate`;

/**
 * bigint arrives as a string from pg and as a number from PGlite; indexes stay below 2^53.
 * @example int('4001') // 4001
 */
export function int(value: unknown): number {
  const n = typeof value === 'bigint' ? Number(value) : Number(value as string | number);
  if (!Number.isSafeInteger(n)) throw new Error(`expected a safe integer from the database, got ${String(value)}`);
  return n;
}

/**
 * bytea arrives as a Buffer from pg: copy into a plain Uint8Array so both adapters return the same thing.
 * @example bytes(Buffer.from([1, 2])) // Uint8Array [1, 2]
 */
export function bytes(value: unknown): Uint8Array {
  if (!(value instanceof Uint8Array)) throw new Error('expected bytea from the database');
  return Object.getPrototypeOf(value) === Uint8Array.prototype ? value : new Uint8Array(value);
}

/**
 * A column selected with base64() as bytes (PostgreSQL breaks base64 into lines; Node's decoder skips the breaks).
 * @example fromBase64Column('AQI=') // Uint8Array [1, 2]
 */
export function fromBase64Column(value: unknown): Uint8Array {
  if (typeof value !== 'string') throw new Error('expected base64 text from the database');
  return new Uint8Array(Buffer.from(value, 'base64'));
}

const str = (value: unknown): string => String(value);
const nullableNumber = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value));

export const toEntry = (r: Row): StoredEntry => ({
  index: int(r.idx),
  id: str(r.id),
  leafHash: fromBase64Column(r.leaf_hash),
  bytes: fromBase64Column(r.bytes),
  type: str(r.type),
  by: str(r.by),
  at: str(r.at_text),
  arrivedAt: r.arrived_at === null || r.arrived_at === undefined ? null : str(r.arrived_at),
});

export const toCheckpoint = (r: Row): StoredCheckpoint => ({
  size: int(r.size),
  rootHash: fromBase64Column(r.root),
  note: str(r.note),
  createdAt: str(r.created_at),
});

export const toCosignature = (r: Row): StoredCosignature => ({
  size: int(r.size),
  witness: str(r.witness),
  keyId: str(r.key_id),
  line: str(r.line),
  receivedAt: str(r.received_at),
});

export const toIncident = (r: Row): IncidentRow => ({
  id: str(r.id),
  startDate: str(r.start_date),
  endDate: str(r.end_date),
  lat: nullableNumber(r.lat),
  lon: nullableNumber(r.lon),
  eventType: str(r.event_type),
  parties: (r.parties as unknown[]).map(str),
  status: str(r.status),
  text: str(r.text),
  view: r.view,
  logIndex: int(r.log_index),
});

export const toIncidentListing = (r: Row): IncidentListing => ({
  id: str(r.id),
  startDate: str(r.start_date),
  logIndex: int(r.log_index),
  viewJson: str(r.view_json),
});

export const toCandidate = (r: Row): CandidateRow => ({
  id: str(r.id),
  batch: str(r.batch),
  createdAt: str(r.created_at),
  status: str(r.status) as CandidateRow['status'],
  promotedReport: r.promoted_report === null ? null : str(r.promoted_report),
  candidate: r.candidate,
});

/** A record's fields in the order of the INSERT column lists in write-sql.ts. */
export const incidentValues = (i: IncidentRow): unknown[] => [
  i.id, i.startDate, i.endDate, i.lat, i.lon, i.eventType, [...i.parties], i.status, i.text,
  JSON.stringify(i.view ?? null), i.logIndex,
];

export const candidateValues = (c: CandidateRow): unknown[] => [
  c.id, c.batch, c.createdAt, c.status, c.promotedReport, JSON.stringify(c.candidate ?? null),
];

