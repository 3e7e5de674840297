import type { MechanismState } from '../domain/state.js';
import type { Store } from '../store/store.js';
import { loadState } from './replay.js';

/**
 * Put `state` back to exactly what the store's log makes, in place (routes hold a reference to it). The stored state
 * snapshot and the entries after it are read into a fresh state first and swapped in at once, so a reader never sees
 * a half-built state. Used by the sequencer after the database refused a batch that the state had already applied.
 * @example await restoreState(store, mechanism.state) // the state no longer holds what was never stored
 */
export async function restoreState(store: Store, state: MechanismState): Promise<void> {
  const { state: fresh } = await loadState(store, await store.logSize(), { snapshot: true });
  copyInto(state, fresh);
}

/** Replace every field of `target` by the one of `source`; Maps are refilled, not replaced, as they are readonly. */
function copyInto(target: MechanismState, source: MechanismState): void {
  const t = target as unknown as Record<string, unknown>;
  for (const [key, value] of Object.entries(source)) {
    const current = t[key];
    if (current instanceof Map && value instanceof Map) {
      current.clear();
      for (const [k, v] of value) current.set(k, v);
    } else {
      t[key] = value;
    }
  }
}
