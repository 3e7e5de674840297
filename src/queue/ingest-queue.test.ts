import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { TruceError } from '../domain/errors.js';
import { createIngestPool, ingest, type IngestRequest } from '../ingest/index.js';
import type { Analyze } from '../services/candidates.js';
import { openPostgresStore } from '../store/postgres-store.js';
import { createScratchDatabase, type ScratchDatabase } from '../store/postgres-test-db.js';
import type { SqlStore } from '../store/sql-store.js';
import { IngestQueue, type QueuePolicy } from './ingest-queue.js';
import { startIngestWorkers, type JobOutcome } from './ingest-workers.js';

const NEWS = fileURLToPath(new URL('../../test/fixtures/news/pk-af/', import.meta.url));
const FAST_RETRIES: QueuePolicy = { retryLimit: 2, retryDelaySeconds: 0, expireInSeconds: 60 };
const inProcess: Analyze = async (inputs, options) => ingest(inputs, options);

/** The annotated articles in plain text, as jobs of `size` articles each. */
async function newsJobs(size: number): Promise<IngestRequest[]> {
  const files = (await readdir(NEWS)).filter((f) => f.endsWith('.txt')).sort().slice(0, 12);
  const articles = await Promise.all(files.map(async (f) => ({ id: f, text: await readFile(join(NEWS, f), 'utf8') })));
  const jobs: IngestRequest[] = [];
  for (let i = 0; i < articles.length; i += size) jobs.push({ articles: articles.slice(i, i + size) });
  return jobs;
}

/** Run workers until `n` jobs have ended (done, or failed for good or for a retry), then stop them. */
async function drain(queue: IngestQueue, store: SqlStore, n: number, options: { workers: number; analyze: Analyze }): Promise<JobOutcome[]> {
  const outcomes: JobOutcome[] = [];
  let enough!: () => void;
  const done = new Promise<void>((resolve) => (enough = resolve));
  const workers = startIngestWorkers(queue, { ...options, store, idleMs: 50, onJob: (o) => outcomes.push(o) === n && enough() });
  await done;
  await workers.stop();
  return outcomes;
}

describe('ingest queue on PostgreSQL', () => {
  let db: ScratchDatabase;
  let store: SqlStore;
  before(async () => {
    db = await createScratchDatabase();
    store = await openPostgresStore(db.url);
    await store.migrate();
  });
  after(async () => {
    await store.close();
    await db.drop();
  });

  it('reads every job once with several workers and writes their candidates to the store', { timeout: 120_000 }, async () => {
    const queue = await IngestQueue.open(db.url, { policy: FAST_RETRIES });
    try {
      const jobs = await newsJobs(3);
      const ids = await queue.enqueue(jobs);
      const outcomes = await drain(queue, store, jobs.length, { workers: 3, analyze: inProcess });
      assert.deepEqual(outcomes.map((o) => o.id).sort(), [...ids].sort(), 'each job read once');
      assert.ok(outcomes.every((o) => o.ok));
      const articles = outcomes.reduce((sum, o) => sum + (o.ok ? o.articles : 0), 0);
      assert.equal(articles, 12);
      const candidates = outcomes.reduce((sum, o) => sum + (o.ok ? o.candidates : 0), 0);
      assert.ok(candidates >= 6, `${candidates} candidates`);
      const listed = await store.listCandidates({ limit: 200 });
      assert.ok(listed.items.length > 0 && listed.items.length <= candidates, 'the candidates are in the store (the same event in two jobs is one row)');
      assert.deepEqual(await queue.counts(), { waiting: 0, active: 0, completed: jobs.length, failed: 0 });
    } finally {
      await queue.close();
    }
  });

  it('keeps queued jobs across a restart: a new process reads what the old one queued', { timeout: 120_000 }, async () => {
    const first = await IngestQueue.open(db.url, { policy: FAST_RETRIES });
    const ids = await first.enqueue(await newsJobs(6));
    await first.close();
    const second = await IngestQueue.open(db.url, { policy: FAST_RETRIES });
    try {
      assert.equal((await second.counts()).waiting, 2);
      // The articles read in worker threads, as `truce ingest-queue work` reads them.
      const pool = createIngestPool({ timeMs: 60_000, threads: 2, maxQueue: 2 });
      try {
        const outcomes = await drain(second, store, ids.length, { workers: 2, analyze: pool.run });
        assert.deepEqual(outcomes.map((o) => o.ok && o.id).sort(), [...ids].sort());
      } finally {
        await pool.close();
      }
      assert.equal((await second.counts()).waiting, 0);
    } finally {
      await second.close();
    }
  });

  it('takes back the job of a worker that died while reading it', { timeout: 60_000 }, async () => {
    // A database of its own: with a 1 s expiry, a slow second reading on a loaded machine would expire as well and
    // be counted failed, which the other tests would see.
    const own = await createScratchDatabase();
    const ownStore = await openPostgresStore(own.url);
    await ownStore.migrate();
    const policy: QueuePolicy = { retryLimit: 1, retryDelaySeconds: 0, expireInSeconds: 1 };
    try {
      const crashed = await IngestQueue.open(own.url, { policy });
      const [id] = await crashed.enqueue([{ articles: [{ id: 'short', text: 'KABUL, Jan 5: Two people were killed in a blast.' }] }]);
      assert.equal((await crashed.take())?.id, id);
      await crashed.close(); // as if killed: the job is left active, nobody completes it
      const next = await IngestQueue.open(own.url, { policy });
      try {
        assert.equal((await next.counts()).active, 1);
        const [outcome] = await drain(next, ownStore, 1, { workers: 1, analyze: inProcess });
        assert.deepEqual(outcome && outcome.ok && outcome.id, id, 'read again once its time ran out');
      } finally {
        await next.close();
      }
    } finally {
      await ownStore.close();
      await own.drop();
    }
  });

  it('retries a failing job up to the limit and keeps it failed with its error; the others are read', { timeout: 120_000 }, async () => {
    const queue = await IngestQueue.open(db.url, { policy: FAST_RETRIES });
    try {
      const before = await queue.counts();
      const [good] = await newsJobs(12);
      const [poisonId] = await queue.enqueue([{ articles: [{ id: 'poison', text: 'Two people were killed in Kabul.' }] }]);
      await queue.enqueue([good!]);
      let attempts = 0;
      const failing: Analyze = async (inputs, options) => {
        if (inputs.some((a) => a.id === 'poison')) {
          attempts++;
          throw new TruceError('too_large', `the articles took too long to read (attempt ${attempts})`);
        }
        return inProcess(inputs, options);
      };
      // One success, then the poison job's first attempt and its two retries.
      const outcomes = await drain(queue, store, 1 + 1 + FAST_RETRIES.retryLimit, { workers: 2, analyze: failing });
      assert.equal(attempts, 1 + FAST_RETRIES.retryLimit);
      assert.equal(outcomes.filter((o) => !o.ok).length, attempts);
      const failed = await queue.failed();
      assert.deepEqual(failed, [{ id: poisonId, attempts: 3, error: 'the articles took too long to read (attempt 3)', articles: 1 }]);
      const after = await queue.counts();
      assert.equal(after.failed, 1);
      assert.equal(after.completed, before.completed + 1);
      assert.equal(after.waiting, 0);
    } finally {
      await queue.close();
    }
  });

  it('refuses a job that could never be read, naming the field, and queues nothing', async () => {
    const queue = await IngestQueue.open(db.url);
    try {
      const before = await queue.counts();
      await assert.rejects(
        queue.enqueue([{ articles: [{ id: 'ok', text: 'fine' }] }, { articles: [{ id: 'no-text' }] } as IngestRequest]),
        (e: unknown) => e instanceof TruceError && e.code === 'bad_request' && /^job 2: articles\.0: each article needs text, html or feed/.test(e.message),
      );
      assert.deepEqual(await queue.counts(), before);
    } finally {
      await queue.close();
    }
  });

  it('is refused for the embedded store: a queue needs a PostgreSQL server', async () => {
    await assert.rejects(IngestQueue.open('/tmp/truce-data'), (e: unknown) => e instanceof TruceError && e.code === 'bad_request' && /needs a PostgreSQL server/.test(e.message));
  });
});
