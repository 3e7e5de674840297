import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ingest } from './index.js';

// Invented notes in the style of the OSCE Special Monitoring Mission's; the villages are ones the gazetteer lacks.
const where = (text: string): string[] | undefined => ingest([{ id: 'u', text }]).events[0]?.where.map((p) => `${p.name}/${p.country}`);

test('a mission that works in one country alone places its report there: the OSCE SMM in Ukraine (notes6, issue 10)', () => {
  assert.deepEqual(where('On 9 May 2020, the OSCE SMM observed a total of 64 projectiles/bursts of fire involving heavy machineguns near Sokilnyky.'), ['Ukraine/UA']);
  // (a place named finer wins; the mission is no locative of a country named elsewhere)
  assert.deepEqual(where('On 9 May 2020, the OSCE SMM observed a total of 12 explosions near Avdiivka.')?.map((w) => w.split('/')[1]), ['UA']);
  assert.notDeepEqual(where('On 9 May 2020, the OSCE SMM observed a total of 12 explosions near Avdiivka.'), ['Ukraine/UA']);
});
