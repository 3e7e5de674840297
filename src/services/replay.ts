// Replaying stored entries onto a state at startup: after the state snapshot when there is one of this code,
// otherwise from the first entry.
import { TruceError } from '../domain/errors.js';
import { checkEntry } from '../domain/entry-check.js';
import type { Touched } from '../domain/handler.js';
import { createState, type MechanismState } from '../domain/state.js';
import type { Store } from '../store/store.js';
import { decodeSnapshotParts, storedParts } from './state-snapshot.js';

const REPLAY_CHUNK = 5000;
/** Entries applied between two turns of the event loop, so reads are answered while a state loads in the background. */
const YIELD_ENTRIES = 250;
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Replay entries [from, size) of a store onto a state, in chunks; the touched records, for the projection rows. */
export async function replayStored(store: Store, state: MechanismState, from: number, size: number, onProgress?: (message: string) => void): Promise<Touched[]> {
  const touched: Touched[] = [];
  for (let start = from; start < size; start += REPLAY_CHUNK) {
    const end = Math.min(size, start + REPLAY_CHUNK);
    for (const [i, entry] of (await store.entries(start, end)).entries()) {
      if (i > 0 && i % YIELD_ENTRIES === 0) await nextTurn();
      const replayed = checkEntry(state, entry.bytes, entry.index);
      if (!replayed.ok) throw new TruceError('internal', `the stored log does not replay: ${replayed.detail}`);
      touched.push(...replayed.value.touched);
    }
    onProgress?.(`replayed ${end} of ${size} entries`);
  }
  return touched;
}

/**
 * The state after the store's first `size` entries: its snapshot if one was written by this code, then the entries
 * after it; otherwise the whole log. Returns where the replay started and the records it touched.
 * @example const { state, from } = await loadState(store, await store.logSize(), { snapshot: true })
 */
export async function loadState(store: Store, size: number, options: { snapshot: boolean; onProgress?: (message: string) => void }): Promise<{ state: MechanismState; from: number; touched: Touched[] }> {
  const stored = options.snapshot ? await store.snapshotHeader() : null;
  const restored = stored && stored.size <= size ? await decodeSnapshotParts(stored, storedParts(store, stored.size)) : null;
  const state = restored ?? createState();
  const from = state.size;
  return { state, from, touched: await replayStored(store, state, from, size, options.onProgress) };
}
