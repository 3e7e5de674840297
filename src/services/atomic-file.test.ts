import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, readdir, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeFileAtomic } from './atomic-file.js';
import { watchedFs } from './test-watched-fs.js';

test('writeFileAtomic syncs the file before the rename and the folder after it, owner-only', async () => {
  const root = await mkdtemp(join(tmpdir(), 'truce-atomic-'));
  const calls: string[] = [];
  await writeFileAtomic(join(root, 'keys', 'a.key'), 'secret\n', { fs: watchedFs(calls, root) });
  assert.deepEqual(calls, ['sync /keys/a.key.tmp', 'rename /keys/a.key.tmp -> /keys/a.key', 'sync /keys']);
  assert.equal(await readFile(join(root, 'keys', 'a.key'), 'utf8'), 'secret\n');
  assert.equal((await stat(join(root, 'keys', 'a.key'))).mode & 0o777, 0o600);
  assert.deepEqual(await readdir(join(root, 'keys')), ['a.key']);
});

test('writeFileAtomic replaces a file whole, and leaves no temp file behind', async () => {
  const root = await mkdtemp(join(tmpdir(), 'truce-atomic-'));
  const path = join(root, 'state.json');
  await writeFileAtomic(path, 'old');
  await writeFileAtomic(path, 'new');
  assert.equal(await readFile(path, 'utf8'), 'new');
  assert.deepEqual(await readdir(root), ['state.json']);
});
