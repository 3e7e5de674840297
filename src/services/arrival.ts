import { fromBase64 } from '../domain/encoding.js';
import { cosignatureTimestamp } from '../log/cosignature.js';
import type { Store } from '../store/store.js';

/**
 * When a statement reached the log, and what proves it. "arrived" is the sequencer's clock at commit (the server's
 * word); the first checkpoint holding the entry, and the times its witnesses signed into their cosignatures, bound
 * it from above with signatures the server cannot make: the entry cannot have arrived after it was witnessed.
 */
export interface Arrival {
  readonly arrived: string | null;
  readonly checkpoint: { readonly size: number; readonly published: string; readonly witnessedAt: string | null } | null;
}

/** Arrivals of log entries by index, for a view's statements (a handful at a time). */
export async function arrivals(store: Store, indexes: readonly number[]): Promise<Map<number, Arrival>> {
  const arrived = await store.arrivals(indexes);
  const out = new Map<number, Arrival>();
  for (const index of indexes) {
    const checkpoint = await store.firstCheckpointIncluding(index);
    const witnessedAt = checkpoint ? earliestCosignature(await store.cosignatures(checkpoint.size)) : null;
    out.set(index, {
      arrived: arrived.get(index) ?? null,
      checkpoint: checkpoint ? { size: checkpoint.size, published: checkpoint.createdAt, witnessedAt } : null,
    });
  }
  return out;
}

/** The earliest time a witness signed into its cosignature line ("— name base64(keyid ‖ time ‖ sig)"). */
function earliestCosignature(lines: readonly { line: string }[]): string | null {
  const times = lines
    .map((c) => fromBase64(c.line.split(' ').at(-1) ?? ''))
    .map((raw) => (raw && raw.length > 4 ? cosignatureTimestamp(raw.subarray(4)) : null))
    .filter((t): t is number => t !== null);
  return times.length ? new Date(Math.min(...times) * 1000).toISOString() : null;
}
