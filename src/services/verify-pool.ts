import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import { verifyEd25519Node } from './node-ed25519.js';
import type { VerifyJob } from './sequencer.js';

/** Fewer signatures than this are verified here: a thread's round trip would cost more than it saves. */
const MIN_SPLIT = 16;
/**
 * Signatures a thread takes at a time from a batch (about 20 ms of work). All of a batch's chunks are handed over at
 * once and the event loop verifies none of them: it is the busier side (HTTP, the sequencer, the embedded store), so
 * each signature it took cost the log a statement's worth of its time while the thread waited for chunks that the
 * event loop, busy with a commit, had not yet handed over. On 2 cores, batches of 500, 4 in flight (BENCHMARKS.md,
 * "The event loop verifies no batch"): PostgreSQL 7,415 -> 8,223 and 7,048 -> 8,126 statements/s, PGlite 6,453 ->
 * 6,574 and 6,416 -> 6,859.
 */
const CHUNK = 256;
/**
 * Chunks a thread may hold in its own inbox (piscina's concurrentTasksPerWorker; its default, 1, keeps the rest in
 * the event loop's queue, so a thread would wait for a busy event loop to hand it the next one). Enough for every
 * chunk of several batches of 500 in flight.
 */
const INBOX_PER_THREAD = 16;

/** Ed25519 verification off the event loop: the main thread keeps HTTP and the embedded store. */
export interface VerifierPool {
  verify(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): Promise<boolean>;
  /** Many at once, one verdict each in order (a batch request). */
  verifyMany(jobs: readonly VerifyJob[]): Promise<boolean[]>;
  close(): Promise<void>;
}

const verifyHere = (j: VerifyJob): boolean => verifyEd25519Node(j.publicKey, j.message, j.signature);

/**
 * Many signatures split into chunks of at most CHUNK, of about equal size, at least one chunk per thread, all handed
 * to `run` at once; the verdicts come back in the jobs' order.
 * @example await chunkedVerify(jobs, (part) => piscina.run({ jobs: part }), 1) // one verdict per job, in order
 */
export async function chunkedVerify(jobs: readonly VerifyJob[], run: (part: VerifyJob[]) => Promise<boolean[]>, threads: number): Promise<boolean[]> {
  const chunks = Math.max(Math.min(threads, jobs.length), Math.ceil(jobs.length / CHUNK));
  const size = Math.ceil(jobs.length / chunks);
  const parts: Promise<boolean[]>[] = [];
  for (let start = 0; start < jobs.length; start += size) parts.push(run(jobs.slice(start, start + size)));
  const verdicts = (await Promise.all(parts)).flat();
  return verdicts.map((v) => v === true);
}

/**
 * Jobs as ONE buffer for a thread, moved (transferred) rather than copied: each job's key (32 bytes), signature (64)
 * and message one after the other, the messages' lengths beside. Structured-cloning three small arrays a job cost
 * the event loop, the busy thread on this machine, more than the copy here (verify-worker.mjs unpacks it).
 * @example const { bytes, lengths, buffers } = packJobs(part); await piscina.run({ packed: { bytes, lengths } }, { transferList: buffers })
 */
export function packJobs(jobs: readonly VerifyJob[]): { bytes: Uint8Array; lengths: Uint32Array; buffers: ArrayBuffer[] } {
  const lengthsBuffer = new ArrayBuffer(jobs.length * 4);
  const lengths = new Uint32Array(lengthsBuffer);
  let total = 0;
  for (let i = 0; i < jobs.length; i++) {
    const { publicKey, signature, message } = jobs[i]!;
    // A malformed key or signature cannot be placed at its fixed size: its verdict is false whatever the thread says.
    lengths[i] = publicKey.length === 32 && signature.length === 64 ? message.length : 0xffffffff;
    total += 96 + (lengths[i] === 0xffffffff ? 0 : message.length);
  }
  const bytesBuffer = new ArrayBuffer(total);
  const bytes = new Uint8Array(bytesBuffer);
  let at = 0;
  for (let i = 0; i < jobs.length; i++) {
    if (lengths[i] === 0xffffffff) continue;
    const { publicKey, signature, message } = jobs[i]!;
    bytes.set(publicKey, at);
    bytes.set(signature, at + 32);
    bytes.set(message, at + 96);
    at += 96 + message.length;
  }
  return { bytes, lengths, buffers: [bytesBuffer, lengthsBuffer] };
}

/**
 * A pool of worker threads verifying with node:crypto (the same rule as verifyEd25519Node, pinned by the CCTV
 * vectors). One thread fewer than the cores, at least one: signature checks are the log's ceiling (design.md).
 * A batch's signatures go to the threads in chunks (chunkedVerify).
 * @example const pool = createVerifierPool(); await pool.verify(pub, msg, sig); await pool.close();
 */
export function createVerifierPool(threads = Math.max(1, availableParallelism() - 1)): VerifierPool {
  const piscina = new Piscina({ filename: new URL('./verify-worker.mjs', import.meta.url).href, minThreads: threads, maxThreads: threads, idleTimeout: 60_000, concurrentTasksPerWorker: INBOX_PER_THREAD });
  return {
    verify: (publicKey, message, signature) => piscina.run({ publicKey, message, signature }) as Promise<boolean>,
    async verifyMany(jobs) {
      if (jobs.length < MIN_SPLIT) return jobs.map(verifyHere);
      return chunkedVerify(jobs, (part) => {
        const { bytes, lengths, buffers } = packJobs(part);
        return piscina.run({ packed: { bytes, lengths } }, { transferList: buffers }) as Promise<boolean[]>;
      }, threads);
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
