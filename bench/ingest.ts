// Ingest throughput and memory: the annotated news set (test/fixtures/news: 54 articles in text, HTML, RSS and
// Atom) run through the whole pipeline many times on one thread. The gazetteer and alias table load once per
// process and are timed apart. Run alone: node --import tsx bench/ingest.ts
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ingest, readInputs } from '../src/ingest/index.js';
import type { ArticleInput } from '../src/ingest/index.js';
import { gazetteer } from '../src/ingest/gazetteer.js';
import { actorTable } from '../src/ingest/actors.js';

const DIR = fileURLToPath(new URL('../test/fixtures/news/', import.meta.url));

export async function benchIngest(): Promise<Record<string, number>> {
  const rssBefore = process.memoryUsage().rss;
  const t0 = performance.now();
  gazetteer();
  actorTable();
  const loadMs = performance.now() - t0;
  const { inputs } = await readInputs(['pk-af', 'other', 'feeds'].map((d) => join(DIR, d)));
  const articles = ingest(inputs).articles.length; // warm-up, and the article count (feeds hold several)
  const bytes = (await Promise.all(inputs.map(async (i) => (i.id ? (await readFile(i.id)).length : 0)))).reduce((a, b) => a + b, 0);
  global.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  let peakRss = process.memoryUsage().rss;
  // Two phases: the first rounds after the warm-up, while V8 is still compiling the pipeline on its background
  // threads (what a short-lived `truce ingest` of a few hundred articles sees), then the warm rounds that a
  // long-running ingest worker spends its life in. The per-core goal is read from the warm rounds.
  const firstRounds = 5;
  const warmRounds = 25;
  const measure = (rounds: number) => {
    // CPU time as well as wall time: on a shared, loaded machine the wall clock counts the time spent waiting for
    // a core, the CPU time only the work (articles per CPU second is the per-core figure; it includes V8's
    // compiler and GC threads)
    const cpu0 = process.cpuUsage();
    const t1 = performance.now();
    for (let i = 0; i < rounds; i++) {
      ingest(inputs as ArticleInput[]);
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
    }
    const seconds = (performance.now() - t1) / 1000;
    const cpu = process.cpuUsage(cpu0);
    return { seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6 };
  };
  const first = measure(firstRounds);
  const { seconds, cpuSeconds } = measure(warmRounds);
  const rounds = warmRounds;
  global.gc?.(); // what the rounds left behind, not the garbage they have not yet collected
  const heapAfter = process.memoryUsage().heapUsed;
  return {
    articles_per_round: articles,
    rounds,
    articles_per_s: Math.round((articles * rounds) / seconds),
    kib_per_s: Math.round((bytes * rounds) / 1024 / seconds),
    ms_per_article: Number(((seconds * 1000) / (articles * rounds)).toFixed(2)),
    articles_per_cpu_s: Math.round((articles * rounds) / cpuSeconds),
    first_rounds_articles_per_s: Math.round((articles * firstRounds) / first.seconds),
    first_rounds_articles_per_cpu_s: Math.round((articles * firstRounds) / first.cpuSeconds),
    data_load_ms: Math.round(loadMs),
    peak_rss_mib: Math.round(peakRss / 2 ** 20),
    rss_growth_mib: Math.round((peakRss - rssBefore) / 2 ** 20),
    heap_delta_mib: Number(((heapAfter - heapBefore) / 2 ** 20).toFixed(1)),
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  console.table(await benchIngest());
}
