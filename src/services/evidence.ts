import type { Readable } from 'node:stream';
import { fileTypeFromBuffer } from 'file-type';
import { type Result, ok, refuse } from '../domain/errors.js';
import { type Evidence, evidenceDownloadMessage, getEvidence, mayDownload } from '../domain/records/evidence.js';
import { fromBase64 } from '../domain/encoding.js';
import { verifyEd25519Node } from './node-ed25519.js';
import type { Mechanism } from './mechanism.js';

/** Largest evidence item accepted in one upload. */
export const EVIDENCE_MAX_BYTES = 256 * 1024 * 1024;
/** How long a signed evidence.access statement opens the bytes to its signer: long enough to start one download. */
export const ACCESS_WINDOW_MS = 2 * 60_000;
/** How far the download request's own signed time may be from the server clock. */
const REQUEST_SKEW_MS = 60_000;
/** Where a used evidence.access is remembered (store meta), so a link opens one download, across restarts too. */
const USED = (accessId: string) => `evidence-download-used:${accessId}`;
const SNIFF_BYTES = 4100;

/**
 * POST /v1/evidence: stream the bytes into the blob store (hashed while streaming), then sniff the media type from
 * the first bytes. The upload is attacker-controlled: nothing trusts the declared type, which is reported beside the
 * sniffed one so the registering member can see a mismatch before signing evidence.register.
 */
export async function putEvidence(m: Mechanism, body: Readable, declaredType: string | undefined) {
  const { sha256, size } = await m.blobs.put(body, EVIDENCE_MAX_BYTES);
  m.events.emit('evidence', size);
  const head = await readHead(m, sha256);
  const sniffed = head.length > 0 ? await fileTypeFromBuffer(head) : undefined;
  const declared = declaredType?.split(';')[0]?.trim().toLowerCase() || null;
  return { sha256, size, mediaType: sniffed?.mime ?? (looksLikeText(head) ? 'text/plain' : (declared ?? 'application/octet-stream')), declaredType: declared, registered: getEvidence(m.state, sha256) !== undefined };
}

async function readHead(m: Mechanism, sha256: string): Promise<Uint8Array> {
  const stream = await m.blobs.get(sha256);
  if (!stream) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let length = 0;
  for await (const chunk of stream) {
    chunks.push(chunk);
    length += chunk.length;
    if (length >= SNIFF_BYTES) break;
  }
  return Buffer.concat(chunks).subarray(0, SNIFF_BYTES);
}

function looksLikeText(head: Uint8Array): boolean {
  if (head.length === 0) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head.subarray(0, head.length - 4));
    return !head.includes(0);
  } catch {
    return false;
  }
}

/** Proof that the requester holds the key of an evidence.access statement (see evidenceDownloadMessage). */
export interface DownloadProof {
  readonly access: string;
  readonly at: string;
  readonly sig: string;
}

/**
 * GET /v1/evidence/:sha256. Public items go to anyone. A restricted item goes only to a member who signed an
 * evidence.access statement for it in the last 2 minutes AND signs this request with the same key, still unrevoked,
 * with its clearance still in force: the access id is public in the log, so it cannot be the credential by itself.
 * Each access statement opens ONE download (remembered in the store, so a copied link is dead once used). The
 * download's custody record is in the log before the first byte leaves.
 */
export async function downloadEvidence(m: Mechanism, sha256: string, proof: Partial<DownloadProof>): Promise<Result<{ stream: AsyncIterable<Uint8Array>; mediaType: string; size: number }>> {
  const record = getEvidence(m.state, sha256);
  if (!record) return refuse('not_found', `no evidence ${sha256} is registered`);
  if (record.confidentiality !== 'public') {
    const allowed = await checkDownloadProof(m, record, proof);
    if (!allowed.ok) return allowed;
  }
  const stream = await m.blobs.get(sha256);
  const size = await m.blobs.size(sha256);
  if (!stream || size === null) return refuse('not_found', `evidence ${sha256} is registered but its bytes were never uploaded`);
  return ok({ stream, mediaType: record.meta.media_type, size });
}

async function checkDownloadProof(m: Mechanism, record: Evidence, proof: Partial<DownloadProof>): Promise<Result<true>> {
  const how = 'sign an evidence.access statement for it, then pass ?access=<its id>&at=<now>&sig=<Ed25519 signature of evidenceDownloadMessage by the same key>';
  if (!proof.access) return refuse('forbidden', `evidence classed "${record.confidentiality}": ${how}`);
  const entry = record.custody.find((c) => c.kind === 'accessed' && c.ref.id === proof.access);
  if (!entry || entry.member === null) return refuse('forbidden', `statement ${proof.access} is not an accepted evidence.access for this item`);
  const now = Date.now();
  // Its signer chose its "at" (within the log's 5-minute clock check): a statement dated ahead opens nothing longer.
  if (Math.abs(now - Date.parse(entry.ref.at)) > ACCESS_WINDOW_MS) return refuse('forbidden', 'that evidence.access statement is older than 2 minutes (or dated ahead); sign a new one');
  if (!proof.at || !proof.sig) return refuse('forbidden', `the access id alone opens nothing: ${how}`);
  if (!(Math.abs(Date.parse(proof.at) - now) <= REQUEST_SKEW_MS)) return refuse('forbidden', '"at" must be the current time (within 1 minute)');
  const [stored] = await m.store.entries(entry.ref.index, entry.ref.index + 1);
  const signer = stored ? (JSON.parse(new TextDecoder().decode(stored.bytes)) as { key: string }).key : '';
  const sig = fromBase64(proof.sig);
  if (!sig || !verifyEd25519Node(fromBase64(signer) ?? new Uint8Array(), evidenceDownloadMessage(record.sha256, proof.access, proof.at), sig)) {
    return refuse('forbidden', 'the download is not signed by the key that signed the evidence.access statement');
  }
  // The link dies with the key, and with the member's clearance (e.g. its role or the item changed since).
  const key = m.state.keys.get(signer);
  if (!key || key.revoked) return refuse('revoked_key', `the key that signed evidence.access ${proof.access} has been revoked: it opens nothing now`);
  if (!mayDownload(m.state, record.sha256, entry.member)) return refuse('forbidden', `${entry.member} may no longer download evidence classed ${record.confidentiality}`);
  return consume(m, proof.access);
}

const consuming = new Set<string>();

/** Mark an access as used, once: concurrent requests race on the in-memory set, later ones (and restarts) on the store. */
async function consume(m: Mechanism, accessId: string): Promise<Result<true>> {
  const used = () => refuse('forbidden', `evidence.access ${accessId} has already opened its one download; sign a new one`);
  if (consuming.has(accessId)) return used();
  consuming.add(accessId);
  try {
    if ((await m.store.getMeta(USED(accessId))) !== null) return used();
    await m.store.setMeta(USED(accessId), new Date().toISOString());
    return ok(true);
  } finally {
    consuming.delete(accessId);
  }
}

/** GET /v1/evidence/:sha256/record: metadata and custody chain; public even when the bytes are withheld. */
export function evidenceRecord(m: Mechanism, sha256: string) {
  const e = getEvidence(m.state, sha256);
  if (!e) return null;
  return { sha256: e.sha256, registered: e.ref, registeredBy: e.registeredBy, confidentiality: e.confidentiality, meta: e.meta, reports: e.reports, custody: e.custody };
}
