// The server of the kill test, in a child process: what `truce serve` runs (Mechanism.open, buildApp, listen), but
// started ahead of time. It loads every module, says "warm", and opens the store only on "go <dataDir> [db]", so
// the parent can warm the next server while it kills the current one: a kill cycle then costs the store's opening
// and the appends, not Node's start.
import { createInterface } from 'node:readline';
import { Mechanism } from '../../../src/services/mechanism.js';
import { buildApp } from '../../../src/server/app.js';

process.stdout.write('warm\n');
for await (const line of createInterface({ input: process.stdin })) {
  const [, dataDir, db] = line.split(' ');
  const mechanism = await Mechanism.open({ dataDir: dataDir!, ...(db ? { db } : {}), checkpointIntervalMs: 100 });
  const app = await buildApp(mechanism);
  process.stdout.write(`url ${await app.listen({ port: 0, host: '127.0.0.1' })}\n`);
}
