import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import { TruceError, type ErrorCode } from '../../domain/errors.js';
import type { IncidentQuery, IncidentRow, Store } from '../store.js';

export interface StoreHarness {
  /** Open the store on this harness's data; called again after close() to reopen the same data. */
  open(): Promise<Store>;
  /** Delete the data (folder or database). */
  destroy(): Promise<void>;
}

export type HarnessFactory = () => Promise<StoreHarness>;

export interface StoreFixture {
  readonly store: Store;
  /** Close the store and open it again on the same data. */
  reopen(): Promise<Store>;
}

/** A fresh, migrated store for the enclosing describe(), closed and destroyed after it. */
export function useStore(factory: HarnessFactory): StoreFixture {
  let harness: StoreHarness | undefined;
  let current: Store | undefined;
  before(async () => {
    harness = await factory();
    current = await harness.open();
    await current.migrate();
  });
  after(async () => {
    await current?.close();
    await harness?.destroy();
  });
  return {
    get store(): Store {
      if (!current) throw new Error('the store is not open yet');
      return current;
    },
    async reopen() {
      await current?.close();
      current = undefined;
      if (!harness) throw new Error('no harness');
      current = await harness.open();
      await current.migrate();
      return current;
    },
  };
}

/** Assert that a promise rejects with a TruceError of this code. */
export async function rejectsWith(promise: Promise<unknown>, code: ErrorCode): Promise<void> {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(error instanceof TruceError, `expected a TruceError, got ${String(error)}`);
    assert.equal(error.code, code, error.message);
    return true;
  });
}

/** Every page of a query, checking that pages are full until the last one. */
export async function allPages(store: Store, query: Omit<IncidentQuery, 'cursor'>): Promise<IncidentRow[]> {
  const out: IncidentRow[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 10_000; page++) {
    const result = await store.queryIncidents({ ...query, ...(cursor ? { cursor } : {}) });
    out.push(...result.items);
    if (result.next === null) return out;
    assert.equal(result.items.length, Math.min(500, Math.max(1, query.limit)), 'a page before the last one is full');
    cursor = result.next;
  }
  throw new Error('pagination did not end');
}

/** The naive reference of queryIncidents (without q): filter, then order by (startDate, logIndex) descending. */
export function referenceQuery(rows: readonly IncidentRow[], q: Omit<IncidentQuery, 'q' | 'cursor' | 'limit'>): IncidentRow[] {
  const inBox = (r: IncidentRow): boolean => {
    if (!q.bbox) return true;
    const [west, south, east, north] = q.bbox;
    if (r.lat === null || r.lon === null || r.lat < south || r.lat > north) return false;
    return west <= east ? r.lon >= west && r.lon <= east : r.lon >= west || r.lon <= east;
  };
  return rows
    .filter((r) => (q.from === undefined || r.endDate >= q.from) && (q.to === undefined || r.startDate <= q.to))
    .filter((r) => inBox(r) && (q.type === undefined || r.eventType === q.type))
    .filter((r) => (q.party === undefined || r.parties.includes(q.party)) && (q.status === undefined || r.status === q.status))
    .sort((a, b) => (a.startDate === b.startDate ? b.logIndex - a.logIndex : a.startDate < b.startDate ? 1 : -1));
}

export const ids = (rows: readonly { id: string }[]): string[] => rows.map((r) => r.id);
