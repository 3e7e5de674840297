import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ingest } from './pipeline.js';
import type { EventToll } from './result.js';

const show = (ts: readonly EventToll[]): string[] =>
  ts.map((t) => `${t.claimant}: ${t.civilian ? 'civilians' : t.actor?.name ?? t.side ?? 'unspecified'} killed ${t.killed ? `${t.killed.min}${t.killed.max !== t.killed.min ? `-${t.killed.max}` : ''}${t.killed.open ? '+' : ''}` : '-'} injured ${t.injured ? `${t.injured.min}${t.injured.open ? '+' : ''}` : '-'}`).sort();

test('"201 Taliban and 23 soldiers": two tolls, each with the side its dead belong to and who gives it', () => {
  const text = `Pakistan says 23 soldiers, 201 Taliban killed in border clashes

ISLAMABAD, Oct 12 (Reuters) - Pakistan's military said on Sunday that 23 of its soldiers were killed and 29 wounded in overnight clashes along the Afghan border, and that more than 200 Taliban and affiliated militants were killed in retaliatory strikes.

Taliban spokesman Zabihullah Mujahid said nine Taliban fighters were killed and 16 wounded, and that 58 Pakistani soldiers died.`;
  const r = ingest([{ id: 'r.txt', text }], { now: '2025-10-13' });
  const e = r.events.find((x) => x.kind === 'incident')!;
  // fatalities keeps design.md's shape: one range over every claimant's total
  assert.deepEqual(e.fatalities, { min: 67, max: 224, open: true });
  assert.deepEqual(show(e.tolls), [
    'Pakistan Army: Afghan Taliban killed 201+ injured -',
    'Pakistan Army: Pakistan Army killed 23 injured 29',
    'Zabihullah Mujahid: Afghan Taliban killed 9 injured 16',
    'Zabihullah Mujahid: Pakistan Army killed 58 injured -',
  ]);
  assert.ok(e.tolls.every((t) => t.article === 'r.txt'));
});

test('civilians are marked, unmarked troops are the country\'s in context, and an outlet\'s own figure is its own', () => {
  const text = `Gunmen kill villagers in central Mali

BAMAKO, March 3 (AFP) - Gunmen killed at least a dozen civilians, including four children, and wounded dozens in an attack on a village in central Mali on Sunday, local officials said. Two soldiers and three attackers were also killed when troops arrived.`;
  const r = ingest([{ id: 'm.txt', text }], { now: '2024-03-04' });
  const tolls = r.events.flatMap((e) => e.tolls);
  assert.ok(tolls.some((t) => t.civilian && t.killed?.min === 12 && t.killed.open && t.injured?.min === 24), JSON.stringify(tolls));
  assert.ok(tolls.some((t) => t.actor?.name === 'Military Forces of Mali' && t.killed?.min === 2), JSON.stringify(tolls));
  assert.ok(tolls.some((t) => t.side === 'militants' && t.killed?.min === 3), JSON.stringify(tolls));
});
