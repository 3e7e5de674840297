// The genesis names the mechanism and with it the log's origin and key. Its acknowledgement must not come before
// them: a client that reads /v1/log right after its 201 saw no origin on a loaded machine (the log key was still
// being written), and the CLI tests that build on the genesis failed one after another.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { toBase64 } from '../domain/encoding.js';
import { canonicalBytes } from '../domain/jcs.js';
import { signStatement } from '../domain/statement.js';
import { Mechanism } from './mechanism.js';
import { generateKeyPair } from './node-ed25519.js';

async function genesis(mechanism: string): Promise<Uint8Array> {
  const operator = generateKeyPair();
  const key = toBase64(operator.publicKey);
  const body = { member: 'secretariat', name: 'Secretariat', role: 'operator', key, mechanism };
  return canonicalBytes(await signStatement({ v: 1, type: 'member.admit', by: 'secretariat', key, at: new Date().toISOString().slice(0, 19) + 'Z', body }, operator.sign));
}

for (const how of ['submit', 'submitMany'] as const) {
  test(`${how}: once the genesis is acknowledged, the log has its origin and key`, async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'truce-genesis-ack-'));
    const m = await Mechanism.open({ dataDir, checkpointIntervalMs: 60_000 });
    try {
      assert.equal(m.origin, null, 'no origin before the genesis');
      const bytes = await genesis(`ack-${how.toLowerCase()}`);
      if (how === 'submit') assert.equal((await m.submit(bytes)).index, 0);
      else assert.equal((await m.submitMany([bytes]))[0]!.status, 'fulfilled');
      assert.equal(m.origin, `truce/ack-${how.toLowerCase()}`, 'the origin is there when the acknowledgement is');
      assert.ok(m.vkey, 'and the log key');
    } finally {
      await m.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
}
