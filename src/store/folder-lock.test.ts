import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { TruceError } from '../domain/errors.js';
import { lockFolder } from './folder-lock.js';

const root = mkdtempSync(join(tmpdir(), 'truce-lock-'));
after(() => rmSync(root, { recursive: true, force: true }));
const unavailable = (e: unknown): boolean => e instanceof TruceError && e.code === 'unavailable';

describe('lockFolder', () => {
  it('lets one holder in at a time, and again after release', async () => {
    const folder = join(root, 'a');
    const release = await lockFolder(folder);
    assert.equal(readFileSync(`${folder}.lock`, 'utf8'), String(process.pid));
    await assert.rejects(lockFolder(folder, { waitMs: 200 }), unavailable);
    release();
    assert.equal(existsSync(`${folder}.lock`), false);
    (await lockFolder(folder))();
  });

  it('takes over a lock whose process is gone', async () => {
    const folder = join(root, 'b');
    const dead = spawnSync(process.execPath, ['-e', '']).pid;
    assert.ok(dead);
    writeFileSync(`${folder}.lock`, String(dead));
    const release = await lockFolder(folder);
    assert.equal(readFileSync(`${folder}.lock`, 'utf8'), String(process.pid));
    release();
  });

  it('takes over the lock of a killed process its parent has not reaped yet (a zombie)', async () => {
    const folder = join(root, 'c');
    const child = spawn('sh', ['-c', 'sleep 30 & echo $!; exec sleep 20'], { stdio: ['ignore', 'pipe', 'ignore'] });
    const grandchild = Number((await new Promise<Buffer>((resolve) => child.stdout.once('data', resolve))).toString().trim());
    // `sh` replaced itself with `sleep 20`, which never reaps the background sleep: kill it and it is a zombie. The
    // kernel takes its time on a loaded machine, so wait for the state rather than a fixed delay.
    process.kill(grandchild, 'SIGKILL');
    const stat = () => readFileSync(`/proc/${grandchild}/stat`, 'utf8');
    for (let i = 0; i < 100 && !/\) Z /.test(stat()); i++) await new Promise((resolve) => setTimeout(resolve, 50));
    assert.match(stat(), /\) Z /, 'the killed holder is a zombie');
    writeFileSync(`${folder}.lock`, String(grandchild));
    const release = await lockFolder(folder, { waitMs: 0 });
    release();
    const exited = new Promise((resolve) => child.on('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  });

  it('waits for a holder that is still exiting', async () => {
    const folder = join(root, 'd');
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 300)']);
    writeFileSync(`${folder}.lock`, String(holder.pid));
    const started = Date.now();
    const release = await lockFolder(folder, { waitMs: 5000 });
    assert.ok(Date.now() - started >= 200, 'it waited for the holder to exit');
    release();
  });
});
