// Workers of the ingest queue: each takes one job at a time, reads its articles (the caller's Analyze: worker
// threads with a time and memory limit in `truce ingest-queue work`), and writes the candidates to the store in
// one transaction before it marks the job done. A job read twice (a retry after a crash between the two) writes the
// same candidates again: their ids are hashes of their content.
import { setTimeout as sleep } from 'node:timers/promises';
import { articleInputs, candidateRows, type Analyze } from '../services/candidates.js';
import type { Store } from '../store/store.js';
import type { IngestQueue, QueuedJob } from './ingest-queue.js';

export interface WorkerOptions {
  /** Jobs read at the same time: give the Analyze as many threads. */
  readonly workers: number;
  readonly analyze: Analyze;
  /** Where candidates are written (the mechanism's store on the same server). */
  readonly store: Store;
  /** How long an idle worker waits before it looks for a job again. */
  readonly idleMs?: number;
  /** Told after each job, done or failed (progress, tests, the benchmark). */
  readonly onJob?: (outcome: JobOutcome) => void;
}

export type JobOutcome =
  | { readonly id: string; readonly ok: true; readonly articles: number; readonly candidates: number }
  | { readonly id: string; readonly ok: false; readonly error: Error };

export interface IngestWorkers {
  /** Stop taking jobs; resolves once the jobs in hand are done (a graceful stop loses nothing). */
  stop(): Promise<void>;
}

/**
 * Start `workers` loops on the queue. A worker that finds no job sleeps idleMs; one that finds a job takes the next
 * at once, so a full queue is read without pauses.
 * @example const w = startIngestWorkers(queue, { workers: 2, analyze: pool.run, store }); ...; await w.stop();
 */
export function startIngestWorkers(queue: IngestQueue, options: WorkerOptions): IngestWorkers {
  const stopping = new AbortController();
  const loop = async (): Promise<void> => {
    while (!stopping.signal.aborted) {
      const job = await queue.take().catch(() => undefined); // the server unreachable: look again later
      if (!job) {
        await sleep(options.idleMs ?? 500, undefined, { signal: stopping.signal }).catch(() => undefined);
        continue;
      }
      options.onJob?.(await runJob(queue, job, options));
    }
  };
  const loops = Array.from({ length: options.workers }, loop);
  return {
    async stop() {
      stopping.abort();
      await Promise.all(loops);
    },
  };
}

async function runJob(queue: IngestQueue, job: QueuedJob, options: WorkerOptions): Promise<JobOutcome> {
  try {
    const { now, mechanism } = job.request;
    const result = await options.analyze(articleInputs(job.request), { ...(now ? { now } : {}), ...(mechanism ? { mechanism } : {}) });
    const { batch, rows } = candidateRows(result);
    await options.store.saveCandidates(rows);
    await queue.complete(job.id, { batch, candidates: rows.map((r) => r.id), articles: result.articles.length, errors: result.errors });
    return { id: job.id, ok: true, articles: result.articles.length, candidates: rows.length };
  } catch (e) {
    const error = e instanceof Error ? e : new Error(String(e));
    // If even this fails (the server went away), the job stays active and comes back once it expires.
    await queue.fail(job.id, error).catch(() => undefined);
    return { id: job.id, ok: false, error };
  }
}
