// `truce ingest-queue` as an operator runs it: articles queued by one process, read by workers in another, on the
// real PostgreSQL; candidates end up where the server lists them.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { openPostgresStore } from '../../src/store/postgres-store.js';
import { createScratchDatabase } from '../../src/store/postgres-test-db.js';
import { runCli } from './helpers/cli.js';

describe('truce ingest-queue', () => {
  it('queues a folder of news, reads it with two workers in another process, and reports the jobs done', { timeout: 360_000 }, async () => {
    const db = await createScratchDatabase();
    try {
      const added = await runCli(['ingest-queue', 'add', '--db', db.url, '--per-job', '10', 'test/fixtures/news/pk-af']);
      assert.equal(added.code, 0, added.stderr);
      const [summary, ...ids] = added.stdout.trim().split('\n');
      assert.match(summary!, /^queued (\d+) inputs in (\d+) jobs$/);
      const jobs = Number(/in (\d+) jobs/.exec(summary!)![1]);
      assert.equal(ids.length, jobs);
      assert.ok(jobs >= 2);

      const waiting = await runCli(['ingest-queue', 'status', '--db', db.url]);
      assert.equal(waiting.stdout, `waiting ${jobs}, active 0, done 0, failed 0\n`);

      const work = await runCli(['ingest-queue', 'work', '--db', db.url, '--workers', '2', '--once'], { timeoutMs: 300_000 });
      assert.equal(work.code, 0, work.stderr);
      assert.equal(work.stderr.match(/^job .*: \d+ articles, \d+ candidates$/gm)?.length, jobs, work.stderr);

      const status = await runCli(['ingest-queue', 'status', '--db', db.url, '--json']);
      assert.deepEqual(JSON.parse(status.stdout), { waiting: 0, active: 0, completed: jobs, failed: 0, failedJobs: [] });
      const store = await openPostgresStore(db.url);
      try {
        assert.ok((await store.listCandidates({ limit: 10 })).items.length > 0, 'candidates written to the mechanism\'s database');
      } finally {
        await store.close();
      }
    } finally {
      await db.drop();
    }
  });

  it('says in one line that the queue needs a PostgreSQL server when given the embedded store', async () => {
    const r = await runCli(['ingest-queue', 'add', '--db', '.truce-data', 'test/fixtures/news/pk-af']);
    assert.equal(r.code, 1);
    assert.equal(r.stderr, 'truce: the ingest queue needs a PostgreSQL server: give --db postgres://...\n');
  });

  it('refuses a bad --workers in one line', async () => {
    const r = await runCli(['ingest-queue', 'work', '--db', 'postgres://127.0.0.1/none', '--workers', '0']);
    assert.equal(r.code, 1);
    assert.equal(r.stderr, 'truce: --workers: a whole number from 1 to 64, not 0\n');
  });
});
