// The checkpoint this browser trusts: fetched from /checkpoint and opened with the log's verifier key, so every root
// used below is one the log signed. The note comes from the server and is hostile until its signature verifies.
import { openCheckpoint } from '../../log/checkpoint-note.js';
import { noteVerifierFromKey } from '../../log/note-ed25519.js';
import { getJson } from '../api/http.js';
import type { LogInfo } from '../api/types.js';

export interface TrustedCheckpoint {
  readonly origin: string;
  readonly size: number;
  readonly root: Uint8Array;
  /** The checkpoint's note text (signed lines only). */
  readonly text: string;
  readonly note: string;
  readonly fetchedAt: number;
}

export class VerifyError extends Error {
  override readonly name = 'VerifyError';
}

async function fetchNote(): Promise<string> {
  const res = await fetch('/checkpoint', { cache: 'no-store' });
  if (!res.ok) throw new VerifyError(res.status === 404 ? 'The log has no checkpoint yet.' : `The checkpoint could not be fetched (HTTP ${res.status}).`);
  return res.text();
}

/** Fetch the latest checkpoint and check the log's signature on it. */
export async function fetchTrustedCheckpoint(log: Pick<LogInfo, 'origin' | 'vkey'>): Promise<TrustedCheckpoint> {
  const verifier = noteVerifierFromKey(log.vkey);
  if (!verifier) throw new VerifyError(`The log's verifier key is not a valid Ed25519 note key: ${log.vkey}`);
  const note = await fetchNote();
  const opened = openCheckpoint(note, { origin: log.origin, log: verifier });
  if (!opened.ok) throw new VerifyError(`The checkpoint does not verify (${opened.reason}): ${opened.detail}`);
  const cp = opened.checkpoint;
  return { origin: cp.origin, size: cp.size, root: cp.rootHash, text: opened.text, note, fetchedAt: Date.now() };
}

let cached: Promise<TrustedCheckpoint> | null = null;

/**
 * A verified checkpoint covering at least `minSize` entries. Checkpoints are published about every second, so a
 * statement just appended may need a short wait before a checkpoint includes it.
 */
export async function checkpointCovering(minSize: number): Promise<TrustedCheckpoint> {
  for (let attempt = 0; attempt < 8; attempt++) {
    if (!cached || attempt > 0) {
      cached = getJson<LogInfo>('/v1/log').then((log) => fetchTrustedCheckpoint(log));
      cached.catch(() => (cached = null));
    }
    const cp = await cached;
    if (cp.size >= minSize) return cp;
    await new Promise((r) => setTimeout(r, 500 * (attempt + 1)));
  }
  throw new VerifyError(`No checkpoint covers log entry ${minSize - 1} yet.`);
}
