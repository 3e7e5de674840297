// The compliance view is kept per log size (services/queries.ts, getCompliance): asked again at the same size it is
// the same answer, not computed again; once the log grows it is computed anew, at most so often that it takes no more
// than its share of the event loop when it is costly.
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
import { COMPLIANCE_SHARE, FRESH_BELOW_MS, getCompliance, viewDue } from './queries.js';

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

test('a costly view is computed anew at most once per 1/COMPLIANCE_SHARE of its cost; a cheap one whenever the log grew', () => {
  const costly = { view: { size: 100 }, computedAt: 1_000, costMs: 250 };
  assert.equal(viewDue(costly, 100, 1_000_000), false, 'the log has not grown: never');
  assert.equal(viewDue(costly, 101, 1_000 + 250 / COMPLIANCE_SHARE - 1), false, 'grown, but too soon: the kept view, with its own size');
  assert.equal(viewDue(costly, 101, 1_000 + 250 / COMPLIANCE_SHARE), true);
  const cheap = { view: { size: 100 }, computedAt: 1_000, costMs: FRESH_BELOW_MS - 1 };
  assert.equal(viewDue(cheap, 101, 1_001), true, 'cheap: read your own writes');
  assert.equal(viewDue(cheap, 100, 1_001), false);
});
