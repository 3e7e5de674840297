// The field team's CLI, as a user runs it against a real server with the demo: statements signed with no network
// wait in a folder (`truce submit --dry-run`), `truce outbox` says where each stands (signed, sent, refused and why),
// `truce outbox send` sends what the log has not got (idempotent, even with its state file lost), a statement signed
// hours before it arrives is shown with both times and one signed past the late limit is refused; `truce unseal`
// opens a sealed field for its recipients only, from the server or from the statement file.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, type RunningServer } from './helpers/server.js';
import { runCli, type CliResult } from './helpers/cli.js';
import { reportBody } from './helpers/case-bodies.js';
import { deriveEncryptionKey, sealField } from '../../src/domain/seal/hpke.js';
import { readKeyFile } from '../../src/services/key-file.js';

const WITNESS = 'Witness: a shopkeeper at the gate (test value)';
let server: RunningServer;
let dir: string;
let outbox: string;
const keyOf = (member: string) => join(server.dataDir, 'demo-keys', `${member}.json`);
const show = (r: CliResult) => `exit ${r.code}\nstdout: ${r.stdout}\nstderr: ${r.stderr}`;
const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
const logSize = async () => ((await (await fetch(`${server.url}/v1/log`)).json()) as { size: number }).size;

/** A port nothing listens on: the "no network" of a test. */
async function closedPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const { port } = s.address() as AddressInfo;
  await new Promise<void>((resolve) => s.close(() => resolve()));
  return port;
}

/** Sign into the outbox folder with the CLI, as a field team does with no network: `submit --dry-run > file`. */
async function signInto(file: string, member: string, type: string, body: object, at: string): Promise<void> {
  const r = await runCli(['submit', type, JSON.stringify(body), '--key', keyOf(member), '--at', at, '--dry-run']);
  assert.equal(r.code, 0, show(r));
  await writeFile(join(outbox, file), r.stdout);
}

before(async () => {
  server = await startServer({ demo: true });
  dir = await mkdtemp(join(tmpdir(), 'truce-cli-field-'));
  outbox = join(dir, 'outbox');
  await mkdir(outbox);
  // The mediators register the encryption keys derived from their key files (as the browser does).
  for (const m of ['qa', 'tr']) {
    const key = (await deriveEncryptionKey((await readKeyFile(keyOf(m))).seed)).publicKey;
    const r = await runCli(['submit', 'enckey.add', JSON.stringify({ key }), '--key', keyOf(m), '--server', server.url]);
    assert.equal(r.code, 0, show(r));
  }
});

after(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

test('outbox: signed offline, listed, sent when the server answers (idempotent), refused with the reason; unseal for recipients only', { timeout: 600_000 }, async () => {
  const members = (await (await fetch(`${server.url}/v1/members`)).json()) as { items: { id: string; encryptionKey?: string }[] };
  const enc = Object.fromEntries(members.items.filter((m) => m.id === 'qa' || m.id === 'tr').map((m) => [m.id, m.encryptionKey!]));
  assert.equal(Object.keys(enc).length, 2, 'both mediators registered an encryption key');
  const sealed = [await sealField('/protected', WITNESS, enc)];
  const body = (narrative: string) => ({ ...reportBody({ narrative, clauses: [], accused: [] }), sealed });
  await signInto('r1.json', 'field-team-1', 'report.file', body('TEST: signed at the post three hours before the network returned.'), hoursAgo(3));
  await signInto('r2.json', 'field-team-1', 'report.file', body('TEST: signed four days before it could be sent.'), hoursAgo(96));
  await writeFile(join(outbox, 'notes.json'), '{"not": "a statement"}');

  // Listed with no network at all: both reports signed, the junk refused locally, the late one flagged.
  const listed = await runCli(['outbox', 'list', outbox]);
  assert.equal(listed.code, 0, show(listed));
  assert.match(listed.stdout, /^signed +r2\.json .*past the 72 h a log accepts by default/m);
  assert.match(listed.stdout, /^signed +r1\.json +report\.file by field-team-1.*\(signed 3 h ago\)/m);
  assert.match(listed.stdout, /^refused +notes\.json +\(not a statement\) +refused: not sent: /m);

  // The network is down: exit 3, one line, nothing lost.
  const down = await runCli(['outbox', 'send', outbox, '--server', `http://127.0.0.1:${await closedPort()}`]);
  assert.equal(down.code, 3, show(down));
  assert.match(down.stderr, /^truce: cannot reach .*; 2 statement\(s\) still waiting in /);
  assert.equal(down.stderr.trim().split('\n').length, 1, 'one line');

  // The network returns: the report is sent with both times; the one signed past the late limit is refused (exit 1).
  const before = await logSize();
  const sent = await runCli(['outbox', 'send', outbox, '--server', server.url]);
  assert.equal(sent.code, 1, show(sent));
  assert.match(sent.stdout, /^refused +r2\.json +.*72 h/m);
  assert.match(sent.stdout, /^sent +r1\.json +log #\d+/m);
  assert.equal(await logSize(), before + 1);
  const json = JSON.parse((await runCli(['outbox', outbox, '--json'])).stdout) as { items: { file: string; id: string; state: string; index?: number; code?: string }[] };
  const state = Object.fromEntries(json.items.map((i) => [i.file, i]));
  assert.deepEqual([state['r1.json']?.state, state['r2.json']?.state, state['r2.json']?.code, state['notes.json']?.state], ['sent', 'refused', 'clock_skew', 'refused']);
  const id = state['r1.json']!.id;
  const view = (await (await fetch(`${server.url}/v1/incidents/${id}`)).json()) as { filed: { index: number; at: string }; proofs: { entries: Record<string, { arrival: { arrived: string } }> } };
  assert.equal(view.filed.index, state['r1.json']!.index);
  const lateBy = Date.parse(view.proofs.entries[String(view.filed.index)]!.arrival.arrived) - Date.parse(view.filed.at);
  assert.ok(lateBy > 2.9 * 3_600_000 && lateBy < 3.2 * 3_600_000, `signed 3 h before it arrived, and shown so (${lateBy} ms)`);

  // Again: nothing to send. With the state file lost: the server's replay answer marks it sent, nothing appended twice.
  const again = await runCli(['outbox', 'send', outbox, '--server', server.url]);
  assert.equal(again.code, 0, show(again));
  assert.match(again.stdout, /nothing to send/);
  await rm(join(outbox, '.truce-outbox.json'));
  const lost = await runCli(['outbox', 'send', outbox, '--server', server.url, '--json']);
  assert.equal(lost.code, 1, show(lost));
  assert.deepEqual(JSON.parse(lost.stdout).results.map((r: { file: string; answer: { state: string } }) => [r.file, r.answer.state]), [['r2.json', 'refused'], ['r1.json', 'sent']]);
  assert.equal(await logSize(), before + 1, 'idempotent: the log has it once');
  assert.ok(!(await readFile(join(outbox, '.truce-outbox.json'), 'utf8')).includes('Witness'), 'the state file keeps no plaintext');

  // Unseal: a recipient reads it from the server or from the file; anyone else gets one line and exit 1.
  const qa = await runCli(['unseal', id, '--key', keyOf('qa'), '--server', server.url]);
  assert.equal(qa.code, 0, show(qa));
  assert.match(qa.stdout, new RegExp(`^/protected: ${WITNESS.replace(/[()]/g, '\\$&')}\n  matches its commitment [0-9a-f]{16}…; not public\n$`));
  const tr = await runCli(['unseal', '--file', join(outbox, 'r1.json'), '--key', keyOf('tr'), '--json']);
  assert.equal(tr.code, 0, show(tr));
  assert.deepEqual(JSON.parse(tr.stdout).fields.map((f: { field: string; value: unknown }) => [f.field, f.value]), [['/protected', WITNESS]]);
  const outsider = await runCli(['unseal', id, '--key', keyOf('field-team-1'), '--server', server.url]);
  assert.equal(outsider.code, 1, show(outsider));
  assert.equal(outsider.stderr, "truce: /protected is not sealed to field-team-1's encryption key\n");
  assert.ok(!outsider.stdout.includes('Witness'));
  const usage = await runCli(['unseal', '--key', keyOf('qa')]);
  assert.equal(usage.code, 2, show(usage));
  const noField = await runCli(['unseal', id, '--key', keyOf('qa'), '--field', '/where/exact', '--server', server.url]);
  assert.equal(noField.code, 1, show(noField));
  assert.match(noField.stderr, /^truce: no sealed field \/where\/exact there\n$/);
});

test('outbox and unseal: --help, and a folder that is not there', async () => {
  for (const args of [['outbox', '--help'], ['outbox', 'send', '--help'], ['unseal', '--help']]) {
    const r = await runCli(args);
    assert.equal(r.code, 0, show(r));
    assert.match(r.stdout, /Usage: truce /);
  }
  const missing = await runCli(['outbox', 'list', join(dir, 'nowhere')]);
  assert.equal(missing.code, 1, show(missing));
  assert.match(missing.stderr, /^truce: cannot read the outbox folder .*: there is no such folder\n$/);
});
