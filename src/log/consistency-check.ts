// Whether a new checkpoint extends a stored one: what a witness checks before cosigning and what `truce verify`
// checks against the checkpoint it kept from last time. Both checkpoints must already be verified (signatures);
// the proof comes from the log and is untrusted.
import type { Checkpoint } from './checkpoint.js';
import { bytesEqual } from './encoding.js';
import { emptyRoot } from './hash.js';
import { verifyConsistency } from './proof-verify.js';

export type ConsistencyFailureReason = 'different-log' | 'rollback' | 'fork' | 'inconsistent';

export type ConsistencyResult =
  | { readonly ok: true }
  | { readonly ok: false; readonly reason: ConsistencyFailureReason; readonly detail: string };

/**
 * Checks that `next` is an append-only extension of `previous`, using a consistency proof from previous.size to
 * next.size. Same size with another root is a fork (the log signed two trees of one size: evidence of
 * misbehaviour); a smaller size is a rollback.
 * @example checkCheckpointConsistency(stored, fresh, proof) // { ok: true } or { ok: false, reason: "fork", ... }
 */
export function checkCheckpointConsistency(
  previous: Checkpoint,
  next: Checkpoint,
  proof: readonly Uint8Array[],
): ConsistencyResult {
  if (previous.origin !== next.origin) {
    return { ok: false, reason: 'different-log', detail: `${previous.origin} is not ${next.origin}` };
  }
  if (next.size < previous.size) {
    return { ok: false, reason: 'rollback', detail: `size went from ${previous.size} back to ${next.size}` };
  }
  if (next.size === previous.size) {
    if (!bytesEqual(previous.rootHash, next.rootHash)) {
      return { ok: false, reason: 'fork', detail: `two different trees of size ${next.size}` };
    }
    return proof.length === 0 ? { ok: true } : { ok: false, reason: 'inconsistent', detail: 'equal trees need an empty proof' };
  }
  if (previous.size === 0) {
    // Every tree extends the empty tree; only its root can be wrong.
    return bytesEqual(previous.rootHash, emptyRoot()) && proof.length === 0
      ? { ok: true }
      : { ok: false, reason: 'inconsistent', detail: 'the stored empty tree has a wrong root or the proof is not empty' };
  }
  return verifyConsistency(previous.size, next.size, proof, previous.rootHash, next.rootHash)
    ? { ok: true }
    : { ok: false, reason: 'inconsistent', detail: `no valid consistency proof from ${previous.size} to ${next.size}` };
}
