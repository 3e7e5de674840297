// Quality of `truce ingest` on the hand-annotated set in test/fixtures/news (see its README): events matched to the
// gold mentions article by article, precision and recall per field, and floors that fail the test if a change makes
// any figure drop. The floors sit just under what the pipeline achieves; raise them when it gets better.
// Reproduce the table: node --import tsx --test test/ingest-quality.test.ts
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ingest, readInputs, evaluate, scoreTable } from '../src/ingest/index.js';
import type { Gold } from '../src/ingest/index.js';
import { gazetteer } from '../src/ingest/gazetteer.js';
import { actorTable } from '../src/ingest/actors.js';

const DIR = fileURLToPath(new URL('./fixtures/news/', import.meta.url));
const GOLD = join(DIR, 'gold.json');

/** precision and recall floors, per field */
const FLOORS: Record<string, [number, number]> = {
  events: [0.91, 0.93],
  date: [0.83, 0.85],
  place: [0.8, 0.77],
  casualties: [0.89, 0.89],
  actors: [0.72, 0.67],
  speakers: [0.58, 0.66],
  clustering: [0.91, 0.71],
  discrepancies: [0.83, 0.81],
  published: [0.96, 0.96],
};

async function run(): Promise<{ gold: Gold; result: ReturnType<typeof ingest> }> {
  // No gold, no measurement: this must fail, not skip.
  assert.ok(existsSync(GOLD), `missing ${GOLD}: the quality test needs the annotated set`);
  const gold = JSON.parse(readFileSync(GOLD, 'utf8')) as Gold;
  const { inputs, errors } = await readInputs(['pk-af', 'other', 'feeds'].map((d) => join(DIR, d)));
  assert.deepEqual(errors, []);
  const result = ingest(inputs.map((i) => ({ ...i, id: i.id!.slice(DIR.length) })));
  return { gold, result };
}

test('ingest quality on the annotated news set stays above its floors', async () => {
  const { gold, result } = await run();
  assert.deepEqual(result.errors, []);
  const { scores } = evaluate(result, gold, gazetteer(), actorTable());
  // article metadata: publication dates as the annotation reads them (null for undated articles)
  const byId = new Map(result.articles.map((a) => [a.id, a]));
  const correct = gold.articles.filter((g) => byId.get(g.file)?.published === g.published).length;
  const all = { ...scores, published: { tp: correct, sys: result.articles.length, gold: gold.articles.length, precision: correct / result.articles.length, recall: correct / gold.articles.length } };
  console.log(`\ningest quality (${gold.articles.length} articles, ${gold.events.length} gold clusters):\n${scoreTable(all)}\n`);
  for (const [field, [p, r]] of Object.entries(FLOORS)) {
    const s = all[field as keyof typeof all];
    assert.ok(s, `no score for ${field}`);
    assert.ok(s.precision >= p, `${field} precision ${s.precision.toFixed(3)} fell below ${p}`);
    assert.ok(s.recall >= r, `${field} recall ${s.recall.toFixed(3)} fell below ${r}`);
  }
});

test('every gold article is read, and each yields its articles', async () => {
  const { gold, result } = await run();
  const ids = new Set(result.articles.map((a) => a.id));
  for (const a of gold.articles) assert.ok(ids.has(a.file), `not read: ${a.file}`);
});

test('bad inputs: one clear message each, the rest processed, no events from junk', async () => {
  const bad = join(DIR, 'bad');
  const good = join(DIR, 'pk-af', 'mpa-2025-11-06-chaman-fire.txt');
  const { inputs, errors } = await readInputs([bad, good, join(DIR, 'no-such-file.txt'), 'https://example.org/feed']);
  const result = ingest(inputs);
  const messages = [...errors, ...result.errors];
  const named = (f: string): number => messages.filter((e) => e.input.endsWith(f)).length;
  assert.equal(named('empty.txt'), 1);
  assert.equal(named('binary-as-article.txt'), 1);
  assert.equal(named('huge-3mb.txt'), 1);
  assert.equal(named('broken-feed.xml'), 1);
  assert.equal(named('no-such-file.txt'), 1);
  assert.equal(named('https://example.org/feed'), 1);
  for (const e of messages) assert.ok(e.message.length > 5 && e.code, `unclear error: ${JSON.stringify(e)}`);
  // the broken page is read as best it can be, with a warning and no trusted date
  const broken = result.articles.find((a) => a.id.endsWith('broken-page.html'));
  if (broken) {
    assert.ok(broken.notes.some((n) => /malformed/.test(n)));
    assert.equal(broken.published, null);
  } else assert.equal(named('broken-page.html'), 1);
  // the good article still came through
  assert.ok(result.articles.some((a) => a.id === good));
  assert.ok(result.events.some((e) => e.mentions.some((m) => m.article === good)));
});
