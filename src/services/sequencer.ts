import { applyStatement } from '../domain/apply.js';
import { FUTURE_SKEW_MS, checkClock, lateLimitMs } from '../domain/clock.js';
import { fromBase64 } from '../domain/encoding.js';
import { type Refusal, TruceError, refuse } from '../domain/errors.js';
import type { MechanismState } from '../domain/state.js';
import { type Statement, parseStatement, signingBytesOf } from '../domain/statement.js';
import type { Touched } from '../domain/handler.js';
import type { AppendBatch, StateSnapshot, Store, StoredEntry } from '../store/store.js';
import type { StoredTree } from './stored-tree.js';
import { leafHashNode } from './node-hash.js';
import { candidateUpdates, incidentRows } from './projection-rows.js';

/** The longest a batch waits for signatures still being checked (a commit costs far more). */
const GATHER_MS = 4;

export interface Appended {
  readonly index: number;
  readonly id: string;
}

export interface SequencerOptions {
  /** The Ed25519 rule; may run elsewhere (verify-pool.ts) so the event loop stays free. */
  readonly verify: (publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array) => boolean | Promise<boolean>;
  /** The same rule for many signatures at once (a batch request), one verdict each in order; else verify each. */
  readonly verifyMany?: (jobs: readonly VerifyJob[]) => Promise<boolean[]>;
  readonly now?: () => number;
  /** How far ahead of the server clock a statement's "at" may be (forward-dating); how late it may be is lateLimitMs. */
  readonly maxSkewMs?: number;
  readonly maxBatch?: number;
  /**
   * A snapshot of the state to store with the batch just applied, when one is due (mechanism.ts decides). Called in
   * the drain loop, so no statement is applied while it is encoded.
   */
  readonly snapshot?: (state: MechanismState) => Promise<StateSnapshot | undefined>;
  /** Called after each committed batch (e.g. to wake the checkpointer). */
  readonly onCommitted?: (entries: readonly StoredEntry[], touched: readonly Touched[]) => void;
  /** Called once when a commit fails and the sequencer starts refusing everything (the operator must know). */
  readonly onFailure?: (failure: TruceError, cause: unknown) => void;
  /**
   * Put the in-memory state back to exactly what the store holds (replaying it). With it, a statement the database
   * refuses is refused alone; without it, any failed commit stops the sequencer until restart.
   */
  readonly restoreState?: () => Promise<void>;
  /**
   * A state kept on disk (state-folder.ts): begin() before statements are applied, commit(root) once the store
   * committed them, drop() when it did not (the state is then what is stored again, without restoreState).
   */
  readonly persist?: StatePersistence;
}

export interface StatePersistence {
  begin(): void;
  /** Stop tracking reads: the batch is applied, its commit awaits the store. */
  pause(): void;
  /** The batch is in the log: store the state too; a rejection says the state on disk stopped short of the log. */
  commit(root: Uint8Array): Promise<void> | void;
  /** A promise to wait on before the next batch while too many commits are still being written, else null. */
  backlog?(): Promise<void> | null;
  drop(): void;
}

/** A signature to check: the key, the signed bytes (JCS without "sig") and the signature. */
export interface VerifyJob {
  readonly publicKey: Uint8Array;
  readonly message: Uint8Array;
  readonly signature: Uint8Array;
}

interface Parsed extends VerifyJob {
  readonly statement: Statement;
}

type Checked = Omit<Pending, 'resolve' | 'reject'>;

interface Pending {
  readonly statement: Statement;
  readonly bytes: Uint8Array;
  readonly id: string;
  readonly leafHash: Uint8Array;
  resolve(value: Appended): void;
  reject(error: TruceError): void;
}

/**
 * The one writer of the log. Submissions are checked (canonical form, signature) as they arrive, then queued; a
 * single loop takes everything queued, applies it to the state in order, and commits the whole batch at once,
 * all or nothing (group commit). A submission is answered only after its batch is durably committed.
 */
export class Sequencer {
  private queue: Pending[] = [];
  /** Submissions whose signature is being checked (in the worker pool) and that will join the queue soon. */
  private checking = 0;
  /** Commits made and statements they carried: their ratio is the group-commit batch size. */
  readonly stats = { commits: 0, statements: 0 };
  private settled: (() => void) | null = null;
  /** Set when a commit failed: the in-memory state may be ahead of the store, so refuse all until restart. */
  private failure: TruceError | null = null;
  private draining: Promise<void> | null = null;
  private readonly now: () => number;
  private readonly maxSkewMs: number;
  private readonly maxBatch: number;

  constructor(
    private readonly store: Store,
    private readonly state: MechanismState,
    private readonly tree: StoredTree,
    private readonly options: SequencerOptions,
  ) {
    this.now = options.now ?? Date.now;
    this.maxSkewMs = options.maxSkewMs ?? FUTURE_SKEW_MS;
    this.maxBatch = options.maxBatch ?? 2000;
  }

  /**
   * Submit a statement's bytes. Resolves with its log index once durably stored; rejects with a TruceError naming
   * the rule broken, in which case nothing was appended.
   * @param trustedClock skip the clock-skew check (only for the server's own demo loader with historical dates)
   */
  async submit(bytes: Uint8Array, trustedClock = false): Promise<Appended> {
    if (this.failure) throw this.failure;
    this.checking += 1;
    let checked: Refusal | Checked;
    try {
      checked = await this.precheck(bytes, trustedClock);
    } finally {
      this.checking -= 1;
      if (this.checking === 0) this.settled?.();
    }
    if ('ok' in checked) throw TruceError.from(checked);
    if (this.failure) throw this.failure;
    return new Promise<Appended>((resolve, reject) => {
      this.queue.push({ ...checked, resolve, reject });
      this.draining ??= this.drain().finally(() => (this.draining = null));
    });
  }

  /**
   * Submit several statements' bytes at once (a batch request): each is checked exactly as submit checks it, their
   * signatures together (verifyMany may spread them over threads), and they join the queue in the given order and
   * contiguously, so a statement may refer to one before it in the same batch. One refusal stops no other. Resolves
   * once each is committed or refused, with one outcome per statement in the given order.
   * @param trustedClock as for submit
   */
  async submitMany(items: readonly Uint8Array[], trustedClock = false): Promise<PromiseSettledResult<Appended>[]> {
    if (this.failure) return items.map(() => ({ status: 'rejected', reason: this.failure }));
    this.checking += 1;
    let checked: (Refusal | Checked)[];
    try {
      checked = await this.precheckMany(items, trustedClock);
    } finally {
      this.checking -= 1;
      if (this.checking === 0) this.settled?.();
    }
    const outcomes = checked.map((c) => {
      if ('ok' in c) return Promise.reject(TruceError.from(c));
      if (this.failure) return Promise.reject(this.failure);
      return new Promise<Appended>((resolve, reject) => this.queue.push({ ...c, resolve, reject }));
    });
    if (this.queue.length > 0) this.draining ??= this.drain().finally(() => (this.draining = null));
    return Promise.allSettled(outcomes);
  }

  /** Wait until everything queued so far is committed or refused. */
  async idle(): Promise<void> {
    while (this.draining) await this.draining;
  }

  private async precheck(bytes: Uint8Array, trustedClock: boolean): Promise<Refusal | Checked> {
    const parsed = this.parse(bytes);
    if ('ok' in parsed) return parsed;
    const valid = await this.options.verify(parsed.publicKey, parsed.message, parsed.signature);
    return this.afterVerify(bytes, parsed.statement, valid, trustedClock);
  }

  /** precheck for many: the signatures of those that parse are verified together (verifyMany, else one by one). */
  private async precheckMany(items: readonly Uint8Array[], trustedClock: boolean): Promise<(Refusal | Checked)[]> {
    const parsed = items.map((bytes) => this.parse(bytes));
    const jobs = parsed.filter((p): p is Parsed => !('ok' in p));
    const verdicts = this.options.verifyMany
      ? await this.options.verifyMany(jobs)
      : await Promise.all(jobs.map((j) => this.options.verify(j.publicKey, j.message, j.signature)));
    let next = 0;
    // The terms' late limit once for the request (it reads the agreement versions and members): its statements
    // arrived together, so the state they are checked against is the same.
    const lateLimit = lateLimitMs(this.state);
    return parsed.map((p, i) => ('ok' in p ? p : this.afterVerify(items[i]!, p.statement, verdicts[next++] === true, trustedClock, lateLimit)));
  }

  /** The checks before the signature: strict parse, canonical form, envelope; and what the signature covers. */
  private parse(bytes: Uint8Array): Refusal | Parsed {
    const parsed = parseStatement(bytes);
    if (!parsed.ok) return parsed;
    const statement = parsed.value;
    // Node's buffer pool: the message lives until its signature is checked, and a buffer of its own each would be one
    // more for every scavenge to sweep.
    return { statement, publicKey: fromBase64(statement.key)!, message: signingBytesOf(bytes, statement, Buffer.allocUnsafe), signature: fromBase64(statement.sig)! };
  }

  private afterVerify(bytes: Uint8Array, statement: Statement, valid: boolean, trustedClock: boolean, lateLimit?: number): Refusal | Checked {
    if (!valid) return refuse('bad_signature', 'the signature does not verify against the statement\'s key over its JCS bytes without "sig"');
    if (!trustedClock) {
      const clock = checkClock(statement.at, this.now(), lateLimit ?? lateLimitMs(this.state), this.maxSkewMs);
      if (!clock.ok) return clock;
    }
    // The id is the leaf hash's hex (domain/statement.ts statementId), computed with node:crypto (node-hash.ts).
    const leafHash = leafHashNode(bytes);
    // A copy, so that the request's body can go once it is answered; in Node's buffer pool (below 4 KiB), not a buffer
    // of its own that every scavenge would sweep.
    return { statement, bytes: Buffer.from(bytes), id: leafHash.toString('hex'), leafHash };
  }

  /**
   * Group commit: before cutting a batch, let the event loop take in every request already waiting on the sockets
   * (a commit in flight may have kept them waiting), then wait briefly for the submissions whose signatures are being
   * checked, so one commit carries them all instead of one each.
   */
  private async gather(): Promise<void> {
    await new Promise((resolve) => setImmediate(resolve));
    if (this.checking === 0 || this.queue.length >= this.maxBatch) return;
    await Promise.race([new Promise<void>((resolve) => (this.settled = resolve)), new Promise((resolve) => setTimeout(resolve, GATHER_MS))]);
    this.settled = null;
  }

  get failed(): boolean {
    return this.failure !== null;
  }

  private async drain(): Promise<void> {
    while (this.queue.length > 0 && !this.failure) {
      await this.options.persist?.backlog?.();
      await this.gather();
      const batch = this.queue.splice(0, this.maxBatch);
      await this.commit(batch);
    }
  }

  private async commit(batch: Pending[]): Promise<void> {
    if (await this.commitAssumingFresh(batch)) return;
    // Set in the store's callback (TypeScript does not follow assignments there, hence the casts).
    let prepared = null as Prepared | null;
    let growth = null as ReturnType<StoredTree['extend']> | null;
    let applying = false;
    try {
      // Which statements are already in the log is read just before the batch is written, and the state updated in
      // memory between the two; a writer that came between makes the write fail, all or nothing (append-batch.ts).
      await this.store.appendFresh(batch.map((p) => p.id), async (stored) => {
        applying = true;
        prepared = this.prepare(batch, stored);
        applying = false;
        if (prepared.accepted.length === 0) return null;
        const built = await this.build(prepared);
        growth = built.growth;
        return built.batch;
      });
    } catch (error) {
      if (this.haltedOnDamage(applying, error, batch)) return;
      // Nothing applied (the read failed, or every statement was refused): nothing to undo.
      if (prepared === null || prepared.accepted.length === 0) {
        this.options.persist?.drop();
        return this.unreadable(batch, error);
      }
      return this.recover(prepared, error ?? new Error('the store failed'));
    }
    if (prepared !== null && growth !== null) this.committed(prepared, growth);
    else this.options.persist?.drop();
  }

  /**
   * The usual batch, where no statement is in the log yet and none is refused: applied and written without first
   * reading which of its statements the log holds (one round trip less a commit, a third of its time on a busy
   * machine). The database still refuses a stored id or another writer's entry, writing nothing. Returns false,
   * having answered nobody and put the state back to what is stored, when the batch must go the careful way: one of
   * its statements is refused (it may be a replay, which only the read can tell), or the write failed. Only with a
   * state folder, whose overlay drop() forgets at no cost; without it, putting the state back means a replay.
   */
  private async commitAssumingFresh(batch: Pending[]): Promise<boolean> {
    const persist = this.options.persist;
    if (!persist) return false;
    let prepared = null as Prepared | null;
    let growth = null as ReturnType<StoredTree['extend']> | null;
    let applying = false;
    try {
      await this.store.appendFresh(batch.map((p) => p.id), async () => {
        applying = true;
        prepared = this.prepare(batch, new Set(), true);
        applying = false;
        if (prepared === null) return null;
        const built = await this.build(prepared);
        growth = built.growth;
        return built.batch;
      }, { size: this.tree.size });
    } catch (error) {
      if (this.haltedOnDamage(applying, error, batch)) return true;
      persist.drop();
      return false;
    }
    if (prepared === null || growth === null) {
      persist.drop();
      return false;
    }
    this.committed(prepared, growth);
    return true;
  }

  /**
   * The state could not be read while a statement was applied (a damaged state folder throws 'unavailable'; the
   * domain itself refuses by returning): the next batch would meet the same, so stop appending until a restart,
   * which rebuilds the state from the log. Any other exception (a bug a statement may set off) refuses its batch
   * only, in the caller: one statement must never stall the log. Returns whether it halted.
   */
  private haltedOnDamage(applying: boolean, error: unknown, batch: readonly Pending[]): boolean {
    if (!applying || !(error instanceof TruceError) || error.code !== 'unavailable') return false;
    this.halt([], error);
    for (const pending of batch) pending.reject(this.failure!);
    return true;
  }

  /** The store could not even say which statements it holds: nothing was applied, so refuse the batch and go on. */
  private unreadable(batch: readonly Pending[], error: unknown): void {
    const unavailable = new TruceError('unavailable', `the log could not be read (${(error as Error).message})`);
    for (const pending of batch) pending.reject(unavailable);
  }

  /** A prepared batch was not committed: the state is ahead of the store. */
  private async recover(prepared: Prepared, error: unknown): Promise<void> {
    if (!isDataRefusal(error) || !this.options.restoreState) return this.halt(prepared.accepted, error);
    // The database refused a value of one statement (a check the edge should have made, so rare): the state holds
    // the whole batch but the store holds none of it. Put the state back to what is stored, then append the batch
    // one statement at a time, so only the statement the database refuses is refused and the others are appended.
    if (!(await this.restore(prepared.accepted, error))) return;
    for (const [i, a] of prepared.accepted.entries()) {
      const alone = this.prepare([a.pending], new Set());
      if (alone.accepted.length === 0) continue;
      const refused = await this.write(alone);
      if (refused === null) continue;
      if (!isDataRefusal(refused)) {
        this.halt(prepared.accepted.slice(i), refused);
        break;
      }
      a.pending.reject(new TruceError('bad_request', `the database refused this statement: ${(refused as Error).message}`));
      if (!(await this.restore(prepared.accepted.slice(i + 1), refused))) return;
    }
  }

  /** Restore the state from the store; if even that fails, halt. Returns whether the sequencer may go on. */
  private async restore(waiting: Prepared['accepted'], cause: unknown): Promise<boolean> {
    if (this.options.persist) {
      // A state on disk is put back by forgetting the batch's overlay: no replay.
      this.options.persist.drop();
      return true;
    }
    try {
      await this.options.restoreState!();
      return true;
    } catch (error) {
      this.halt(waiting, error ?? cause);
      return false;
    }
  }

  /**
   * Apply each statement to the state in order; refused ones (`seen`: already in the log) are answered at once, or,
   * with `untilRefused`, none is answered and null is returned at the first refusal (the caller drops the state).
   */
  private prepare(batch: readonly Pending[], seen: ReadonlySet<string>): Prepared;
  private prepare(batch: readonly Pending[], seen: ReadonlySet<string>, untilRefused: true): Prepared | null;
  private prepare(batch: readonly Pending[], seen: ReadonlySet<string>, untilRefused = false): Prepared | null {
    const accepted: Prepared['accepted'] = [];
    const touched: Touched[] = [];
    const batchIds = new Set(seen);
    let index = this.tree.size;
    const arrivedAt = new Date(this.now()).toISOString();
    this.options.persist?.begin();
    for (const pending of batch) {
      const { statement } = pending;
      const outcome = batchIds.has(pending.id) ? null : applyStatement(this.state, statement, { index, id: pending.id, at: statement.at, by: statement.by });
      if (outcome === null || !outcome.ok) {
        if (untilRefused) {
          this.options.persist?.pause();
          return null;
        }
        pending.reject(outcome === null ? new TruceError('replay', `statement ${pending.id} is already in the log`) : TruceError.from(outcome));
        continue;
      }
      batchIds.add(pending.id);
      touched.push(...outcome.value);
      accepted.push({ pending, entry: { index, id: pending.id, leafHash: pending.leafHash, bytes: pending.bytes, type: statement.type, by: statement.by, at: statement.at, arrivedAt } });
      index += 1;
    }
    this.options.persist?.pause();
    return { accepted, touched };
  }

  /** What the store writes for a prepared batch, and the tree's growth to adopt once it is committed. */
  private async build({ accepted, touched }: Prepared): Promise<{ batch: AppendBatch; growth: ReturnType<StoredTree['extend']> }> {
    const entries = accepted.map((a) => a.entry);
    const growth = this.tree.extend(entries.map((e) => e.leafHash));
    const snapshot = await this.options.snapshot?.(this.state);
    const batch = {
      entries, incidents: incidentRows(this.state, touched), candidateUpdates: candidateUpdates(this.state, touched),
      treeNodes: growth.nodes, ...(snapshot ? { snapshot } : {}),
    };
    return { batch, growth };
  }

  /** The batch is durably stored: the tree grows and the submitters are answered. */
  private committed({ accepted, touched }: Prepared, growth: ReturnType<StoredTree['extend']>): void {
    this.stats.commits += 1;
    this.stats.statements += accepted.length;
    this.tree.adopt(growth);
    // The batch is in the log (acknowledged) but, if the state on disk cannot follow, stop appending: a restart
    // replays from what the folder holds. Its write runs on LMDB's thread, so the failure may come later.
    // (Nothing of the state is put back: a later batch may be applying, and the log will hold it if it commits.)
    const unsaved = (error: unknown): void => this.halt([], new Error(`the state folder could not be written: ${(error as Error | undefined)?.message ?? 'unknown error'}`), false);
    try {
      this.options.persist?.commit(this.tree.root())?.catch(unsaved);
    } catch (error) {
      unsaved(error);
    }
    for (const a of accepted) a.pending.resolve({ index: a.entry.index, id: a.entry.id });
    this.options.onCommitted?.(accepted.map((a) => a.entry), touched);
  }

  /** Commit one prepared batch (the one-at-a-time path, after a refusal). Returns the store's error, if any. */
  private async write(prepared: Prepared): Promise<unknown> {
    let growth: ReturnType<StoredTree['extend']>;
    try {
      const built = await this.build(prepared);
      growth = built.growth;
      await this.store.appendBatch(built.batch);
    } catch (error) {
      return error ?? new Error('the store failed');
    }
    this.committed(prepared, growth);
    return null;
  }

  /**
   * The store failed for a reason that is not one statement's content (it is down, or another writer appended):
   * the state may be ahead of the store, so refuse everything from here (crash-only). Nothing acknowledged is lost;
   * a restart replays the store, which is the truth.
   */
  private halt(accepted: Prepared['accepted'], error: unknown, dropOverlay = true): void {
    const first = this.failure === null;
    const failure = this.failure ?? (error instanceof TruceError && error.code === 'unavailable' ? error : new TruceError('unavailable', `the log could not be written (${(error as Error).message}); the server must be restarted`));
    this.failure = failure;
    for (const a of accepted) a.pending.reject(failure);
    this.queue.forEach((p) => p.reject(failure));
    this.queue = [];
    if (dropOverlay) this.options.persist?.drop();
    if (first) this.options.onFailure?.(failure, error);
  }
}

interface Prepared {
  readonly accepted: { pending: Pending; entry: StoredEntry }[];
  readonly touched: Touched[];
}

/** The store refuses a value of the batch (store/append-batch.ts maps PostgreSQL's data exceptions to bad_request). */
const isDataRefusal = (error: unknown): boolean => error instanceof TruceError && error.code === 'bad_request';
