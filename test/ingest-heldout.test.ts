// Generalisation of `truce ingest`: the same measurement as ingest-quality.test.ts on a HELD-OUT set
// (test/fixtures/news-heldout, written apart and never used to tune the pipeline). The gap between the two tables is
// what to expect on articles nobody has seen. Floors sit just under the measured figures; never tune on this set.
// Reproduce the table: node --import tsx --test test/ingest-heldout.test.ts
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ingest, readInputs, evaluate, scoreTable } from '../src/ingest/index.js';
import type { Gold } from '../src/ingest/index.js';
import { gazetteer } from '../src/ingest/gazetteer.js';
import { actorTable } from '../src/ingest/actors.js';

const DIR = fileURLToPath(new URL('./fixtures/news-heldout/', import.meta.url));
const GOLD = join(DIR, 'gold.json');

/** precision and recall floors, per field, on the held-out set */
const FLOORS: Record<string, [number, number]> = {
  events: [0.78, 0.83],
  date: [0.67, 0.71],
  place: [0.6, 0.45],
  casualties: [0.65, 0.58],
  actors: [0.55, 0.44],
  speakers: [0.31, 0.35],
  clustering: [0.88, 0.62],
  discrepancies: [0.63, 0.5],
};

test('ingest quality on the held-out news set stays above its floors', async () => {
  assert.ok(existsSync(GOLD), `missing ${GOLD}: the held-out test needs the annotated set`);
  const gold = JSON.parse(readFileSync(GOLD, 'utf8')) as Gold;
  const { inputs, errors } = await readInputs(['pk-af', 'other', 'feeds'].map((d) => join(DIR, d)));
  assert.deepEqual(errors, []);
  const result = ingest(inputs.map((i) => ({ ...i, id: i.id!.slice(DIR.length) })));
  assert.deepEqual(result.errors, []);
  const { scores } = evaluate(result, gold, gazetteer(), actorTable());
  console.log(`\ningest quality, held-out (${gold.articles.length} articles, ${gold.events.length} gold clusters):\n${scoreTable(scores)}\n`);
  for (const [field, [p, r]] of Object.entries(FLOORS)) {
    const s = scores[field as keyof typeof scores];
    assert.ok(s, `no score for ${field}`);
    assert.ok(s.precision >= p, `${field} precision ${s.precision.toFixed(3)} fell below ${p}`);
    assert.ok(s.recall >= r, `${field} recall ${s.recall.toFixed(3)} fell below ${r}`);
  }
});
