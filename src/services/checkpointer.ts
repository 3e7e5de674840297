import { TruceError } from '../domain/errors.js';
import { bytesEqual } from '../log/encoding.js';
import { formatCheckpoint } from '../log/checkpoint.js';
import { signNote } from '../log/signed-note.js';
import { openCheckpoint } from '../log/checkpoint-note.js';
import { noteVerifierFromKey } from '../log/note-ed25519.js';
import type { StoredTree } from './stored-tree.js';
import { verifyEd25519Node } from './node-ed25519.js';
import type { Store, StoredCheckpoint } from '../store/store.js';
import type { LogKey } from './log-key.js';

export interface CheckpointerHooks {
  /** A publication on the timer failed (no one awaits the timer, so the mechanism logs it). */
  readonly onError?: (error: unknown) => void;
  readonly onPublished?: (checkpoint: StoredCheckpoint) => void;
}

/**
 * Publishes signed checkpoints on a timer (design.md: every second while there are new entries, never per entry,
 * so witnesses can agree on one). The store keeps one checkpoint per size forever, so the log never signs two
 * different trees of the same size, across restarts too.
 */
export class Checkpointer {
  private timer: NodeJS.Timeout | null = null;
  private publishing: Promise<StoredCheckpoint | null> | null = null;
  private latest: StoredCheckpoint | null = null;

  constructor(
    private readonly store: Store,
    private readonly tree: StoredTree,
    private readonly key: LogKey,
    private readonly intervalMs = 1000,
    private readonly hooks: CheckpointerHooks = {},
  ) {}

  /** Check the store's latest checkpoint (its signature, then its root against the stored tree), then start the timer. */
  async start(): Promise<void> {
    this.latest = await this.store.latestCheckpoint();
    if (this.latest) {
      const mismatch = new TruceError('conflict', `the stored log does not match its own checkpoint of size ${this.latest.size}: refusing to serve`);
      const opened = openCheckpoint(this.latest.note, { origin: this.key.origin, log: noteVerifierFromKey(this.key.vkey, verifyEd25519Node)! });
      if (!opened.ok || opened.checkpoint.size !== this.latest.size || !bytesEqual(opened.checkpoint.rootHash, this.latest.rootHash)) {
        throw new TruceError('conflict', `the stored checkpoint of size ${this.latest.size} is not one this log signed: refusing to serve`);
      }
      if (this.latest.size > this.tree.size || !bytesEqual(await this.tree.rootAt(this.latest.size), this.latest.rootHash)) throw mismatch;
    }
    await this.publish();
    this.timer = setInterval(() => void this.publish().catch((e: unknown) => this.hooks.onError?.(e)), this.intervalMs);
    this.timer.unref();
  }

  /** Stop the timer and let a publication in flight finish (it writes to the store). */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.publishing?.catch(() => undefined);
  }

  get current(): StoredCheckpoint | null {
    return this.latest;
  }

  /**
   * Sign and store a checkpoint of the tree as it is now, if it grew; one publication at a time. A call made while one
   * is in flight waits for it and then publishes again: the one in flight may have read a smaller tree, and a caller
   * who appended just before asking must get a checkpoint that holds its entry.
   */
  publish(): Promise<StoredCheckpoint | null> {
    const before = this.publishing;
    const next: Promise<StoredCheckpoint | null> = (before ? before.catch(() => null).then(() => this.publishOnce()) : this.publishOnce()).finally(() => {
      if (this.publishing === next) this.publishing = null;
    });
    this.publishing = next;
    return next;
  }

  private async publishOnce(): Promise<StoredCheckpoint | null> {
    const size = this.tree.size;
    if (size === 0 || (this.latest && this.latest.size >= size)) return this.latest;
    const rootHash = await this.tree.rootAt(size);
    const existing = await this.store.checkpointAt(size);
    if (existing && !bytesEqual(existing.rootHash, rootHash)) {
      throw new TruceError('conflict', `a different tree of size ${size} was already signed`);
    }
    const note = existing?.note ?? (await signNote(formatCheckpoint({ origin: this.key.origin, size, rootHash, extensions: [] }), [this.key.signer]));
    const stored = await this.store.saveCheckpoint({ size, rootHash, note, createdAt: new Date().toISOString() });
    if (!bytesEqual(stored.rootHash, rootHash)) throw new TruceError('conflict', `a different tree of size ${size} was already signed`);
    this.latest = stored;
    this.hooks.onPublished?.(stored);
    return stored;
  }
}
