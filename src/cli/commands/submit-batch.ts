// Statements sent many to a request: POST /v1/statements/batch (docs/api.md), one result per statement in order,
// each checked by the server exactly as if sent alone. `truce import` and `truce outbox send` send this way: one
// request and one commit on the server for hundreds of statements, instead of a request and a commit each.
import { TruceError, type ErrorCode } from '../../domain/errors.js';
import { EXIT_CODE } from '../exit-codes.js';
import { request } from '../http.js';

/** Statements a request: half the API's 1000, so one request stays a short commit on a busy server. */
export const BATCH_STATEMENTS = 500;
/** Bytes a request, under the API's 4 MiB (a statement alone is at most 64 KiB). */
const BATCH_BYTES = 4 * 1024 * 1024 - 128 * 1024;
const NEWLINE = Uint8Array.of(0x0a);

/** The server's answer for one statement of a batch. */
export type Sent = { readonly ok: true; readonly index: number; readonly id: string } | { readonly ok: false; readonly error: TruceError };

/**
 * Cut items into consecutive requests under the limits, order kept.
 * @example batchesOf([{ bytes: a }, { bytes: b }], (i) => i.bytes) // [[{ bytes: a }, { bytes: b }]]
 */
export function batchesOf<T>(items: readonly T[], bytesOf: (item: T) => Uint8Array): T[][] {
  const out: T[][] = [];
  let current: T[] = [];
  let size = 0;
  for (const item of items) {
    const length = bytesOf(item).length + 1;
    if (current.length > 0 && (current.length >= BATCH_STATEMENTS || size + length > BATCH_BYTES)) {
      out.push(current);
      current = [];
      size = 0;
    }
    current.push(item);
    size += length;
  }
  if (current.length > 0) out.push(current);
  return out;
}

const codeOf = (code: unknown): ErrorCode => (typeof code === 'string' && code in EXIT_CODE ? (code as ErrorCode) : 'bad_request');

/**
 * POST statements (their canonical bytes, which never hold a newline) as one NDJSON batch. Resolves with one result
 * per statement in order; throws a TruceError when the request as a whole fails (no network, 429, 5xx, a body refused
 * whole), in which case nothing of it was appended.
 * @example const [first] = await sendBatch('http://127.0.0.1:8081', [bytes]); if (first.ok) console.log(first.index);
 */
export async function sendBatch(server: string, statements: readonly Uint8Array[]): Promise<Sent[]> {
  const parts: Uint8Array[] = [];
  for (const s of statements) parts.push(s, NEWLINE);
  const response = await request(`${server}/v1/statements/batch`, { method: 'POST', headers: { 'content-type': 'application/x-ndjson' }, body: Buffer.concat(parts) });
  const answer = (await response.json()) as { results?: ({ index: number; id: string } | { problem: { code?: string; detail?: string } })[] };
  if (!Array.isArray(answer.results) || answer.results.length !== statements.length) {
    throw new TruceError('internal', `the server answered ${answer.results?.length ?? 'no'} results for a batch of ${statements.length} statements`);
  }
  return answer.results.map((r): Sent => ('problem' in r
    ? { ok: false, error: new TruceError(codeOf(r.problem.code), r.problem.detail ?? 'refused') }
    : { ok: true, index: r.index, id: r.id }));
}
