// Small builders of test data for the store's contract suite, crash test and benchmark.
import { createHash } from 'node:crypto';
import type { CandidateRow, IncidentRow, StoredCheckpoint, StoredCosignature, StoredEntry } from '../store.js';

const encoder = new TextEncoder();

/** RFC 9162 leaf hash: SHA-256(0x00 ‖ entry). */
export function leafHash(bytes: Uint8Array): Uint8Array {
  return new Uint8Array(createHash('sha256').update(new Uint8Array([0])).update(bytes).digest());
}

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');

/** A log entry whose bytes look like a statement; `salt` makes otherwise equal entries distinct. */
export function entry(index: number, options: { salt?: string; type?: string; padding?: number } = {}): StoredEntry {
  const type = options.type ?? 'report.file';
  const at = `2025-10-${String(1 + (index % 28)).padStart(2, '0')}T12:00:00.123456789Z`;
  const body = { n: index, salt: options.salt ?? '', pad: 'x'.repeat(options.padding ?? 0) };
  const bytes = encoder.encode(JSON.stringify({ at, body, by: 'monitor-1', type, v: 1 }));
  const leaf = leafHash(bytes);
  // Arrived an hour after it was signed (a late statement); the store keeps milliseconds, as toISOString() writes.
  const arrivedAt = new Date(Date.parse(at) + 3_600_000).toISOString();
  return { index, id: hex(leaf), leafHash: leaf, bytes, type, by: 'monitor-1', at, arrivedAt };
}

/** n consecutive entries from index `from`. */
export function entries(from: number, n: number, options: { salt?: string; padding?: number } = {}): StoredEntry[] {
  return Array.from({ length: n }, (_, i) => entry(from + i, options));
}

export function incident(overrides: Partial<IncidentRow> & { id: string; logIndex: number }): IncidentRow {
  return {
    startDate: '2025-10-12',
    endDate: '2025-10-12',
    lat: 31.0,
    lon: 66.4,
    eventType: 'Battles',
    parties: ['pakistan'],
    status: 'reported',
    text: '',
    view: { id: overrides.id, title: `incident ${overrides.id}` },
    ...overrides,
  };
}

export function candidate(overrides: Partial<CandidateRow> & { id: string }): CandidateRow {
  return {
    batch: 'ingest-1',
    createdAt: '2025-10-13T08:00:00.000Z',
    status: 'open',
    promotedReport: null,
    candidate: { id: overrides.id, kind: 'incident', summary: 'shelling reported', where: [{ name: 'Chaman' }] },
    ...overrides,
  };
}

export function checkpoint(size: number, tag = 'a'): StoredCheckpoint {
  const rootHash = new Uint8Array(createHash('sha256').update(`${size}/${tag}`).digest());
  return {
    size,
    rootHash,
    note: `truce/demo\n${size}\n${Buffer.from(rootHash).toString('base64')}\n\n— truce/demo ${tag}\n`,
    createdAt: '2025-10-13T08:00:00.000Z',
  };
}

export function cosignature(size: number, keyId: string, witness = 'pakistan'): StoredCosignature {
  return { size, keyId, witness, line: `— ${witness} ${keyId}sig`, receivedAt: '2025-10-13T08:00:01.000Z' };
}

/** A small deterministic PRNG (mulberry32), so randomized tests replay exactly. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
