import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import { verifyEd25519Node } from './node-ed25519.js';

/** Ed25519 verification off the event loop: the main thread keeps HTTP and the embedded store. */
export interface VerifierPool {
  verify(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): Promise<boolean>;
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
    close: () => piscina.destroy(),
  };
}

/** The same rule on the event loop (no threads): for comparison, and where threads are not wanted. */
export const inlineVerifier: VerifierPool = {
  verify: async (publicKey, message, signature) => verifyEd25519Node(publicKey, message, signature),
  close: async () => undefined,
};
