// Every file in examples/ is accepted as it is: signed by the CLI with the training member's key that
// examples/order.json names, then posted to a fresh `--demo training` server in that order, each answered 201.
import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { startServer, type RunningServer } from './helpers/server.js';
import { ROOT, runCli } from './helpers/cli.js';

interface Step {
  readonly file: string;
  readonly type: string;
  readonly key: string;
}

const EXAMPLES = join(ROOT, 'examples');
let server: RunningServer;

before(async () => {
  server = await startServer({ demo: 'training' });
});
after(() => server.close());

it('examples/order.json lists every example file once', async () => {
  const order = JSON.parse(await readFile(join(EXAMPLES, 'order.json'), 'utf8')) as Step[];
  const files = (await readdir(EXAMPLES)).filter((f) => /^\d\d-.*\.json$/.test(f)).sort();
  assert.deepEqual(order.map((s) => s.file), files);
  for (const step of order) assert.ok(step.file.startsWith(`${step.file.slice(0, 3)}${step.type}.`), `${step.file} is a ${step.type}`);
});

it('each example, signed by `truce submit --dry-run` as it is, is appended with 201', { timeout: 300_000 }, async () => {
  const order = JSON.parse(await readFile(join(EXAMPLES, 'order.json'), 'utf8')) as Step[];
  for (const step of order) {
    const key = join(server.dataDir, 'demo-keys', `${step.key}.json`);
    const signed = await runCli(['submit', step.type, `@${join(EXAMPLES, step.file)}`, '--key', key, '--dry-run']);
    assert.equal(signed.code, 0, `${step.file}: ${signed.stderr}`);
    const response = await fetch(`${server.url}/v1/statements`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: signed.stdout.trim() });
    assert.equal(response.status, 201, `${step.file}: ${await response.text()}`);
  }
});
