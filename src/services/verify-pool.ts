import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import { verifyEd25519Node } from './node-ed25519.js';
import type { VerifyJob } from './sequencer.js';

/** Fewer signatures than this are verified here: a thread's round trip would cost more than it saves. */
const MIN_SPLIT = 16;

/** Ed25519 verification off the event loop: the main thread keeps HTTP and the embedded store. */
export interface VerifierPool {
  verify(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): Promise<boolean>;
  /** Many at once, one verdict each in order (a batch request). */
  verifyMany(jobs: readonly VerifyJob[]): Promise<boolean[]>;
  close(): Promise<void>;
}

/**
 * A pool of worker threads verifying with node:crypto (the same rule as verifyEd25519Node, pinned by the CCTV
 * vectors). One thread fewer than the cores, at least one: signature checks are the log's ceiling (design.md).
 * @example const pool = createVerifierPool(); await pool.verify(pub, msg, sig); await pool.close();
 */
export function createVerifierPool(threads = Math.max(1, availableParallelism() - 1)): VerifierPool {
  const piscina = new Piscina({ filename: new URL('./verify-worker.mjs', import.meta.url).href, minThreads: threads, maxThreads: threads, idleTimeout: 60_000 });
  return {
    verify: (publicKey, message, signature) => piscina.run({ publicKey, message, signature }) as Promise<boolean>,
    // One message per thread, not per signature: posting a message costs a good part of a verification.
    async verifyMany(jobs) {
      if (jobs.length < MIN_SPLIT) return jobs.map((j) => verifyEd25519Node(j.publicKey, j.message, j.signature));
      const size = Math.ceil(jobs.length / threads);
      const parts: Promise<boolean[]>[] = [];
      for (let start = 0; start < jobs.length; start += size) {
        const part = jobs.slice(start, start + size).map(({ publicKey, message, signature }) => ({ publicKey, message, signature }));
        parts.push(piscina.run({ jobs: part }) as Promise<boolean[]>);
      }
      return (await Promise.all(parts)).flat();
    },
    close: () => piscina.destroy(),
  };
}

/** The same rule on the event loop (no threads): for comparison, and where threads are not wanted. */
export const inlineVerifier: VerifierPool = {
  verify: async (publicKey, message, signature) => verifyEd25519Node(publicKey, message, signature),
  verifyMany: async (jobs) => jobs.map((j) => verifyEd25519Node(j.publicKey, j.message, j.signature)),
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
