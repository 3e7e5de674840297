import { TruceError } from '../domain/errors.js';
import { sqlState, type SqlClient } from './sql-client.js';
import type { AppendBatch } from './store.js';
import { int } from './rows.js';
import { insertEntries, insertTreeNodes, replaceSnapshot, updateCandidates, upsertIncidents } from './write-sql.js';

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

/**
 * Append a batch in ONE transaction: the entries (multi-row INSERTs), their incident rows and candidate updates.
 * The database is the last guard: under a table lock that serializes appenders (readers are not blocked), it
 * refuses a batch whose first index is not the log's size ('conflict') or that repeats a stored id ('replay');
 * the entries table's CHECKs refuse an id or leaf hash that is not computed from the entry's bytes. A refusal
 * throws a TruceError and writes nothing.
 * @example await appendBatch(client, { entries: [entry0], incidents: [] }) // the log now has 1 entry
 */
export async function appendBatch(client: SqlClient, batch: AppendBatch): Promise<void> {
  checkShape(batch);
  const updates = batch.candidateUpdates ?? [];
  if (batch.entries.length === 0 && batch.incidents.length === 0 && updates.length === 0 && !batch.treeNodes?.length) return;
  try {
    await client.transaction(async (tx) => {
      const first = batch.entries[0];
      if (first) {
        await tx.exec('LOCK TABLE entries IN EXCLUSIVE MODE');
        const ids = batch.entries.map((e) => e.id);
        const [row] = await tx.query(
          `SELECT (SELECT coalesce(max(idx) + 1, 0) FROM entries) AS size,
                  (SELECT idx FROM entries WHERE id = ANY ($1::text[]) LIMIT 1) AS replayed`,
          [ids],
        );
        const size = int(row?.size);
        if (first.index !== size) {
          throw new TruceError('conflict', `the batch starts at index ${first.index} but the log has ${size} entries`);
        }
        if (row?.replayed != null) throw new TruceError('replay', `a statement of the batch is already in the log at index ${int(row.replayed)}`);
        await insertEntries(tx, batch.entries);
      }
      await upsertIncidents(tx, batch.incidents);
      await updateCandidates(tx, updates);
      await insertTreeNodes(tx, batch.treeNodes ?? []);
      if (batch.snapshot) {
        const size = (first?.index ?? 0) + batch.entries.length;
        if (first && batch.snapshot.size !== size) throw new TruceError('bad_request', `a snapshot of size ${batch.snapshot.size} after a batch ending at ${size}`);
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
