// A signed read: the member signs "read" over the request's path and query (domain/request-message.ts), so the
// server answers what the terms let this member read of staged reports (docs/FIELD.md). The key never leaves the
// browser; a signature opens that one URL for a minute.
import { toBase64, toHex } from '../../domain/encoding.js';
import { signedRequestMessage } from '../../domain/request-message.js';
import { signWith, type StoredKey } from './keystore.js';

const nowUtc = (): string => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');

/** @example await fetch(path, { headers: await signedReadHeaders(session, path) }) */
export async function signedReadHeaders(session: StoredKey, path: string): Promise<Record<string, string>> {
  const at = nowUtc();
  const digest = toHex(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(path))));
  const sig = await signWith(session, signedRequestMessage('read', at, digest));
  return { 'truce-key': session.key, 'truce-at': at, 'truce-signature': toBase64(sig) };
}
