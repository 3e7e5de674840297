// A Map of the domain state kept in the state folder (state-folder.ts): the domain uses it as the Map it declares
// (get, set, has, delete, size, iteration in insertion order), synchronously, while the records stay on disk and only
// a bounded cache of them is decoded in memory. Writes and the records read while a batch is applied go to the
// folder's overlay until its commit; reads see the overlay first, so the state answers as one Map would.
import { DefaultSerializer, deserialize, serialize } from 'node:v8';
import { SEAL_BYTES, sealInPlace } from './folder-seal.js';
import type { Cached, StateFolder } from './state-folder.js';

export interface Counters {
  readonly count: number;
  readonly next: number;
}

export const recordKey = (collection: string, id: string) => ['r', collection, id];
export const orderKey = (collection: string, pos: number) => ['o', collection, pos];

/** Where a stored record's V8 serialization starts: after its seal (folder-seal.ts) and its position. */
export const RECORD_HEAD = SEAL_BYTES + 8;

/**
 * A record as stored under `key`: its seal, its position in the insertion order (float64, big-endian), then its V8
 * serialization, written by one serializer into one buffer (not serialized, then copied behind the position: a
 * buffer and a copy a record).
 * @example deserialize(framed(key, 3, value).subarray(RECORD_HEAD)) // a copy of value; its position: readDoubleBE(SEAL_BYTES) === 3
 */
export function framed(key: readonly (string | number)[], pos: number, value: unknown): Buffer {
  const head = Buffer.alloc(RECORD_HEAD);
  head.writeDoubleBE(pos, SEAL_BYTES);
  const serializer = new DefaultSerializer();
  serializer.writeRawBytes(head);
  serializer.writeHeader();
  serializer.writeValue(value);
  return sealInPlace(key, serializer.releaseBuffer());
}

/**
 * One collection (members, keys, or a records collection) as a Map. The Map's own storage stays empty: a copy of it
 * must iterate it (`new Map(map)`), not clone its internals (structuredClone gives an empty Map).
 */
export class FolderMap<V> extends Map<string, V> {
  #count: number;
  #next: number;
  #stored: Counters;
  /** Ids added by the open batch, in the order they were added (after every stored one when iterating). */
  readonly #added = new Map<string, true>();

  constructor(
    private readonly folder: StateFolder,
    readonly name: string,
    stored: Counters,
  ) {
    super();
    this.#stored = stored;
    this.#count = stored.count;
    this.#next = stored.next;
  }

  override get size(): number {
    return this.#count;
  }

  counters(): Counters {
    return { count: this.#count, next: this.#next };
  }

  /** The open batch is stored: its counters are the stored ones. */
  committed(): void {
    this.#stored = this.counters();
    this.#added.clear();
  }

  /** The open batch is dropped: back to the stored counters. */
  rollback(): void {
    this.#count = this.#stored.count;
    this.#next = this.#stored.next;
    this.#added.clear();
  }

  reset(stored: Counters): void {
    this.#stored = stored;
    this.rollback();
  }

  override get(id: string): V | undefined {
    return this.#read(id, true)?.value as V | undefined;
  }

  override has(id: string): boolean {
    const { writes, pending, tracked, cache } = this.folder;
    const key = this.folder.key(this, id);
    const write = writes.get(key) ?? pending.get(key);
    if (write) return !write.deleted;
    if (tracked.has(key) || cache.has(key) || this.folder.recall(key) !== undefined) return true;
    if (this.folder.absent.has(key)) return false;
    if (this.folder.exists(recordKey(this.name, id))) return true;
    if (this.folder.tracking) this.folder.absent.add(key);
    return false;
  }

  override set(id: string, value: V): this {
    const { writes, tracked } = this.folder;
    const key = this.folder.key(this, id);
    this.folder.changed(this);
    const write = writes.get(key);
    if (write) {
      if (write.deleted) {
        write.deleted = false;
        write.pos = this.#append(id);
      }
      write.value = value;
      return this;
    }
    const was = this.#storedPos(id, key);
    writes.set(key, { map: this, id, pos: was ?? this.#append(id), value, deleted: false, was });
    tracked.delete(key);
    return this;
  }

  override delete(id: string): boolean {
    const { writes, tracked } = this.folder;
    const key = this.folder.key(this, id);
    const write = writes.get(key);
    if (write?.deleted) return false;
    const was = write ? write.was : this.#storedPos(id, key);
    if (!write && was === null) return false;
    this.folder.changed(this);
    this.#count -= 1;
    this.#added.delete(id);
    writes.set(key, { map: this, id, pos: write?.pos ?? was!, value: undefined, deleted: true, was });
    tracked.delete(key);
    return true;
  }

  override clear(): void {
    for (const id of [...this.keys()]) this.delete(id);
  }

  override *keys(): MapIterator<string> {
    for (const [id] of this.#ids()) yield id;
  }

  override *values(): MapIterator<V> {
    for (const [id, pos] of this.#ids()) yield this.#listed(id, pos).value as V;
  }

  override *entries(): MapIterator<[string, V]> {
    for (const [id, pos] of this.#ids()) yield [id, this.#listed(id, pos).value as V];
  }

  /**
   * The record of an id the iteration lists. One the file's order lists at `pos` must be stored at that position:
   * a record missing, or elsewhere, is damage LMDB's pages hide from a seal (a key or a page's pointer changed).
   */
  #listed(id: string, pos: number | null): Cached {
    const found = this.#read(id, false);
    if (found && (pos === null || found.pos === pos)) return found;
    throw this.folder.damaged(`${this.name}: the order lists ${JSON.stringify(id)} at ${pos}, ${found ? `stored at ${found.pos}` : 'not stored'}`);
  }

  override [Symbol.iterator](): MapIterator<[string, V]> {
    return this.entries();
  }

  override forEach(callback: (value: V, key: string, map: Map<string, V>) => void, thisArg?: unknown): void {
    for (const [id, value] of this.entries()) callback.call(thisArg, value, id, this);
  }

  /** A new id goes last: the next position. */
  #append(id: string): number {
    this.#count += 1;
    this.#added.set(id, true);
    return this.#next++;
  }

  /**
   * The ids in insertion order (positions only grow, so position order): the file's order and the pending commits'
   * new positions merged, less what the open batch deleted or moved; then the open batch's additions. Each with the
   * position the file's order gives it (null: placed from memory). Positions that do not grow, or a count that is
   * not the collection's size, are damage.
   */
  *#ids(): Generator<[string, number | null], undefined> {
    // An empty collection needs no read of the file (the agreement's versions, asked with every statement, are none
    // until a text is put forward).
    if (this.#count === 0) return undefined;
    const { writes, pending } = this.folder;
    const fresh = [...(this.folder.freshPending.get(this) ?? [])].map((key) => pending.get(key)!).sort((a, b) => a.pos - b.pos);
    let next = 0;
    let listed = 0;
    let last = -1;
    const stays = (key: string, pos: number): boolean => {
      const write = writes.get(key);
      return !write || (!write.deleted && write.pos === pos);
    };
    for (const [pos, id] of this.folder.order(this.name)) {
      if (!(pos > last)) throw this.folder.damaged(`${this.name}: the order goes from position ${last} to ${pos}`);
      last = pos;
      for (; next < fresh.length && fresh[next]!.pos < pos; next++) {
        if (!stays(this.folder.key(this, fresh[next]!.id), fresh[next]!.pos)) continue;
        listed += 1;
        yield [fresh[next]!.id, null];
      }
      const cacheKey = this.folder.key(this, id);
      const moved = pending.get(cacheKey);
      // A pending commit's position is placed from the pending records, even once the file shows it (LMDB makes a
      // commit visible a little before its promise says so).
      if (moved && (moved.deleted || moved.freshGen !== null || moved.pos !== pos)) continue;
      if (!stays(cacheKey, pos)) continue;
      listed += 1;
      yield [id, pos];
    }
    for (; next < fresh.length; next++) {
      if (!stays(this.folder.key(this, fresh[next]!.id), fresh[next]!.pos)) continue;
      listed += 1;
      yield [fresh[next]!.id, null];
    }
    for (const id of this.#added.keys()) {
      listed += 1;
      yield [id, null];
    }
    if (listed !== this.#count) throw this.folder.damaged(`${this.name}: the order lists ${listed} records where the collection holds ${this.#count}`);
    return undefined;
  }

  /** Where a record not in the overlay sits on disk, or null if it is not stored. */
  #storedPos(id: string, key: string): number | null {
    const pending = this.folder.pending.get(key);
    if (pending) return pending.deleted ? null : pending.pos;
    const known = this.folder.tracked.get(key) ?? this.folder.recall(key);
    if (known) return known.pos;
    if (this.folder.absent.has(key)) return null;
    const raw = this.folder.read(recordKey(this.name, id));
    return raw ? raw.readDoubleBE(0) : null;
  }

  /**
   * The record with its position: from the overlay, the cache, or decoded from disk (kept in the cache when `cache`;
   * a scan does not fill it). While a batch is applied, what is handed out is tracked with its bytes at that moment.
   */
  #read(id: string, cache: boolean): Cached | undefined {
    const { writes, tracked } = this.folder;
    const key = this.folder.key(this, id);
    const write = writes.get(key);
    if (write) return write.deleted ? undefined : write;
    const seen = tracked.get(key);
    if (seen) return seen;
    const pending = this.folder.pending.get(key);
    if (pending?.deleted) return undefined;
    let found: Cached | undefined = pending ?? this.folder.recall(key);
    let bytes: Uint8Array | undefined;
    if (!found) {
      if (this.folder.absent.has(key)) return undefined;
      const raw = this.folder.read(recordKey(this.name, id));
      if (!raw) {
        if (this.folder.tracking) this.folder.absent.add(key);
        return undefined;
      }
      bytes = raw.subarray(8);
      found = { value: deserialize(bytes) as unknown, pos: raw.readDoubleBE(0) };
      this.folder.remember(key, found, cache);
    } else if (cache && !this.folder.cache.has(key)) this.folder.cache.set(key, found);
    if (this.folder.tracking) tracked.set(key, { map: this as FolderMap<unknown>, id, pos: found.pos, value: found.value, bytes: bytes ?? serialize(found.value) });
    return found;
  }
}

/** The state's `records`: a Map of collections whose `get` makes a collection of the folder on first use. */
export class FolderRecords extends Map<string, Map<string, unknown>> {
  constructor(private readonly make: (name: string) => Map<string, unknown>) {
    super();
  }

  override get(name: string): Map<string, unknown> {
    let map = super.get(name);
    if (!map) {
      map = this.make(name);
      super.set(name, map);
    }
    return map;
  }
}
