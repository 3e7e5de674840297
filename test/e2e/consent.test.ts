// "Nobody speaks for another", end to end, on PGlite and PostgreSQL: with the operator's key alone, the server refuses
// to admit a member to a party's side, to admit extra mediators, and to revoke a party's key. Then the operator turns
// rogue (its server appends the same statements without the checks) and `truce verify`, replaying the log alone,
// fails and names each forged entry.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, type RunningServer } from './helpers/server.js';
import { admission, bootstrap, member, signed, type TestMember } from './helpers/members.js';
import { httpAudit, mustRefuse } from './helpers/http.js';
import { asBody, reportBody } from './helpers/case-bodies.js';
import { runCli } from './helpers/cli.js';
import { createScratchDatabase } from '../../src/store/postgres-test-db.js';
import { parseStatement, statementId } from '../../src/domain/statement.js';
import { hashLeaf } from '../../src/log/hash.js';
import { auditMechanism } from '../../src/services/audit.js';

const MECHANISM = 'consent';

/** What a rogue operator's server does: store and sequence an entry without any check, then sign a checkpoint. */
async function appendUnchecked(server: RunningServer, bytes: Uint8Array): Promise<number> {
  const m = server.mechanism;
  const parsed = parseStatement(bytes);
  assert.ok(parsed.ok);
  const index = m.tree.size;
  const s = parsed.value;
  const growth = m.tree.extend([hashLeaf(bytes)]);
  await m.store.appendBatch({ entries: [{ index, id: statementId(bytes), leafHash: hashLeaf(bytes), bytes, type: s.type, by: s.by, at: s.at }], incidents: [], treeNodes: growth.nodes });
  m.tree.adopt(growth);
  return index;
}

async function attacks(server: RunningServer): Promise<void> {
  const [operator, pk, af, qa, tr] = ['secretariat', 'pk', 'af', 'qa', 'tr'].map(member) as [TestMember, TestMember, TestMember, TestMember, TestMember];
  await bootstrap(server.url, operator, MECHANISM, [
    { m: pk, role: 'party' },
    { m: af, role: 'party' },
    { m: qa, role: 'mediator' },
    { m: tr, role: 'mediator' },
  ]);
  // The operator makes keys it holds itself: their proofs of possession are easy; the sides' consent is not.
  const pk2 = member('pk-2');
  const [m3, m4] = [member('m3'), member('m4')];
  const admitPk2 = await signed(operator, 'member.admit', await admission(MECHANISM, pk2, { role: 'party', side: 'pk' }));
  const admitM3 = await signed(operator, 'member.admit', await admission(MECHANISM, m3, { role: 'mediator' }));
  const admitM4 = await signed(operator, 'member.admit', await admission(MECHANISM, m4, { role: 'mediator' }, [pk]));
  const revokePk = await signed(operator, 'key.revoke', { member: 'pk', key: pk.key, reason: 'Lost.' });
  await mustRefuse(server.url, admitPk2, 403, 'forbidden', /later member of side pk needs that side's consent/);
  await mustRefuse(server.url, admitM3, 403, 'forbidden', /a new mediator needs the consent of every party/);
  await mustRefuse(server.url, admitM4, 403, 'forbidden', /consent of every party/);
  await mustRefuse(server.url, revokePk, 403, 'forbidden', /never by the operator/);
  await server.mechanism.publishCheckpoint();
  const honest = await auditMechanism(httpAudit(server.url));
  assert.ok(honest.ok, JSON.stringify(honest.checks));

  // The rogue operator's server takes them anyway, and files as pk through the member it slipped onto pk's side.
  const forged = [admitPk2, await signed(pk2, 'report.file', asBody(reportBody())), admitM3, admitM4, revokePk];
  const indexes: number[] = [];
  for (const bytes of forged) indexes.push(await appendUnchecked(server, bytes));
  await server.mechanism.publishCheckpoint();
  const report = await auditMechanism(httpAudit(server.url));
  assert.equal(report.ok, false);
  const statements = report.checks.find((c) => c.name === 'statements');
  assert.equal(statements?.ok, false);
  for (const index of indexes) assert.match(statements.detail, new RegExp(`entry ${index}:`), `entry ${index} is named`);
  assert.match(statements.detail, /side's consent/);
  assert.match(statements.detail, /never by the operator/);
  const cli = await runCli(['verify', server.url]);
  assert.equal(cli.code, 1, cli.stdout + cli.stderr);
  assert.match(cli.stdout + cli.stderr, /statements/);
}

test('the operator alone cannot speak for a side (PGlite); a rogue operator\'s log fails truce verify', async () => {
  const server = await startServer({ checkpointIntervalMs: 60_000 });
  try {
    await attacks(server);
  } finally {
    await server.close();
  }
});

test('the same on PostgreSQL', async () => {
  const db = await createScratchDatabase();
  const server = await startServer({ db: db.url, checkpointIntervalMs: 60_000 });
  try {
    await attacks(server);
  } finally {
    await server.close();
    await db.drop();
  }
});
