import { TruceError } from '../domain/errors.js';
import { sqlState, type SqlClient } from './sql-client.js';
import type { AppendBatch, AssumedLog } from './store.js';
import { int } from './rows.js';
import { fitsOneStatement, insertEntries, insertEntriesAndNodes, insertTreeNodes, joinColumn, replaceSnapshot, updateCandidates, upsertIncidents } from './write-sql.js';

/** Checks that need no database: the batch's entries are consecutive and its ids distinct. */
function checkShape(batch: AppendBatch): void {
  const first = batch.entries[0]?.index ?? 0;
  batch.entries.forEach((entry, i) => {
    if (entry.index !== first + i) {
      throw new TruceError('bad_request', `a batch's entries are consecutive: entry ${i} has index ${entry.index}, expected ${first + i}`);
    }
  });
  const ids = new Set(batch.entries.map((e) => e.id));
  if (ids.size !== batch.entries.length) throw new TruceError('replay', 'the batch holds the same statement twice');
}

const isEmpty = (batch: AppendBatch): boolean =>
  batch.entries.length === 0 && batch.incidents.length === 0 && !batch.candidateUpdates?.length && !batch.treeNodes?.length;

/**
 * The log's size and which of `ids` (joined by commas, as write-sql.ts sends columns) it holds, in one query. Never a
 * named prepared statement: PostgreSQL would plan it once for all (a generic plan), and planned while the log was
 * small that plan scanned every entry and split the id list again for each (0.6-2.9 s a batch of 1,000 on a log of
 * 4,000 entries, growing with the log); planned with its value, the list is one constant array looked up in the id
 * index. Planning costs well under a millisecond.
 */
const SIZE_AND_STORED = `SELECT (SELECT coalesce(max(idx) + 1, 0) FROM entries) AS size,
  (SELECT coalesce(array_agg(id), '{}') FROM entries WHERE id = ANY (string_to_array($1::text, ','))) AS stored`;

/**
 * Append a batch: the entries (one prepared INSERT of joined columns), their tree nodes, incident rows and candidate
 * updates, all or nothing. The database is the last guard: it refuses a batch whose first index is not the log's
 * size ('conflict'), checked again by the INSERT itself, or that repeats a stored id ('replay'; 'conflict' when
 * another writer stored it meanwhile); the entries table's CHECKs refuse an id or leaf hash that is not computed
 * from the entry's bytes. A refusal throws a TruceError and writes nothing.
 * @example await appendBatch(client, { entries: [entry0], incidents: [] }) // the log now has 1 entry
 */
export async function appendBatch(client: SqlClient, batch: AppendBatch): Promise<void> {
  checkShape(batch);
  if (isEmpty(batch)) return;
  await appendFresh(client, batch.entries.map((e) => e.id), async () => batch);
}

/**
 * The sequencer's append (Store.appendFresh): which of `ids` are stored, and the log's size, are read first; `build`
 * makes the batch knowing them; it is written in as few round trips as the database allows: the usual batch
 * (entries and tree nodes) as ONE statement that commits alone (2 round trips in all, where a transaction around
 * the read took 6, each a few ms on a busy machine with PostgreSQL); with projection rows or a snapshot, in one
 * transaction. The read takes no lock: the INSERT checks the size again in its own snapshot and the unique
 * constraints refuse the rest, so a writer that comes between makes this append fail ('conflict'), never write
 * twice or leave a gap. With `assumed`, the read is skipped (build sees no stored id): one round trip less, and a
 * stored id or another size makes the write fail ('replay' or 'conflict'), writing nothing.
 * @example await appendFresh(client, ids, async (stored) => ({ entries: fresh.filter((e) => !stored.has(e.id)), incidents: [] }))
 */
export async function appendFresh(client: SqlClient, ids: readonly string[], build: (stored: ReadonlySet<string>) => Promise<AppendBatch | null>, assumed?: AssumedLog): Promise<void> {
  try {
    let size = assumed?.size ?? -1;
    let stored: ReadonlySet<string> = new Set();
    if (ids.length > 0 && !assumed) {
      const [row] = await client.query(SIZE_AND_STORED, [joinColumn(ids, 'id')]);
      size = int(row?.size);
      stored = new Set((row?.stored as string[] | undefined) ?? []);
    }
    const batch = await build(stored);
    if (batch === null || isEmpty(batch)) return;
    checkShape(batch);
    const first = batch.entries[0];
    if (first) {
      if (size < 0) throw new Error('appendFresh: the ids of the entries to append are given first');
      if (first.index !== size) throw new TruceError('conflict', `the batch starts at index ${first.index} but the log has ${size} entries`);
      const replayed = batch.entries.find((e) => stored.has(e.id));
      if (replayed) throw new TruceError('replay', `statement ${replayed.id} of the batch is already in the log`);
      const checked = new Set(ids);
      const unchecked = batch.entries.find((e) => !checked.has(e.id));
      if (unchecked) throw new Error(`appendFresh: entry ${unchecked.id} was not among the ids checked`);
    }
    const nodes = batch.treeNodes ?? [];
    if (!batch.incidents.length && !batch.candidateUpdates?.length && !batch.snapshot && fitsOneStatement(batch.entries.length, nodes.length)) {
      await insertEntriesAndNodes(client, batch.entries, nodes);
      return;
    }
    await client.transaction(async (tx) => {
      await insertEntries(tx, batch.entries);
      await upsertIncidents(tx, batch.incidents);
      await updateCandidates(tx, batch.candidateUpdates ?? []);
      await insertTreeNodes(tx, nodes);
      if (batch.snapshot) {
        const after = (first?.index ?? 0) + batch.entries.length;
        if (first && batch.snapshot.size !== after) throw new TruceError('bad_request', `a snapshot of size ${batch.snapshot.size} after a batch ending at ${after}`);
        await replaceSnapshot(tx, batch.snapshot);
      }
    });
  } catch (error) {
    throw translate(error);
  }
}

/** Database refusals as TruceErrors; anything else unchanged. */
function translate(error: unknown): unknown {
  if (error instanceof TruceError) return error;
  switch (sqlState(error)) {
    case '23505':
      return new TruceError('conflict', 'another writer appended at the same index or the same statement first');
    case '23514':
      return new TruceError('bad_request', `an entry failed a database check (id and leaf hash come from its bytes): ${(error as Error).message}`);
    default:
      // Class 22, data exception: a value of the batch that PostgreSQL refuses (a NUL in text or jsonb, an
      // impossible date). The edge should have refused it; the sequencer then refuses that statement alone.
      if (sqlState(error)?.startsWith('22')) return new TruceError('bad_request', `the database refused a value: ${(error as Error).message}`);
      return error;
  }
}
