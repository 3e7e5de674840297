// Ingestion as jobs on PostgreSQL (src/queue, pg-boss): articles per second in total and per worker with 1, 2 and 4
// workers (each a worker thread, as `truce ingest-queue work --workers N` runs them), candidates written to the
// store, beside the same articles read on one thread in this process with no queue and no database (the baseline).
// CPU seconds of the whole process are counted too: on a loaded 2-core machine they say what each article costs.
// Run alone: node --import tsx bench/ingest-queue.ts
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createIngestPool, ingest, readInputs, type ArticleInput, type IngestRequest } from '../src/ingest/index.js';
import { IngestQueue } from '../src/queue/ingest-queue.js';
import { startIngestWorkers } from '../src/queue/ingest-workers.js';
import { openPostgresStore } from '../src/store/postgres-store.js';
import { createScratchDatabase } from '../src/store/postgres-test-db.js';
import type { SqlStore } from '../src/store/sql-store.js';

const DIR = fileURLToPath(new URL('../test/fixtures/news/', import.meta.url));
/** Inputs per job (a feed holds several articles), and how many times the fixture set is queued per run. */
const PER_JOB = 6;
const COPIES = Number(process.env.BENCH_INGEST_QUEUE_COPIES ?? 4);
const WORKERS = [1, 2, 4];
/**
 * Passes over the set each thread makes before the clock starts, the baseline's and every worker's alike: V8 compiles
 * the pipeline for a while (bench/ingest.ts: 94-119 articles per CPU second in the first rounds, 166-192 warm), and a
 * worker of the queue lives long.
 */
const WARM_PASSES = Number(process.env.BENCH_INGEST_QUEUE_WARM ?? 5);

interface Rate {
  readonly articles: number;
  readonly seconds: number;
  readonly cpuSeconds: number;
}

function timed(run: () => Promise<number>): Promise<Rate> {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  return run().then((articles) => {
    const cpu = process.cpuUsage(cpu0);
    return { articles, seconds: (performance.now() - t0) / 1000, cpuSeconds: (cpu.user + cpu.system) / 1e6 };
  });
}

async function queued(url: string, store: SqlStore, jobs: readonly IngestRequest[], workers: number, warm: readonly ArticleInput[]): Promise<Rate> {
  const queue = await IngestQueue.open(url, { connections: workers + 1 });
  const pool = createIngestPool({ timeMs: 300_000, threads: workers, maxQueue: workers });
  try {
    // Each thread loads the pipeline (~2 s, the gazetteer) and reads the set WARM_PASSES times, as the baseline's
    // thread did: the clock starts on workers that have run, as in a worker that has been up for a while.
    for (let pass = 0; pass < WARM_PASSES; pass++) await Promise.all(Array.from({ length: workers }, () => pool.run(warm, {})));
    await queue.enqueue(jobs);
    return await timed(
      () =>
        new Promise<number>((resolve, reject) => {
          let articles = 0;
          let ended = 0;
          const running = startIngestWorkers(queue, {
            workers,
            analyze: pool.run,
            store,
            idleMs: 200,
            onJob: (o) => {
              if (!o.ok) reject(o.error);
              articles += o.ok ? o.articles : 0;
              if (++ended === jobs.length) void running.stop().then(() => resolve(articles));
            },
          });
        }),
    );
  } finally {
    await pool.close();
    await queue.close();
  }
}

export async function benchIngestQueue(): Promise<Record<string, number>> {
  const { inputs } = await readInputs(['pk-af', 'other', 'feeds'].map((d) => join(DIR, d)));
  const jobs: IngestRequest[] = [];
  for (let copy = 0; copy < COPIES; copy++) {
    // Each copy named apart, so no job repeats another's articles word for word.
    const named: ArticleInput[] = inputs.map((i) => ({ ...i, id: `${copy}/${i.id ?? ''}` }));
    for (let i = 0; i < named.length; i += PER_JOB) jobs.push({ articles: named.slice(i, i + PER_JOB) });
  }
  for (let pass = 0; pass < WARM_PASSES; pass++) ingest(inputs); // warm-up: the tables load, V8 compiles
  const baseline = await timed(async () => {
    let articles = 0;
    for (const job of jobs) articles += ingest(job.articles).articles.length;
    return articles;
  });
  const db = await createScratchDatabase();
  const store = await openPostgresStore(db.url);
  const out: Record<string, number> = {
    'baseline: articles/s, one thread, no queue': Math.round(baseline.articles / baseline.seconds),
    'baseline: articles per CPU second': Math.round(baseline.articles / baseline.cpuSeconds),
  };
  try {
    await store.migrate();
    for (const workers of WORKERS) {
      const rate = await queued(db.url, store, jobs, workers, inputs);
      if (rate.articles !== baseline.articles) throw new Error(`the queue read ${rate.articles} articles, not ${baseline.articles}`);
      const perSecond = rate.articles / rate.seconds;
      out[`${workers} workers: articles/s in total`] = Math.round(perSecond);
      out[`${workers} workers: articles/s per worker`] = Math.round(perSecond / workers);
      out[`${workers} workers: articles per CPU second`] = Math.round(rate.articles / rate.cpuSeconds);
      out[`${workers} workers: total / baseline`] = +(perSecond / (baseline.articles / baseline.seconds)).toFixed(2);
    }
  } finally {
    await store.close();
    await db.drop();
  }
  return { ...out, 'jobs per run': jobs.length, 'articles per run': baseline.articles, 'inputs per job': PER_JOB, 'warm-up passes a thread': WARM_PASSES };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  console.table(await benchIngestQueue());
}
