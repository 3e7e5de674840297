// The snapshot's encoding on its own (no database): a state with nested Maps, Sets, undefined fields and more entries
// than one part reads back deep-equal, in the same order; a state holding a function is not snapshotted; a snapshot
// from other code, with a part missing or a part of garbage, reads back as nothing (the log is then replayed).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createState, collection } from '../domain/state.js';
import { decodeSnapshot, encodeSnapshot } from './state-snapshot.js';

function sampleState() {
  const state = createState();
  state.mechanism = 'snap';
  state.size = 2500;
  for (let i = 0; i < 2500; i++) {
    const ref = { index: i, id: i.toString(16).padStart(64, '0'), at: '2026-12-04T18:00:00Z', by: 'monitor' };
    state.keys.set(`k${i}`, { key: `k${i}`, member: 'monitor', added: ref, revoked: i % 7 === 0 ? ref : null });
  }
  state.members.set('monitor', { id: 'monitor', name: 'Monitor', role: 'monitor', side: null, admitted: { index: 0, id: 'x', at: 'a', by: 'b' } });
  const reports = collection<Record<string, unknown>>(state, 'reports');
  reports.set('r1', { replies: new Map([['pk', { text: 'no', seen: new Set(['a', 'b']) }]]), optional: undefined, list: [1, undefined, 'x'] });
  collection(state, 'empty');
  return state;
}

test('a snapshot in parts reads back deep-equal, in order', async () => {
  const state = sampleState();
  const snapshot = await encodeSnapshot(state);
  assert.ok(snapshot);
  assert.ok(snapshot.parts.length >= 4, 'the keys span several parts');
  const back = await decodeSnapshot(snapshot);
  assert.deepStrictEqual(back, state);
  assert.deepEqual([...back!.keys.keys()].slice(0, 3), ['k0', 'k1', 'k2']);
  assert.deepEqual([...back!.records.keys()], ['reports', 'empty']);
});

test('what a snapshot cannot carry, or does not read back whole, is refused', async () => {
  const state = sampleState();
  collection<unknown>(state, 'bad').set('f', { run: () => 1 });
  assert.equal(await encodeSnapshot(state), null, 'a function is not state');

  const good = (await encodeSnapshot(sampleState()))!;
  assert.equal(await decodeSnapshot({ ...good, version: 'truce-state-snapshot/1:other' }), null);
  assert.equal(await decodeSnapshot({ ...good, parts: good.parts.slice(1) }), null, 'a part missing');
  assert.equal(await decodeSnapshot({ ...good, parts: [new Uint8Array([0, 255, 1]), ...good.parts.slice(1)] }), null, 'a part of garbage');
  assert.equal(await decodeSnapshot({ ...good, size: good.size + 1 }), null, 'another size than its state');
});
