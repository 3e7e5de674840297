// Starting on a stored log, on both stores: a restart reads the state snapshot and the tree's right edge instead of
// replaying the log; a snapshot from other code, or one that does not fit the log, is ignored and the log replayed;
// an entry altered at rest is found before serving (incrementally, and by a deep check for entries checked before);
// and `truce serve` comes back right after a SIGKILL, without waiting for the killed process to be gone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, type RunningServer } from './helpers/server.js';
import { bootstrap, member, signed } from './helpers/members.js';
import { getJson, mustAppend } from './helpers/http.js';
import { spawnServe } from './helpers/cli.js';
import { Mechanism } from '../../src/services/mechanism.js';
import { openPgliteDatabase } from '../../src/store/pglite-store.js';
import { postgresClient } from '../../src/store/postgres-store.js';
import { createScratchDatabase } from '../../src/store/postgres-test-db.js';
import type { SqlClient } from '../../src/store/sql-client.js';
import pg from 'pg';

type Kind = 'pglite' | 'postgres';

async function rawSql(kind: Kind, dataDir: string, db: string | undefined, fn: (client: SqlClient) => Promise<void>): Promise<void> {
  const client = kind === 'pglite' ? (await openPgliteDatabase(join(dataDir, 'pglite'))).client : postgresClient(new pg.Pool({ connectionString: db }));
  try {
    await fn(client);
  } finally {
    await client.close();
  }
}

/** What readers see, to compare across restarts. */
async function views(url: string) {
  const json = async (path: string) => (await getJson(url, path)).body;
  return { log: await json('/v1/log'), members: await json('/v1/members'), incidents: await json('/v1/incidents'), statements: await json('/v1/statements?limit=500') };
}

const rejectsAltered = (pattern: RegExp) => (e: Error & { code?: string }) => {
  assert.equal(e.code, 'conflict');
  assert.match(e.message, pattern);
  return true;
};

for (const kind of ['pglite', 'postgres'] as const) {
  test(`${kind}: a restart reads the snapshot; a stale one is ignored; an entry altered at rest is found before serving`, async () => {
    const scratch = kind === 'postgres' ? await createScratchDatabase() : null;
    const db = scratch?.url;
    const dataDir = await mkdtemp(join(tmpdir(), `truce-startup-${kind}-`));
    // The state from the snapshot (the state folder: src/services/state-folder-restart.test.ts).
    const open = (extra: { deepCheck?: boolean; snapshotEvery?: number } = {}) => Mechanism.open({ dataDir, ...(db ? { db } : {}), checkpointIntervalMs: 60_000, stateFolder: false, ...extra });
    const serve = () => startServer({ dataDir, ...(db ? { db } : {}), checkpointIntervalMs: 60_000, stateFolder: false });
    const operator = member('secretariat');
    const monitor = member('field-team-1');
    let server: RunningServer | null = null;
    try {
      server = await serve();
      await bootstrap(server.url, operator, 'startup', [{ m: monitor, role: 'monitor' }, { m: member('pk'), role: 'party' }]);
      for (let i = 0; i < 3; i++) await mustAppend(server.url, await signed(monitor, 'key.add', { key: member(`spare-${i}`).key }));
      await server.mechanism.publishCheckpoint();
      const before = await views(server.url);
      const size = before.log.size as number;
      await server.close(); // writes the snapshot

      // 1. The restart reads the snapshot: nothing replayed, the new entries' hashes checked once, the same views.
      server = await serve();
      assert.deepEqual(server.mechanism.startup, { ...server.mechanism.startup, size, checked: size, snapshot: size, replayed: 0 });
      assert.deepEqual(await views(server.url), before, 'the restored state serves exactly what the replayed one did');
      await server.close();
      server = await serve();
      assert.equal(server.mechanism.startup.checked, 0, 'what was checked at the last start is not checked again');
      assert.equal(server.mechanism.startup.replayed, 0);
      await server.close();
      server = null;

      // 2. A snapshot written by other code (its version), or beyond the log, is ignored: the log is replayed.
      await rawSql(kind, dataDir, db, (c) => c.query("UPDATE state_snapshots SET version = 'truce-state-snapshot/1:other-code'").then(() => undefined));
      server = await serve();
      assert.equal(server.mechanism.startup.snapshot, null);
      assert.equal(server.mechanism.startup.replayed, size);
      assert.deepEqual(await views(server.url), before);
      await server.close(); // a fresh snapshot again
      server = null;
      await rawSql(kind, dataDir, db, (c) => c.query('UPDATE state_snapshots SET size = size + 5').then(() => undefined));
      let m = await open();
      assert.deepEqual([m.startup.snapshot, m.startup.replayed], [null, size], 'a snapshot larger than the log is ignored');
      await m.close();

      // 3. A snapshot stored with a batch (every N entries) is read too, and only the entries after it replayed.
      m = await open({ snapshotEvery: 2 });
      for (let i = 3; i < 6; i++) await m.submit(await signed(monitor, 'key.add', { key: member(`spare-${i}`).key }));
      await m.sequencer.idle();
      const grown = m.size;
      const stored = await m.store.latestSnapshot();
      assert.ok(stored && stored.size > size && stored.size <= grown, 'a snapshot went in with a batch');
      await m.store.close(); // no snapshot at close: as if killed
      m = await open();
      assert.deepEqual([m.startup.snapshot, m.startup.replayed], [stored.size, grown - stored.size]);
      await m.close();

      // 4. An entry altered at rest: a start checks the entries it has not checked before and refuses to serve.
      m = await open();
      await m.submit(await signed(monitor, 'key.add', { key: member('spare-x').key }));
      await m.publishCheckpoint();
      await m.close();
      const last = grown;
      const alter = (idx: number) => rawSql(kind, dataDir, db, async (c) => {
        await c.query('ALTER TABLE entries DROP CONSTRAINT IF EXISTS entries_leaf_hash');
        await c.query(`UPDATE entries SET bytes = bytes || '\\x20'::bytea WHERE idx = $1`, [idx]); // one byte more
      });
      await alter(last);
      await assert.rejects(open(), rejectsAltered(new RegExp(`entry ${last}'s bytes do not hash`)));
      // An entry checked at an earlier start and altered since: the deep check finds it.
      await rawSql(kind, dataDir, db, (c) => c.query('UPDATE entries SET bytes = substring(bytes FROM 1 FOR octet_length(bytes) - 1) WHERE idx = $1', [last]).then(() => undefined));
      m = await open();
      await m.close();
      await alter(2);
      m = await open();
      await m.close(); // checked before: an ordinary start does not read it again
      await assert.rejects(open({ deepCheck: true }), rejectsAltered(/entry 2's bytes do not hash/));
    } finally {
      await server?.close();
      await rm(dataDir, { recursive: true, force: true });
      await scratch?.drop();
    }
  });

  test(`${kind}: truce serve comes back right after a SIGKILL`, async () => {
    const scratch = kind === 'postgres' ? await createScratchDatabase() : null;
    const dataDir = await mkdtemp(join(tmpdir(), `truce-sigkill-${kind}-`));
    const args = ['--data', dataDir, ...(scratch ? ['--db', scratch.url] : [])];
    try {
      let serve = await spawnServe(args);
      const operator = member('secretariat');
      await bootstrap(serve.url, operator, 'sigkill', [{ m: member('field-team-1'), role: 'monitor' }]);
      const size = (await getJson(serve.url, '/v1/log')).body.size as number;
      for (let round = 0; round < 2; round++) {
        serve.child.kill('SIGKILL'); // and start again at once: the killed process may still be exiting
        serve = await spawnServe(args);
        assert.equal((await getJson(serve.url, '/v1/log')).body.size, size, `round ${round}: the log is served again`);
        // /v1/log reads the state: it answered, so the state was loaded (in the background, after the log was served).
        assert.match(serve.stderr(), /log served after \d+ ms: \d+ entries checked; loading the state\n(.*\n)*truce: state loaded after \d+ ms/);
      }
      await serve.stop('SIGTERM');
    } finally {
      await rm(dataDir, { recursive: true, force: true });
      await scratch?.drop();
    }
  });
}
