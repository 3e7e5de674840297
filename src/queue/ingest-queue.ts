// News ingestion as jobs on PostgreSQL (pg-boss 10, the last line that runs on Node 20): a job is one ingest
// request (the articles a POST /v1/ingest would carry, read and clustered together). Jobs are rows in the
// mechanism's own database (schema truce_queue), so they outlive a restart of any process; a failed job is retried
// with a limit and kept, with its error, once the limit is reached. Only a PostgreSQL server can be shared by
// workers in other processes: with the embedded store (PGlite) there is no queue (docs/decisions.md).
import { randomUUID } from 'node:crypto';
import PgBoss from 'pg-boss';
import { TruceError } from '../domain/errors.js';
import { ingestRequestSchema, type IngestRequest } from '../ingest/request-schema.js';

export const INGEST_QUEUE = 'ingest';

/** How jobs are retried and when a job whose worker died is taken back. */
export interface QueuePolicy {
  /** Retries after the first attempt; then the job stays failed, with its last error. */
  readonly retryLimit: number;
  /** Seconds before the first retry, doubled for each next one (pg-boss's backoff). */
  readonly retryDelaySeconds: number;
  /** A job still active this long (its worker was killed) fails by timeout, which counts as an attempt. */
  readonly expireInSeconds: number;
}

export const DEFAULT_QUEUE_POLICY: QueuePolicy = { retryLimit: 3, retryDelaySeconds: 10, expireInSeconds: 15 * 60 };

export interface QueueCounts {
  readonly waiting: number;
  readonly active: number;
  readonly completed: number;
  readonly failed: number;
}

/** A job that used up its attempts: what it held and why the last attempt failed. */
export interface FailedJob {
  readonly id: string;
  readonly attempts: number;
  readonly error: string;
  readonly articles: number;
}

/** What a worker took: pg-boss's row, narrowed to what a worker needs. */
export interface QueuedJob {
  readonly id: string;
  readonly request: IngestRequest;
}

/**
 * The ingest queue on a PostgreSQL database (the mechanism's own: candidates land beside the log).
 * @example const queue = await IngestQueue.open('postgres://truce@db/truce'); await queue.enqueue([{ articles: [{ text: '…' }] }]);
 */
export class IngestQueue {
  private constructor(
    private readonly boss: PgBoss,
    readonly policy: QueuePolicy,
  ) {}

  static async open(url: string, options: { policy?: QueuePolicy; connections?: number } = {}): Promise<IngestQueue> {
    if (!/^postgres(ql)?:\/\//.test(url)) throw new TruceError('bad_request', 'the ingest queue needs a PostgreSQL server: give --db postgres://...');
    const policy = options.policy ?? DEFAULT_QUEUE_POLICY;
    // The schema is created and migrated by pg-boss itself, under an advisory lock, so workers may start together.
    // Maintenance (which takes back the jobs of dead workers) runs at least as often as a job may stay active.
    const maintenanceIntervalSeconds = Math.min(120, Math.max(1, policy.expireInSeconds));
    const boss = new PgBoss({ connectionString: url, schema: 'truce_queue', max: options.connections ?? 4, application_name: 'truce-ingest-queue', maintenanceIntervalSeconds });
    // pg-boss reports pool errors (a server restart) as events; without a listener they would end the process.
    boss.on('error', () => {});
    await boss.start();
    const queue = { retryLimit: policy.retryLimit, retryDelay: policy.retryDelaySeconds, retryBackoff: policy.retryDelaySeconds > 0, expireInSeconds: policy.expireInSeconds };
    if (await boss.getQueue(INGEST_QUEUE)) await boss.updateQueue(INGEST_QUEUE, { name: INGEST_QUEUE, ...queue });
    else await boss.createQueue(INGEST_QUEUE, { name: INGEST_QUEUE, ...queue });
    return new IngestQueue(boss, policy);
  }

  /**
   * Queue ingest requests, each checked as POST /v1/ingest checks its body (sizes, dates, links): a job that could
   * never be read is refused here, not retried later. All are queued or none. Returns the jobs' ids, in order.
   */
  async enqueue(requests: readonly IngestRequest[]): Promise<string[]> {
    const checked = requests.map((r, i) => {
      const parsed = ingestRequestSchema.safeParse(r);
      if (!parsed.success) throw new TruceError('bad_request', `job ${i + 1}: ${parsed.error.issues.map((s) => `${s.path.join('.') || 'body'}: ${s.message}`).join('; ')}`);
      return parsed.data;
    });
    // One INSERT for all of them: a folder of news is queued whole or not at all, in one round trip.
    const jobs = checked.map((data) => ({ id: randomUUID(), name: INGEST_QUEUE, data }));
    await this.boss.insert(jobs);
    return jobs.map((j) => j.id);
  }

  /** Take the next job, or none; the caller must then complete or fail it. */
  async take(): Promise<QueuedJob | undefined> {
    const [job] = await this.boss.fetch<IngestRequest>(INGEST_QUEUE, { batchSize: 1 });
    return job ? { id: job.id, request: job.data } : undefined;
  }

  async complete(id: string, output: object): Promise<void> {
    await this.boss.complete(INGEST_QUEUE, id, output);
  }

  /** Record a failed attempt: pg-boss retries it later, or keeps it failed once the retries are spent. */
  async fail(id: string, error: Error): Promise<void> {
    await this.boss.fail(INGEST_QUEUE, id, { message: error.message, code: (error as { code?: string }).code ?? null });
  }

  async counts(): Promise<QueueCounts> {
    const rows = await this.sql<{ state: string; n: string }>('SELECT state, count(*) AS n FROM truce_queue.job WHERE name = $1 GROUP BY state', [INGEST_QUEUE]);
    const count = (...states: string[]) => rows.filter((r) => states.includes(r.state)).reduce((sum, r) => sum + Number(r.n), 0);
    return { waiting: count('created', 'retry'), active: count('active'), completed: count('completed'), failed: count('failed') };
  }

  /** The jobs that used up their attempts, most recent first. */
  async failed(limit = 50): Promise<FailedJob[]> {
    const rows = await this.sql<{ id: string; retry_count: number; message: string | null; articles: number }>(
      `SELECT id, retry_count, output->>'message' AS message, jsonb_array_length(data->'articles') AS articles
       FROM truce_queue.job WHERE name = $1 AND state = 'failed' ORDER BY completed_on DESC LIMIT $2`,
      [INGEST_QUEUE, limit],
    );
    return rows.map((r) => ({ id: r.id, attempts: r.retry_count + 1, error: r.message ?? 'unknown error', articles: r.articles }));
  }

  async close(): Promise<void> {
    await this.boss.stop({ graceful: true, wait: true, timeout: 10_000 });
  }

  private async sql<T>(text: string, values: unknown[]): Promise<T[]> {
    return (await this.boss.getDb().executeSql(text, values)).rows as T[];
  }
}
