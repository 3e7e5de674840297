// `npm run eval:ingest`: the extractor measured on real reporting nobody here wrote, a development set and a
// held-out one (sources in docs/ingest.md), beside the project's own annotated fixture sets and the Arabic-script set. Prints one table of
// precision and recall per field. The held-out halves are never read while tuning.
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { evaluate, ingest, readInputs } from '../src/ingest/index.js';
import type { Gold, Score } from '../src/ingest/index.js';
import { gazetteer } from '../src/ingest/gazetteer.js';
import { actorTable } from '../src/ingest/actors.js';
import { evalSnippets } from './eval-snippets.js';
import { existsSync } from 'node:fs';
import { evalNotes, evalWire, meanF1 } from './eval-real.js';

const FIX = fileURLToPath(new URL('../test/fixtures/', import.meta.url));
const fmt = (s: Score): string => `${s.precision.toFixed(2)} | ${s.recall.toFixed(2)} | ${s.tp} | ${s.sys} | ${s.gold}`;
const rows: string[] = ['| set | field | precision | recall | correct | system | gold |', '|---|---|---|---|---|---|---|'];

// EVAL_HALF=dev prints the development halves only (while tuning, the held-out ones are not to be read)
const HALVES = process.env.EVAL_HALF === 'dev' ? ['dev'] : ['dev', 'heldout'];
// EVAL_ONLY=snippets,wire,news prints only the sets whose name contains one of the words (quicker while tuning)
const ONLY = process.env.EVAL_ONLY?.split(',').filter(Boolean) ?? [];
const wanted = (set: string): boolean => ONLY.length === 0 || ONLY.some((w) => set.includes(w));
for (const half of wanted('snippets') ? HALVES : []) {
  const t0 = performance.now();
  const r = evalSnippets(join(FIX, 'eval/snippets', `${half}.tsv`));
  rows.push(`| snippets ${half} | sub-event type | ${fmt(r.subType)} |`, `| snippets ${half} | conflict event found | ${fmt(r.events)} |`, `| snippets ${half} | not a conflict event | ${fmt(r.notConflict)} |`);
  console.error(`snippets ${half}: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

// wire copy (MUC-4 TST4 with its keys; TST1-TST3 in capitals) and coders' notes (ACLED): built by scripts/eval-build.ts outside the repository
const REAL = process.env.TRUCE_EVAL_DATA ?? fileURLToPath(new URL('../../shared/eval/', import.meta.url));
// coders' notes: Benin 2009-22, Somalia 2025-26, Africa and the rest of the world in May 2020, Bangladesh 2022-24
// wire capitals: MUC-3/4 TST1-TST3, the same kind of copy as TST4 but in capitals only, as teleprinters sent it;
// MUC-3 DEV: 1,300 more such stories with their keys (about half report no incident), a larger set to tune on
const REAL_SETS = [['wire 1989-90', 'muc', evalWire], ['wire capitals 1989-90', 'muc-caps', evalWire],
  ['wire capitals MUC-3 DEV', 'muc-dev', evalWire], ["coders' notes", 'acled', evalNotes], ["coders' notes Somalia", 'acled-somalia', evalNotes],
  ["coders' notes Africa 2020", 'acled-africa-2020', evalNotes], ["coders' notes world 2020", 'acled-world-2020', evalNotes], ["coders' notes Bangladesh", 'acled-bangladesh', evalNotes]] as const;
for (const [set, name, run] of REAL_SETS) {
  for (const half of wanted(set) ? HALVES : []) {
    const file = join(REAL, name, `${half}.jsonl`);
    if (!existsSync(file)) { rows.push(`| ${set} ${half} | (not built: ${file}; see docs/ingest.md) | | | | | |`); continue; }
    const t0 = performance.now();
    const s = run(file, half);
    for (const [field, v] of Object.entries(s)) rows.push(`| ${set} ${half} | ${field} | ${fmt(v)} |`);
    rows.push(`| ${set} ${half} | mean F1 of the fields | ${meanF1(s).toFixed(2)} | | | | |`);
    console.error(`${set} ${half}: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  }
}

// the fixture sets, and the Arabic-script set (Urdu, Pashto, Dari/Persian, Arabic; test/ingest/arabic-script)
const SETS: [string, string, string[]][] = [
  ['news', join(FIX, 'news') + '/', ['pk-af', 'other', 'feeds']],
  ['news-heldout', join(FIX, 'news-heldout') + '/', ['pk-af', 'other', 'feeds']],
  ['arabic-script', fileURLToPath(new URL('../test/ingest/arabic-script/', import.meta.url)), ['ur', 'ps', 'fa', 'ar']],
  // real Arabic-script reporting nobody here wrote (sources in docs/ingest.md); the held-out half is never tuned on
  ['arabic-script real dev', fileURLToPath(new URL('../test/ingest/arabic-script/real/dev/', import.meta.url)), ['fa', 'ps', 'ur']],
  ['arabic-script real held-out', fileURLToPath(new URL('../test/ingest/arabic-script/real/heldout/', import.meta.url)), ['fa', 'ps', 'ur']],
];
for (const [set, dir, folders] of SETS) {
  if (!wanted(set) || (process.env.EVAL_HALF === 'dev' && /held-?out/.test(set))) continue;
  const gold = JSON.parse(readFileSync(join(dir, 'gold.json'), 'utf8')) as Gold;
  const { inputs } = await readInputs(folders.map((d) => join(dir, d)));
  const result = ingest(inputs.map((i) => ({ ...i, id: i.id!.slice(dir.length) })));
  const { scores } = evaluate(result, gold, gazetteer(), actorTable());
  for (const [field, s] of Object.entries(scores)) rows.push(`| ${set} | ${field} | ${fmt(s)} |`);
}
console.log(rows.join('\n'));
