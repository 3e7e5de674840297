import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { toBase64 } from '../domain/encoding.js';
import { canonicalBytes } from '../domain/jcs.js';
import { signStatement } from '../domain/statement.js';
import { loadDemo } from './demo-loader.js';
import { readKeyFile } from './key-file.js';
import { Mechanism } from './mechanism.js';
import { generateKeyPair } from './node-ed25519.js';

test('a checkpoint asked for while another is being written holds every entry appended before the asking', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'truce-checkpointer-'));
  const m = await Mechanism.open({ dataDir, checkpointIntervalMs: 3_600_000 });
  try {
    await loadDemo(m, () => undefined, 'training');
    await m.publishCheckpoint();
    const field = await readKeyFile(join(dataDir, 'demo-keys', 'field-team-1.json'));
    const keyAdd = async () => {
      const at = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
      return canonicalBytes(await signStatement({ v: 1, type: 'key.add', by: 'field-team-1', key: toBase64(field.publicKey), at, body: { key: toBase64(generateKeyPair().publicKey) } }, field.sign));
    };
    // The store's write of a checkpoint held until released: a publication is in flight while the next entry lands.
    const save = m.store.saveCheckpoint.bind(m.store);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    m.store.saveCheckpoint = async (c) => {
      await gate;
      return save(c);
    };
    await m.submit(await keyAdd(), true);
    const inFlight = m.publishCheckpoint();
    const second = await m.submit(await keyAdd(), true);
    const asked = m.publishCheckpoint();
    release();
    assert.equal((await inFlight)?.size, second.index, 'the first publication covers the tree it read');
    assert.equal((await asked)?.size, second.index + 1, 'the second holds the entry appended before it was asked for');
  } finally {
    await m.close();
    await rm(dataDir, { recursive: true, force: true });
  }
});
