import { signedRequestMessage, sha256Hex } from '../../../src/server/signed-request.js';
import { toBase64 } from '../../../src/domain/encoding.js';
import { nowUtc } from './members.js';

/** A member's key as the tests hold it (a test member, or a demo member's key file). */
export interface RequestKey {
  readonly publicKey: Uint8Array;
  sign(message: Uint8Array): Uint8Array;
}

/** The headers of a signed request (docs/api.md, "Signed requests") for these exact body bytes. */
export async function signedHeaders(by: RequestKey, body: string | Uint8Array, purpose = 'ingest', at = nowUtc()): Promise<Record<string, string>> {
  const bytes = typeof body === 'string' ? new TextEncoder().encode(body) : body;
  const sig = by.sign(signedRequestMessage(purpose, at, sha256Hex(bytes)));
  return { 'truce-key': toBase64(by.publicKey), 'truce-at': at, 'truce-signature': toBase64(sig) };
}

/** POST /v1/ingest signed by `by`; `body` is sent as given (a string) or as its JSON. */
export async function ingestAs(url: string, by: RequestKey, body: unknown): Promise<Response> {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return fetch(`${url}/v1/ingest`, { method: 'POST', headers: { 'content-type': 'application/json', ...(await signedHeaders(by, text)) }, body: text });
}
