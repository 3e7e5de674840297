// Sign now, send when the network allows: a statement is signed in this browser (the key never leaves it), kept in
// the outbox, and sent as its exact bytes whenever the browser is online. A refusal is kept with the server's reason;
// a network failure leaves it signed, to be sent again. The log records when it arrived, beside when it was signed.
import { canonicalBytes } from '../../domain/jcs.js';
import { signStatement, statementId, type StatementType, type UnsignedStatement } from '../../domain/statement.js';
import { ApiError, postBytes } from '../api/http.js';
import type { Appended } from '../api/types.js';
import { signWith, type StoredKey } from '../session/keystore.js';
import { nowUtc } from '../session/submit.js';
import { type OutboxItem, listItems, putItem } from './outbox-db.js';

const listeners = new Set<() => void>();
/** Tell the outbox views that an item changed. */
export function onOutboxChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
const changed = () => listeners.forEach((l) => l());

/** Sign a statement and keep it in the outbox (works offline). */
export async function signToOutbox(session: StoredKey, type: StatementType, body: Record<string, unknown>): Promise<OutboxItem> {
  const clean = JSON.parse(JSON.stringify(body)) as Record<string, unknown>;
  const unsigned: UnsignedStatement = { v: 1, type, by: session.member, key: session.key, at: nowUtc(), body: clean };
  const bytes = canonicalBytes(await signStatement(unsigned, (m) => signWith(session, m)));
  const item: OutboxItem = { id: statementId(bytes), origin: session.origin, type, text: new TextDecoder().decode(bytes), signedAt: unsigned.at, state: 'signed' };
  await putItem(item);
  changed();
  return item;
}

/** Send one signed item; answers it in its new state (still "signed" when the network failed). */
export async function sendItem(item: OutboxItem): Promise<OutboxItem> {
  if (item.state !== 'signed') return item;
  let next: OutboxItem;
  try {
    const appended = await postBytes<Appended>('/v1/statements', new TextEncoder().encode(item.text));
    next = { ...item, state: 'sent', index: appended.index, sentAt: new Date().toISOString() };
  } catch (e) {
    if (e instanceof ApiError && e.status === 0) return item; // offline: keep it for later
    // A replay means the log already has these exact bytes (sent before, answer lost): that is a success.
    if (e instanceof ApiError && e.code === 'replay') next = { ...item, state: 'sent', sentAt: new Date().toISOString() };
    else next = { ...item, state: 'refused', reason: e instanceof Error ? e.message : String(e), ...(e instanceof ApiError && e.code ? { code: e.code } : {}) };
  }
  await putItem(next);
  changed();
  return next;
}

let flushing: Promise<void> | null = null;
/** Send everything signed and unsent for this log, oldest first (one at a time: order matters to the workflow). */
export function flushOutbox(origin: string): Promise<void> {
  flushing ??= (async () => {
    try {
      const waiting = (await listItems(origin)).filter((i) => i.state === 'signed').reverse();
      for (const item of waiting) if ((await sendItem(item)).state === 'signed') break;
    } finally {
      flushing = null;
    }
  })();
  return flushing;
}

/** Send the outbox now and whenever the browser comes back online. */
export function startOutbox(origin: string): () => void {
  const flush = () => void flushOutbox(origin).catch(() => undefined);
  flush();
  addEventListener('online', flush);
  return () => removeEventListener('online', flush);
}
