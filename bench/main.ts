// `npm run bench` / `truce bench`: every benchmark in one process, so figures can be compared as ratios to the
// baselines measured in the same run (the machines are noisy 2-core boxes). Prints one table per benchmark and the
// machine's load before each, and writes bench/last-run.json after each (a part that fails is named there, and the
// run goes on to the next; the exit code is then 1).
import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';

const benches: Record<string, () => Promise<Record<string, number>>> = {
  log: async () => (await import('./log-proofs.js')).benchLogProofs(),
  store: async () => (await import('./store.js')).benchStore(),
  append: async () => (await import('./append.js')).benchAppend(),
  ingest: async () => (await import('./ingest.js')).benchIngest(),
  'ingest-queue': async () => (await import('./ingest-queue.js')).benchIngestQueue(),
  restart: async () => (await import('./restart.js')).benchRestart(),
  queries: async () => (await import('./queries.js')).benchQueries(),
  'state-views': async () => (await import('./state-views.js')).benchStateViews(),
  browser: async () => (await import('./browser.js')).benchBrowser(),
};

const onlyIndex = process.argv.indexOf('--only');
const only = onlyIndex > 0 ? (process.argv[onlyIndex + 1] ?? '').split(',') : Object.keys(benches);
const results: Record<string, Record<string, number>> = {};
/** Parts that threw: a run of hours keeps the figures of the others, and says which failed and why. */
const failed: Record<string, string> = {};
const started = new Date().toISOString();
// Written after every part, so a run stopped or failing late keeps what it measured.
const record = () =>
  writeFileSync(fileURLToPath(new URL('./last-run.json', import.meta.url)), JSON.stringify({ at: started, updated: new Date().toISOString(), load: loadavg(), results, failed }, null, 2) + '\n');
console.log(`node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model}), load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
const unknown = only.filter((name) => !benches[name]);
if (unknown.length) {
  console.error(`unknown benchmark ${unknown.join(', ')}; choose from ${Object.keys(benches).join(', ')}`);
  process.exit(2);
}
for (const name of only) {
  console.log(`\n== ${name} (load average ${loadavg().map((l) => l.toFixed(2)).join(' ')})`);
  try {
    results[name] = await benches[name]!();
    console.table(results[name]);
  } catch (error) {
    failed[name] = error instanceof Error ? error.message : String(error);
    console.error(`bench ${name} failed: ${failed[name]}`);
  }
  record();
}
if (Object.keys(failed).length) {
  console.error(`\nfailed: ${Object.keys(failed).join(', ')} (the other parts' figures are in bench/last-run.json)`);
  process.exitCode = 1;
}
