// A statement the database refuses is refused alone: the rest of its batch is appended, later appends work, and the
// state never holds what the store does not. On PGlite AND PostgreSQL, with a real refusal: a CHECK constraint the
// test adds to the entries table refuses any entry whose bytes hold the word POISON (the edge lets it through, as it
// would any value the edge did not foresee).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { canonicalBytes } from '../domain/jcs.js';
import { toBase64 } from '../domain/encoding.js';
import type { TruceError } from '../domain/errors.js';
import { createState } from '../domain/state.js';
import { signStatement, type StatementType } from '../domain/statement.js';
import { openPgliteDatabase } from '../store/pglite-store.js';
import { openPostgresStore, postgresClient } from '../store/postgres-store.js';
import { createScratchDatabase } from '../store/postgres-test-db.js';
import type { SqlClient } from '../store/sql-client.js';
import type { Store } from '../store/store.js';
import pg from 'pg';
import { generateKeyPair, verifyEd25519Node } from './node-ed25519.js';
import { restoreState } from './restore-state.js';
import { Sequencer } from './sequencer.js';
import { StateFolderDamaged } from './folder-seal.js';
import { StateFolder } from './state-folder.js';
import { StoredTree } from './stored-tree.js';

const operator = generateKeyPair();
const opKey = toBase64(operator.publicKey);

async function statement(type: StatementType, body: Record<string, unknown>): Promise<Uint8Array> {
  const s = await signStatement({ v: 1, type, by: 'secretariat', key: opKey, at: new Date().toISOString().replace(/\.\d+Z$/, 'Z'), body }, operator.sign);
  return canonicalBytes(s);
}
const admit = (member: string, name = member) => statement('member.admit', { key: toBase64(generateKeyPair().publicKey), member, name, role: 'monitor' });

/**
 * With `folder`, the state is kept in a state folder (state-folder.ts): the refused batch's overlay is dropped instead
 * of replaying the store (restoreState is then never called), and what the folder stored is what the store holds.
 */
async function poisonedBatch(store: Store, sql: SqlClient, folder: StateFolder | null): Promise<void> {
  await sql.exec(`ALTER TABLE entries ADD CONSTRAINT test_poison CHECK (position('\\x504f49534f4e'::bytea in bytes) = 0)`);
  const state = folder ? folder.state() : createState();
  const tree = await StoredTree.open(store, 0);
  const restore = () => (folder ? Promise.reject(new Error('a folder state is put back without a replay')) : restoreState(store, state));
  const sequencer = new Sequencer(store, state, tree, { verify: verifyEd25519Node, restoreState: restore, ...(folder ? { persist: folder.persistence(state) } : {}) });
  await sequencer.submit(await statement('member.admit', { key: opKey, mechanism: 'poison', member: 'secretariat', name: 'Secretariat', role: 'operator' }));

  // One batch: submitted together, so the group commit carries them in one transaction.
  const outcomes = await Promise.allSettled([admit('m1'), admit('m2', 'POISON'), admit('m3')].map(async (b) => sequencer.submit(await b)));
  assert.equal(outcomes[0]!.status, 'fulfilled', JSON.stringify(outcomes[0]));
  assert.equal(outcomes[2]!.status, 'fulfilled', JSON.stringify(outcomes[2]));
  assert.equal(outcomes[1]!.status, 'rejected');
  assert.equal((outcomes[1] as PromiseRejectedResult).reason.code, 'bad_request', 'refused as bad input, not 503');
  assert.deepEqual([...state.members.keys()].sort(), ['m1', 'm3', 'secretariat'], 'memory holds exactly what is stored');
  assert.equal(state.size, 3);

  const later = await sequencer.submit(await admit('m4'));
  assert.equal(later.index, 3, 'later appends work');
  assert.equal(sequencer.failed, false);
  assert.equal(await store.logSize(), 4);
  assert.equal(tree.size, 4);
  const stored = (await store.entries(0, 4)).map((e) => JSON.parse(new TextDecoder().decode(e.bytes)).body.member);
  assert.deepEqual(stored, ['secretariat', 'm1', 'm3', 'm4']);
  if (folder) {
    const path = folder.path;
    await folder.close();
    const reopened = StateFolder.open(path);
    const meta = reopened.meta();
    assert.deepEqual([meta?.size, meta?.root], [4, Buffer.from(tree.root()).toString('hex')], 'the folder stored each committed batch with its root');
    assert.deepEqual([...reopened.state().members.keys()], ['secretariat', 'm1', 'm3', 'm4'], 'and only what the store holds');
    await reopened.close();
  }
}

for (const withFolder of [false, true]) {
  const kept = withFolder ? ', the state in a state folder' : '';
  test(`PGlite: one refused statement does not poison the sequencer${kept}`, async () => {
    const dir = await mkdtemp(join(tmpdir(), 'truce-seq-'));
    const { store, client } = await openPgliteDatabase(join(dir, 'pglite'));
    try {
      await store.migrate();
      await poisonedBatch(store, client, withFolder ? StateFolder.open(join(dir, 'state')) : null);
    } finally {
      await store.close();
      await rm(dir, { recursive: true, force: true });
    }
  });

  test(`PostgreSQL: one refused statement does not poison the sequencer${kept}`, async () => {
    const db = await createScratchDatabase();
    const store = await openPostgresStore(db.url);
    const pool = new pg.Pool({ connectionString: db.url, max: 1 });
    const dir = await mkdtemp(join(tmpdir(), 'truce-seq-'));
    try {
      await store.migrate();
      await poisonedBatch(store, postgresClient(pool), withFolder ? StateFolder.open(join(dir, 'state')) : null);
    } finally {
      await pool.end();
      await store.close();
      await db.drop();
      await rm(dir, { recursive: true, force: true });
    }
  });
}

/**
 * A sequencer on a new PGlite store whose genesis is appended, its state's members then failing as `fail` says (a
 * damaged state folder throws on a read; a handler bug throws anything): `run` gets them.
 */
async function withFailingMembers(fail: () => never, run: (s: { sequencer: Sequencer; store: Store; failing: (on: boolean) => void; failures: unknown[] }) => Promise<void>, withFolder = false): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'truce-seq-'));
  const { store } = await openPgliteDatabase(join(dir, 'pglite'));
  const folder = withFolder ? StateFolder.open(join(dir, 'state')) : null;
  try {
    await store.migrate();
    const state = folder ? folder.state() : createState();
    const failures: unknown[] = [];
    const sequencer = new Sequencer(store, state, await StoredTree.open(store, 0), {
      verify: verifyEd25519Node, onFailure: (failure, cause) => failures.push([failure, cause]), ...(folder ? { persist: folder.persistence(state) } : {}),
    });
    await sequencer.submit(await statement('member.admit', { key: opKey, mechanism: 'failing', member: 'secretariat', name: 'Secretariat', role: 'operator' }));
    const members = state.members;
    const get = members.get.bind(members);
    const failing = (on: boolean) => void (members.get = on ? fail : get);
    await run({ sequencer, store, failing, failures });
  } finally {
    await folder?.close();
    await store.close();
    await rm(dir, { recursive: true, force: true });
  }
}

for (const withFolder of [false, true]) test(`a state that throws while a statement is applied (a damaged state folder) stops appending until a restart${withFolder ? ', the state in a state folder' : ''}`, async () => {
  // Reading a member throws as a damaged folder's read does (folder-seal.ts).
  const damage = new StateFolderDamaged('the value of ["r","@members","secretariat"] does not match its checksum');
  await withFailingMembers(() => { throw damage; }, async ({ sequencer, store, failing, failures }) => {
    failing(true);
    const outcomes = await Promise.allSettled([admit('m1'), admit('m2')].map(async (b) => sequencer.submit(await b)));
    assert.deepEqual(outcomes.map((o) => o.status === 'rejected' && (o.reason as TruceError).code), ['unavailable', 'unavailable']);
    assert.equal((outcomes[0] as PromiseRejectedResult).reason, damage, 'the damage itself is the answer');
    assert.equal(sequencer.failed, true);
    assert.deepEqual(failures, [[damage, damage]], 'told once');
    // Even once the read works again, nothing is appended on a state that may be half changed.
    failing(false);
    await assert.rejects(sequencer.submit(await admit('m3')), (error) => error === damage);
    assert.equal(await store.logSize(), 1);
  }, withFolder);
});

test('a bug a statement sets off while it is applied refuses its batch only: the log goes on', async () => {
  await withFailingMembers(() => { throw new TypeError('a handler bug'); }, async ({ sequencer, failing, failures }) => {
    failing(true);
    await assert.rejects(sequencer.submit(await admit('m1')), (error: TruceError) => error.code === 'unavailable');
    assert.equal(sequencer.failed, false, 'the sequencer goes on');
    assert.deepEqual(failures, []);
    failing(false);
    assert.equal((await sequencer.submit(await admit('m2'))).index, 1);
  });
});

/**
 * With a state folder, a batch is first written without reading which of its statements the log holds (one round
 * trip less); a batch holding a statement already in the log, or one the state refuses, goes the careful way, so the
 * answers are exactly those of the read: 'replay' for what the log holds, the rule broken for the rest.
 */
for (const onPostgres of [false, true]) test(`${onPostgres ? 'PostgreSQL' : 'PGlite'}: a batch is written without a read first, and a replay in it is still refused as a replay`, async () => {
  const dir = await mkdtemp(join(tmpdir(), 'truce-seq-'));
  const db = onPostgres ? await createScratchDatabase() : null;
  const store = db ? await openPostgresStore(db.url) : (await openPgliteDatabase(join(dir, 'pglite'))).store;
  const folder = StateFolder.open(join(dir, 'state'));
  try {
    await store.migrate();
    const calls: boolean[] = [];
    const appendFresh = store.appendFresh.bind(store);
    store.appendFresh = (ids, build, assumed) => {
      calls.push(assumed !== undefined);
      return appendFresh(ids, build, assumed);
    };
    const state = folder.state();
    const sequencer = new Sequencer(store, state, await StoredTree.open(store, 0), { verify: verifyEd25519Node, persist: folder.persistence(state) });
    const genesis = await statement('member.admit', { key: opKey, mechanism: 'fresh', member: 'secretariat', name: 'Secretariat', role: 'operator' });
    await sequencer.submit(genesis);
    const m1 = await admit('m1');
    await sequencer.submit(m1);
    assert.deepEqual(calls, [true, true], 'fresh batches: one call each, without the read');

    calls.length = 0;
    const [m2, m3] = [await admit('m2'), await admit('m3')];
    const outcomes = await sequencer.submitMany([m2, m1, m3]);
    assert.deepEqual(outcomes.map((o) => (o.status === 'fulfilled' ? o.value.index : (o.reason as TruceError).code)), [2, 'replay', 3]);
    assert.deepEqual(calls, [true, false], 'the replay sent the batch the careful way, with the read');
    assert.equal(await store.logSize(), 4);
    assert.deepEqual([...state.members.keys()].sort(), ['m1', 'm2', 'm3', 'secretariat']);

    const m4 = await admit('m4');
    calls.length = 0;
    const again = await sequencer.submitMany([m4, genesis]);
    assert.deepEqual(again.map((o) => (o.status === 'fulfilled' ? o.value.index : (o.reason as TruceError).code)), [4, 'replay']);
    assert.equal(sequencer.failed, false);
    assert.equal(await store.logSize(), 5);
  } finally {
    await folder.close();
    await store.close();
    await db?.drop();
    await rm(dir, { recursive: true, force: true });
  }
});
