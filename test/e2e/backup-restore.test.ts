// Backup and restore across backends: the demo mechanism on PGlite, backed up to a tarball by the CLI, restored on
// PostgreSQL, backed up again and restored on PGlite; each restored server answers the same log, checkpoints and
// projections, and a party's `truce verify` (auditMechanism) passes against it. No private key is ever in a backup.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from './helpers/server.js';
import { getJson, httpAudit, type Json } from './helpers/http.js';
import { runCli } from './helpers/cli.js';
import { auditMechanism } from '../../src/services/audit.js';
import { backupMechanism } from '../../src/services/backup.js';
import { restoreMechanism } from '../../src/services/restore.js';
import { Mechanism } from '../../src/services/mechanism.js';
import { createScratchDatabase } from '../../src/store/postgres-test-db.js';

const ASOF = '2030-01-01T00:00:00Z';

/** What a reader sees of a mechanism: log, checkpoints with cosignatures, projections, candidates, evidence bytes. */
async function snapshot(url: string) {
  const json = async (path: string) => (await getJson(url, path)).body;
  const info = await json('/v1/log');
  const incidents = await json('/v1/incidents?limit=200');
  return {
    info: { ...info, alerts: undefined } as Json,
    checkpoint: await (await fetch(`${url}/checkpoint`)).text(),
    checkpoints: await json('/v1/checkpoints?limit=200'),
    statements: await json('/v1/statements?limit=1000'),
    incidents,
    incident: await json(`/v1/incidents/${incidents.items[0].id}`),
    agreement: await json(`/v1/agreement?asOf=${ASOF}`),
    compliance: await json('/v1/compliance'),
    candidates: await json('/v1/candidates?limit=200'),
  };
}

async function filesUnder(dir: string): Promise<string[]> {
  return (await readdir(dir, { recursive: true, withFileTypes: true })).filter((d) => d.isFile()).map((d) => join(d.parentPath, d.name));
}

test('a backup restored on the other backend, both ways, serves the same roots, checkpoints and projections and verifies', async () => {
  const work = await mkdtemp(join(tmpdir(), 'truce-backup-'));
  const db = await createScratchDatabase();
  try {
    // The original: the demo mechanism on PGlite.
    const original = await startServer({ demo: true, dataDir: join(work, 'a') });
    await original.mechanism.publishCheckpoint();
    const before = await snapshot(original.url);
    assert.ok(before.info.size > 10 && before.incidents.items.length > 0);
    await original.close(); // PGlite: one process holds the folder

    // The CLI backs it up to a tarball and restores it on PostgreSQL, given the log key kept apart.
    const tarball = join(work, 'backup.tar.gz');
    const backedUp = await runCli(['backup', '--data', join(work, 'a'), '--out', tarball], { timeoutMs: 180_000 });
    assert.equal(backedUp.code, 0, backedUp.stderr);
    assert.match(backedUp.stdout, new RegExp(`backed up truce/\\S+: ${before.info.size} entries`));
    const restored = await runCli(['restore', '--from', tarball, '--data', join(work, 'b'), '--db', db.url, '--log-key', join(work, 'a', 'log.key')], { timeoutMs: 180_000 });
    assert.equal(restored.code, 0, restored.stderr);
    const onPostgres = await startServer({ dataDir: join(work, 'b'), db: db.url });
    try {
      assert.equal(onPostgres.mechanism.store.kind, 'postgres');
      assert.deepEqual(await snapshot(onPostgres.url), before);
      const audit = await auditMechanism(httpAudit(onPostgres.url));
      assert.ok(audit.ok, JSON.stringify(audit.checks.filter((c) => !c.ok)));
    } finally {
      await onPostgres.close();
    }

    // And back: PostgreSQL to a folder, restored on PGlite.
    const folder = join(work, 'backup-2');
    const manifest = await backupMechanism({ dataDir: join(work, 'b'), db: db.url, out: folder });
    assert.equal(manifest.size, before.info.size);
    assert.equal(manifest.root, before.checkpoints.items[0].root, 'the root of the whole log, as last signed');
    assert.ok(manifest.evidence.length > 0, 'the demo holds evidence bytes');
    for (const file of await filesUnder(folder)) {
      assert.doesNotMatch(await readFile(file, 'latin1'), /PRIVATE\+KEY|"seed"/, `${file} holds no private key`);
    }
    await restoreMechanism({ from: folder, dataDir: join(work, 'c') });
    await assert.rejects(Mechanism.open({ dataDir: join(work, 'c') }), /log\.key is missing, but this store holds checkpoints/, 'never a new key over a signed log');
    await assert.rejects(restoreMechanism({ from: folder, dataDir: join(work, 'c') }), /the target store is not empty/);
    const onPglite = await runCli(['restore', '--from', folder, '--data', join(work, 'd'), '--log-key', join(work, 'b', 'log.key')], { timeoutMs: 180_000 });
    assert.equal(onPglite.code, 0, onPglite.stderr);
    const back = await startServer({ dataDir: join(work, 'd') });
    try {
      assert.equal(back.mechanism.store.kind, 'pglite');
      for (const item of manifest.evidence) assert.equal(await back.mechanism.blobs.size(item.sha256), item.size, `evidence ${item.sha256} is back`);
      assert.deepEqual(await snapshot(back.url), before);
      const audit = await auditMechanism(httpAudit(back.url));
      assert.ok(audit.ok, JSON.stringify(audit.checks.filter((c) => !c.ok)));
    } finally {
      await back.close();
    }
  } finally {
    await db.drop();
    await rm(work, { recursive: true, force: true });
  }
});

test('a tampered backup is refused before anything is written', async () => {
  const work = await mkdtemp(join(tmpdir(), 'truce-backup-bad-'));
  try {
    const original = await startServer({ demo: true, dataDir: join(work, 'a') });
    await original.mechanism.publishCheckpoint();
    await original.close();
    const folder = join(work, 'backup');
    await backupMechanism({ dataDir: join(work, 'a'), out: folder });
    const entries = join(folder, 'entries.jsonl');
    const lines = (await readFile(entries, 'utf8')).split('\n');
    const tampered = lines[3]!.replace(/\\"at\\":\\"(\d{4})/, (_m, y: string) => `\\"at\\":\\"${Number(y) - 1}`);
    assert.notEqual(tampered, lines[3]);
    lines[3] = tampered;
    await writeFile(entries, lines.join('\n'));
    await assert.rejects(restoreMechanism({ from: folder, dataDir: join(work, 'b') }), /entries\.jsonl line 4: .*signature/);
    assert.deepEqual(await readdir(join(work, 'b')).catch(() => []), [], 'nothing was written');
  } finally {
    await rm(work, { recursive: true, force: true });
  }
});
