// `npm run bench` / `truce bench`: every benchmark in one process, so figures can be compared as ratios to the
// baselines measured in the same run (the machines are noisy 2-core boxes). Prints one table per benchmark and the
// machine's load, and writes bench/last-run.json.
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
console.log(`node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model}), load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
for (const name of only) {
  const bench = benches[name];
  if (!bench) {
    console.error(`unknown benchmark ${name}; choose from ${Object.keys(benches).join(', ')}`);
    process.exit(2);
  }
  console.log(`\n== ${name}`);
  results[name] = await bench();
  console.table(results[name]);
}
writeFileSync(fileURLToPath(new URL('./last-run.json', import.meta.url)), JSON.stringify({ at: new Date().toISOString(), load: loadavg(), results }, null, 2) + '\n');
