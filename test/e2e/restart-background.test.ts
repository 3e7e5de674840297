// A start with the state loading in the background (`truce serve`): the log is served before the state is loaded
// (checkpoint, proofs, receipts, liveness), readiness says the state is loading, and what reads the state (views,
// appends) is held until it is loaded, then answered exactly as after a full replay. The load is held for certain by
// another PostgreSQL session locking the snapshot table, so "before" is not a race.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { buildApp } from '../../src/server/app.js';
import { loadDemo } from '../../src/services/demo-loader.js';
import { readKeyFile } from '../../src/services/key-file.js';
import { Mechanism } from '../../src/services/mechanism.js';
import { generateKeyPair } from '../../src/services/node-ed25519.js';
import { createScratchDatabase } from '../../src/store/postgres-test-db.js';
import { needsState } from '../../src/server/plugins/state-gate.js';
import { toBase64 } from '../../src/domain/encoding.js';
import { canonicalBytes } from '../../src/domain/jcs.js';
import { signStatement } from '../../src/domain/statement.js';

test('which paths wait for the state: the API under /v1/, not the log\'s proofs and receipts, tiles or the UI', () => {
  for (const path of ['/v1/compliance', '/v1/incidents', '/v1/statements', '/v1/log', '/v1/checkpoints', '/v1/members']) assert.ok(needsState(path), path);
  for (const path of ['/checkpoint', '/tile/0/000.p/5', '/v1/proof/inclusion', '/v1/receipts/3', '/healthz', '/readyz', '/metrics', '/', '/assets/x.js']) assert.ok(!needsState(path), path);
});

test('postgres: the log is served while the state loads; views and appends wait, then equal a full replay', async () => {
  const scratch = await createScratchDatabase();
  const dataDir = await mkdtemp(join(tmpdir(), 'truce-restart-background-'));
  // The state from the snapshot (the state folder is tested in state-folder-restart.test.ts).
  const options = { dataDir, db: scratch.url, checkpointIntervalMs: 3_600_000, stateFolder: false };
  const locker = new pg.Client({ connectionString: scratch.url });
  try {
    let m = await Mechanism.open(options);
    await loadDemo(m, () => undefined, 'training');
    await m.publishCheckpoint();
    const size = m.size;
    await m.close(); // stores the state snapshot

    // The reference: a deep start (every entry replayed), and what it serves.
    m = await Mechanism.open({ ...options, deepCheck: true });
    let app = await buildApp(m, { rateLimits: false });
    const compliance = (await app.inject('/v1/compliance')).json();
    await app.close();
    await m.close();

    await locker.connect();
    await locker.query('BEGIN');
    await locker.query('LOCK TABLE state_snapshots IN ACCESS EXCLUSIVE MODE');
    m = await Mechanism.open({ ...options, stateInBackground: true });
    app = await buildApp(m, { rateLimits: false });
    assert.equal(m.stateLoaded, false, 'the snapshot cannot be read yet');
    assert.equal(m.size, size);
    assert.equal(m.published?.size, size, 'the signed checkpoint was checked against the root before serving');

    // Served from the log alone while the state is held.
    const checkpoint = await app.inject('/checkpoint');
    assert.equal(checkpoint.statusCode, 200);
    assert.match(checkpoint.body, new RegExp(`\\n${size}\\n`));
    assert.equal((await app.inject(`/v1/proof/inclusion?index=1&size=${size}`)).statusCode, 200);
    assert.equal((await app.inject('/v1/receipts/0')).statusCode, 200);
    assert.equal((await app.inject('/healthz')).statusCode, 200);
    const ready = await app.inject('/readyz');
    assert.equal(ready.statusCode, 503);
    assert.deepEqual(ready.json().checks.state, { ok: false, detail: 'loading' });

    // Held longer than the server holds a request: 503, come back later (another app on the same mechanism).
    const impatient = await buildApp(m, { rateLimits: false, stateHoldMs: 50 });
    const refused = await impatient.inject('/v1/members');
    assert.equal(refused.statusCode, 503);
    assert.equal(refused.headers['retry-after'], '5');
    assert.match(String(refused.headers['content-type']), /application\/problem\+json/);
    assert.match(refused.json().detail, /state is still loading after a restart \(\d+ entries\); checkpoints, tiles and proofs are served meanwhile/);
    await impatient.close();

    // What reads the state waits for it: a view and an append, started now.
    const view = app.inject('/v1/compliance');
    const field = await readKeyFile(join(dataDir, 'demo-keys', 'field-team-1.json'));
    const at = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
    const add = signStatement({ v: 1, type: 'key.add', by: 'field-team-1', key: toBase64(field.publicKey), at, body: { key: toBase64(generateKeyPair().publicKey) } }, field.sign);
    const appended = m.submit(canonicalBytes(await add));
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.equal(m.stateLoaded, false);
    assert.equal(m.size, size, 'nothing appended before the state is loaded');

    await locker.query('COMMIT');
    await m.stateReady;
    assert.deepEqual([m.startup.snapshot, m.startup.replayed], [size, 0]);
    assert.ok(m.startup.stateReadyMs !== null && m.startup.stateReadyMs >= m.startup.ms);
    const answered = await view;
    assert.equal(answered.statusCode, 200);
    assert.deepEqual(answered.json(), compliance, 'the held view answers as after a full replay');
    assert.equal((await appended).index, size);
    assert.equal(m.state.size, size + 1);
    assert.equal((await app.inject('/readyz')).json().checks.state.ok, true);
    const live = structuredClone(m.state);
    await app.close();
    await m.close();

    // The state loaded in the background, then appended to, is the one a full replay of the log makes.
    m = await Mechanism.open({ ...options, deepCheck: true });
    assert.deepStrictEqual(m.state, live);
    await m.close();
  } finally {
    await locker.end().catch(() => undefined);
    await rm(dataDir, { recursive: true, force: true });
    await scratch.drop();
  }
});
