// The server of the kill test, in a child process: what `truce serve` runs (Mechanism.open, buildApp, listen), but
// started ahead of time. It loads every module, says "warm", and opens the store only on "go <dataDir> [db]", so
// the parent can warm the next server while it kills the current one: a kill cycle then costs the store's opening
// and the appends, not Node's start. Like bin/truce.mjs, it runs build/ when that is fresh, else src/ through tsx.
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { buildIsFresh } from '../../../scripts/node-build-sources.mjs';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const fresh = buildIsFresh(root);
if (!fresh) (await import('tsx/esm/api')).register();
const from = (path) => new URL(`../../../${fresh ? `build/src/${path}.js` : `src/${path}.ts`}`, import.meta.url).href;
const { Mechanism } = await import(from('services/mechanism'));
const { buildApp } = await import(from('server/app'));

process.stdout.write('warm\n');
for await (const line of createInterface({ input: process.stdin })) {
  const [, dataDir, db] = line.split(' ');
  const mechanism = await Mechanism.open({ dataDir, ...(db ? { db } : {}), checkpointIntervalMs: 100 });
  const app = await buildApp(mechanism);
  process.stdout.write(`url ${await app.listen({ port: 0, host: '127.0.0.1' })}\n`);
}
