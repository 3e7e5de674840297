import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TruceError } from '../domain/errors.js';
import { generateKeyPair } from './node-ed25519.js';
import { readKeyFile, writeKeyFile } from './key-file.js';
import { loadOrCreateLogKey } from './log-key.js';
import { watchedFs } from './test-watched-fs.js';

test('a member key file is synced before it replaces anything, 0600, and reads back', async () => {
  const root = await mkdtemp(join(tmpdir(), 'truce-keyfile-'));
  const calls: string[] = [];
  const pair = generateKeyPair();
  await writeKeyFile(join(root, 'pk.json'), 'pk', pair, watchedFs(calls, root));
  assert.deepEqual(calls, ['sync /pk.json.tmp', 'rename /pk.json.tmp -> /pk.json', 'sync /']);
  assert.equal((await stat(join(root, 'pk.json'))).mode & 0o777, 0o600);
  const back = await readKeyFile(join(root, 'pk.json'));
  assert.equal(back.member, 'pk');
  assert.deepEqual(back.publicKey, pair.publicKey);
});

test("the log's signing key is created through the synced writer, 0600, and the same key is loaded again", async () => {
  const root = await mkdtemp(join(tmpdir(), 'truce-logkey-'));
  const calls: string[] = [];
  const first = await loadOrCreateLogKey(root, 'truce/test', { fs: watchedFs(calls, root) });
  assert.deepEqual(calls, ['sync /log.key.tmp', 'rename /log.key.tmp -> /log.key', 'sync /']);
  assert.equal((await stat(join(root, 'log.key'))).mode & 0o777, 0o600);
  const again = await loadOrCreateLogKey(root, 'truce/test', { fs: watchedFs(calls, root) });
  assert.equal(again.vkey, first.vkey);
  assert.equal(calls.length, 3, 'an existing key is read, never rewritten');
});

test('an unreadable key file gets one clear sentence, not a stack', async () => {
  const root = await mkdtemp(join(tmpdir(), 'truce-keyfile-'));
  await assert.rejects(readKeyFile(join(root, 'absent.json')), (e: TruceError) => e.code === 'not_found' && /cannot read key file .*absent\.json: there is no such file/.test(e.message));
  await mkdir(join(root, 'folder.json'));
  await assert.rejects(readKeyFile(join(root, 'folder.json')), (e: TruceError) => e.code === 'unavailable' && /folder\.json: it is a folder/.test(e.message));
  await mkdir(join(root, 'log.key'));
  await assert.rejects(loadOrCreateLogKey(root, 'truce/test'), (e: TruceError) => /cannot read key file .*log\.key: it is a folder/.test(e.message));
  await writeFile(join(root, 'garbled.json'), '{"member":');
  await assert.rejects(readKeyFile(join(root, 'garbled.json')), /is not a Truce key file/);
});
