// Small HTTP clients of a running server for the end-to-end tests: JSON reads, the auditor's and the witness's
// sources, refusals checked as problem+json that append nothing, and inclusion proofs checked on this side.
import assert from 'node:assert/strict';
import { get as httpGet, type IncomingHttpHeaders } from 'node:http';
import { fromBase64 } from '../../../src/log/encoding.js';
import { verifyInclusion } from '../../../src/log/proof-verify.js';
import type { AuditSource } from '../../../src/services/audit.js';
import type { WitnessSource } from '../../../src/services/witness.js';
import { post } from './members.js';

// Response bodies are read as loose JSON: each test asserts the fields it relies on.
export type Json = Record<string, any>;

export async function getJson(url: string, path: string): Promise<{ status: number; type: string | null; body: Json }> {
  const r = await fetch(url + path);
  return { status: r.status, type: r.headers.get('content-type'), body: (await r.json()) as Json };
}

/** A GET whose body is left as sent, with the Accept-Encoding given (fetch would ask for any and decode it). */
export function rawGet(url: string, acceptEncoding: string): Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    httpGet(url, { headers: { 'accept-encoding': acceptEncoding } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject);
  });
}

export async function logSize(url: string): Promise<number> {
  const { body } = await getJson(url, '/v1/log');
  return body.size as number;
}

/** Append a statement that must be accepted; returns its { index, id }. */
export async function mustAppend(url: string, bytes: Uint8Array): Promise<{ index: number; id: string }> {
  const r = await post(url, bytes);
  assert.equal(r.status, 201, `expected 201, got ${r.status}: ${JSON.stringify(r.body)}`);
  return r.body as { index: number; id: string };
}

/**
 * Submit a statement that must be refused: a 4xx problem+json with the expected status and `code`, a detail matching
 * `detail`, and the log size unchanged. Returns the problem body.
 */
export async function mustRefuse(url: string, bytes: Uint8Array, status: number, code: string, detail?: RegExp): Promise<Json> {
  const before = await logSize(url);
  const r = await post(url, bytes);
  assert.equal(r.status, status, `expected ${status} ${code}, got ${r.status}: ${JSON.stringify(r.body)}`);
  assertProblem(r.type, r.body, status, code, detail);
  assert.equal(await logSize(url), before, `the refused statement (${code}) appended nothing`);
  return r.body;
}

/** A problem+json body (RFC 9457) with Truce's `code` naming the rule broken. */
export function assertProblem(type: string | null, body: Json, status: number, code: string, detail?: RegExp): void {
  assert.match(type ?? '', /^application\/problem\+json/, `problem+json content type for ${code}`);
  assert.equal(body.status, status);
  assert.equal(body.code, code, `code: ${JSON.stringify(body)}`);
  assert.ok(typeof body.title === 'string' && body.title.length > 0, 'a title');
  assert.ok(typeof body.detail === 'string' && body.detail.length > 10, 'a detail naming the rule');
  if (detail) assert.match(body.detail as string, detail);
}

/** The auditor (`truce verify`) reaching the server over HTTP; `tamper` may change tile bytes on the way. */
export function httpAudit(url: string, tamper?: (path: string, bytes: Uint8Array) => Uint8Array): AuditSource {
  const get = async (p: string) => (await fetch(`${url}${p}`)).json();
  return {
    info: () => get('/v1/log') as never,
    checkpoint: async () => (await fetch(`${url}/checkpoint`)).text(),
    tile: async (path) => {
      const bytes = new Uint8Array(await (await fetch(`${url}/${path}`)).arrayBuffer());
      return tamper ? tamper(path, bytes) : bytes;
    },
    consistency: async (from, to) => ((await get(`/v1/proof/consistency?from=${from}&to=${to}`)) as { proof: string[] }).proof,
    checkpoints: async () => ((await get('/v1/checkpoints?limit=200')) as { items: { note: string }[] }).items.map((c) => c.note),
    agreement: (asOf) => get(`/v1/agreement?asOf=${asOf}`),
    compliance: () => get('/v1/compliance'),
    incidents: async () => {
      const items: unknown[] = [];
      let cursor: string | null = null;
      do {
        const page = (await get(`/v1/incidents?limit=500${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`)) as { items: unknown[]; next: string | null };
        items.push(...page.items);
        cursor = page.next;
      } while (cursor);
      return items;
    },
    notPublic: async () => ((await get('/v1/incidents?limit=1')) as { notPublic: unknown }).notPublic,
  };
}

/** A witness reaching the server over HTTP. */
/** The checkpoint a witness's operator confirms at the table before a first run (here: the one served now). */
export async function confirmedCheckpoint(url: string): Promise<{ trust: string }> {
  return { trust: await (await fetch(`${url}/checkpoint`)).text() };
}

export function httpWitness(url: string): WitnessSource {
  return {
    info: async () => (await (await fetch(`${url}/v1/log`)).json()) as { origin: string; vkey: string },
    checkpoint: async () => (await fetch(`${url}/checkpoint`)).text(),
    consistency: async (from, to) => ((await (await fetch(`${url}/v1/proof/consistency?from=${from}&to=${to}`)).json()) as { proof: string[] }).proof,
    submit: async (size, cosignature) => {
      const r = await fetch(`${url}/v1/cosignatures`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ size, cosignature }) });
      if (r.status !== 201) throw new Error(await r.text());
      return r.json();
    },
  };
}

/**
 * Check every inclusion proof of GET /v1/incidents/:id against the checkpoint it names: each entry's id is its leaf
 * hash, and the proof leads from it to the checkpoint's root. Returns the log indexes proven.
 */
export function checkIncidentProofs(proofs: { checkpoint: { size: number; root: string } | null; entries: Record<string, Json> }): number[] {
  assert.ok(proofs.checkpoint, 'the incident names the checkpoint its proofs are against');
  const { size, root } = proofs.checkpoint;
  const rootHash = fromBase64(root);
  assert.ok(rootHash && rootHash.length === 32, 'the checkpoint root is a base64 SHA-256');
  const proven: number[] = [];
  for (const [key, entry] of Object.entries(proofs.entries)) {
    const index = Number(key);
    assert.ok(Array.isArray(entry.proof), `entry ${index} has a proof, not "pending" (it is older than the checkpoint of size ${size})`);
    const leaf = Buffer.from(entry.id as string, 'hex');
    const path = (entry.proof as string[]).map((p) => fromBase64(p) ?? new Uint8Array());
    assert.ok(verifyInclusion(new Uint8Array(leaf), index, size, path, rootHash), `inclusion proof of entry ${index} (${entry.id})`);
    // The same proof must not prove the entry at another position, nor another entry at this one.
    assert.equal(verifyInclusion(new Uint8Array(leaf), index === 0 ? 1 : index - 1, size, path, rootHash), false, `entry ${index}'s proof is bound to its index`);
    proven.push(index);
  }
  return proven.sort((a, b) => a - b);
}
