import { TruceError } from '../domain/errors.js';
import type { StoredCheckpoint, StoredCosignature } from '../store/store.js';
import type { Mechanism } from './mechanism.js';
import { isWitnessed, witnessQuorum, witnesses } from './cosign.js';

/** GET /v1/log: design.md's {origin, vkey, size}, plus what a reader needs to label and check what it sees. */
export function logInfo(m: Mechanism) {
  const published = m.published;
  return {
    origin: m.origin,
    vkey: m.vkey,
    size: m.size,
    mechanism: m.state.mechanism,
    checkpointSize: published?.size ?? 0,
    witnessQuorum: witnessQuorum(m.state),
    demo: m.demoLabel !== null,
    label: m.demoLabel,
    /** Integrity alerts since the server started (logged at fatal too): the log page shows them. */
    alerts: m.alerts.list(),
  };
}

/** A checkpoint's note with every cosignature line collected for it appended (a C2SP note may carry many). */
export function noteWithCosignatures(checkpoint: StoredCheckpoint, cosignatures: readonly StoredCosignature[]): string {
  return checkpoint.note + cosignatures.map((c) => c.line.replace(/\n?$/, '\n')).join('');
}

/** GET /checkpoint: the latest checkpoint and its cosignatures. */
export async function latestCheckpointNote(m: Mechanism): Promise<string | null> {
  const latest = m.published;
  if (!latest) return null;
  return noteWithCosignatures(latest, await m.store.cosignatures(latest.size));
}

/** GET /v1/checkpoints: recent checkpoints, newest first, each with its cosignatures and whether it is witnessed. */
export async function listCheckpoints(m: Mechanism, limit: number, before?: number) {
  const quorum = witnessQuorum(m.state);
  const named = new Set(witnesses(m.state).map((w) => w.id));
  const checkpoints = await m.store.listCheckpoints(limit, before);
  const items = await Promise.all(
    checkpoints.map(async (c) => {
      const cosignatures = await m.store.cosignatures(c.size);
      return {
        size: c.size,
        root: Buffer.from(c.rootHash).toString('base64'),
        createdAt: c.createdAt,
        note: noteWithCosignatures(c, cosignatures),
        cosignatures: cosignatures.map((s) => ({ witness: s.witness, keyId: s.keyId, line: s.line, receivedAt: s.receivedAt })),
        witnessed: isWitnessed(m.state, new Set(cosignatures.map((s) => s.witness).filter((w) => named.has(w))).size),
      };
    }),
  );
  return { items, witnessQuorum: quorum };
}

export function requirePublished(m: Mechanism): StoredCheckpoint {
  const published = m.published;
  if (!published) throw new TruceError('not_found', 'no checkpoint yet: the log is empty');
  return published;
}
