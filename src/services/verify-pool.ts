import { availableParallelism } from 'node:os';
import { performance } from 'node:perf_hooks';
import { Piscina } from 'piscina';
import { verifyEd25519Node } from './node-ed25519.js';
import type { VerifyJob } from './sequencer.js';
import { SharedBatch } from './shared-batch.js';

/** Fewer signatures than this are verified here: a thread's round trip would cost more than it saves. */
const MIN_SPLIT = 16;
/**
 * Tasks a thread may hold in its own inbox (piscina's concurrentTasksPerWorker; its default, 1, keeps the rest in
 * the event loop's queue, so a thread would wait for a busy event loop to hand it the next one). Enough for every
 * batch of several in flight.
 */
const INBOX_PER_THREAD = 16;
/**
 * The event loop takes a unit of a waiting batch when it spent at least this long (ms) waiting for I/O since it last
 * looked, that is when it had nothing else to do: on a machine whose cores verify slowly the thread is the slower side
 * and the event loop idles beside it. It looks every millisecond while a batch has units left.
 */
const IDLE_TO_STEAL_MS = 0.5;
/** Ed25519 verification off the event loop: the main thread keeps HTTP and the embedded store. */
export interface VerifierPool {
  verify(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): Promise<boolean>;
  /** Many at once, one verdict each in order (a batch request). */
  verifyMany(jobs: readonly VerifyJob[]): Promise<boolean[]>;
  close(): Promise<void>;
}

const verifyHere = (j: VerifyJob): boolean => verifyEd25519Node(j.publicKey, j.message, j.signature);

/**
 * A pool of worker threads verifying with node:crypto (the same rule as verifyEd25519Node, pinned by the CCTV
 * vectors). One thread fewer than the cores, at least one: signature checks are the log's ceiling (design.md).
 * A batch's signatures go to every thread at once in shared memory (SharedBatch), and the event loop, when idle,
 * verifies units of it from the back (`steal`, on unless false; `stolenUnits` counts them).
 * @example const pool = createVerifierPool(); await pool.verify(pub, msg, sig); await pool.close();
 */
export function createVerifierPool(threads = Math.max(1, availableParallelism() - 1), options: { readonly steal?: boolean } = {}): VerifierPool & { readonly stolenUnits: number } {
  const piscina = new Piscina({ filename: new URL('./verify-worker.mjs', import.meta.url).href, minThreads: threads, maxThreads: threads, idleTimeout: 60_000, concurrentTasksPerWorker: INBOX_PER_THREAD });
  const steal = options.steal ?? true;
  /** Batches whose threads' tasks have not all returned, oldest first: the event loop helps the oldest. */
  const waiting = new Set<SharedBatch>();
  let stolenUnits = 0;
  let probe: NodeJS.Timeout | null = null;
  let since = performance.eventLoopUtilization();
  const look = (): void => {
    const now = performance.eventLoopUtilization();
    const idle = now.idle - since.idle;
    since = now;
    let left = false;
    for (const batch of waiting) {
      if (!batch.open) continue;
      left = true;
      if (idle >= IDLE_TO_STEAL_MS && batch.stealOne()) stolenUnits += 1;
      break;
    }
    probe = left ? setTimeout(look, 1) : null;
  };
  return {
    verify: (publicKey, message, signature) => piscina.run({ publicKey, message, signature }) as Promise<boolean>,
    async verifyMany(jobs) {
      if (jobs.length < MIN_SPLIT) return jobs.map(verifyHere);
      const batch = new SharedBatch(jobs);
      waiting.add(batch);
      try {
        const tasks = Array.from({ length: threads }, () => piscina.run({ shared: batch.buffer }) as Promise<number>);
        if (steal && probe === null) {
          since = performance.eventLoopUtilization();
          probe = setTimeout(look, 1);
        }
        await Promise.all(tasks);
      } finally {
        waiting.delete(batch);
      }
      return batch.verdicts();
    },
    get stolenUnits() {
      return stolenUnits;
    },
    async close() {
      if (probe) clearTimeout(probe);
      await piscina.destroy();
    },
  };
}

/** The same rule on the event loop (no threads): for comparison, and where threads are not wanted. */
export const inlineVerifier: VerifierPool = {
  verify: async (publicKey, message, signature) => verifyEd25519Node(publicKey, message, signature),
  verifyMany: async (jobs) => jobs.map(verifyHere),
  close: async () => undefined,
};

/**
 * Single signatures and batches each on the event loop or in the pool, as measured to pay on this machine. The
 * pool starts when first used: most servers never receive a batch.
 * @example const verifier = createVerifier({ singles: false, batches: true });
 */
export function createVerifier(use: { readonly singles: boolean; readonly batches: boolean }): VerifierPool {
  if (!use.singles && !use.batches) return inlineVerifier;
  let pool: VerifierPool | null = null;
  const started = (): VerifierPool => (pool ??= createVerifierPool());
  return {
    verify: use.singles ? (publicKey, message, signature) => started().verify(publicKey, message, signature) : inlineVerifier.verify,
    verifyMany: use.batches ? (jobs) => started().verifyMany(jobs) : inlineVerifier.verifyMany,
    close: async () => pool?.close(),
  };
}
