// `truce ingest-queue add|work|status --db postgres://...`: news ingestion as jobs on the mechanism's PostgreSQL
// database (src/queue). `add` queues articles (files, folders, - for stdin) in jobs of --per-job inputs; `work` reads
// jobs with --workers threads until stopped (Ctrl-C or SIGTERM finish the jobs in hand); `status` counts the jobs
// and lists those that failed for good. With the embedded store there is no queue: `truce ingest` and POST /v1/ingest
// read at once (docs/decisions.md, "Ingest queue").
import type { Command } from 'commander';
import { TruceError } from '../../domain/errors.js';
import { createIngestPool, DEFAULT_MAX_BYTES, DEFAULT_PARSE_LIMITS, readInputs, type IngestRequest } from '../../ingest/index.js';
import { IngestQueue } from '../../queue/ingest-queue.js';
import { startIngestWorkers } from '../../queue/ingest-workers.js';
import { openStore } from '../../store/open-store.js';

function positive(name: string, value: string | undefined, fallback: number, max: number): number {
  const n = value === undefined ? fallback : Number(value);
  if (!Number.isInteger(n) || n < 1 || n > max) throw new TruceError('bad_request', `${name}: a whole number from 1 to ${max}, not ${value}`);
  return n;
}

export function registerIngestQueue(program: Command): void {
  const command = program.command('ingest-queue').description('news ingestion as jobs on PostgreSQL, read by workers in any number of processes');

  command
    .command('add')
    .description('queue news articles (text, HTML, RSS/Atom; files, folders or - for stdin) for the workers')
    .argument('<inputs...>', 'files, folders, or - for standard input')
    .requiredOption('--db <url>', 'the mechanism\'s PostgreSQL database (postgres://...)')
    .option('--per-job <n>', 'inputs read together in one job (their events are clustered together)', '20')
    .option('--now <date>', 'reference date (YYYY-MM-DD) for undated articles')
    .option('--mechanism <id>', 'alias table to use for actors')
    .action(async (names: string[], flags: { db: string; perJob: string; now?: string; mechanism?: string }) => {
      const perJob = positive('--per-job', flags.perJob, 20, 500);
      const queue = await IngestQueue.open(flags.db);
      try {
        const { inputs, errors } = await readInputs(names, { maxBytes: DEFAULT_MAX_BYTES });
        for (const e of errors) process.stderr.write(`truce ingest-queue: ${e.input}: ${e.message} (${e.code})\n`);
        const jobs: IngestRequest[] = [];
        for (let i = 0; i < inputs.length; i += perJob) {
          jobs.push({ articles: inputs.slice(i, i + perJob), ...(flags.now ? { now: flags.now } : {}), ...(flags.mechanism ? { mechanism: flags.mechanism } : {}) });
        }
        const ids = await queue.enqueue(jobs);
        process.stdout.write(`queued ${inputs.length} inputs in ${ids.length} jobs\n${ids.join('\n')}${ids.length ? '\n' : ''}`);
        process.exitCode = inputs.length > 0 ? 0 : 1;
      } finally {
        await queue.close();
      }
    });

  command
    .command('work')
    .description('read queued jobs into candidates, with --workers threads, until stopped')
    .requiredOption('--db <url>', 'the mechanism\'s PostgreSQL database (postgres://...)')
    .option('--workers <n>', 'jobs read at the same time, each in its own thread', '1')
    .option('--once', 'stop when the queue is empty')
    .action(async (flags: { db: string; workers: string; once?: boolean }) => {
      const workers = positive('--workers', flags.workers, 1, 64);
      const queue = await IngestQueue.open(flags.db, { connections: workers + 1 });
      const store = await openStore({ dataDir: '', db: flags.db });
      const pool = createIngestPool({ ...DEFAULT_PARSE_LIMITS, threads: workers, maxQueue: workers });
      let stopped!: () => void;
      const stop = new Promise<void>((resolve) => (stopped = resolve));
      const running = startIngestWorkers(queue, {
        workers,
        analyze: pool.run,
        store,
        onJob: (o) => {
          process.stderr.write(o.ok ? `job ${o.id}: ${o.articles} articles, ${o.candidates} candidates\n` : `job ${o.id}: failed: ${o.error.message}\n`);
        },
      });
      process.once('SIGINT', stopped).once('SIGTERM', stopped);
      const idle = flags.once ? watchIdle(queue, stopped) : undefined;
      await stop;
      clearInterval(idle);
      await running.stop();
      await Promise.all([pool.close(), queue.close(), store.close()]);
    });

  command
    .command('status')
    .description('jobs waiting, active, done and failed; the failed ones with their last error')
    .requiredOption('--db <url>', 'the mechanism\'s PostgreSQL database (postgres://...)')
    .option('--json', 'print as JSON')
    .action(async (flags: { db: string; json?: boolean }) => {
      const queue = await IngestQueue.open(flags.db);
      try {
        const counts = await queue.counts();
        const failed = await queue.failed();
        if (flags.json) process.stdout.write(`${JSON.stringify({ ...counts, failedJobs: failed }, null, 2)}\n`);
        else {
          process.stdout.write(`waiting ${counts.waiting}, active ${counts.active}, done ${counts.completed}, failed ${counts.failed}\n`);
          for (const f of failed) process.stdout.write(`failed ${f.id} (${f.articles} inputs, ${f.attempts} attempts): ${f.error}\n`);
        }
      } finally {
        await queue.close();
      }
    });
}

/** With --once: stop once nothing is waiting or being read. */
function watchIdle(queue: IngestQueue, stop: () => void): NodeJS.Timeout {
  return setInterval(() => {
    void queue.counts().then((c) => c.waiting + c.active === 0 && stop(), () => undefined);
  }, 1000);
}
