/**
 * The one storage interface. Two adapters implement it on the same SQL migrations: PGlite (embedded, a folder) and
 * PostgreSQL (`pg`). The log tables are the record; every other table is a projection rebuilt from the log.
 */

/**
 * What the writer believes of the log, to append without reading it first (Store.appendFresh): its size, and that
 * none of the batch's ids is stored. The database still checks both (the guarded INSERT and the unique id), so a
 * wrong belief makes the append fail, writing nothing.
 */
export interface AssumedLog {
  readonly size: number;
}

/** One log entry as stored: the statement's canonical bytes and what the query side needs without parsing them. */
export interface StoredEntry {
  readonly index: number;
  readonly id: string; // hex leaf hash
  readonly leafHash: Uint8Array;
  readonly bytes: Uint8Array;
  readonly type: string;
  readonly by: string;
  readonly at: string;
  /** When the entry reached the log (the sequencer's clock at commit); null for entries older than this column. */
  readonly arrivedAt?: string | null;
}

export interface StoredCheckpoint {
  readonly size: number;
  readonly rootHash: Uint8Array;
  /** The whole signed note, as served at /checkpoint. */
  readonly note: string;
  readonly createdAt: string;
}

export interface StoredCosignature {
  readonly size: number;
  readonly witness: string; // the cosigner's key name
  readonly keyId: string; // hex
  readonly line: string; // the note signature line, "— name base64"
  readonly receivedAt: string;
}

/** A row of the incidents projection: the API's JSON view plus the columns queries filter on. */
export interface IncidentRow {
  readonly id: string; // the report's id (id of its report.file statement)
  readonly startDate: string; // YYYY-MM-DD, when the alleged incident began
  readonly endDate: string; // YYYY-MM-DD
  readonly lat: number | null;
  readonly lon: number | null;
  readonly eventType: string;
  readonly parties: readonly string[]; // sides alleged responsible
  readonly status: string; // e.g. reported | replied | under_investigation | violation | no_violation | inconclusive ...
  readonly text: string; // what full-text search covers (narrative, places, actors, replies)
  readonly view: unknown; // the JSON the API returns for it
  readonly logIndex: number; // index of the report.file statement
}

/** An incident as a page of the API lists it: its view as the JSON text the store holds. */
export interface IncidentListing {
  readonly id: string;
  readonly startDate: string;
  readonly logIndex: number;
  readonly viewJson: string; // IncidentRow['view'] as JSON text
}

export interface IncidentQuery {
  readonly from?: string; // YYYY-MM-DD: incidents that end on or after
  readonly to?: string; // YYYY-MM-DD: incidents that start on or before
  readonly bbox?: readonly [west: number, south: number, east: number, north: number];
  readonly type?: string;
  readonly party?: string;
  readonly status?: string;
  readonly q?: string;
  readonly limit: number;
  /** Opaque cursor from a previous page. */
  readonly cursor?: string;
}

export interface Page<T> {
  readonly items: readonly T[];
  readonly next: string | null;
}

export interface CandidateRow {
  readonly id: string;
  readonly batch: string; // the ingest run it came from
  readonly createdAt: string;
  readonly status: 'open' | 'promoted' | 'dismissed';
  readonly promotedReport: string | null;
  readonly candidate: unknown; // the event JSON of design.md's ingest shape, plus its articles
}

/** The hash of a complete subtree of 256^k leaves (level 8k, k >= 1): a row of a C2SP hash tile above level 0. */
export interface TreeNode {
  readonly level: number;
  readonly index: number;
  readonly hash: Uint8Array;
}

/** The domain state after the first `size` entries, serialized by the code named by `version`. */
export interface StateSnapshot {
  readonly size: number;
  readonly version: string;
  /** The header: what the parts hold and the state's other fields (services/state-snapshot.ts). */
  readonly state: string;
  /** The state's collections, a slice each, in order. */
  readonly parts: readonly Uint8Array[];
  readonly createdAt: string;
}

/** Everything written for one batch of appended statements: one transaction, all or nothing. */
export interface AppendBatch {
  readonly entries: readonly StoredEntry[];
  readonly incidents: readonly IncidentRow[];
  readonly candidateUpdates?: readonly { readonly id: string; readonly status: CandidateRow['status']; readonly promotedReport: string | null }[];
  /** The tree nodes the batch's entries completed. */
  readonly treeNodes?: readonly TreeNode[];
  /** The state after this batch (its size is the log size after it); replaces the stored one. */
  readonly snapshot?: StateSnapshot;
}

export interface Store {
  readonly kind: 'pglite' | 'postgres';
  /** Apply pending SQL migrations (idempotent). */
  migrate(): Promise<void>;
  close(): Promise<void>;

  // The log
  logSize(): Promise<number>;
  /** Entries with index in [start, end), in order. */
  entries(start: number, end: number): Promise<StoredEntry[]>;
  /** Leaf hashes with index in [start, end), in order (32 bytes each, concatenated). */
  leafHashes(start: number, end: number): Promise<Uint8Array>;
  entryIndexById(id: string): Promise<number | null>;
  /** When each of these entries arrived (absent for unknown indexes; null where the arrival was not recorded). */
  arrivals(indexes: readonly number[]): Promise<Map<number, string | null>>;
  /** Which of these statement ids are already in the log. */
  storedIds(ids: readonly string[]): Promise<Set<string>>;
  /** The stored tree nodes of one level (8, 16, ...) with index in [start, end), in order, concatenated. */
  treeNodes(level: number, start: number, end: number): Promise<Uint8Array>;
  /** Store tree nodes (startup fills in the ones a store written before they existed lacks); existing rows are kept. */
  saveTreeNodes(nodes: readonly TreeNode[]): Promise<void>;
  /** The stored state snapshot, if any, all its parts in memory (snapshotHeader and snapshotParts read it a page at a time). */
  latestSnapshot(): Promise<StateSnapshot | null>;
  /** The stored state snapshot without its parts, if any. */
  snapshotHeader(): Promise<Omit<StateSnapshot, 'parts'> | null>;
  /** Parts [first, first + count) of the stored snapshot of log size `size`, in order; they stop before a missing one. */
  snapshotParts(size: number, first: number, count: number): Promise<Uint8Array[]>;
  /** Replace the stored snapshot (e.g. at shutdown); refused ('conflict') if its size is not the log's size. */
  saveSnapshot(snapshot: StateSnapshot): Promise<void>;
  /**
   * Append entries and their projection rows in ONE transaction. Refuses (throws, nothing written) if the first
   * entry's index is not the current log size, or an id already exists: the database, not memory, is the last guard.
   */
  appendBatch(batch: AppendBatch): Promise<void>;
  /**
   * The sequencer's append: find which of `ids` are already in the log, then write, all or nothing, the batch `build`
   * makes knowing them (null: write nothing), checked as appendBatch checks it. A writer that comes between the read
   * and the write makes it fail ('conflict'): the INSERT checks the size again and the unique constraints hold.
   * With `assumed` (the writer's belief: the log's size, and none of `ids` stored) nothing is read first; a wrong
   * belief makes the write fail, writing nothing.
   */
  appendFresh(ids: readonly string[], build: (stored: ReadonlySet<string>) => Promise<AppendBatch | null>, assumed?: AssumedLog): Promise<void>;

  // Checkpoints: at most one per size, ever (the log never signs two trees of the same size).
  /** Insert if no checkpoint of that size exists; returns the one stored for that size either way. */
  saveCheckpoint(checkpoint: StoredCheckpoint): Promise<StoredCheckpoint>;
  latestCheckpoint(): Promise<StoredCheckpoint | null>;
  checkpointAt(size: number): Promise<StoredCheckpoint | null>;
  /** The first checkpoint that includes the entry at this index (the smallest size above it), if one was signed. */
  firstCheckpointIncluding(index: number): Promise<StoredCheckpoint | null>;
  listCheckpoints(limit: number, beforeSize?: number): Promise<StoredCheckpoint[]>;
  addCosignature(cosignature: StoredCosignature): Promise<void>; // idempotent per (size, keyId)
  cosignatures(size: number): Promise<StoredCosignature[]>;

  // Projections
  queryIncidents(query: IncidentQuery): Promise<Page<IncidentRow>>;
  /** The same page as queryIncidents, each incident as its view's JSON text (what GET /v1/incidents sends). */
  listIncidentViews(query: IncidentQuery): Promise<Page<IncidentListing>>;
  incident(id: string): Promise<IncidentRow | null>;
  /** Drop and rebuild every projection row (replay): used when the log is replayed at startup. */
  replaceIncidents(rows: readonly IncidentRow[]): Promise<void>;

  // News candidates (not part of the log until promoted)
  saveCandidates(rows: readonly CandidateRow[]): Promise<void>;
  listCandidates(query: { status?: CandidateRow['status']; limit: number; cursor?: string }): Promise<Page<CandidateRow>>;
  candidate(id: string): Promise<CandidateRow | null>;

  // Small settings (mechanism id, schema version, ...)
  getMeta(key: string): Promise<string | null>;
  setMeta(key: string, value: string): Promise<void>;
}

/** Evidence bytes, content-addressed by SHA-256; a folder by default, an object store later. */
export interface BlobStore {
  /** Stream bytes in, hashing as they come; refuse past maxBytes. Returns the hex SHA-256 and size. */
  put(stream: AsyncIterable<Uint8Array>, maxBytes: number): Promise<{ sha256: string; size: number }>;
  has(sha256: string): Promise<boolean>;
  get(sha256: string): Promise<AsyncIterable<Uint8Array> | null>;
  size(sha256: string): Promise<number | null>;
}
