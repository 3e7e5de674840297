// Sealing from the CLI, as a field team runs it against a real server with the demo: the recipients register the
// encryption key their key file derives ("$ENCKEY"), `truce submit --seal … --to …` takes the fields out of the body and
// seals them with the browser's scheme, nothing of them is in any public answer, and `truce unseal` opens them for
// the recipients only: from the server, and from a statement sealed and signed with no network (`--members`).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, type RunningServer } from './helpers/server.js';
import { runCli, type CliResult } from './helpers/cli.js';
import { reportBody } from './helpers/case-bodies.js';
import { deriveEncryptionKey } from '../../src/domain/seal/hpke.js';
import { sealedFieldSchema } from '../../src/domain/seal/sealed.js';
import { readKeyFile } from '../../src/services/key-file.js';

const WITNESS = 'Witness: the driver of a fuel truck at the gate (CLI test value)';
const EXACT = { lat: 30.91234, lon: 66.44718 };
let server: RunningServer;
let dir: string;
const keyOf = (member: string) => join(server.dataDir, 'demo-keys', `${member}.json`);
const show = (r: CliResult) => `exit ${r.code}\nstdout: ${r.stdout}\nstderr: ${r.stderr}`;
const cli = (...args: string[]) => runCli(args);
const text = async (path: string) => (await fetch(`${server.url}${path}`)).text();

before(async () => {
  server = await startServer({ demo: true });
  dir = await mkdtemp(join(tmpdir(), 'truce-cli-seal-'));
});

after(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

test('truce submit --seal: sealed to the mediators from the CLI, read by them with truce unseal, by nobody else', { timeout: 300_000 }, async () => {
  // Each mediator registers the encryption key its key file derives, with no key material typed by hand.
  for (const m of ['qa', 'tr']) {
    const r = await cli('submit', 'enckey.add', '{"key": "$ENCKEY"}', '--key', keyOf(m), '--server', server.url);
    assert.equal(r.code, 0, show(r));
  }
  const members = (await (await fetch(`${server.url}/v1/members`)).json()) as { items: { id: string; encryptionKey: string | null }[] };
  const qaKey = (await deriveEncryptionKey((await readKeyFile(keyOf('qa'))).seed)).publicKey;
  assert.equal(members.items.find((m) => m.id === 'qa')?.encryptionKey, qaKey, 'the key the browser derives from the same file');

  const body = { ...reportBody({ narrative: 'TEST: exchange of fire near the gate, sealed from the CLI.', clauses: [], accused: [] }), protected: WITNESS };
  const withExact = { ...body, where: { ...body.where, exact: EXACT } };
  const filed = await cli('submit', 'report.file', JSON.stringify(withExact), '--key', keyOf('field-team-1'), '--server', server.url, '--seal', '/protected', '--seal', '/where/exact', '--to', 'mediators', '--json');
  assert.equal(filed.code, 0, show(filed));
  const { id, index } = JSON.parse(filed.stdout) as { id: string; index: number };

  // What the log holds: two sealed blocks to qa and tr, valid by the log's schema; no plaintext anywhere public.
  const logged = JSON.parse(await text(`/v1/statements?from=${index}&limit=1`)) as { items: { statement: { body: Record<string, unknown> } }[] };
  const loggedBody = logged.items[0]!.statement.body;
  const sealed = loggedBody.sealed as unknown[];
  assert.deepEqual(sealed.map((s) => sealedFieldSchema.parse(s)).map((s) => [s.field, s.to.map((t) => t.member)]), [['/protected', ['qa', 'tr']], ['/where/exact', ['qa', 'tr']]]);
  assert.equal('protected' in loggedBody, false, 'the value left the public body');
  assert.equal('exact' in (loggedBody.where as object), false);
  // The tiles (what every mirror copies) hold the whole statement: ciphertexts and commitments, not the values.
  await server.mechanism.publishCheckpoint();
  const size = ((await (await fetch(`${server.url}/v1/log`)).json()) as { size: number }).size;
  const bundle = Math.floor(index / 256);
  const tile = `/tile/entries/${String(bundle).padStart(3, '0')}${(bundle + 1) * 256 > size ? `.p/${size % 256}` : ''}`;
  for (const path of [`/v1/statements?from=${index}&limit=1`, `/v1/incidents/${id}`, '/v1/incidents?limit=500', '/v1/report?from=2025-10-01&to=2026-09-30', tile]) {
    const response = await fetch(`${server.url}${path}`);
    assert.equal(response.status, 200, path);
    const answer = Buffer.from(await response.arrayBuffer()).toString('latin1');
    assert.ok(!answer.includes('fuel truck') && !answer.includes('30.91234'), `no plaintext in ${path}`);
  }
  const tileText = Buffer.from(await (await fetch(`${server.url}${tile}`)).arrayBuffer()).toString('latin1');
  assert.ok(tileText.includes((sealed[0] as { commit: string }).commit), 'the tile holds the statement, with its commitment');

  // The recipients read it from the server; each checks it against the commitment in the log.
  const qa = await cli('unseal', id, '--key', keyOf('qa'), '--server', server.url, '--json');
  assert.equal(qa.code, 0, show(qa));
  assert.deepEqual(JSON.parse(qa.stdout).fields.map((f: { field: string; value: unknown }) => [f.field, f.value]), [['/protected', WITNESS], ['/where/exact', EXACT]]);
  const tr = await cli('unseal', id, '--key', keyOf('tr'), '--field', '/protected', '--server', server.url);
  assert.equal(tr.code, 0, show(tr));
  assert.match(tr.stdout, /^\/protected: Witness: the driver of a fuel truck at the gate \(CLI test value\)\n {2}matches its commitment [0-9a-f]{16}…; not public\n$/);
  for (const outsider of ['field-team-1', 'pk']) {
    const r = await cli('unseal', id, '--key', keyOf(outsider), '--server', server.url);
    assert.equal(r.code, 1, show(r));
    assert.equal(r.stderr, `truce: /protected is not sealed to ${outsider}'s encryption key\n`);
    assert.ok(!r.stdout.includes('fuel truck'));
  }
});

test('truce submit --seal with no network: recipients from a saved member list, read from the statement file', { timeout: 300_000 }, async () => {
  const membersFile = join(dir, 'members.json');
  await writeFile(membersFile, await text('/v1/members'));
  const body = { ...reportBody({ narrative: 'TEST: signed at the post, sealed to Qatar only.', clauses: [], accused: [] }), protected: WITNESS };
  // No server at all: --dry-run and --members; a server URL nothing listens on proves no request is made.
  const signed = await cli('submit', 'report.file', JSON.stringify(body), '--key', keyOf('field-team-1'), '--dry-run', '--members', membersFile, '--seal', '/protected', '--to', 'qa', '--server', 'http://127.0.0.1:9');
  assert.equal(signed.code, 0, show(signed));
  assert.ok(!signed.stdout.includes('fuel truck'));
  const file = join(dir, 'r1.json');
  await writeFile(file, signed.stdout);
  const qa = await cli('unseal', '--file', file, '--key', keyOf('qa'));
  assert.equal(qa.code, 0, show(qa));
  assert.match(qa.stdout, /^\/protected: Witness: the driver/);
  const tr = await cli('unseal', '--file', file, '--key', keyOf('tr'));
  assert.equal(tr.code, 1, show(tr));
  assert.equal(tr.stderr, "truce: /protected is not sealed to tr's encryption key\n");
  // Then sent like any statement of the outbox: the server accepts the CLI's sealed block.
  const outbox = join(dir, 'outbox');
  await rm(outbox, { recursive: true, force: true });
  await mkdir(outbox);
  await writeFile(join(outbox, 'r1.json'), signed.stdout);
  const sent = await cli('outbox', 'send', outbox, '--server', server.url);
  assert.equal(sent.code, 0, show(sent));
  assert.match(sent.stdout, /^sent +r1\.json +log #\d+/m);
});

test('truce submit --seal refuses in one line: no --to, a recipient without an encryption key, a field the body lacks', async () => {
  const body = JSON.stringify({ ...reportBody({ clauses: [], accused: [] }), protected: WITNESS });
  const cases: [string[], RegExp][] = [
    [['--seal', '/protected'], /^truce: --seal needs --to: who may read the sealed fields\n$/],
    [['--to', 'qa'], /^truce: --to names who reads sealed fields: give the fields with --seal\n$/],
    [['--seal', '/protected', '--to', 'mediators,side:pk'], /^truce: cannot seal to pk: no encryption key registered \(they run: truce submit enckey\.add/],
    [['--seal', '/protected', '--to', 'nobody-here'], /^truce: --to: no member with id nobody-here\n$/],
    [['--seal', '/witness', '--to', 'qa'], /^truce: --seal \/witness: the body has no field there to seal\n$/],
    [['--seal', 'protected', '--to', 'qa'], /^truce: --seal protected: a sealed field is named by a JSON pointer/],
  ];
  for (const [extra, expected] of cases) {
    const r = await cli('submit', 'report.file', body, '--key', keyOf('field-team-1'), '--server', server.url, ...extra);
    assert.equal(r.code, 1, show(r));
    assert.match(r.stderr, expected);
    assert.equal(r.stderr.trim().split('\n').length, 1, 'one line');
  }
});
