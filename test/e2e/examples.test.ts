// Every file in examples/ is accepted as it is, in examples/order.json's order, by one fresh `--demo training` server:
// signed with the key order.json names and appended with 201. Bodies refer to earlier examples by name ("@id:NAME",
// "@hash:NAME"). A few steps run the real `truce submit` (reading and writing the names file); the rest are signed
// in-process by the same functions (src/cli/commands/submit.ts), since spawning the CLI costs a second or two each.
import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, type RunningServer } from './helpers/server.js';
import { ROOT, runCli } from './helpers/cli.js';
import { STATEMENT_TYPES } from '../../src/domain/statement.js';
import { readKeyFile } from '../../src/services/key-file.js';
import { readBody, signBody } from '../../src/cli/commands/submit.js';
import { readNames, recordName } from '../../src/cli/commands/submit-names.js';
import { httpSource } from '../../src/cli/commands/verify.js';
import { auditMechanism } from '../../src/services/audit.js';
import { computeReport } from '../../src/services/public-report.js';

interface Step {
  readonly file: string;
  readonly type: string;
  /** A training member (its key in DIR/demo-keys/), or a key file under examples/ (a path with a slash). */
  readonly key: string;
  readonly name?: string;
}

const EXAMPLES = join(ROOT, 'examples');
/** The steps that go through the CLI itself: one that names, one that uses "@id:", one that uses "@hash:". */
const THROUGH_CLI = new Set(['05-report.file.json', '07-report.reply.north.json', '14-finding.sign.json']);
/** Types no example file can show as it is (examples/README.md says why). */
const NO_FILE = new Set(['report.publish']);

let server: RunningServer;
let order: Step[];

before(async () => {
  server = await startServer({ demo: 'training' });
  order = JSON.parse(await readFile(join(EXAMPLES, 'order.json'), 'utf8')) as Step[];
});
after(() => server.close());

const keyPath = (step: Step) => (step.key.includes('/') ? join(EXAMPLES, step.key) : join(server.dataDir, 'demo-keys', `${step.key}.json`));

it('examples/order.json lists every example file once, and every statement type has one', async () => {
  const files = (await readdir(EXAMPLES)).filter((f) => /^\d\d-.*\.json$/.test(f)).sort();
  assert.deepEqual(order.map((s) => s.file), files);
  for (const step of order) assert.ok(step.file.startsWith(`${step.file.slice(0, 3)}${step.type}.`), `${step.file} is a ${step.type}`);
  const shown = new Set(order.map((s) => s.type));
  assert.deepEqual(STATEMENT_TYPES.filter((t) => !shown.has(t) && !NO_FILE.has(t)), [], 'a statement type without an example');
});

it('each example, signed as it is with its earlier examples named, is appended with 201', { timeout: 120_000 }, async () => {
  const names = join(await mkdtemp(join(tmpdir(), 'truce-names-')), 'names.json');
  for (const step of order) {
    const file = join(EXAMPLES, step.file);
    if (THROUGH_CLI.has(step.file)) {
      const args = ['submit', step.type, `@${file}`, '--key', keyPath(step), '--server', server.url, '--names', names, ...(step.name ? ['--name', step.name] : [])];
      const run = await runCli(args);
      assert.equal(run.code, 0, `${step.file}: ${run.stderr}`);
      assert.match(run.stdout, /^appended \S+ at index \d+\nid [0-9a-f]{64}\n/, step.file);
      if (step.name) assert.ok((await readNames(names))[step.name], `${step.file}: truce submit --name wrote ${step.name}`);
      continue;
    }
    const signed = await signBody(step.type, await readBody(`@${file}`), await readKeyFile(keyPath(step)), { names: { names: await readNames(names), path: names, server: server.url } });
    const response = await fetch(`${server.url}/v1/statements`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: Buffer.from(signed.bytes) });
    const text = await response.text();
    assert.equal(response.status, 201, `${step.file}: ${text}`);
    const result = JSON.parse(text) as { index: number; id: string };
    assert.equal(result.id, signed.id, `${step.file}: the id the server answers is the one computed locally`);
    if (step.name) await recordName(names, step.name, { type: step.type, id: result.id, hash: signed.hash, index: result.index, server: server.url });
  }
  // What the examples say happened, as the API shows it: each README claim that matters, once.
  const named = await readNames(names);
  const get = async <T>(path: string): Promise<T> => (await fetch(`${server.url}${path}`)).json() as Promise<T>;
  type Incident = { history: unknown[]; replies: { side: string }[]; findings: { state: string }[]; penalties: unknown[]; sealed: { release: { released: { value: unknown } | null } }[] };
  const westgate = await get<Incident>(`/v1/incidents/${named.WESTGATE?.id}`);
  assert.equal(westgate.history.length, 2, 'filed, then amended');
  assert.deepEqual(westgate.replies.map((r) => r.side).sort(), ['north', 'south']);
  assert.deepEqual(westgate.findings.map((f) => f.state), ['final'], 'both accused replied, so the quorum made it final at once');
  assert.equal(westgate.penalties.length, 1);
  const sealed = await get<Incident>(`/v1/incidents/${named.SEALED?.id}`);
  assert.deepEqual(sealed.sealed.map((f) => f.release.released?.value), ['Shepherd at the Westgate well (fictional witness)']);
  const during = await get<{ ceasefire: { stands: boolean; state: string } }>('/v1/agreement?asOf=2026-04-20T12:00:00Z');
  const after = await get<{ ceasefire: { stands: boolean; state: string } }>('/v1/agreement?asOf=2026-04-22T00:00:00Z');
  assert.deepEqual([during.ceasefire.state, after.ceasefire.state], ['suspended', 'resumed']);
});

it('report.publish, as examples/README.md says: the hash `truce report --json` computes from the verified log, signed by a mediator', async () => {
  const period = { from: '2026-03-01', to: '2026-03-31' };
  const audit = await auditMechanism(httpSource(server.url));
  assert.ok(audit.ok && audit.state, 'the log verifies');
  const { sha256 } = computeReport(audit.state, period);
  const signed = await signBody('report.publish', { ...period, sha256 }, await readKeyFile(join(server.dataDir, 'demo-keys', 'med-a.json')));
  const response = await fetch(`${server.url}/v1/statements`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: Buffer.from(signed.bytes) });
  assert.equal(response.status, 201, await response.text());
});

it('truce submit refuses a name no earlier statement was given, and says which names it knows', async () => {
  const names = join(await mkdtemp(join(tmpdir(), 'truce-names-')), 'names.json');
  const key = join(server.dataDir, 'demo-keys', 'south.json');
  const run = await runCli(['submit', 'report.reply', '{"report": "@id:NOPE", "stance": "denies", "text": "x"}', '--key', key, '--names', names, '--dry-run']);
  assert.notEqual(run.code, 0);
  assert.match(run.stderr, /no statement is named NOPE in .*names\.json \(it names none yet\); submit it with --name NOPE first/);
});
