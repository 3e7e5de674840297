import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import { verifyEd25519Node } from './node-ed25519.js';
import type { VerifyJob } from './sequencer.js';

/** Fewer signatures than this are verified here: a thread's round trip would cost more than it saves. */
const MIN_SPLIT = 16;
/** Signatures a thread takes at a time from a batch (a few ms of work: a message costs a good part of one). */
const CHUNK = 32;
/** Chunks each thread holds at once, so it never waits for the next while its answer travels. */
const QUEUED_PER_THREAD = 2;

/** Ed25519 verification off the event loop: the main thread keeps HTTP and the embedded store. */
export interface VerifierPool {
  verify(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): Promise<boolean>;
  /** Many at once, one verdict each in order (a batch request). */
  verifyMany(jobs: readonly VerifyJob[]): Promise<boolean[]>;
  close(): Promise<void>;
}

const verifyHere = (j: VerifyJob): boolean => verifyEd25519Node(j.publicKey, j.message, j.signature);

/**
 * Many signatures shared between the threads and the event loop: the threads take chunks from the front, the event
 * loop verifies chunks from the back (yielding between them, so the threads' answers and other requests come in),
 * until they meet. So the event loop never sits waiting while a thread works, and a thread the machine gives no
 * time to (a busy 2-core box) takes little: each does what its core allows.
 * @example await sharedVerify(jobs, (part) => piscina.run({ jobs: part }), 1) // one verdict per job, in order
 */
export async function sharedVerify(jobs: readonly VerifyJob[], run: (part: VerifyJob[]) => Promise<boolean[]>, threads: number): Promise<boolean[]> {
  const verdicts = new Array<boolean>(jobs.length);
  let low = 0;
  let high = jobs.length;
  const thread = async (): Promise<void> => {
    // The last chunk is the event loop's: a thread never holds what the event loop would then wait for.
    while (high - low > CHUNK) {
      const start = low;
      low += CHUNK;
      const part = jobs.slice(start, low).map(({ publicKey, message, signature }) => ({ publicKey, message, signature }));
      const out = await run(part);
      for (let i = 0; i < out.length; i++) verdicts[start + i] = out[i] === true;
    }
  };
  const threadsDone = Promise.all(Array.from({ length: threads * QUEUED_PER_THREAD }, thread));
  while (high > low) {
    const end = high;
    high = Math.max(low, high - CHUNK);
    for (let i = high; i < end; i++) verdicts[i] = verifyHere(jobs[i]!);
    await new Promise((resolve) => setImmediate(resolve));
  }
  await threadsDone;
  return verdicts;
}

/**
 * A pool of worker threads verifying with node:crypto (the same rule as verifyEd25519Node, pinned by the CCTV
 * vectors). One thread fewer than the cores, at least one: signature checks are the log's ceiling (design.md).
 * A batch's signatures are shared between the threads and the event loop (sharedVerify).
 * @example const pool = createVerifierPool(); await pool.verify(pub, msg, sig); await pool.close();
 */
export function createVerifierPool(threads = Math.max(1, availableParallelism() - 1)): VerifierPool {
  const piscina = new Piscina({ filename: new URL('./verify-worker.mjs', import.meta.url).href, minThreads: threads, maxThreads: threads, idleTimeout: 60_000 });
  return {
    verify: (publicKey, message, signature) => piscina.run({ publicKey, message, signature }) as Promise<boolean>,
    async verifyMany(jobs) {
      if (jobs.length < MIN_SPLIT) return jobs.map(verifyHere);
      return sharedVerify(jobs, (part) => piscina.run({ jobs: part }) as Promise<boolean[]>, threads);
    },
    close: () => piscina.destroy(),
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
