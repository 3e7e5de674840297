// The CLI as a user runs it (`node bin/truce.mjs ...` in a child process) against a real server: help, keygen,
// submit, verify (including against a tampering mirror and an unreachable server), witness, export, import, and the
// exit codes of design.md's table (0 ok, 1 refused or not verified, 2 usage, 3 unreachable).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { startServer, type RunningServer } from './helpers/server.js';
import { admission, signed, type TestMember } from './helpers/members.js';
import { getJson, logSize, mustAppend, type Json } from './helpers/http.js';
import { asBody, reportBody } from './helpers/case-bodies.js';
import { runCli, type CliResult } from './helpers/cli.js';
import { fromBase64, toBase64 } from '../../src/log/encoding.js';
import { auditLog } from '../../src/log/tile-client.js';
import { ACLED_COLUMNS } from '../../src/domain/acled-tables.js';
import { readKeyFile, writeKeyFile } from '../../src/services/key-file.js';
import { agreeRules } from './helpers/rules.js';
import { generateKeyPair } from '../../src/services/node-ed25519.js';

let server: RunningServer;
let dir: string;
const keyPath = (id: string) => join(dir, `${id}.key.json`);

/** A key file's member as a test client that signs in this process. */
async function memberFromKeyFile(id: string): Promise<TestMember> {
  const k = await readKeyFile(keyPath(id));
  return { ...k, id: k.member, key: toBase64(k.publicKey) };
}

/** Run CLI invocations a few at a time (each is a Node process; the test machines have two cores). */
async function pool<T>(items: readonly T[], width: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: width }, async () => {
    while (next < items.length) await fn(items[next++]!);
  }));
}

/**
 * Admit qa as a user would: qa's own key signs the request (proof of possession); the operator's submission without
 * the parties' consent is refused; a party that was shown another fingerprint refuses to consent; both parties
 * countersign; then the operator's submission is accepted.
 */
async function admitThroughCli(operator: TestMember): Promise<void> {
  const request = join(dir, 'qa-admission.json');
  const common = ['--server', server.url];
  const made = await runCli(['admit', 'request', '--key', keyPath('qa'), '--name', 'QA', '--role', 'mediator', '--out', request, ...common]);
  assert.equal(made.code, 0, show(made));
  const fingerprint = made.stderr.match(/fingerprint of qa's key: ([0-9a-f ]+)\n/)?.[1];
  assert.ok(fingerprint, show(made));
  const alone = await runCli(['submit', 'member.admit', `@${request}`, '--key', keyPath(operator.id), ...common]);
  assert.equal(alone.code, 1, show(alone));
  assert.match(alone.stderr, /a new mediator needs the consent of every party/);
  const wrong = await runCli(['admit', 'consent', request, '--key', keyPath('pk'), '--fingerprint', '0000 0000 0000 0000 0000 0000 0000 0000 0000 0000', ...common]);
  assert.equal(wrong.code, 1, show(wrong));
  assert.match(wrong.stderr, /do not consent/);
  for (const party of ['pk', 'af']) {
    const consent = await runCli(['admit', 'consent', request, '--key', keyPath(party), '--fingerprint', fingerprint, ...common]);
    assert.equal(consent.code, 0, show(consent));
  }
  const submitted = await runCli(['submit', 'member.admit', `@${request}`, '--key', keyPath(operator.id), ...common]);
  assert.equal(submitted.code, 0, show(submitted));
}

const show = (r: CliResult) => `exit ${r.code ?? r.signal}\n--- stdout\n${r.stdout}--- stderr\n${r.stderr}`;

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'truce-cli-'));
  server = await startServer({ checkpointIntervalMs: 100 });
});
after(async () => {
  await server?.close();
  await rm(dir, { recursive: true, force: true });
});

test('--help of truce and of every command exits 0 and prints its usage', async () => {
  const commands = ['', 'serve', 'keygen', 'submit', 'ingest', 'verify', 'witness', 'export', 'import', 'bench'];
  await pool(commands, 3, async (command) => {
    const r = await runCli(command ? [command, '--help'] : ['--help']);
    assert.equal(r.code, 0, `${command} --help: ${show(r)}`);
    assert.match(r.stdout, new RegExp(`^Usage: truce${command ? ` ${command}` : ''} `, 'm'), command);
    assert.equal(r.stderr, '', command);
  });
});

test('usage errors exit 2: an unknown command, a missing argument', async () => {
  const cases: [string[], RegExp][] = [
    [['frobnicate'], /unknown command 'frobnicate'/],
    [['submit', 'member.admit', '--key', 'no-such.key.json'], /missing required argument 'body'/],
  ];
  await pool(cases, 2, async ([args, message]) => {
    const r = await runCli(args);
    assert.equal(r.code, 2, `${args.join(' ')}: ${show(r)}`);
    assert.match(r.stderr, message);
    assert.equal(r.stdout, '');
  });
});

test('verify without a URL (nor --receipt) is a usage error: exit 2', async () => {
  const r = await runCli(['verify']);
  assert.match(r.stderr, /give the server URL|missing required argument/);
  assert.equal(r.code, 2, `a missing argument is a usage error (exit 2, design of cli/exit-codes.ts), got ${show(r)}`);
});

test('keygen writes an owner-only key file and refuses to overwrite it without --force', async () => {
  const path = keyPath('secretariat');
  const made = await runCli(['keygen', '--member', 'secretariat', '--out', path, '--json']);
  assert.equal(made.code, 0, show(made));
  const printed = JSON.parse(made.stdout) as Json;
  const file = JSON.parse(await readFile(path, 'utf8')) as Json;
  assert.deepEqual(Object.keys(file).sort(), ['key', 'member', 'seed']);
  assert.deepEqual([printed.member, printed.key, printed.file], ['secretariat', file.key, path]);
  const key = await readKeyFile(path);
  assert.equal(toBase64(key.publicKey), file.key, 'the public key is the seed\'s');
  assert.equal(key.seed.length, 32);
  assert.equal((await stat(path)).mode & 0o777, 0o600, 'the private key is readable by its owner only');

  // The key file is kept for the rest of the tests: --force writes a new key over a copy.
  const copy = join(dir, 'copy.key.json');
  await writeFile(copy, await readFile(path));
  const [again, forced] = await Promise.all([
    runCli(['keygen', '--member', 'secretariat', '--out', path]),
    runCli(['keygen', '--member', 'secretariat', '--out', copy, '--force']),
  ]);
  assert.equal(again.code, 1, show(again));
  assert.equal(again.stderr.trimEnd().split('\n').length, 1, `one line of reason: ${again.stderr}`);
  assert.match(again.stderr, /exists; pass --force to overwrite it/);
  assert.equal(JSON.parse(await readFile(path, 'utf8')).seed, file.seed, 'the key file is untouched');

  assert.equal(forced.code, 0, show(forced));
  assert.notEqual(JSON.parse(await readFile(copy, 'utf8')).seed, file.seed, '--force wrote a new key');
  assert.match(forced.stdout, /public key: [A-Za-z0-9+/]{43}=/);
});

test('submit signs and appends: a genesis with "$KEY", --json; a refusal (body from stdin) exits 1 with the server\'s reason', async () => {
  for (const id of ['pk', 'af', 'qa', 'tr', 'field-team-1']) await writeKeyFile(keyPath(id), id, generateKeyPair());
  const genesis = await runCli([
    'submit', 'member.admit', '{"member":"secretariat","name":"Secretariat","role":"operator","key":"$KEY","mechanism":"cli"}',
    '--key', keyPath('secretariat'), '--server', server.url, '--json',
  ]);
  assert.equal(genesis.code, 0, show(genesis));
  const appended = JSON.parse(genesis.stdout) as Json;
  assert.equal(appended.index, 0);
  assert.match(appended.id, /^[0-9a-f]{64}$/);
  const [entry] = (await getJson(server.url, '/v1/statements?limit=1')).body.items as Json[];
  const operator = await memberFromKeyFile('secretariat');
  assert.deepEqual([entry!.id, entry!.statement.by, entry!.statement.key, entry!.statement.body.key], [appended.id, 'secretariat', operator.key, operator.key], '"$KEY" became the signer\'s public key');
  assert.equal((await getJson(server.url, '/v1/log')).body.origin, 'truce/cli');

  // The other members are admitted by the operator's key file, signing in this process (fewer CLI runs: each is slow).
  // Each with its own key's proof of possession; tr with the consent of both parties (qa goes through the CLI below).
  const parties = [await memberFromKeyFile('pk'), await memberFromKeyFile('af')];
  for (const [id, role, name] of [['field-team-1', 'monitor', 'Field team 1'], ['pk', 'party', 'PK'], ['af', 'party', 'AF'], ['tr', 'mediator', 'TR']] as const) {
    const m = await memberFromKeyFile(id);
    await mustAppend(server.url, await signed(operator, 'member.admit', await admission('cli', m, { name, role }, role === 'mediator' ? parties : [])));
  }
  await admitThroughCli(operator);

  // The body from stdin ("-"), and plain (not --json) output on the way to a refusal.
  const size = await logSize(server.url);
  const refused = await runCli(['submit', 'agreement.propose', '-', '--key', keyPath('field-team-1'), '--server', server.url], { input: '{"agreement":"x"}' });
  assert.equal(refused.code, 1, show(refused));
  assert.equal(refused.stderr.trimEnd().split('\n').length, 1, 'one line of reason');
  assert.match(refused.stderr, /^truce: a monitor may not sign agreement\.propose \(HTTP 403\)$/m);
  assert.equal(await logSize(server.url), size, 'nothing appended');
});

test('verify: VERIFIED and exit 0; exit 1 through a mirror that flips a byte of an entry tile; exit 3 when unreachable', async () => {
  const monitor = await memberFromKeyFile('field-team-1');
  await mustAppend(server.url, await signed(monitor, 'report.file', asBody(reportBody({ clauses: [], narrative: 'Exchange of fire at the Chaman crossing, reported over the CLI test.' }))));
  await mustAppend(server.url, await signed(monitor, 'report.file', asBody(reportBody({
    clauses: [],
    accused: ['pk'],
    when: { start: '2025-10-15T00:00:00+04:30', end: '2025-10-16T00:00:00+04:30', precision: 'day' },
    where: { lat: 31.0, lon: 66.39, place: 'Spin Boldak', admin1: 'Kandahar', country: 'Afghanistan', iso: 4, geo_precision: 1 },
    event_type: 'Explosions/Remote violence',
    sub_event_type: 'Air/drone strike',
    narrative: 'Drone strike near the bazaar of Spin Boldak.',
  }))));
  await server.mechanism.publishCheckpoint();
  const size = await logSize(server.url);

  const tampering = await tamperingMirror(server.url);
  const free = await freePort();
  try {
    const mirror = join(dir, 'mirror');
    const [ok, tampered, unreachable] = await Promise.all([
      runCli(['verify', server.url, '--mirror', mirror]),
      runCli(['verify', tampering.url]),
      runCli(['verify', `http://127.0.0.1:${free}`]),
    ]);
    assert.equal(ok.code, 0, show(ok));
    assert.match(ok.stdout, new RegExp(`^VERIFIED truce/cli at size ${size}$`, 'm'));
    assert.doesNotMatch(ok.stdout, /FAIL/);
    // The mirror holds the log as static files: the auditor's tile client rebuilds the same root from them alone.
    const note = await readFile(join(mirror, 'checkpoint'), 'utf8');
    const root = fromBase64(note.split('\n')[2]!)!;
    const rebuilt = await auditLog({ fetchTile: async (p) => new Uint8Array(await readFile(join(mirror, p))), size, root });
    assert.ok(rebuilt.ok, JSON.stringify(rebuilt));
    assert.ok(tampering.flipped() > 0, 'the mirror did tamper with an entry tile');
    assert.equal(tampered.code, 1, show(tampered));
    assert.match(tampered.stdout, /^FAIL {2}(tree|statements):/m);
    assert.match(tampered.stdout, /^NOT VERIFIED truce\/cli$/m);
    assert.equal(unreachable.code, 3, show(unreachable));
    assert.match(unreachable.stderr, /cannot reach/);
  } finally {
    await tampering.close();
  }
});

test('witness --once: no state, no cosignature until a checkpoint is confirmed; then cosigns; a second run reports it unchanged', async () => {
  const [pk, af, qa, tr] = await Promise.all(['pk', 'af', 'qa', 'tr'].map(memberFromKeyFile));
  await agreeRules(server.url, qa!, [pk!, af!, qa!, tr!]);
  await server.mechanism.publishCheckpoint();
  const state = join(dir, 'witness-pk.json');
  const size = (await getJson(server.url, '/v1/log')).body.checkpointSize as number;
  const blind = await runCli(['witness', server.url, '--key', keyPath('pk'), '--state', state, '--once']);
  assert.equal(blind.code, 1, show(blind));
  assert.match(blind.stderr, /no witness state at .*cosigns nothing it is shown.*--trust-checkpoint/);
  const note = join(dir, 'confirmed.checkpoint');
  await writeFile(note, await (await fetch(`${server.url}/checkpoint`)).text());
  const first = await runCli(['witness', server.url, '--key', keyPath('pk'), '--state', state, '--once', '--trust-checkpoint', note]);
  assert.equal(first.code, 0, show(first));
  assert.equal(first.stdout, `cosigned checkpoint ${size} (the first, consistent with the checkpoint you confirmed)\n`);
  const [latest] = (await getJson(server.url, '/v1/checkpoints?limit=1')).body.items as Json[];
  assert.deepEqual([latest!.size, latest!.cosignatures.map((c: Json) => c.witness)], [size, ['pk']]);
  assert.equal(JSON.parse(await readFile(state, 'utf8')).size, size, 'the witness keeps the checkpoint it cosigned');
  const second = await runCli(['witness', server.url, '--key', keyPath('pk'), '--state', state, '--once', '--json']);
  assert.equal(second.code, 0, show(second));
  assert.deepEqual(JSON.parse(second.stdout), { outcome: 'unchanged', size, previous: size });
});

test('a log served under a new key (same name, another server) fails verify --state and stops the witness: both pinned the first key', async () => {
  const state = join(dir, 'verify-pin.json');
  const first = await runCli(['verify', server.url, '--state', state]);
  assert.equal(first.code, 0, show(first));
  const pinned = JSON.parse(await readFile(state, 'utf8')).vkey as string;
  const impostor = await startServer({ demo: 'training', checkpointIntervalMs: 100 });
  try {
    const impostorKey = (await getJson(impostor.url, '/v1/log')).body.vkey as string;
    assert.notEqual(impostorKey, pinned, 'the second server signs with a key of its own');
    const verify = await runCli(['verify', impostor.url, '--state', state]);
    assert.equal(verify.code, 1, show(verify));
    assert.ok(verify.stdout.includes(`FAIL  log key: the server now serves ${impostorKey}, not the pinned key`), show(verify));
    assert.match(verify.stdout, /^NOT VERIFIED /m);
    assert.equal(JSON.parse(await readFile(state, 'utf8')).vkey, pinned, 'the pinned key is kept');
    // The witness of the test above pinned the first server's key in its state.
    const witness = await runCli(['witness', impostor.url, '--key', keyPath('pk'), '--state', join(dir, 'witness-pk.json'), '--once']);
    assert.equal(witness.code, 1, show(witness));
    assert.ok(witness.stderr.includes(`the log's key changed: pinned ${pinned}, server now says ${impostorKey}`), show(witness));
  } finally {
    await impostor.close();
  }
});

test('export --format acled-csv | geojson | jsonl: parseable, with every incident', async () => {
  const incidents = (await getJson(server.url, '/v1/incidents')).body.items as Json[];
  assert.equal(incidents.length, 2);
  const byId = new Map(incidents.map((i) => [i.id as string, i]));
  const out: Record<string, CliResult> = {};
  await pool(['acled-csv', 'geojson', 'jsonl'], 3, async (format) => {
    out[format] = await runCli(['export', '--format', format, '--server', server.url]);
    assert.equal(out[format]!.code, 0, show(out[format]!));
  });

  const rows = parse(out['acled-csv']!.stdout, { columns: true }) as Record<string, string>[];
  assert.deepEqual(Object.keys(rows[0]!), [...ACLED_COLUMNS], 'ACLED\'s columns, in ACLED\'s order');
  assert.deepEqual(rows.map((r) => r.event_id_cnty).sort(), [...byId.keys()].sort());
  for (const row of rows) {
    const view = byId.get(row.event_id_cnty!)!;
    assert.deepEqual([row.event_date, row.location, Number(row.latitude), Number(row.longitude), row.event_type], [view.report.when.start.slice(0, 10), view.report.where.place, view.report.where.lat, view.report.where.lon, view.report.event_type]);
    assert.ok(row.notes!.endsWith(view.report.narrative), 'the account is in the notes');
    assert.match(row.notes!, /^Alleged by Field team 1 \(field-team-1\): /, 'a claim stays attributed');
  }

  const geo = JSON.parse(out.geojson!.stdout) as Json;
  assert.equal(geo.type, 'FeatureCollection');
  assert.deepEqual(geo.features.map((f: Json) => f.id).sort(), [...byId.keys()].sort());
  for (const f of geo.features as Json[]) {
    const where = byId.get(f.id)!.report.where;
    assert.deepEqual(f.geometry, { type: 'Point', coordinates: [where.lon, where.lat] }, 'RFC 7946: [longitude, latitude]');
  }

  const lines = out.jsonl!.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as Json);
  assert.deepEqual(lines, incidents, 'one incident view per line');

});

test('import acled: 2 good rows appended, the bad one reported with its line number, exit 1', async () => {
  const csv = [
    'event_id_cnty,event_date,time_precision,event_type,sub_event_type,actor1,inter1,actor2,inter2,iso,country,admin1,location,latitude,longitude,geo_precision,source,notes,fatalities',
    'PAK1001,2025-10-20,1,Battles,Armed clash,Military Forces of Pakistan,State forces,Taliban,Rebel group,586,Pakistan,Balochistan,Chaman,30.92,66.45,1,Dawn,"Clashes at the crossing, imported row one.",3',
    'PAK1002,2025-02-30,1,Battles,Armed clash,Military Forces of Pakistan,State forces,,,586,Pakistan,Balochistan,Chaman,30.92,66.45,1,Dawn,A row with a date that does not exist.,0',
    'AFG2001,19 October 2025,1,Explosions/Remote violence,Air/drone strike,Military Forces of Pakistan,State forces,Civilians (Afghanistan),Civilians,4,Afghanistan,Kandahar,Spin Boldak,31.0,66.39,1,Tolo News,"Drone strike, imported row two.",0',
  ].join('\n') + '\n';
  const file = join(dir, 'acled.csv');
  await writeFile(file, csv);
  const size = await logSize(server.url);
  const r = await runCli(['import', 'acled', file, '--key', keyPath('field-team-1'), '--server', server.url]);
  assert.equal(r.code, 1, show(r));
  assert.equal(r.stdout, 'imported 2 of 3 rows; 1 refused\n');
  assert.equal(r.stderr.trimEnd().split('\n').length, 1, 'one line per bad row');
  assert.match(r.stderr, new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:3: event_date: "2025-02-30" is not a date`));
  assert.equal(await logSize(server.url), size + 2, 'the good rows are kept');
  const imported = ((await getJson(server.url, '/v1/incidents?q=imported')).body.items as Json[]).map((i) => [i.report.where.place, i.report.when.start.slice(0, 10), i.filedBy.id]);
  assert.deepEqual(imported.sort(), [['Chaman', '2025-10-20', 'field-team-1'], ['Spin Boldak', '2025-10-19', 'field-team-1']]);
});

/** An HTTP mirror of the server that flips one byte of every entry tile it serves. */
async function tamperingMirror(target: string): Promise<{ url: string; flipped(): number; close(): Promise<void> }> {
  let flipped = 0;
  const mirror: Server = createServer((req, res) => {
    void (async () => {
      const upstream = await fetch(target + (req.url ?? '/'));
      let body = new Uint8Array(await upstream.arrayBuffer());
      if ((req.url ?? '').startsWith('/tile/entries/') && upstream.status === 200 && body.length > 10) {
        body = body.slice();
        body[body.length - 3]! ^= 0x01;
        flipped += 1;
      }
      res.writeHead(upstream.status, { 'content-type': upstream.headers.get('content-type') ?? 'application/octet-stream' });
      res.end(body);
    })().catch((e: Error) => {
      res.writeHead(502);
      res.end(e.message);
    });
  });
  await new Promise<void>((resolve) => mirror.listen(0, '127.0.0.1', resolve));
  const { port } = mirror.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, flipped: () => flipped, close: () => new Promise((resolve) => mirror.close(() => resolve())) };
}

/** A loopback port nothing listens on (taken, then released). */
async function freePort(): Promise<number> {
  const probe = createNetServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}
