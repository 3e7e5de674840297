// Replaying stored entries onto a state at startup: after the state snapshot when there is one of this code,
// otherwise from the first entry.
import { TruceError } from '../domain/errors.js';
import { checkEntry } from '../domain/entry-check.js';
import type { Touched } from '../domain/handler.js';
import { createState, type MechanismState } from '../domain/state.js';
import type { Store } from '../store/store.js';
import { decodeSnapshotParts, snapshotVersion, storedParts } from './state-snapshot.js';
import type { StateFolder } from './state-folder.js';
import type { StoredTree } from './stored-tree.js';

const REPLAY_CHUNK = 5000;
/** Entries applied between two turns of the event loop, so reads are answered while a state loads in the background. */
const YIELD_ENTRIES = 250;
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** What a state folder needs around each chunk replayed: start tracking, then store the chunk (state-folder.ts). */
export interface ChunkHooks {
  begin(): void;
  done(end: number): Promise<void>;
}

/** Replay entries [from, size) of a store onto a state, in chunks; the touched records, for the projection rows. */
export async function replayStored(store: Store, state: MechanismState, from: number, size: number, options: { onProgress?: ((message: string) => void) | undefined; hooks?: ChunkHooks } = {}): Promise<Touched[]> {
  const { onProgress, hooks } = options;
  const touched: Touched[] = [];
  for (let start = from; start < size; start += REPLAY_CHUNK) {
    const end = Math.min(size, start + REPLAY_CHUNK);
    hooks?.begin();
    for (const [i, entry] of (await store.entries(start, end)).entries()) {
      if (i > 0 && i % YIELD_ENTRIES === 0) await nextTurn();
      const replayed = checkEntry(state, entry.bytes, entry.index);
      if (!replayed.ok) throw new TruceError('internal', `the stored log does not replay: ${replayed.detail}`);
      touched.push(...replayed.value.touched);
    }
    await hooks?.done(end);
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
  return { state, from, touched: await replayStored(store, state, from, size, { onProgress: options.onProgress }) };
}

/**
 * The state after the store's first `size` entries, kept in a state folder: the folder's own state if this code wrote
 * it, for a size the log has, at the root the stored tree has there (O(log n) reads), then only the entries after it;
 * otherwise (none, other code, damaged, ahead of the log, another log) the folder is cleared and filled from the
 * state snapshot and the entries after it, or from the whole log, each chunk committed as it is replayed. `deep`
 * ignores both and replays everything.
 * @example const { state, kept } = await loadFolderState(store, tree, folder, tree.size, { deep: false })
 */
export async function loadFolderState(
  store: Store,
  tree: StoredTree,
  folder: StateFolder,
  size: number,
  options: { deep: boolean; onProgress?: (message: string) => void },
): Promise<{ state: MechanismState; from: number; touched: Touched[]; kept: number | null; snapshot: number | null }> {
  const rootAt = async (at: number) => Buffer.from(await tree.rootAt(at)).toString('hex');
  const meta = options.deep ? null : folder.meta();
  let kept: number | null = null;
  let snapshot: number | null = null;
  if (meta && meta.version === snapshotVersion() && meta.size <= size && meta.root === (await rootAt(meta.size))) kept = meta.size;
  else await folder.clear();
  let state = folder.state();
  if (kept === null && !options.deep) {
    const stored = await store.snapshotHeader();
    if (stored && stored.size <= size) {
      options.onProgress?.(`writing the state folder from the snapshot at ${stored.size}`);
      const into = { state, afterPart: () => folder.commit(state, null) };
      if (await decodeSnapshotParts(stored, storedParts(store, stored.size), into)) {
        folder.commit(state, await tree.rootAt(stored.size));
        snapshot = stored.size;
      } else {
        await folder.clear();
        state = folder.state();
      }
    }
  }
  const from = state.size;
  const hooks: ChunkHooks = { begin: () => folder.begin(), done: async (end) => folder.commit(state, await tree.rootAt(end)) };
  return { state, from, touched: await replayStored(store, state, from, size, { onProgress: options.onProgress, hooks }), kept, snapshot };
}
