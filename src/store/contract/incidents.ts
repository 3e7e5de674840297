import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { IncidentQuery, IncidentRow } from '../store.js';
import { entries, incident, prng } from './builders.js';
import { allPages, ids, referenceQuery, rejectsWith, useStore, type HarnessFactory } from './fixture.js';

/** A hand-made set whose answers are easy to read: two near the antimeridian, one without coordinates. */
const hand: IncidentRow[] = [
  incident({ id: 'spin-boldak', logIndex: 0, startDate: '2025-10-11', endDate: '2025-10-12', lat: 30.99, lon: 66.4, eventType: 'Explosions/Remote violence', parties: ['pakistan'] }),
  incident({ id: 'kurram', logIndex: 1, startDate: '2025-10-12', endDate: '2025-10-12', lat: 33.8, lon: 70.1, parties: ['afghanistan', 'ttp'], status: 'replied' }),
  incident({ id: 'chaman', logIndex: 2, startDate: '2025-10-15', endDate: '2025-10-15', lat: 30.92, lon: 66.45, parties: ['afghanistan'], status: 'violation' }),
  incident({ id: 'fiji-east', logIndex: 3, startDate: '2025-10-01', endDate: '2025-10-31', lat: -17.8, lon: 179.5, eventType: 'Protests', parties: [] }),
  incident({ id: 'fiji-west', logIndex: 4, startDate: '2025-09-20', endDate: '2025-09-21', lat: -17.5, lon: -179.5, eventType: 'Protests', parties: [] }),
  incident({ id: 'nowhere', logIndex: 5, startDate: '2025-10-12', endDate: '2025-10-13', lat: null, lon: null, parties: ['ttp'] }),
];

function randomIncidents(n: number, seed: number): IncidentRow[] {
  const rand = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  return Array.from({ length: n }, (_, i) => {
    const start = new Date(Date.UTC(2025, 8, 1) + Math.floor(rand() * 60) * 86_400_000);
    const end = new Date(start.getTime() + Math.floor(rand() * 4) * 86_400_000);
    const located = rand() > 0.1;
    return incident({
      id: `r-${i}`,
      logIndex: 1000 + i,
      startDate: start.toISOString().slice(0, 10),
      endDate: end.toISOString().slice(0, 10),
      lat: located ? Math.round((rand() * 170 - 85) * 1e4) / 1e4 : null,
      lon: located ? Math.round((rand() * 360 - 180) * 1e4) / 1e4 : null,
      eventType: pick(['Battles', 'Explosions/Remote violence', 'Violence against civilians']),
      parties: ['pakistan', 'afghanistan', 'ttp'].filter(() => rand() > 0.5),
      status: pick(['reported', 'replied', 'violation']),
    });
  });
}

function randomQuery(rand: () => number): Omit<IncidentQuery, 'limit'> {
  const date = () => new Date(Date.UTC(2025, 8, 1) + Math.floor(rand() * 60) * 86_400_000).toISOString().slice(0, 10);
  const query: { -readonly [K in keyof IncidentQuery]?: IncidentQuery[K] } = {};
  if (rand() < 0.4) query.from = date();
  if (rand() < 0.4) query.to = date();
  if (rand() < 0.3) {
    const south = rand() * 120 - 80;
    query.bbox = [rand() * 360 - 180, south, rand() * 360 - 180, Math.min(90, south + rand() * 60)];
  }
  if (rand() < 0.3) query.type = 'Battles';
  if (rand() < 0.3) query.party = rand() < 0.5 ? 'ttp' : 'pakistan';
  if (rand() < 0.3) query.status = 'violation';
  return query;
}

export function incidentsContract(factory: HarnessFactory): void {
  describe('incidents: filters', () => {
    const fx = useStore(factory);
    const find = async (query: Omit<IncidentQuery, 'limit'>) => ids((await fx.store.queryIncidents({ ...query, limit: 100 })).items);

    it('are written with their statements and read back', async () => {
      await fx.store.appendBatch({ entries: entries(0, hand.length), incidents: hand });
      assert.deepEqual(await fx.store.incident('kurram'), hand[1]);
      assert.equal(await fx.store.incident('absent'), null);
      assert.deepEqual(await find({}), ['chaman', 'nowhere', 'kurram', 'spin-boldak', 'fiji-east', 'fiji-west']);
    });

    it('filter by dates (overlap of [start, end]), type, party, status', async () => {
      assert.deepEqual(await find({ from: '2025-10-13' }), ['chaman', 'nowhere', 'fiji-east']);
      assert.deepEqual(await find({ to: '2025-10-11' }), ['spin-boldak', 'fiji-east', 'fiji-west']);
      assert.deepEqual(await find({ from: '2025-10-12', to: '2025-10-12' }), ['nowhere', 'kurram', 'spin-boldak', 'fiji-east']);
      assert.deepEqual(await find({ type: 'Protests' }), ['fiji-east', 'fiji-west']);
      assert.deepEqual(await find({ party: 'ttp' }), ['nowhere', 'kurram']);
      assert.deepEqual(await find({ status: 'violation' }), ['chaman']);
      assert.deepEqual(await find({ party: 'afghanistan', status: 'replied' }), ['kurram']);
    });

    it('filter by bbox, also across the antimeridian (west > east), never matching rows without a place', async () => {
      assert.deepEqual(await find({ bbox: [66, 30, 67, 31.5] }), ['chaman', 'spin-boldak']);
      assert.deepEqual(await find({ bbox: [179, -20, -179, -15] }), ['fiji-east', 'fiji-west']);
      assert.deepEqual(await find({ bbox: [-180, -90, 180, 90] }), ['chaman', 'kurram', 'spin-boldak', 'fiji-east', 'fiji-west']);
    });

    it('upsert an incident appended again (an amendment), the last row of a batch winning', async () => {
      const amended = { ...hand[2]!, status: 'no_violation', text: 'amended' };
      await fx.store.appendBatch({ entries: entries(hand.length, 1), incidents: [{ ...amended, status: 'interim' }, amended] });
      assert.deepEqual(await fx.store.incident('chaman'), amended);
    });

    it('refuse malformed parameters', async () => {
      for (const bad of [{ from: '2025-13-01' }, { to: '2025-02-30' }, { from: "2025-10-01' OR 1=1" }]) {
        await rejectsWith(fx.store.queryIncidents({ ...bad, limit: 10 }), 'bad_request');
      }
      for (const bbox of [[0, 0, 181, 1], [0, 10, 1, 5], [0, -91, 1, 0], [Number.NaN, 0, 1, 1]] as const) {
        await rejectsWith(fx.store.queryIncidents({ bbox, limit: 10 }), 'bad_request');
      }
      await rejectsWith(fx.store.queryIncidents({ q: 'x'.repeat(257), limit: 10 }), 'bad_request');
      await rejectsWith(fx.store.queryIncidents({ cursor: 'WyIyMDI1LTEwLTEyIl0', limit: 10 }), 'bad_request');
      await rejectsWith(fx.store.queryIncidents({ limit: Number.NaN }), 'bad_request');
    });

    it('are rebuilt by replaceIncidents', async () => {
      await fx.store.replaceIncidents(hand.slice(0, 2));
      assert.deepEqual(await find({}), ['kurram', 'spin-boldak']);
      assert.deepEqual(await fx.store.incident('spin-boldak'), hand[0]);
      await fx.store.replaceIncidents([]);
      assert.deepEqual(await find({}), []);
    });
  });

  describe('incidents: time windows at scale', () => {
    const fx = useStore(factory);
    const find = async (query: Omit<IncidentQuery, 'limit'>) => ids((await fx.store.queryIncidents({ ...query, limit: 100 })).items);

    it('find an incident that began long before the window (the walk back stops at the longest incident)', async () => {
      const short = Array.from({ length: 30 }, (_, i) => incident({ id: `day-${i}`, logIndex: i, startDate: `2025-10-${String(i + 1).padStart(2, '0')}`, endDate: `2025-10-${String(i + 1).padStart(2, '0')}` }));
      const long = incident({ id: 'season', logIndex: 40, startDate: '2024-03-01', endDate: '2025-10-20', eventType: 'Strategic developments' });
      const backwards = incident({ id: 'backwards', logIndex: 41, startDate: '2025-10-22', endDate: '2025-10-21' });
      await fx.store.replaceIncidents([...short, long, backwards]);
      assert.deepEqual(await find({ from: '2025-10-19', to: '2025-10-19' }), ['day-18', 'season']);
      assert.deepEqual(await find({ from: '2025-10-19', to: '2025-10-20', type: 'Strategic developments', bbox: [66, 30, 67, 32] }), ['season']);
      assert.deepEqual(await find({ from: '2025-10-21', to: '2025-10-22' }), ['backwards', 'day-21', 'day-20'], 'an end before the start breaks nothing');
      assert.deepEqual(await find({ from: '2025-10-20', to: '2025-10-19' }), ['season'], 'from after to: only what spans both');
    });
  });

  describe('incidents: pagination against a naive reference', () => {
    const fx = useStore(factory);
    const rows = randomIncidents(540, 7);

    it('walks every page with no duplicate and no gap, for many page sizes', async () => {
      await fx.store.replaceIncidents(rows);
      const expected = ids(referenceQuery(rows, {}));
      for (const limit of [1, 7, 50, 499, 500]) assert.deepEqual(ids(await allPages(fx.store, { limit })), expected, `limit ${limit}`);
    });

    it('clamps the page size to 1..500', async () => {
      assert.equal((await fx.store.queryIncidents({ limit: 0 })).items.length, 1);
      assert.equal((await fx.store.queryIncidents({ limit: 10_000 })).items.length, 500);
    });

    it('answers random filter combinations like the reference, page by page', async () => {
      const rand = prng(11);
      for (let i = 0; i < 60; i++) {
        const query = randomQuery(rand);
        const limit = 1 + Math.floor(rand() * 40);
        const got = ids(await allPages(fx.store, { ...query, limit }));
        assert.deepEqual(got, ids(referenceQuery(rows, query)), JSON.stringify({ ...query, limit }));
      }
    });

    it('lists the same pages as view JSON text, each parsing to the view stored', async () => {
      const view = { id: 'urdu', title: 'چمن میں گولہ باری', at: [30.92, 66.45, -0.000001, 12345678901], nested: { 'key "q"': null, empty: [] } };
      await fx.store.replaceIncidents([...rows, incident({ id: 'urdu', logIndex: 5000, startDate: '2025-12-01', view, text: 'shelling at chaman' })]);
      const rand = prng(12);
      for (let i = 0; i < 20; i++) {
        const query = { ...(i === 0 ? {} : i === 1 ? { q: 'chaman shelling' } : randomQuery(rand)), limit: 1 + Math.floor(rand() * 40) };
        const full = await fx.store.queryIncidents(query);
        const listed = await fx.store.listIncidentViews(query);
        assert.equal(listed.next, full.next, JSON.stringify(query));
        assert.deepEqual(
          listed.items.map((row) => ({ id: row.id, startDate: row.startDate, logIndex: row.logIndex, view: JSON.parse(row.viewJson) as unknown })),
          full.items.map((row) => ({ id: row.id, startDate: row.startDate, logIndex: row.logIndex, view: row.view })),
          JSON.stringify(query),
        );
        if (i <= 1) assert.deepEqual(JSON.parse(listed.items[0]!.viewJson), view, 'a view of other scripts, numbers and nesting comes back as it went in');
      }
    });
  });
}
