// The state kept in the state folder (<data dir>/state, LMDB) must be the state the log makes: the training demo
// applied through the folder answers every domain view as the same log replayed into plain Maps does; a restart
// reads the folder and replays only the entries after it; a folder from other code, ahead of the log, of another
// log, damaged, or behind it (a crash between the database's commit and the folder's, or a write of the folder that
// failed) is rebuilt or caught up, and the start answers the same. On PGlite and PostgreSQL.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { toBase64 } from '../domain/encoding.js';
import { canonicalBytes } from '../domain/jcs.js';
import { signStatement } from '../domain/statement.js';
import { collection, type MechanismState } from '../domain/state.js';
import { agreementView } from '../domain/views/agreement.js';
import { caseStatus } from '../domain/views/case-status.js';
import { commitmentsView } from '../domain/views/commitments.js';
import { complianceView } from '../domain/views/compliance.js';
import { incidentRowFields, incidentView } from '../domain/views/incident.js';
import { meetingsView } from '../domain/views/meetings.js';
import { accessTo, notPublic, presentIncident, summarizeIncident } from '../domain/views/publication.js';
import { sealedView } from '../domain/views/sealed.js';
import { createScratchDatabase } from '../store/postgres-test-db.js';
import { openPgliteDatabase } from '../store/pglite-store.js';
import { postgresClient } from '../store/postgres-store.js';
import type { SqlClient } from '../store/sql-client.js';
import { loadDemo } from './demo-loader.js';
import { readKeyFile } from './key-file.js';
import { Mechanism, type MechanismOptions } from './mechanism.js';
import { generateKeyPair } from './node-ed25519.js';
import { seal } from './folder-seal.js';
import type { StateMeta } from './folder-file.js';
import { StateFolder } from './state-folder.js';
import { failNextFolderWrite } from './test-failing-folder.js';

const AS_OF = '2026-01-15T00:00:00Z';
const NOW = Date.parse(AS_OF);

/** Every domain view of the state, for each report too, as JSON (what the API serves is made of these). */
function views(state: MechanismState): string {
  const reports = [...collection(state, 'reports').keys()];
  const monitor = [...state.members.values()].find((m) => m.role === 'monitor') ?? null;
  const readers = [null, monitor && { member: monitor.id, role: monitor.role, side: monitor.side }];
  return JSON.stringify({
    agreement: agreementView(state, AS_OF),
    compliance: complianceView(state),
    commitments: commitmentsView(state, AS_OF),
    meetings: meetingsView(state),
    notPublic: notPublic(state),
    reports: reports.map((id) => {
      const incident = incidentView(state, id);
      return {
        id, incident, row: incidentRowFields(state, id), status: caseStatus(state, id), sealed: sealedView(state, id),
        access: readers.map((r) => accessTo(state, id, r, NOW, null)),
        presented: incident && readers.map((r) => presentIncident(state, incident, r)),
        summary: incident && summarizeIncident(state, incident, null),
      };
    }),
  });
}

/** The state as plain Maps, in iteration order (the folder's Maps keep nothing in a Map's own storage). */
function plain(state: MechanismState) {
  const records = [...state.records.keys()].filter((name) => state.records.get(name)!.size > 0).sort();
  return {
    mechanism: state.mechanism, size: state.size,
    members: [...state.members], keys: [...state.keys],
    records: records.map((name) => [name, [...state.records.get(name)!]]),
  };
}

async function observe(m: Mechanism) {
  const incidents = await m.store.queryIncidents({ limit: 1000 });
  return { size: m.size, root: Buffer.from(m.tree.root()).toString('hex'), state: plain(m.state), views: views(m.state), incidents: incidents.items };
}

async function withSql(kind: 'pglite' | 'postgres', dataDir: string, db: string | undefined, fn: (client: SqlClient) => Promise<unknown>): Promise<void> {
  const client = kind === 'pglite' ? (await openPgliteDatabase(join(dataDir, 'pglite'))).client : postgresClient(new pg.Pool({ connectionString: db }));
  try {
    await fn(client);
  } finally {
    await client.close();
  }
}

/** Change the stored state's label, as other code, a longer log or another log would have written it. */
async function relabel(dataDir: string, change: (meta: StateMeta) => StateMeta): Promise<void> {
  const folder = StateFolder.open(join(dataDir, 'state'));
  const meta = folder.meta();
  assert.ok(meta, 'the folder has a label');
  folder.db.putSync(['m'], seal(['m'], Buffer.from(JSON.stringify(change(meta)))));
  await folder.close();
}

for (const kind of ['pglite', 'postgres'] as const) {
  test(`${kind}: the state folder answers as a replay into Maps; a restart replays only the tail; a bad folder is rebuilt`, async () => {
    const scratch = kind === 'postgres' ? await createScratchDatabase() : null;
    const dataDir = await mkdtemp(join(tmpdir(), `truce-state-folder-${kind}-`));
    const options: MechanismOptions = { dataDir, ...(scratch ? { db: scratch.url } : {}), checkpointIntervalMs: 3_600_000 };
    const open = (extra: Partial<MechanismOptions> = {}) => Mechanism.open({ ...options, ...extra });
    let m: Mechanism | null = null;
    const keyAdds = async (count: number) => {
      const field = await readKeyFile(join(dataDir, 'demo-keys', 'field-team-1.json'));
      const at = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
      const adds = [];
      for (let i = 0; i < count; i++) {
        const body = { key: toBase64(generateKeyPair().publicKey) };
        adds.push(canonicalBytes(await signStatement({ v: 1, type: 'key.add', by: 'field-team-1', key: toBase64(field.publicKey), at, body }, field.sign)));
      }
      return adds;
    };
    /** A full replay of the log into plain Maps (the folder untouched): the reference every start must equal. */
    const replayed = async () => {
      const ref = await open({ stateFolder: false, deepCheck: true });
      try {
        return await observe(ref);
      } finally {
        await ref.close();
        // Its snapshot removed: the starts below find only what the folder's own path wrote.
        await withSql(kind, dataDir, scratch?.url, async (c) => {
          await c.query('DELETE FROM state_snapshot_parts');
          await c.query('DELETE FROM state_snapshots');
        });
      }
    };
    try {
      // The training demo (every record type) and key.adds past 512 entries, applied through the folder.
      m = await open();
      await loadDemo(m, () => undefined, 'training');
      await Promise.all((await keyAdds(560 - m.size)).map((bytes) => m!.submit(bytes, true)));
      await m.publishCheckpoint();
      const live = await observe(m);
      assert.equal(await m.store.snapshotHeader(), null, 'no state snapshot is written while the folder holds the state');
      await m.close();
      assert.ok(live.state.records.length >= 10, 'the demo made many kinds of records');
      const reference = await replayed();
      assert.equal(live.views, reference.views, 'every view answers as from a replay into Maps');
      assert.deepStrictEqual(live, reference);

      // 1. A restart reads the folder and replays nothing.
      m = await open();
      assert.deepEqual([m.startup.stateFolder, m.startup.snapshot, m.startup.replayed], [live.size, null, 0]);
      assert.deepStrictEqual(await observe(m), live);
      // A second server on the same data folder (against the same database, too) is refused: one writer a folder.
      await assert.rejects(open(), /state is in use by process \d+/);
      await m.close();

      // 2. The folder behind the log, as after a crash between the database's commit and the folder's: only the
      // entries after it are replayed, and nothing is lost.
      await cp(join(dataDir, 'state'), join(dataDir, 'state-before'), { recursive: true });
      m = await open();
      await Promise.all((await keyAdds(5)).map((bytes) => m!.submit(bytes, true)));
      await m.publishCheckpoint();
      const grown = await observe(m);
      await m.close();
      await rm(join(dataDir, 'state'), { recursive: true });
      await cp(join(dataDir, 'state-before'), join(dataDir, 'state'), { recursive: true });
      m = await open();
      assert.deepEqual([m.startup.stateFolder, m.startup.replayed], [live.size, 5]);
      assert.deepStrictEqual(await observe(m), grown);
      await m.close();
      const after = await replayed();
      assert.deepStrictEqual(after, grown);

      // 3. A folder written by other code, ahead of the log, or of another log (its root): rebuilt from the log.
      const changes: [string, (meta: StateMeta) => StateMeta][] = [
        ['other code', (meta) => ({ ...meta, version: 'truce-state-snapshot/2:other-code' })],
        ['ahead of the log', (meta) => ({ ...meta, size: meta.size + 5 })],
        ['another root', (meta) => ({ ...meta, root: '00'.repeat(32) })],
      ];
      for (const [why, change] of changes) {
        await relabel(dataDir, change);
        m = await open();
        assert.deepEqual([m.startup.stateFolder, m.startup.replayed], [null, grown.size], why);
        assert.deepStrictEqual(await observe(m), grown, why);
        await m.close();
      }

      // 3b. A label as versions before the seals wrote it (plain JSON): rebuilt, and the start says why.
      const older = StateFolder.open(join(dataDir, 'state'));
      const { format: _format, counts: _counts, ...unsealed } = older.meta()!;
      older.db.putSync(['m'], Buffer.from(JSON.stringify(unsealed)));
      await older.close();
      const said: string[] = [];
      m = await open({ onProgress: (line) => said.push(line) });
      assert.deepEqual([m.startup.stateFolder, m.startup.replayed], [null, grown.size]);
      assert.ok(said.some((line) => line.includes('state folder is started anew (an earlier version of Truce wrote it, without checksums)')), said.join(' | '));
      await m.close();

      // 4. A damaged label, then a damaged folder (the file is not LMDB's): rebuilt. The next start uses it again.
      const folder = StateFolder.open(join(dataDir, 'state'));
      folder.db.putSync(['m'], Buffer.from('{"size": 3, "vers'));
      await folder.close();
      m = await open();
      assert.deepEqual([m.startup.stateFolder, m.startup.replayed], [null, grown.size]);
      await m.close();
      await writeFile(join(dataDir, 'state', 'data.mdb'), Buffer.alloc(64 * 1024, 0x5a));
      m = await open();
      assert.deepEqual([m.startup.stateFolder, m.startup.replayed], [null, grown.size]);
      assert.deepStrictEqual(await observe(m), grown);
      await m.close();
      m = await open();
      assert.deepEqual([m.startup.stateFolder, m.startup.replayed], [grown.size, 0]);
      await m.close();

      // 5. A deep start ignores the folder and replays everything, and the folder it leaves serves the next start.
      m = await open({ deepCheck: true });
      assert.deepEqual([m.startup.stateFolder, m.startup.snapshot, m.startup.replayed], [null, null, grown.size]);
      assert.deepStrictEqual(await observe(m), grown);
      await m.close();

      // 6. No folder but a state snapshot (a store from before the folder, on a new machine): filled from the snapshot.
      m = await open({ stateFolder: false });
      await m.close(); // stores a snapshot of the whole log
      await rm(join(dataDir, 'state'), { recursive: true });
      m = await open();
      assert.deepEqual([m.startup.stateFolder, m.startup.snapshot, m.startup.replayed], [null, grown.size, 0]);
      assert.deepStrictEqual(await observe(m), grown);
      await m.close();

      // 7. The folder's write fails (LMDB's thread, after the statements were acknowledged): appending stops, every
      // later write is refused by the folder too, and the next start replays what the log has beyond the folder.
      m = await open();
      failNextFolderWrite(m.stateFolder!);
      const acknowledged = await Promise.all((await keyAdds(3)).map((bytes) => m!.submit(bytes, true)));
      assert.equal(acknowledged.length, 3);
      await m.stateFolder!.written().catch(() => undefined);
      await assert.rejects(m.submit((await keyAdds(1))[0]!, true), /state folder could not be written: no space left on device/);
      await m.publishCheckpoint();
      const logged = await observe(m);
      assert.equal(logged.size, grown.size + 3);
      await m.close();
      m = await open();
      assert.deepEqual([m.startup.stateFolder, m.startup.replayed], [grown.size, 3]);
      assert.deepStrictEqual(await observe(m), logged);
      await m.close();

      // 8. Damage inside a valid LMDB file: a byte of one record changed at rest (every copy of it in the file, old
      // pages too). (a) The submitter's member record: the start's look at the folder (each collection's counters,
      // and a record at 16 positions spread over each collection, which a collection of few members has all of)
      // finds it, and the folder is rebuilt from the log. (b) A key record at a position that look skips: the start
      // uses the folder, the first read of that record is refused as damage, never decoded (503 'unavailable', an
      // integrity alert), and the next start rebuilds.
      const damageAtRest = async (key: (string | number)[]) => {
        const before = StateFolder.open(join(dataDir, 'state'));
        const stored = before.db.get(key);
        await before.close();
        assert.ok(stored, `${JSON.stringify(key)} is in the folder`);
        const file = join(dataDir, 'state', 'data.mdb');
        const bytes = await readFile(file);
        let copies = 0;
        for (let at = bytes.indexOf(stored); at >= 0; at = bytes.indexOf(stored, at + 1), copies++) bytes[at + stored.length - 3]! ^= 0x10;
        assert.ok(copies > 0, 'the record was found in the file');
        await writeFile(file, bytes);
      };
      const rebuilt = async (why: RegExp) => {
        const said: string[] = [];
        m = await open({ onProgress: (line) => said.push(line) });
        assert.ok(said.some((line) => why.test(line)), `the start says why the folder is rebuilt: ${said.join(' | ')}`);
        // From step 6's state snapshot, and the entries after it replayed.
        assert.deepEqual([m.startup.stateFolder, (m.startup.snapshot ?? 0) + m.startup.replayed], [null, logged.size]);
        assert.deepStrictEqual(await observe(m), logged);
        await m.close();
      };
      await damageAtRest(['r', '@members', 'field-team-1']);
      await rebuilt(/state folder is started anew \(its label check found damage: the value of \["r","@members","field-team-1"\] does not match its checksum\)/);

      const look = StateFolder.open(join(dataDir, 'state'));
      const keys = look.meta()!.counts['@keys']!;
      let keyId = '';
      for (const { value } of look.db.getRange({ start: ['o', '@keys', 1], limit: 1 })) keyId = value.subarray(4).toString('utf8');
      await look.close();
      assert.ok(keys.count > 16 && Math.floor(keys.next / 16) > 1, 'position 1 is not among the positions the start looks at');
      await damageAtRest(['r', '@keys', keyId]);
      m = await open();
      assert.equal(m.startup.stateFolder, logged.size, 'the start used the folder');
      await assert.rejects(observe(m), (error: Error & { code?: string }) => error.code === 'unavailable' && error.message.includes(`the value of ["r","@keys","${keyId}"] does not match its checksum`));
      assert.deepEqual(m.alerts.list().map((a) => a.code), ['state_folder_damaged']);
      await m.close();
      await rebuilt(/state folder is started anew \(a read found it damaged\)/);
      m = null;
    } finally {
      await m?.close();
      await rm(dataDir, { recursive: true, force: true });
      await scratch?.drop();
    }
  });
}
