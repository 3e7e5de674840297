// The compliance view is kept per log size (services/queries.ts, getCompliance): asked again at the same size it is
// the same answer, not computed again; once the log grows it is computed anew.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { toBase64 } from '../domain/encoding.js';
import { canonicalBytes } from '../domain/jcs.js';
import { signStatement } from '../domain/statement.js';
import { complianceView } from '../domain/views/compliance.js';
import { Mechanism } from './mechanism.js';
import { generateKeyPair } from './node-ed25519.js';
import { getCompliance } from './queries.js';

test('the compliance view is kept while the log does not grow, and computed anew when it does', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'truce-compliance-kept-'));
  const m = await Mechanism.open({ dataDir, checkpointIntervalMs: 60_000 });
  try {
    const operator = generateKeyPair();
    const key = toBase64(operator.publicKey);
    const at = () => new Date().toISOString().slice(0, 19) + 'Z';
    const admit = async (body: Record<string, unknown>) => canonicalBytes(await signStatement({ v: 1, type: 'member.admit', by: 'secretariat', key, at: at(), body }, operator.sign));
    await m.submit(await admit({ member: 'secretariat', name: 'Secretariat', role: 'operator', key, mechanism: 'kept-views' }));
    const first = getCompliance(m);
    assert.equal(first.size, 1);
    assert.equal(getCompliance(m), first, 'the same answer at the same size');
    assert.deepEqual(first, complianceView(m.state));
    const press = generateKeyPair();
    await m.submit(await admit({ member: 'press', name: 'Press desk', role: 'observer', key: toBase64(press.publicKey) }));
    const second = getCompliance(m);
    assert.equal(second.size, 2, 'computed anew once the log grew');
    assert.deepEqual(second, complianceView(m.state));
  } finally {
    await m.close();
    await rm(dataDir, { recursive: true, force: true });
  }
});
