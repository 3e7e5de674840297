// The domain state as a snapshot that does not freeze its shape: Maps and Sets are tagged, everything else must be
// plain JSON, and the snapshot is labelled with a hash of the domain code that made it. Code that changes the state's
// shape (or any rule) changes the hash, so an old snapshot is ignored and the log replayed: a snapshot can make a
// start faster, never different.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MechanismState } from '../domain/state.js';
import type { StateSnapshot } from '../store/store.js';

/** Bump when the encoding below changes. */
const FORMAT = 'truce-state-snapshot/1';
const DOMAIN_DIR = fileURLToPath(new URL('../domain/', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return sourceFiles(path);
      return /\.(ts|js|json)$/.test(name) && !/\.test\.ts$/.test(name) ? [path] : [];
    });
}

let version: string | null = null;

/** The running domain code's hash: the one snapshot version this process reads and writes. */
export function snapshotVersion(): string {
  if (version === null) {
    const hash = createHash('sha256').update(FORMAT);
    for (const path of sourceFiles(DOMAIN_DIR)) hash.update(path.slice(DOMAIN_DIR.length)).update('\0').update(readFileSync(path)).update('\0');
    version = `${FORMAT}:${hash.digest('hex')}`;
  }
  return version;
}

function replacer(this: unknown, _key: string, value: unknown): unknown {
  if (value instanceof Map) return { $map: [...value] };
  if (value instanceof Set) return { $set: [...value] };
  if (value === undefined && !Array.isArray(this)) return value; // an absent optional field: JSON leaves it out
  if (value === undefined || typeof value === 'function' || typeof value === 'bigint' || typeof value === 'symbol') {
    throw new TypeError(`a state snapshot holds only JSON, Maps and Sets (found a ${typeof value})`);
  }
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const proto = Object.getPrototypeOf(value) as unknown;
    if (proto !== Object.prototype && proto !== null) throw new TypeError(`a state snapshot cannot hold a ${value.constructor.name}`);
    if ('$map' in value || '$set' in value) throw new TypeError('a state object uses a key reserved by the snapshot ($map, $set)');
  }
  return value;
}

function reviver(_key: string, value: unknown): unknown {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    if ('$map' in value) return new Map((value as { $map: [unknown, unknown][] }).$map);
    if ('$set' in value) return new Set((value as { $set: unknown[] }).$set);
  }
  return value;
}

/**
 * The state as a snapshot, or null if it holds something this encoding cannot carry (then the log is replayed).
 * @example const s = encodeSnapshot(state); s && decodeSnapshot(s)?.size === state.size // true
 */
export function encodeSnapshot(state: MechanismState, now = new Date()): StateSnapshot | null {
  try {
    return { size: state.size, version: snapshotVersion(), state: JSON.stringify(state, replacer), createdAt: now.toISOString() };
  } catch (error) {
    // TypeError: something not plain JSON; RangeError: longer than a JavaScript string can be (the state is then
    // too large to snapshot in one piece, and the log is replayed).
    if (error instanceof TypeError || error instanceof RangeError) return null;
    throw error;
  }
}

/** The state a snapshot holds, or null if another version of the code wrote it or it does not read back whole. */
export function decodeSnapshot(snapshot: StateSnapshot): MechanismState | null {
  if (snapshot.version !== snapshotVersion()) return null;
  try {
    const state = JSON.parse(snapshot.state, reviver) as MechanismState;
    const whole = state.size === snapshot.size && state.members instanceof Map && state.keys instanceof Map && state.records instanceof Map;
    return whole ? state : null;
  } catch {
    return null;
  }
}
