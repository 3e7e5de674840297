// The field team's local store, in IndexedDB through `idb`: the draft being written, and every statement signed in
// this browser until the log has it. Nothing here leaves the device until it is sent; a reload or a night without
// network loses nothing.
import { type DBSchema, type IDBPDatabase, openDB } from 'idb';

/** One signed statement on its way to the log, with where it stands. */
export interface OutboxItem {
  readonly id: string; // the statement's id (hex leaf hash): the same bytes sent twice are one item
  readonly origin: string; // the log it is for
  readonly type: string;
  readonly text: string; // the exact canonical bytes, as UTF-8 text
  readonly signedAt: string;
  readonly state: 'signed' | 'sent' | 'refused';
  /** For sent: the log index; for refused: the server's reason. */
  readonly index?: number;
  readonly reason?: string;
  /** For refused: the server's error code, so the reason can be worded in the reader's language. */
  readonly code?: string;
  readonly sentAt?: string;
}

interface FieldDb extends DBSchema {
  drafts: { key: string; value: { readonly key: string; readonly value: unknown; readonly savedAt: string } };
  outbox: { key: string; value: OutboxItem; indexes: { origin: string } };
}

let db: Promise<IDBPDatabase<FieldDb>> | null = null;

function open(): Promise<IDBPDatabase<FieldDb>> {
  db ??= openDB<FieldDb>('truce-field', 1, {
    upgrade(d) {
      d.createObjectStore('drafts', { keyPath: 'key' });
      d.createObjectStore('outbox', { keyPath: 'id' }).createIndex('origin', 'origin');
    },
  });
  return db;
}

export async function saveDraft(key: string, value: unknown): Promise<void> {
  await (await open()).put('drafts', { key, value, savedAt: new Date().toISOString() });
}

export async function loadDraft<T>(key: string): Promise<T | undefined> {
  return (await (await open()).get('drafts', key))?.value as T | undefined;
}

export async function dropDraft(key: string): Promise<void> {
  await (await open()).delete('drafts', key);
}

export async function putItem(item: OutboxItem): Promise<void> {
  await (await open()).put('outbox', item);
}

/** Every item for a log, newest first. */
export async function listItems(origin: string): Promise<OutboxItem[]> {
  const items = await (await open()).getAllFromIndex('outbox', 'origin', origin);
  return items.sort((a, b) => (a.signedAt < b.signedAt ? 1 : -1));
}
