// Child of the crash test: appends batches forever, printing "first last" for each one only once appendBatch
// resolved (the store acknowledged it). The parent SIGKILLs it at a random moment.
// Usage: node --import tsx src/store/contract/crash-child.ts pglite|postgres <data folder|postgres url>
import { openPgliteThreadStore } from '../pglite-thread.js';
import { openPostgresStore } from '../postgres-store.js';
import { entries, incident, prng } from './builders.js';

const [kind, target] = process.argv.slice(2);
if ((kind !== 'pglite' && kind !== 'postgres') || !target) throw new Error('usage: crash-child.ts pglite|postgres TARGET');
// PGlite as the server runs it: in a thread of its own (pglite-thread.ts), the commits' fsyncs made there.
const store = kind === 'pglite' ? await openPgliteThreadStore(target) : await openPostgresStore(target);
await store.migrate();
const rand = prng(process.pid);
let size = await store.logSize();
process.stdout.write('ready\n');
for (;;) {
  const n = 1 + Math.floor(rand() * 40);
  const batch = entries(size, n, { salt: `crash-${process.pid}`, padding: 300 });
  await store.appendBatch({ entries: batch, incidents: [incident({ id: `crash-${size}`, logIndex: size })] });
  // On Linux, writes to a pipe are synchronous: once this returns, the parent will read the line.
  process.stdout.write(`${size} ${size + n - 1}\n`);
  size += n;
}
