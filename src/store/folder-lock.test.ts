import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
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
  it('lets one holder in at a time, and again after release', () => {
    const folder = join(root, 'a');
    const release = lockFolder(folder);
    assert.equal(readFileSync(`${folder}.lock`, 'utf8'), String(process.pid));
    assert.throws(() => lockFolder(folder), unavailable);
    release();
    assert.equal(existsSync(`${folder}.lock`), false);
    lockFolder(folder)();
  });

  it('takes over a lock whose process is gone', () => {
    const folder = join(root, 'b');
    const dead = spawnSync(process.execPath, ['-e', '']).pid;
    assert.ok(dead);
    writeFileSync(`${folder}.lock`, String(dead));
    const release = lockFolder(folder);
    assert.equal(readFileSync(`${folder}.lock`, 'utf8'), String(process.pid));
    release();
  });
});
