// Signed checkpoints: a checkpoint text in a signed note, signed by the log and cosigned by witnesses.
// openCheckpoint is the one entry point for checkpoints from outside (server, mirror, receipt file): it verifies
// the note, requires the log's own signature, parses the body strictly, checks the origin and counts witnesses.
import { type Checkpoint, formatCheckpoint, parseCheckpoint } from './checkpoint.js';
import { type NoteFailureReason, type NoteSigner, type NoteVerifier, openNote, signNote } from './signed-note.js';

/** Whom to trust for one log: its origin, its key, and optionally witnesses and how many must cosign. */
export interface CheckpointPolicy {
  readonly origin: string;
  readonly log: NoteVerifier;
  readonly witnesses?: readonly NoteVerifier[];
  /** Number of distinct witnesses whose cosignatures must verify (default 0). */
  readonly quorum?: number;
}

export type CheckpointFailureReason = NoteFailureReason | 'not-signed-by-log' | 'malformed-checkpoint' | 'wrong-origin' | 'no-quorum';

export type OpenedCheckpoint =
  | {
      readonly ok: true;
      readonly checkpoint: Checkpoint;
      /** The checkpoint's note text, byte for byte what was signed. */
      readonly text: string;
      readonly witnessedBy: readonly NoteVerifier[];
    }
  | { readonly ok: false; readonly reason: CheckpointFailureReason; readonly detail: string };

/**
 * Verifies a signed checkpoint against a policy.
 * @example const r = openCheckpoint(await (await fetch(url + "/checkpoint")).text(), { origin, log }); if (r.ok) r.checkpoint.size
 */
export function openCheckpoint(note: string | Uint8Array, policy: CheckpointPolicy): OpenedCheckpoint {
  const witnesses = policy.witnesses ?? [];
  const opened = openNote(note, [policy.log, ...witnesses]);
  if (!opened.ok) {
    // A note signed only by unknown keys is, for a checkpoint, one the log did not sign.
    const reason = opened.reason === 'unverified' ? 'not-signed-by-log' : opened.reason;
    return { ok: false, reason, detail: opened.detail };
  }
  if (!opened.verifiedBy.includes(policy.log)) {
    return { ok: false, reason: 'not-signed-by-log', detail: `no signature by ${policy.log.name}` };
  }
  const checkpoint = parseCheckpoint(opened.text);
  if (checkpoint === null) return { ok: false, reason: 'malformed-checkpoint', detail: 'checkpoint body is not canonical' };
  if (checkpoint.origin !== policy.origin) {
    return { ok: false, reason: 'wrong-origin', detail: `origin ${JSON.stringify(checkpoint.origin)} is not ${JSON.stringify(policy.origin)}` };
  }
  const witnessedBy = opened.verifiedBy.filter((v) => v !== policy.log && witnesses.includes(v));
  const quorum = policy.quorum ?? 0;
  if (witnessedBy.length < quorum) {
    return { ok: false, reason: 'no-quorum', detail: `${witnessedBy.length} of ${quorum} required cosignatures` };
  }
  return { ok: true, checkpoint, text: opened.text, witnessedBy };
}

/**
 * Formats and signs a checkpoint (the log signs first; cosignatures are added by witnesses later).
 * @example await signCheckpoint({ origin, size: tree.size, rootHash: tree.root(), extensions: [] }, [logSigner])
 */
export function signCheckpoint(checkpoint: Checkpoint, signers: readonly NoteSigner[]): Promise<string> {
  return signNote(formatCheckpoint(checkpoint), signers);
}
