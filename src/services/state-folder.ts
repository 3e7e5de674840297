// The domain state kept on disk in <data dir>/state (LMDB, memory-mapped, synchronous reads), so a start reads it
// instead of rebuilding it: the domain keeps its synchronous Maps (folder-map.ts makes each a view of this folder),
// and what grows with the log is no longer held whole in memory. Like the state snapshot, it is a cache of what the
// log makes: labelled with the domain code's hash, the log size it reflects and the tree root at that size, it can
// make a start faster, never different (docs/decisions.md). Its keys and label: folder-file.ts.
//
// A commit is written off the event loop: the batch's records are serialized at once and handed to one of lmdb-js's
// asynchronous transactions, whose commit and fsync run on its own thread. Until that transaction is committed the
// batch's records are read from `pending` (strongly held), so the Maps answer as if it were stored.
import { rmSync } from 'node:fs';
import { deserialize } from 'node:v8';
import type { RootDatabase } from 'lmdb';
import { LRUCache } from 'lru-cache';
import type { MechanismState } from '../domain/state.js';
import type { StatePersistence } from './sequencer.js';
import { FolderMap, FolderRecords, framed, orderKey, RECORD_HEAD, recordKey, type Counters } from './folder-map.js';
import { countersKey, FORMAT, GEN_KEY, META_KEY, metaOf, openDb, type StateMeta, storedGen, unsealedLabel } from './folder-file.js';
import { countStart, forgetStarts, markDamaged, startsSinceClose, whyStartAnew } from './folder-health.js';
import { seal, StateFolderDamaged, unseal } from './folder-seal.js';

/** Decoded records kept in memory, whatever the state's size (about 3 KB of heap each for a report). */
const CACHED_RECORDS = 10_000;
/** Commits that may wait for LMDB's thread before a committer is asked to wait (backlog()). */
const MAX_UNWRITTEN = 4;
const MEMBERS = '@members';
/** Positions of each collection checked at open (meta()): a few milliseconds in all, whatever the state's size. */
const SAMPLES = 16;
const KEYS = '@keys';

/** A value handed out while a batch is applied: possibly mutated in place, so compared and written back at commit. */
export interface Tracked {
  readonly map: FolderMap<unknown>;
  readonly id: string;
  readonly pos: number;
  readonly value: unknown;
  readonly bytes: Uint8Array;
}

/** A write of the open batch; `was` is the position the record has on disk (null: new). */
export interface Write {
  readonly map: FolderMap<unknown>;
  readonly id: string;
  pos: number;
  value: unknown;
  deleted: boolean;
  readonly was: number | null;
}

export interface Cached {
  readonly value: unknown;
  readonly pos: number;
}

/** A record as a commit not yet written to the file leaves it. */
export interface Pending {
  readonly map: FolderMap<unknown>;
  readonly id: string;
  /** Replaced by drop() when a dropped batch mutated it in place (the file will hold what was committed). */
  value: unknown;
  readonly pos: number;
  readonly deleted: boolean;
  /** The commit that wrote it last: it is forgotten here once that commit is in the file. */
  readonly gen: number;
  /**
   * The pending commit that put its position in the order (added or moved it), null once that one is in the file:
   * until then the file's order does not have it, and iteration places it from here.
   */
  freshGen: number | null;
}

const cacheKey = (collection: string, id: string) => `${collection}\u0000${id}`;

/**
 * The folder and the open batch's overlay: writes go to memory until commit() puts them, with the records read while
 * applying (tracked), in one LMDB transaction; drop() forgets them, and the state is what is stored again.
 * @example const folder = StateFolder.open(join(dataDir, 'state')); const state = folder.state(); folder.begin(); apply...; folder.commit(state, root)
 */
export class StateFolder {
  readonly cache = new LRUCache<string, Cached>({ max: CACHED_RECORDS });
  /**
   * Every decoded record still referenced anywhere, weakly: a record read twice while someone holds it is the same
   * object, as with a Map (the domain compares records by identity, e.g. views/agreement.ts `v === current`).
   */
  readonly #live = new Map<string, { ref: WeakRef<object>; pos: number }>();
  readonly #gone = new FinalizationRegistry<string>((key) => {
    if (this.#live.get(key)?.ref.deref() === undefined) this.#live.delete(key);
  });
  readonly writes = new Map<string, Write>();
  /** Records of commits handed to LMDB and not yet committed there, by cache key (see Pending). */
  readonly pending = new Map<string, Pending>();
  /** The pending records whose position is not in the file yet, per collection: what iteration adds. */
  readonly freshPending = new Map<FolderMap<unknown>, Set<string>>();
  /** The number of the last commit handed to LMDB (the file's ['g'] once it is written). */
  #gen = 0;
  /** The meta of the last commit that wrote one: drop() puts its fields back before the file has it. */
  #meta: StateMeta | null = null;
  /** Resolves when every commit handed to LMDB so far is written (or rejects with the first that was not). */
  #written: Promise<void> = Promise.resolve();
  /** Commits handed to LMDB and not yet written (or failed). */
  #unwritten = 0;
  readonly tracked = new Map<string, Tracked>();
  /**
   * Keys the batch being applied found in neither the overlay, the pending commits nor the file: a handler's `has`
   * before its `set` (key.add, every new record) then reads the file once, not twice. Only this folder's commits add
   * records, and they go through the overlay and the pending layer (both read first), so an absence holds until the
   * batch ends. Filled only while tracking, so reads between batches (any id a request names) never grow it.
   */
  readonly absent = new Set<string>();
  /** Whether values handed out are tracked: only while statements are applied (sequencer.prepare, replay). */
  tracking = false;
  private readonly dirty = new Set<FolderMap<unknown>>();
  private readonly maps = new Map<string, FolderMap<unknown>>();
  /** Told once, when a read first finds damage (the mechanism raises an integrity alert). */
  onDamage: ((damage: StateFolderDamaged) => void) | null = null;
  #damaged = false;
  /** Why the folder was started anew, or is to be, rather than read (null: it was read, or there was none). */
  discarded: string | null = null;
  #healthy: NodeJS.Timeout | null = null;

  private constructor(
    public db: RootDatabase<Buffer, (string | number)[]>,
    readonly path: string,
  ) {
    this.#gen = storedGen(db);
  }

  /**
   * Open (or create) the folder. One whose file does not start as LMDB's does, or that LMDB cannot open, is removed
   * and created anew: LMDB trusts its file, and a damaged one can crash the process (docs/decisions.md). `fresh`
   * (a deep start) removes it without reading it.
   */
  static open(path: string, fresh = false): StateFolder {
    const starts = startsSinceClose(path);
    const why = fresh ? null : whyStartAnew(path);
    let folder: StateFolder;
    try {
      if (fresh || why) rmSync(path, { recursive: true, force: true });
      folder = new StateFolder(openDb(path), path);
      folder.db.get(META_KEY);
      folder.discarded = why;
    } catch (error) {
      rmSync(path, { recursive: true, force: true });
      folder = new StateFolder(openDb(path), path);
      folder.discarded = `LMDB could not open it (${(error as Error).message})`;
    }
    folder.#healthy = countStart(path, fresh || folder.discarded ? 1 : starts + 1);
    return folder;
  }

  /** The stored state's label, or null if there is none or it does not read (the last committed one, written or not). */
  meta(): StateMeta | null {
    if (this.#meta) return this.#meta;
    let raw: Buffer | undefined;
    try {
      raw = this.db.get(META_KEY);
      const meta = raw ? (JSON.parse(unseal(META_KEY, raw).toString('utf8')) as StateMeta) : null;
      const valid = meta && meta.format === FORMAT && Number.isSafeInteger(meta.size) && typeof meta.version === 'string' && typeof meta.root === 'string' && typeof meta.fields === 'object';
      if (!valid) return null;
      if (this.#holds(meta)) return meta;
      this.discarded ??= 'its label does not match what its file holds';
      return null;
    } catch (error) {
      // Another layout, or damage: either way the folder is rebuilt from the log.
      if (error instanceof StateFolderDamaged) this.discarded ??= unsealedLabel(raw) ? 'an earlier version of Truce wrote it, without checksums' : `its label check found damage: ${error.detail}`;
      return null;
    }
  }

  /**
   * Whether the file holds what the label says, as far as a constant-time look can tell: each collection's counters
   * as the label lists them (a damaged branch page of LMDB's tree had hidden every collection, and the state read
   * as empty), and at SAMPLES positions spread over each collection's order, a record stored at that position.
   * Throws on damage a read finds.
   */
  #holds(meta: StateMeta): boolean {
    if (typeof meta.counts !== 'object' || meta.counts === null) return false;
    const stored = new Map<string, string>();
    for (const { key, value } of this.db.getRange({ start: ['n'], end: ['n', '\uffff'] })) stored.set(String(key[1]), unseal(key, value).toString('utf8'));
    const listed = Object.entries(meta.counts);
    if (listed.length !== stored.size || listed.some(([name, counters]) => stored.get(name) !== JSON.stringify(counters))) return false;
    for (const [name, { count, next }] of listed) {
      const samples = Math.min(SAMPLES, count);
      for (let i = 0; i < samples; i++) {
        let first: { key: (string | number)[]; value: Buffer } | undefined;
        for (const entry of this.db.getRange({ start: orderKey(name, Math.floor((i * next) / samples)), end: orderKey(name, Number.MAX_SAFE_INTEGER), limit: 1 })) first = entry;
        if (!first) return false;
        const at = recordKey(name, unseal(first.key, first.value).toString('utf8'));
        const raw = this.db.get(at);
        if (!raw || unseal(at, raw).readDoubleBE(0) !== first.key[2]) return false;
      }
    }
    return true;
  }

  /** Forget everything stored (before a rebuild): a new file, so a rebuild never reads the old one. */
  async clear(): Promise<void> {
    this.drop();
    await this.settled();
    await this.db.close();
    const starts = startsSinceClose(this.path);
    rmSync(this.path, { recursive: true, force: true });
    this.db = openDb(this.path);
    // This start is still counted (a rebuild that crashes counts towards the next).
    if (this.#healthy) clearTimeout(this.#healthy);
    this.#healthy = countStart(this.path, Math.max(1, starts));
    this.#gen = 0;
    this.#meta = null;
    this.#damaged = false;
    this.pending.clear();
    this.freshPending.clear();
    this.#written = Promise.resolve();
    this.#unwritten = 0;
    this.cache.clear();
    this.#live.clear();
    for (const map of this.maps.values()) map.reset({ count: 0, next: 0 });
  }

  /**
   * The stored state as a MechanismState: its fields from the meta, its Maps views of the folder (members, keys and
   * every records collection, created on first use as `collection()` does).
   */
  state(): MechanismState {
    const records = new FolderRecords((name) => this.map(name));
    const names = this.#checked(() => [...this.db.getRange({ start: ['n'], end: ['n', '\uffff'] })].map(({ key }) => key[1]));
    for (const name of names) if (typeof name === 'string' && !name.startsWith('@')) records.get(name);
    const fields = this.meta()?.fields ?? { mechanism: null, size: 0 };
    return { ...(fields as { mechanism: string | null; size: number }), members: this.map(MEMBERS), keys: this.map(KEYS), records } as MechanismState;
  }

  /** The stored fields that are not Maps (what drop() puts back): the last commit's, written or not. */
  fields(): Record<string, unknown> {
    return this.meta()?.fields ?? { mechanism: null, size: 0 };
  }

  map<V>(name: string): FolderMap<V> {
    let map = this.maps.get(name);
    if (!map) {
      const raw = this.read(countersKey(name));
      map = new FolderMap<unknown>(this, name, raw ? (JSON.parse(raw.toString('utf8')) as Counters) : { count: 0, next: 0 });
      this.maps.set(name, map);
    }
    return map as FolderMap<V>;
  }

  /**
   * The bytes stored under `key` (checked against their seal), or undefined. Damage, whether the seal does not
   * match or LMDB finds its own pages wrong, throws StateFolderDamaged: the folder is marked to be rebuilt at the
   * next start and `onDamage` told.
   */
  read(key: (string | number)[]): Buffer | undefined {
    return this.#checked(() => {
      const raw = this.db.get(key);
      return raw === undefined ? undefined : unseal(key, raw);
    });
  }

  /** Whether a value is stored under `key` (LMDB's damage throws as in read()). */
  exists(key: (string | number)[]): boolean {
    return this.#checked(() => this.db.doesExist(key));
  }

  /** A collection's insertion order in the file: [position, id], by position. */
  *order(collection: string): Generator<[number, string]> {
    const range = this.db.getRange({ start: orderKey(collection, 0), end: orderKey(collection, Number.MAX_SAFE_INTEGER) });
    const entries = this.#checked(() => range[Symbol.iterator]());
    for (;;) {
      const next = this.#checked(() => {
        const step = entries.next();
        return step.done ? null : ([step.value.key[2] as number, unseal(step.value.key, step.value.value).toString('utf8')] as [number, string]);
      });
      if (next === null) return;
      yield next;
    }
  }

  #checked<T>(read: () => T): T {
    try {
      return read();
    } catch (error) {
      if (error instanceof StateFolderDamaged) throw this.#damage(error);
      // LMDB's own checks of its pages, and lmdb-js's decoding of a key whose bytes make no key (a RangeError or
      // TypeError: "cannot be converted to a BigInt"); not its refusals of a closed folder or of too many readers.
      const lmdbFound = /MDB_(CORRUPTED|PAGE_NOTFOUND|BAD_TXN)/.test(String((error as Error | undefined)?.message));
      if (lmdbFound || error instanceof RangeError || error instanceof TypeError) throw this.#damage(new StateFolderDamaged(`LMDB: ${(error as Error).message}`));
      throw error;
    }
  }

  /** Damage a caller found (a record the order lists is missing): marked and told as read() does; throw it. */
  damaged(detail: string): StateFolderDamaged {
    return this.#damage(new StateFolderDamaged(detail));
  }

  /** Mark the folder (synced) so the next open rebuilds it, and tell onDamage, once. */
  #damage(damage: StateFolderDamaged): StateFolderDamaged {
    if (this.#damaged) return damage;
    this.#damaged = true;
    markDamaged(this.path, damage.message);
    this.onDamage?.(damage);
    return damage;
  }

  /** A record decoded before and still held somewhere (the cache, or any caller). */
  recall(key: string): Cached | undefined {
    const hit = this.cache.get(key);
    if (hit) return hit;
    const live = this.#live.get(key);
    const value = live?.ref.deref();
    return value === undefined ? undefined : { value, pos: live!.pos };
  }

  /** Remember a decoded record (weakly; also in the bounded cache with `cache`). */
  remember(key: string, found: Cached, cache: boolean): void {
    if (cache) this.cache.set(key, found);
    if (typeof found.value !== 'object' || found.value === null || this.#live.get(key)?.ref.deref() === found.value) return;
    this.#live.set(key, { ref: new WeakRef(found.value), pos: found.pos });
    this.#gone.register(found.value, key);
  }

  /** Forget a record's decoded object (it may have been mutated by a batch that was dropped, or was deleted). */
  forgetDecoded(key: string): void {
    this.cache.delete(key);
    this.#live.delete(key);
  }

  key(map: FolderMap<unknown>, id: string): string {
    return cacheKey(map.name, id);
  }

  changed(map: FolderMap<unknown>): void {
    this.dirty.add(map);
  }

  /** Start applying a batch: values handed out from here are tracked. */
  begin(): void {
    this.tracking = true;
  }

  /** Stop tracking (the batch is applied; its commit comes later): reads meanwhile are not tracked. */
  pause(): void {
    this.tracking = false;
  }

  /** Every collection ever written (a next position above 0), with its counters. */
  #counts(): Record<string, Counters> {
    return Object.fromEntries([...this.maps].filter(([, map]) => map.counters().next > 0).map(([name, map]) => [name, map.counters()]));
  }

  /**
   * Write the batch in one transaction: its writes, the tracked records that changed, the collections' counters, and
   * (with `root`) the meta saying the stored state is the log's first `state.size` entries. Without `root` the
   * meta is left as it is (a rebuild writing a snapshot's parts, completed by a later commit with a root).
   * The records are serialized now; the transaction is committed (and synced) by LMDB's writer thread, and the
   * promise says when. A commit that fails leaves the file at the commit before it, and every later one is refused
   * (each checks the number of the one before), so the file never holds a state with a batch missing.
   */
  commit(state: MechanismState, root: Uint8Array | null): Promise<void> {
    const gen = ++this.#gen;
    const puts: [(string | number)[], Buffer][] = [];
    const removes: (string | number)[][] = [];
    for (const [key, t] of this.tracked) {
      if (this.writes.has(key)) continue;
      const at = recordKey(t.map.name, t.id);
      const record = framed(at, t.pos, t.value);
      if (record.subarray(RECORD_HEAD).equals(t.bytes)) continue;
      puts.push([at, record]);
      this.#pend(key, { map: t.map, id: t.id, value: t.value, pos: t.pos, deleted: false, gen, freshGen: this.pending.get(key)?.freshGen ?? null });
    }
    for (const [key, w] of this.writes) {
      if (w.was !== null && (w.deleted || w.pos !== w.was)) removes.push(orderKey(w.map.name, w.was));
      if (w.deleted) {
        if (w.was !== null) {
          removes.push(recordKey(w.map.name, w.id));
          this.#pend(key, { map: w.map, id: w.id, value: undefined, pos: w.was, deleted: true, gen, freshGen: null });
        }
        continue;
      }
      const recordAt = recordKey(w.map.name, w.id);
      puts.push([recordAt, framed(recordAt, w.pos, w.value)]);
      if (w.pos !== w.was) puts.push([orderKey(w.map.name, w.pos), seal(orderKey(w.map.name, w.pos), Buffer.from(w.id, 'utf8'))]);
      const freshGen = w.pos !== w.was ? gen : (this.pending.get(key)?.freshGen ?? null);
      this.#pend(key, { map: w.map, id: w.id, value: w.value, pos: w.pos, deleted: false, gen, freshGen });
    }
    for (const map of this.dirty) puts.push([countersKey(map.name), seal(countersKey(map.name), Buffer.from(JSON.stringify(map.counters()), 'utf8'))]);
    if (root) {
      this.#meta = metaOf(state, root, this.#counts());
      puts.push([META_KEY, seal(META_KEY, Buffer.from(JSON.stringify(this.#meta), 'utf8'))]);
    }
    puts.push([GEN_KEY, seal(GEN_KEY, Buffer.from(String(gen), 'utf8'))]);
    for (const [key, t] of this.tracked) if (!this.writes.has(key)) this.remember(key, { value: t.value, pos: t.pos }, true);
    for (const [key, w] of this.writes) {
      if (w.deleted) this.forgetDecoded(key);
      else this.remember(key, { value: w.value, pos: w.pos }, true);
    }
    for (const map of this.dirty) map.committed();
    this.forget();
    const { db } = this;
    this.#unwritten += 1;
    const written = db
      .transaction(() => {
        const last = storedGen(db);
        if (last !== gen - 1) throw new Error(`the state folder holds commit ${last}, not ${gen - 1}: an earlier write failed`);
        for (const key of removes) db.removeSync(key);
        for (const [key, value] of puts) db.putSync(key, value);
      })
      .finally(() => (this.#unwritten -= 1))
      .then(() => this.#landed(gen));
    // Handled here so a commit nobody awaits (a rebuild's parts) is no unhandled rejection; awaiting it still throws.
    written.catch(() => undefined);
    this.#written = Promise.all([this.#written, written]).then(() => undefined);
    this.#written.catch(() => undefined);
    return written;
  }

  /** Resolves when every commit so far is in the file (rejects if one could not be written). */
  written(): Promise<void> {
    return this.#written;
  }

  /**
   * Null while few commits wait for LMDB's thread, else a promise of their writing: whoever commits in a loop waits
   * on it, so the pending records (held in memory) stay bounded when commits come faster than the disk takes them,
   * or when the loop never gives the event loop the turn in which lmdb-js runs its transactions.
   */
  backlog(): Promise<void> | null {
    return this.#unwritten > MAX_UNWRITTEN ? this.#written.catch(() => undefined) : null;
  }

  /** Every commit so far written or failed (lmdb-js's close does not wait for queued transaction callbacks). */
  private async settled(): Promise<void> {
    await this.#written.catch(() => undefined);
  }

  /** A pending record (the latest commit's, replacing an earlier pending one). */
  #pend(key: string, record: Pending): void {
    this.pending.set(key, record);
    let fresh = this.freshPending.get(record.map);
    if (record.freshGen !== null && !record.deleted) {
      if (!fresh) this.freshPending.set(record.map, (fresh = new Set()));
      fresh.add(key);
    } else fresh?.delete(key);
  }

  /** Commit `gen` is in the file: its records are read from there now (unless a later pending commit wrote them). */
  #landed(gen: number): void {
    this.db.resetReadTxn();
    for (const [key, record] of this.pending) {
      if (record.gen <= gen) this.pending.delete(key);
      else if (record.freshGen === null || record.freshGen > gen) continue;
      // Its position is in the file now (a later pending commit changed only its value).
      record.freshGen = null;
      this.freshPending.get(record.map)?.delete(key);
    }
  }

  /** Forget the open batch: the Maps are what is stored again (records read meanwhile may have been mutated: evicted). */
  drop(): void {
    for (const key of this.writes.keys()) this.forgetDecoded(key);
    for (const [key, t] of this.tracked) {
      this.forgetDecoded(key);
      // A pending record is the object the batch was handed: put back the bytes it had then, which its commit wrote.
      const pending = this.pending.get(key);
      if (pending && pending.value === t.value) pending.value = deserialize(t.bytes);
    }
    for (const map of this.dirty) map.rollback();
    this.forget();
  }

  private forget(): void {
    this.writes.clear();
    this.tracked.clear();
    this.absent.clear();
    this.dirty.clear();
    this.tracking = false;
  }

  /** The sequencer's hooks onto this folder, for `state` (drop also puts its non-Map fields back). */
  persistence(state: MechanismState): StatePersistence {
    return {
      begin: () => this.begin(),
      pause: () => this.pause(),
      commit: (root) => this.commit(state, root),
      backlog: () => this.backlog(),
      drop: () => {
        this.drop();
        Object.assign(state, this.fields());
      },
    };
  }

  async close(): Promise<void> {
    this.drop();
    await this.settled();
    await this.db.close();
    if (this.#healthy) clearTimeout(this.#healthy);
    forgetStarts(this.path);
  }
}
