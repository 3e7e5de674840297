import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { Store } from '../store.js';
import { entry, leafHash } from './builders.js';

const CHILD = fileURLToPath(new URL('./crash-child.ts', import.meta.url));

interface CrashOptions {
  readonly kind: 'pglite' | 'postgres';
  /** The data folder or database URL the child opens. */
  readonly target: string;
  /** Open the same store in this process. */
  readonly open: () => Promise<Store>;
  readonly rounds?: number;
}

/** Run one child until a few batches are acknowledged, then SIGKILL it at a random moment. Returns the acks. */
async function killRound(options: CrashOptions, round: number): Promise<Map<number, number>> {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, options.kind, options.target], { stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
  const acked = new Map<number, number>(); // index -> pid of the child that was acknowledged writing it
  const killAfter = 5 + ((round * 7) % 11);
  let batches = 0;
  for await (const line of createInterface({ input: child.stdout })) {
    if (line === 'ready') continue;
    const [first, last] = line.split(' ').map(Number) as [number, number];
    for (let i = first; i <= last; i++) acked.set(i, child.pid!);
    // Kill a little after an acknowledgement, at a different moment each round: mid-transaction or between two.
    if (++batches === killAfter) setTimeout(() => child.kill('SIGKILL'), (round * 13) % 40);
  }
  assert.equal(await exited, 'SIGKILL', 'the child died before it was killed (see its stderr above)');
  return acked;
}

/**
 * The crash test: children append and are SIGKILLed mid-run, `rounds` times on the same store; then every
 * acknowledged entry must be there byte for byte, the log must have no gap, and it must still take appends.
 * Entries committed but not yet acknowledged when the child died may be there too.
 * @example await crashTest({ kind: 'pglite', target: dir, open: () => openPgliteStore(dir) });
 */
export async function crashTest(options: CrashOptions): Promise<void> {
  const acked = new Map<number, number>();
  for (let round = 0; round < (options.rounds ?? 3); round++) {
    for (const [index, pid] of await killRound(options, round)) acked.set(index, pid);
  }
  const store = await options.open();
  try {
    await store.migrate();
    const size = await store.logSize();
    const maxAcked = Math.max(...acked.keys());
    assert.ok(size > maxAcked, `the log has ${size} entries but index ${maxAcked} was acknowledged`);
    const stored = await store.entries(0, size);
    assert.deepEqual(stored.map((e) => e.index), Array.from({ length: size }, (_, i) => i), 'no gap');
    for (const e of stored) {
      assert.deepEqual(e.leafHash, leafHash(e.bytes), `leaf hash of entry ${e.index}`);
      const pid = acked.get(e.index);
      if (pid !== undefined) assert.deepEqual(e, entry(e.index, { salt: `crash-${pid}`, padding: 300 }), `acknowledged entry ${e.index}`);
    }
    await store.appendBatch({ entries: [entry(size, { salt: 'after-crash' })], incidents: [] });
    assert.equal(await store.logSize(), size + 1);
  } finally {
    await store.close();
  }
}
