// The state folder's file: its keys, its label (the meta a start checks) and how LMDB opens it (state-folder.ts reads
// and writes through these).
//
// Layout (lmdb-js ordered keys, binary values, each value behind a CRC-32 of its key and bytes: folder-seal.ts):
//   ['r', collection, id]  -> 8-byte position (float64) + V8 serialization of the record
//   ['o', collection, pos] -> id (utf-8): the insertion order, as a Map iterates
//   ['n', collection]      -> JSON {count, next}: the collection's size and next position
//   ['m']                  -> JSON StateMeta, written with every commit that completes a state
//   ['g']                  -> the number of the last commit written (each commit checks it follows the one before)
import { mkdirSync } from 'node:fs';
import { open, type RootDatabase } from 'lmdb';
import type { MechanismState } from '../domain/state.js';
import type { Counters } from './folder-map.js';
import { PAGE_SIZE } from './folder-health.js';
import { unseal } from './folder-seal.js';
import { snapshotVersion } from './state-snapshot.js';

/** The folder's layout: a label of another layout (or none) means a folder to rebuild, as another domain code does. */
export const FORMAT = 2;

export interface StateMeta {
  /** The folder's layout (FORMAT). */
  readonly format: number;
  /** The log size the stored state reflects. */
  readonly size: number;
  /** The domain code's hash (state-snapshot.ts snapshotVersion): other code means another state. */
  readonly version: string;
  /** The tree root at `size`, hex: a log that differs up to there means another state. */
  readonly root: string;
  /** The state's fields that are not Maps (mechanism, size...), as JSON. */
  readonly fields: Record<string, unknown>;
  /** Every collection ever written, with its counters as this commit left them: checked against the file at open. */
  readonly counts: Record<string, Counters>;
}

export const countersKey = (collection: string) => ['n', collection];
export const META_KEY = ['m'];
export const GEN_KEY = ['g'];

/** Whether a label is the plain JSON object earlier versions wrote (before values were sealed). */
export function unsealedLabel(raw: Buffer | undefined): boolean {
  try {
    const old = raw ? (JSON.parse(raw.toString('utf8')) as unknown) : null;
    return typeof old === 'object' && old !== null && !('format' in old);
  } catch {
    return false;
  }
}

/** The number of the last commit in the file (0: none yet). */
export function storedGen(db: RootDatabase<Buffer, (string | number)[]>): number {
  const raw = db.get(GEN_KEY);
  return raw ? Number(unseal(GEN_KEY, raw).toString('utf8')) : 0;
}

export function openDb(path: string): RootDatabase<Buffer, (string | number)[]> {
  mkdirSync(path, { recursive: true });
  return open<Buffer, (string | number)[]>({ path, encoding: 'binary', pageSize: PAGE_SIZE });
}

/** The state's non-Map fields, its size, the code and the root: what a start checks before using the stored state. */
export function metaOf(state: MechanismState, root: Uint8Array, counts: Record<string, Counters>): StateMeta {
  const fields = Object.fromEntries(Object.entries(state).filter(([, v]) => !(v instanceof Map)));
  return { format: FORMAT, size: state.size, version: snapshotVersion(), root: Buffer.from(root).toString('hex'), fields, counts };
}
