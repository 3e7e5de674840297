import { join } from 'node:path';
import { availableParallelism } from 'node:os';
import { mkdir } from 'node:fs/promises';
import type { Logger } from 'pino';
import { TruceError } from '../domain/errors.js';
import { createState, type MechanismState } from '../domain/state.js';
import { parseStatement } from '../domain/statement.js';
import type { BlobStore, StateSnapshot, Store, StoredCheckpoint } from '../store/store.js';
import { openStore } from '../store/open-store.js';
import { FolderBlobStore } from '../store/folder-blob-store.js';
import { lockFolder } from '../store/folder-lock.js';
import { Checkpointer } from './checkpointer.js';
import { loadOrCreateLogKey, originFor, type LogKey } from './log-key.js';
import { createVerifier, type VerifierPool } from './verify-pool.js';
import { restoreState } from './restore-state.js';
import { loadFolderState, loadState } from './replay.js';
import { type Appended, Sequencer, type StatePersistence } from './sequencer.js';
import { StateFolder } from './state-folder.js';
import { StateFolderDamaged } from './folder-seal.js';
import type { Touched } from '../domain/handler.js';
import { candidateUpdates, incidentRows } from './projection-rows.js';
import { MissingTreeHashes, StoredTree } from './stored-tree.js';
import { CHECKED_META, checkStoredLog } from './startup-check.js';
import { encodeSnapshot } from './state-snapshot.js';
import { DEMO_LABEL_META } from './demo-loader.js';
import { Alerts, type MechanismEvents, silentLogger } from './operations.js';
import { EventEmitter } from 'node:events';

export interface MechanismOptions {
  readonly dataDir: string;
  /** postgres://… for a PostgreSQL server; the embedded PGlite store in dataDir/pglite otherwise. */
  readonly db?: string;
  readonly checkpointIntervalMs?: number;
  readonly now?: () => number;
  /**
   * Verify signatures in worker threads or on the event loop. Default: threads only with 4+ cores: on 2 cores the
   * thread competes with the event loop and the measured gain was below 1 (BENCHMARKS.md).
   */
  readonly verifyInWorkers?: boolean;
  /**
   * The same for the signatures of a batch request: all of them to the threads in shared memory, the event loop
   * verifying units of them when idle (verify-pool.ts, shared-batch.ts). Default: batchesVerifiedInWorkers().
   */
  readonly verifyBatchesInWorkers?: boolean;
  /** Progress of long work (checks and replay at startup), one line at a time. */
  readonly onProgress?: (message: string) => void;
  /** Structured logs (pino); silent when omitted. */
  readonly logger?: Logger;
  /**
   * Check every stored entry and tree node again and replay the whole log, ignoring the state snapshot (an audit).
   * Otherwise a start checks only what was appended since the last start, and reads the state snapshot.
   */
  readonly deepCheck?: boolean;
  /** Store a state snapshot with the batch once this many entries were appended since the last one. */
  readonly snapshotEvery?: number;
  /**
   * Load the domain state in the background (`truce serve`): open() returns once the log is checked and its root
   * matches the signed checkpoint, so checkpoints, tiles and proofs are served at once; appends wait for the state,
   * and the server holds what reads it (server/plugins/state-gate.ts). Otherwise open() returns with the state loaded.
   */
  readonly stateInBackground?: boolean;
  /**
   * Keep the domain state on disk in `<dataDir>/state` (state-folder.ts; the default): a start reads it and replays
   * only the entries after it, and only a bounded cache of records is in memory. false: the state is held whole in
   * memory and loaded from the state snapshot and the entries after it (kept for the snapshot's own tests).
   */
  readonly stateFolder?: boolean;
}

const SNAPSHOT_EVERY = 20_000;

/**
 * Whether a batch request's signatures go to the verifier threads by default: from 2 cores, on either store. With
 * the thread's inbox holding several batches (verify-pool.ts), batches of 500 on 2 cores gained +23 % on PGlite
 * (5,242 -> 6,451 statements/s) and +17 % on PostgreSQL over the event loop alone (BENCHMARKS.md); before it, PGlite,
 * whose database then ran on the event loop, gained nothing, as the thread waited for the event loop.
 * @example batchesVerifiedInWorkers(2) // true
 */
export function batchesVerifiedInWorkers(cores = availableParallelism()): boolean {
  return cores >= 2;
}
/** ...and at least this fraction of the log since the last snapshot (see snapshotDue). */
const SNAPSHOT_SPACING = 0.1;

/**
 * What the last start did: entries whose hashes it checked, the snapshot it read, entries it replayed. The state's
 * fields (snapshot, replayed, phases.state, stateReadyMs) are final once the state is loaded (Mechanism.stateReady).
 */
export interface StartupReport {
  readonly size: number;
  readonly checked: number;
  readonly snapshot: number | null;
  /** The log size the state folder held and the start used (null: none, or rebuilt). */
  readonly stateFolder: number | null;
  readonly replayed: number;
  /** Milliseconds until open() returned: the log served (with the state too, unless it loads in the background). */
  readonly ms: number;
  /** Milliseconds from the start until the state was loaded (appends and views served); null while it loads. */
  readonly stateReadyMs: number | null;
  /** Milliseconds per phase: opening the database, checking, the tree, checkpoint and log key, the state. */
  readonly phases: { readonly store: number; readonly check: number; readonly tree: number; readonly state: number; readonly log: number };
}

/**
 * One mechanism: its store, its log (tree + checkpoints), its state (projections), and the single sequencer that
 * appends. Routes and commands call the use cases in services/ with it.
 */
export class Mechanism {
  private checkpointer: Checkpointer | null = null;
  private logKey: LogKey | null = null;
  /** Set when the store holds the demo case: everything that shows it says it is an illustration. */
  demoLabel: string | null = null;
  readonly logger: Logger;
  /** Appends, refusals, checkpoints, cosignatures...: what metrics count. */
  readonly events: MechanismEvents = new EventEmitter();
  readonly alerts: Alerts;
  private lastPublishError: string | null = null;
  /** When the oldest entry not yet under a signed checkpoint was committed (null when all are signed). */
  unsignedSince: number | null = null;
  /** The mechanism's name from the genesis entry, read at start so the log key is found before the state loads. */
  private genesisName: string | null = null;
  /** Whether the state holds the whole stored log (false while it loads in the background, or if that failed). */
  stateLoaded = false;
  /** Why loading the state failed (the server then answers 503 where it is needed; a restart tries again). */
  stateFailure: Error | null = null;
  /** Settles when the state is loaded; rejects if it could not be (see stateFailure). */
  stateReady: Promise<void> = Promise.resolve();

  readonly store: Store;
  readonly blobs: BlobStore;
  readonly state: MechanismState;
  readonly tree: StoredTree;
  readonly sequencer: Sequencer;
  private readonly verifier: VerifierPool;

  private constructor(
    readonly options: MechanismOptions,
    parts: { store: Store; blobs: BlobStore; state: MechanismState; tree: StoredTree; sequencer: Sequencer; verifier: VerifierPool },
  ) {
    ({ store: this.store, blobs: this.blobs, state: this.state, tree: this.tree, sequencer: this.sequencer, verifier: this.verifier } = parts);
    this.logger = options.logger ?? silentLogger();
    this.alerts = new Alerts(this.logger);
  }

  /**
   * Open the store; check what was appended since the last start (leaf hashes, tree nodes); read the tree's right
   * edge; check the root against the latest signed checkpoint and start publishing; then open the state folder and
   * replay the entries after it (in the background with stateInBackground). The log's part depends on what changed
   * since the last start, not on the log's size (a deep check reads everything); so does the state's, with the state
   * folder (without it, the snapshot's read is linear in the state).
   */
  static async open(options: MechanismOptions): Promise<Mechanism> {
    const started = performance.now();
    await mkdir(options.dataDir, { recursive: true });
    // One server per state folder: its pending writes and caches assume no other writer (two servers on one data
    // folder against one PostgreSQL database would otherwise both write it). PGlite's folder has its own lock.
    const releaseState = options.stateFolder === false ? null : await lockFolder(join(options.dataDir, 'state'));
    const onPoolError = (error: Error) => options.logger?.error({ err: error }, 'a PostgreSQL connection failed; the pool opens another');
    const store = await openStore({ dataDir: options.dataDir, ...(options.db ? { db: options.db } : {}), onPoolError }).catch((error: unknown) => {
      releaseState?.();
      throw error;
    });
    const marks = [started, performance.now()]; // start, store open, checked, tree, log (then the state)
    const blobs = new FolderBlobStore(join(options.dataDir, 'evidence'));
    const verifier = createVerifier({ singles: options.verifyInWorkers ?? availableParallelism() >= 4, batches: options.verifyBatchesInWorkers ?? batchesVerifiedInWorkers() });
    let opened: Mechanism | null = null;
    try {
      const size = await store.logSize();
      let checked = options.deepCheck ? 0 : Number((await store.getMeta(CHECKED_META)) ?? 0);
      await checkStoredLog(store, checked, size, options.onProgress);
      marks.push(performance.now());
      const tree = await StoredTree.open(store, size).catch(async (error: unknown) => {
        if (!(error instanceof MissingTreeHashes)) throw error;
        // Tree nodes lost (or never written for what was checked): rebuild them all from the entries, checking each.
        options.onProgress?.(`${error.message}: rebuilding the tree nodes from the entries`);
        checked = 0;
        await checkStoredLog(store, 0, size, options.onProgress);
        return StoredTree.open(store, size);
      });
      marks.push(performance.now());
      const mechanism = Mechanism.assemble(options, { store, blobs, state: createState(), tree, verifier });
      mechanism.releaseState = releaseState;
      opened = mechanism;
      mechanism.genesisName = size > 0 ? await genesisName(store) : null;
      mechanism.demoLabel = await store.getMeta(DEMO_LABEL_META);
      await mechanism.startLog();
      await store.setMeta(CHECKED_META, String(size));
      marks.push(performance.now());
      const [storeMs, checkMs, treeMs, logMs] = marks.slice(1).map((mark, i) => mark - marks[i]!) as [number, number, number, number];
      mechanism.startup = {
        size, checked: size - Math.min(checked, size), snapshot: null, stateFolder: null, replayed: 0, ms: marks.at(-1)! - started, stateReadyMs: null,
        phases: { store: storeMs, check: checkMs, tree: treeMs, state: 0, log: logMs },
      };
      mechanism.stateReady = mechanism.loadStoredState(size, started);
      if (options.stateInBackground) {
        mechanism.stateReady.catch((error: unknown) => mechanism.logger.error({ err: error }, 'the state could not be loaded: appends and views are refused until a restart'));
      } else {
        await mechanism.stateReady;
        mechanism.startup = { ...mechanism.startup, ms: performance.now() - started };
      }
      return mechanism;
    } catch (error) {
      await opened?.checkpointer?.stop();
      await opened?.folder?.close();
      await verifier.close();
      await store.close();
      releaseState?.();
      throw error;
    }
  }

  /**
   * Open the state folder (or, without it, read the state snapshot) and replay the entries after it (the whole log on
   * a deep check, or when the folder is not this log's state), refresh the projection
   * rows that replay touched, then put the result in place at once: nobody reads a half-loaded state.
   */
  private async loadStoredState(size: number, started: number): Promise<void> {
    const t0 = performance.now();
    try {
      const { onProgress, deepCheck } = this.options;
      const progress = onProgress ? { onProgress } : {};
      let loaded: { state: MechanismState; from: number; touched: Touched[]; kept: number | null; snapshot: number | null };
      if (this.options.stateFolder !== false) {
        this.folder = StateFolder.open(join(this.options.dataDir, 'state'), deepCheck === true);
        this.folder.onDamage = (damage) => this.alerts.raise('state_folder_damaged', damage.message);
        if (!deepCheck && this.folder.meta() === null && this.folder.discarded) onProgress?.(`the state folder is started anew (${this.folder.discarded}): the state is rebuilt from the log`);
        loaded = await loadFolderState(this.store, this.tree, this.folder, size, { deep: deepCheck === true, ...progress });
      } else {
        const fromSnapshot = await loadState(this.store, size, { snapshot: !deepCheck, ...progress });
        loaded = { ...fromSnapshot, kept: null, snapshot: fromSnapshot.from > 0 ? fromSnapshot.from : null };
      }
      const { state, from, touched } = loaded;
      // Projection rows are views: a full replay rebuilds them all, a tail replay the rows it touched.
      if (from === 0 && size > 0) await this.store.replaceIncidents(incidentRows(state, allIncidents(state)));
      else if (touched.length > 0) await this.store.appendBatch({ entries: [], incidents: incidentRows(state, touched), candidateUpdates: candidateUpdates(state, touched) });
      Object.assign(this.state, state);
      this.snapshotSize = from > 0 ? from : -1;
      this.stateLoaded = true;
      const done = performance.now();
      this.startup = { ...this.startup, snapshot: loaded.snapshot, stateFolder: loaded.kept, replayed: size - from, stateReadyMs: done - started, phases: { ...this.startup.phases, state: done - t0 } };
    } catch (error) {
      this.stateFailure = error instanceof Error ? error : new Error(String(error));
      throw error;
    }
  }

  /** Resolves once the state is loaded; throws 'unavailable' if loading it failed. */
  async whenStateLoaded(): Promise<void> {
    if (this.stateLoaded) return;
    await this.stateReady.catch(() => undefined);
    if (!this.stateLoaded) throw new TruceError('unavailable', `the mechanism's state could not be loaded (${this.stateFailure?.message ?? 'unknown'}); the server must be restarted`);
  }

  private static assemble(options: MechanismOptions, parts: { store: Store; blobs: BlobStore; state: MechanismState; tree: StoredTree; verifier: VerifierPool }): Mechanism {
    let mechanism: Mechanism | null = null;
    const every = options.snapshotEvery ?? SNAPSHOT_EVERY;
    const sequencer = new Sequencer(parts.store, parts.state, parts.tree, {
      verify: (publicKey, message, signature) => parts.verifier.verify(publicKey, message, signature),
      verifyMany: (jobs) => parts.verifier.verifyMany(jobs),
      ...(options.now ? { now: options.now } : {}),
      // With the state folder, no snapshot: it would cost time in proportion to the state (docs/SCALING.md).
      snapshot: async (s) => (!mechanism?.folder && mechanism?.snapshotDue(s.size, every) ? mechanism.takeSnapshot(s) : undefined),
      onCommitted: (entries) => {
        if (mechanism) mechanism.unsignedSince ??= Date.now();
        mechanism?.events.emit('committed', entries.length);
        void mechanism?.afterCommit();
      },
      restoreState: () => restoreState(parts.store, parts.state),
      ...(options.stateFolder === false ? {} : { persist: folderPersistence(() => mechanism?.folder ?? null, parts.state) }),
      onFailure: (failure, cause) => mechanism?.alerts.raise(cause instanceof StateFolderDamaged ? 'state_folder_damaged' : 'log_write_failed', failure.message, { err: cause }),
    });
    mechanism = new Mechanism(options, { ...parts, sequencer });
    return mechanism;
  }

  startup: StartupReport = { size: 0, checked: 0, snapshot: null, stateFolder: null, replayed: 0, ms: 0, stateReadyMs: null, phases: { store: 0, check: 0, tree: 0, state: 0, log: 0 } };

  private folder: StateFolder | null = null;
  /** Lets go of `<data dir>/state.lock` (null with stateFolder: false). */
  private releaseState: (() => void) | null = null;

  /** The state folder once the state is loaded (null with stateFolder: false): bench/log-growth.ts writes through it. */
  get stateFolder(): StateFolder | null {
    return this.folder;
  }

  /** Size of the stored state snapshot (-1: none usable), so the next is written when due. */
  private snapshotSize = -1;

  /**
   * A snapshot is due once `every` entries, and a tenth of the log, were appended since the last: writing one costs
   * time in proportion to the state, so spacing them in proportion to the log keeps their cost per entry flat, and
   * a restart after a crash replays at most a tenth of the log (or `every` entries) after the snapshot.
   */
  private snapshotDue(size: number, every: number): boolean {
    const last = Math.max(0, this.snapshotSize);
    return size - last >= Math.max(every, Math.floor(last * SNAPSHOT_SPACING));
  }

  private async takeSnapshot(state: MechanismState): Promise<StateSnapshot | undefined> {
    const snapshot = await encodeSnapshot(state);
    if (!snapshot) return undefined;
    this.snapshotSize = snapshot.size;
    return snapshot;
  }

  private starting: Promise<void> | null = null;

  /** Start the checkpointer once the genesis has named the log; concurrent callers share one start. */
  private startLog(): Promise<void> {
    if (!this.mechanismName || this.checkpointer) return Promise.resolve();
    this.starting ??= this.startLogOnce().finally(() => (this.starting = null));
    return this.starting;
  }

  private async startLogOnce(): Promise<void> {
    const name = this.mechanismName;
    if (!name || this.checkpointer) return;
    // A store that holds signed checkpoints (a restored backup) needs its own key back, never a new one.
    const mayCreate = (await this.store.latestCheckpoint()) === null;
    this.logKey = await loadOrCreateLogKey(this.options.dataDir, originFor(name), { mayCreate });
    const checkpointer = new Checkpointer(this.store, this.tree, this.logKey, this.options.checkpointIntervalMs ?? 1000, {
      onError: (e) => this.publishFailed(e),
      onPublished: (checkpoint) => {
        if (this.lastPublishError) this.logger.info({ size: checkpoint.size }, 'checkpoint publication works again');
        this.lastPublishError = null;
        if (checkpoint.size >= this.tree.size) this.unsignedSince = null;
        this.events.emit('checkpoint', checkpoint);
      },
    });
    await checkpointer.start();
    this.checkpointer = checkpointer;
  }

  private async afterCommit(): Promise<void> {
    // The genesis names the mechanism, and with it the log's origin: the log key exists from then on.
    if (!this.checkpointer && this.mechanismName) await this.startLog();
  }

  /** A publication on the timer failed: a conflict is an integrity alert; anything else is logged once until it heals. */
  private publishFailed(error: unknown): void {
    const message = (error as Error).message;
    if (error instanceof TruceError && error.code === 'conflict') return this.alerts.raise('checkpoint_conflict', message, { size: this.tree.size });
    if (message === this.lastPublishError) return;
    this.lastPublishError = message;
    this.logger.error({ err: error, size: this.tree.size }, 'checkpoint publication failed; retrying on the timer');
  }

  /** The genesis's name: known from the stored log before the state is loaded. */
  private get mechanismName(): string | null {
    return this.state.mechanism ?? this.genesisName;
  }

  /** Append a statement's canonical bytes; resolves once durably stored (after the state is loaded). */
  async submit(bytes: Uint8Array, trustedClock = false): Promise<Appended> {
    try {
      await this.whenStateLoaded();
      const appended = await this.sequencer.submit(bytes, trustedClock);
      await this.logStarted();
      return appended;
    } catch (error) {
      if (error instanceof TruceError) this.events.emit('refused', error.code);
      throw error;
    }
  }

  /** Append several statements (a batch request), each as submit would; one outcome each, in order. */
  async submitMany(items: readonly Uint8Array[]): Promise<PromiseSettledResult<Appended>[]> {
    const outcomes = await this.whenStateLoaded().then(
      () => this.sequencer.submitMany(items),
      (error: unknown) => items.map((): PromiseSettledResult<Appended> => ({ status: 'rejected', reason: error })),
    );
    for (const o of outcomes) if (o.status === 'rejected' && o.reason instanceof TruceError) this.events.emit('refused', o.reason.code);
    if (outcomes.some((o) => o.status === 'fulfilled')) await this.logStarted();
    return outcomes;
  }

  /**
   * After the genesis, its acknowledgement waits for the log key (the origin /v1/log names), which onCommitted only
   * starts: a client that reads /v1/log after its 201 must see the log it appended to. The statement is committed
   * whatever happens here, so a failure is left to the checkpointer's own alerts, never turned into a refusal.
   */
  private async logStarted(): Promise<void> {
    if (!this.checkpointer) await this.afterCommit().catch(() => undefined);
  }

  get size(): number {
    return this.tree.size;
  }

  get origin(): string | null {
    return this.logKey?.origin ?? null;
  }

  get vkey(): string | null {
    return this.logKey?.vkey ?? null;
  }

  /** The latest published checkpoint (null before genesis). */
  get published(): StoredCheckpoint | null {
    return this.checkpointer?.current ?? null;
  }

  /** Publish a checkpoint now if the tree grew (tests and the demo loader do not wait for the timer). */
  async publishCheckpoint(): Promise<StoredCheckpoint | null> {
    await this.sequencer.idle();
    await this.afterCommit();
    return (await this.checkpointer?.publish()) ?? null;
  }

  /**
   * Stop: let every append in flight commit, stop the timer, publish a last checkpoint so what was acknowledged
   * is also signed before the process ends, and store a state snapshot for the next start.
   */
  async close(): Promise<void> {
    // A state still loading uses the store: let it finish (a SIGKILL meanwhile loses nothing; it only reads).
    await this.stateReady.catch(() => undefined);
    await this.sequencer.idle();
    await this.starting;
    await this.checkpointer?.stop();
    await this.checkpointer?.publish().then(
      (last) => last && this.logger.info({ size: last.size }, 'last checkpoint published'),
      (e: unknown) => this.publishFailed(e),
    );
    // A state snapshot, so the next start reads it instead of replaying (only a faster start is lost if it fails).
    if (!this.folder && this.stateLoaded && !this.sequencer.failed && this.state.size > this.snapshotSize && this.state.size === this.tree.size) {
      const snapshot = await this.takeSnapshot(this.state);
      if (snapshot) await this.store.saveSnapshot(snapshot).catch((e: unknown) => this.logger.warn({ err: e }, 'the state snapshot was not stored'));
    }
    await this.verifier.close();
    await this.store.close();
    await this.folder?.close();
    this.releaseState?.();
  }
}

/** The sequencer's hooks onto the state folder (null until the state is loaded, when appends wait anyway). */
function folderPersistence(folder: () => StateFolder | null, state: MechanismState): StatePersistence {
  const on = () => folder()?.persistence(state);
  return { begin: () => on()?.begin(), pause: () => on()?.pause(), commit: (root) => on()?.commit(root), backlog: () => on()?.backlog?.() ?? null, drop: () => on()?.drop() };
}

/** The mechanism named by the log's first entry (the genesis member.admit), or null if it names none. */
async function genesisName(store: Store): Promise<string | null> {
  const [first] = await store.entries(0, 1);
  const parsed = first ? parseStatement(first.bytes) : null;
  const name = parsed?.ok ? parsed.value.body.mechanism : undefined;
  return typeof name === 'string' && name !== '' ? name : null;
}

function allIncidents(state: MechanismState): { kind: 'incident'; id: string }[] {
  const reports = state.records.get('reports');
  return reports ? [...reports.keys()].map((id) => ({ kind: 'incident' as const, id })) : [];
}
