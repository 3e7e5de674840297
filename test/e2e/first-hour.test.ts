// The rough edges a newcomer met in the first hour (issue 13, part 4), each as it was met: the CLI says where it sends
// and where it keeps its state, startup counts one unit, and the incidents API refuses what can match nothing.
import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, type RunningServer } from './helpers/server.js';
import { runCli, spawnServe } from './helpers/cli.js';
import { assertProblem, getJson, type Json } from './helpers/http.js';

let training: RunningServer;
let empty: RunningServer;
let dir: string;

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'truce-first-hour-'));
  [training, empty] = await Promise.all([startServer({ demo: 'training' }), startServer()]);
});
after(async () => {
  await Promise.all([training?.close(), empty?.close()]);
});

/** The environment of a party's machine: no $TRUCE_SERVER unless given, a config file of its own. */
const machineEnv = (extra: NodeJS.ProcessEnv): NodeJS.ProcessEnv => {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extra };
  if (!('TRUCE_SERVER' in extra)) delete env.TRUCE_SERVER;
  return env;
};

it('truce submit sends to the server of the config file (or $TRUCE_SERVER) without --server, and says where and why', async () => {
  const key = join(dir, 'secretariat.json');
  assert.equal((await runCli(['keygen', '--member', 'secretariat', '--out', key])).code, 0);
  const config = join(dir, 'config.json');
  await writeFile(config, JSON.stringify({ server: empty.url }));
  const genesis = '{"member":"secretariat","name":"Secretariat","role":"operator","key":"$KEY","mechanism":"first-hour"}';
  const sent = await runCli(['submit', 'member.admit', genesis, '--key', key], { env: machineEnv({ TRUCE_CONFIG: config }) });
  assert.equal(sent.code, 0, sent.stderr);
  assert.match(sent.stderr, new RegExp(`^truce: sending member\\.admit to ${empty.url} \\(from ${config.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\)$`, 'm'));
  assert.match(sent.stdout, /^appended member\.admit at index 0$/m);
  assert.equal((await getJson(empty.url, '/v1/log')).body.origin, 'truce/first-hour');

  const viaEnv = await runCli(['submit', 'member.admit', genesis, '--key', key], { env: machineEnv({ TRUCE_CONFIG: join(dir, 'none.json'), TRUCE_SERVER: training.url }) });
  assert.match(viaEnv.stderr, new RegExp(`^truce: sending member\\.admit to ${training.url} \\(from \\$TRUCE_SERVER\\)$`, 'm'));
  assert.equal(viaEnv.code, 1, 'the training log refuses a second genesis: what matters is where it went');
});

it('truce witness says where it keeps the log\'s key and its last cosigned checkpoint, as an absolute path', async () => {
  const witness = await runCli(['witness', training.url, '--key', join(training.dataDir, 'demo-keys', 'north.json'), '--state', 'north-state.json', '--once'], { cwd: dir });
  assert.match(witness.stderr, new RegExp(`^truce: witnessing ${training.url} as north; the log's key and the last checkpoint cosigned are kept in ${join(dir, 'north-state.json')}$`, 'm'));
});

it('truce serve --demo: the progress lines and the serving line count the same thing, log entries, to the same total', async () => {
  const serve = await spawnServe(['--data', join(dir, 'demo-data'), '--demo', 'training'], 180_000);
  try {
    const text = serve.stderr();
    const totals = [...text.matchAll(/demo: (\d+) of (\d+) entries/g)].map((m) => Number(m[2]));
    const loaded = Number(/demo loaded: (\d+) entries/.exec(text)?.[1]);
    const serving = Number(/\(\w+ store, (\d+) entries\)/.exec(text)?.[1]);
    assert.ok(totals.length > 0, text);
    assert.deepEqual(new Set(totals), new Set([loaded]), text);
    assert.equal(serving, loaded, text);
    assert.equal((await getJson(serve.url, '/v1/log')).body.size, loaded);
    assert.doesNotMatch(text, / statements/, 'one unit throughout');
  } finally {
    await serve.stop('SIGTERM');
  }
});

it('GET /v1/incidents refuses an unknown type, party or status and a from after to (400, naming what is known)', async () => {
  for (const [query, detail] of [
    ['type=Shelling', /unknown type "Shelling"; the event types are: Battles, .*Ceasefire mechanism/],
    ['party=east', /unknown party "east"; the parties are: (north, south|south, north)$/],
    ['status=closed', /unknown status "closed"/],
    ['from=2026-04-01&to=2026-03-01', /from 2026-04-01 is after to 2026-03-01/],
  ] as const) {
    const { status, type, body } = await getJson(training.url, `/v1/incidents?${query}`);
    assertProblem(type, body, 400, 'bad_request', detail);
    assert.equal(status, 400, query);
  }
});

it('GET /v1/incidents takes type, party and status in any case, as the log spells them', async () => {
  const all = (await getJson(training.url, '/v1/incidents?limit=500')).body.items as Json[];
  const type = all[0]!.report.event_type as string;
  const expected = all.filter((i) => i.report.event_type === type).map((i) => i.id).sort();
  for (const spelled of [type, type.toUpperCase(), type.toLowerCase()]) {
    const { status, body } = await getJson(training.url, `/v1/incidents?type=${encodeURIComponent(spelled)}&limit=500`);
    assert.equal(status, 200, spelled);
    assert.deepEqual((body.items as Json[]).map((i) => i.id).sort(), expected, spelled);
  }
  const south = all.filter((i) => (i.report.accused as string[]).includes('south')).length;
  assert.ok(south > 0);
  assert.equal(((await getJson(training.url, '/v1/incidents?party=SOUTH&limit=500')).body.items as Json[]).length, south);
});

it('a statement sent as text/plain is refused naming the type it takes; so is a JSON endpoint sent text', async () => {
  const statement = await fetch(`${training.url}/v1/statements`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{"v":1}' });
  assertProblem(statement.headers.get('content-type'), await statement.json(), 400, 'bad_request', /sent as application\/json .* not text\/plain/);
  const form = await fetch(`${training.url}/v1/statements`, { method: 'POST', body: new URLSearchParams({ v: '1' }) });
  assertProblem(form.headers.get('content-type'), await form.json(), 400, 'bad_request', /application\/json .*not application\/x-www-form-urlencoded/);
  const cosignature = await fetch(`${training.url}/v1/cosignatures`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{"size":1}' });
  assertProblem(cosignature.headers.get('content-type'), await cosignature.json(), 400, 'bad_request', /takes application\/json, not text\/plain/);
});

it('an unknown incident id: 404 "no incident with id ..."', async () => {
  const id = 'ab'.repeat(32);
  const { type, body } = await getJson(training.url, `/v1/incidents/${id}`);
  assertProblem(type, body, 404, 'not_found', new RegExp(`^no incident with id ${id}$`));
});

it('compliance: what cites no term in force has its own row per party, so the rows add up (the case demo)', async () => {
  const demo = await startServer({ demo: true });
  try {
    const incidents = (await getJson(demo.url, '/v1/incidents?limit=500')).body.items as Json[];
    const parties = (await getJson(demo.url, '/v1/compliance')).body.parties as Json[];
    let seen = 0;
    for (const p of parties) {
      const uncited = incidents.filter((i) => (i.report.accused as string[]).includes(p.side) && (i.report.clauses as string[]).length === 0).length;
      assert.equal(p.uncited.incidents, uncited, p.side);
      assert.equal(p.incidents, uncited, `${p.side}: the party's incidents are exactly its uncited row`);
      seen += uncited;
    }
    assert.ok(seen > 0, 'the case demo has reports that cite no term');
  } finally {
    await demo.close();
  }
});

it("truce ingest --send puts articles in the server's review queue, as the review page's hint says; without --send nothing leaves", async () => {
  const article = join(dir, 'westgate.txt');
  await writeFile(article, 'NORTHGATE, March 9: Two civilians were killed on Sunday when shells hit the Westgate market, officials of the Northern Republic said. The Southern Federation denied firing. (Training article, fictional.)\n');
  const key = join(training.dataDir, 'demo-keys', 'field-team-1.json');
  const before = ((await getJson(training.url, '/v1/candidates?status=open&limit=200')).body.items as Json[]).length;
  const sent = await runCli(['ingest', '--send', '--key', key, '--server', training.url, '--now', '2026-03-10', article]);
  assert.equal(sent.code, 0, sent.stderr);
  assert.match(sent.stdout, /sent 1 articles: the server read 1 into (\d+) candidates/);
  const after = ((await getJson(training.url, '/v1/candidates?status=open&limit=200')).body.items as Json[]).length;
  assert.ok(after > before, `the queue grew from ${before} to ${after}`);
  const local = await runCli(['ingest', '--key', key, article]);
  assert.equal(local.code, 2, 'a key without --send is a usage error: nothing would be sent');
  assert.match(local.stderr, /--key and --server are for --send/);
});
