// The statements' signatures, checked ahead of the replay: each entry bundle goes to a worker (one per core, up to
// four), which parses its entries as the replay will and verifies each statement's signature over its signing bytes,
// with WebCrypto where that engine decides as the shared rule (webcrypto-ed25519.ts), else with the shared code. The
// replay (full-verify.ts) stays sequential and runs the domain's checkEntry unchanged, its signature check answered
// from here: the same key, signature and bytes, so the same decision, while the main thread only parses and applies.
import { fromBase64 } from '../../domain/encoding.js';
import { parseStatement, signingBytes } from '../../domain/statement.js';
import { type Ed25519Verify, verifyEd25519 } from '../../log/ed25519.js';
import { bytesEqual } from '../../log/encoding.js';
import type { Ed25519VerifyAsync } from './webcrypto-ed25519.js';

/** What a worker found for one entry: its key, signature and signing bytes' length, and the decision; null if it does not parse. */
export interface Checked {
  readonly key: Uint8Array;
  readonly sig: Uint8Array;
  readonly length: number;
  readonly ok: boolean;
}

export type Engine = 'webcrypto' | 'javascript';

/** Checks the signatures of one bundle's entries (the worker's work, also run in place where there are no workers). */
export async function checkSignatures(entries: readonly Uint8Array[], verify: Ed25519VerifyAsync): Promise<(Checked | null)[]> {
  return Promise.all(
    entries.map(async (bytes) => {
      const parsed = parseStatement(bytes);
      if (!parsed.ok) return null;
      const key = fromBase64(parsed.value.key);
      const sig = fromBase64(parsed.value.sig);
      if (!key || !sig) return null;
      const message = signingBytes(parsed.value);
      return { key, sig, length: message.length, ok: await verify(key, message, sig) };
    }),
  );
}

/**
 * checkEntry's verifier for one entry: the worker's decision when asked about the very key and signature it checked
 * (over signing bytes made by the same code from the same entry bytes), else the shared code in place.
 */
export function answeredFrom(checked: Checked | null | undefined): Ed25519Verify {
  return (key, message, sig) =>
    checked && checked.length === message.length && bytesEqual(checked.key, key) && bytesEqual(checked.sig, sig) ? checked.ok : verifyEd25519(key, message, sig);
}

export interface SignaturePool {
  check(entries: readonly Uint8Array[]): Promise<(Checked | null)[]>;
  /** Which code the workers verify with (known once the first bundle is back). */
  readonly engine: Engine | null;
  close(): void;
}

interface Reply {
  readonly id: number;
  readonly engine: Engine;
  readonly results?: (Checked | null)[];
  readonly error?: string;
}

/** A worker's failure: technical detail (a code, or the engine's own message), which the panel shows as code inside a
 * sentence in the reader's language (verifyDetail.stopped). */
const workerError = (detail: string): Error => new Error(detail);

/** Workers for the signatures, or the same work in place if this browser has no module workers. */
export function signaturePool(size = Math.min(4, Math.max(2, globalThis.navigator?.hardwareConcurrency ?? 2))): SignaturePool {
  let engine: Engine | null = null;
  if (typeof Worker === 'undefined') {
    const verify: Ed25519VerifyAsync = async (k, m, s) => verifyEd25519(k, m, s);
    return { check: (entries) => checkSignatures(entries, verify), engine: 'javascript', close: () => undefined };
  }
  const workers = Array.from({ length: size }, () => new Worker(new URL('./signature-worker.ts', import.meta.url), { type: 'module' }));
  const pending = new Map<number, { resolve: (r: (Checked | null)[]) => void; reject: (e: Error) => void }>();
  const failAll = (message: string) => {
    for (const job of pending.values()) job.reject(workerError(message));
    pending.clear();
  };
  for (const worker of workers) {
    worker.onmessage = (event: MessageEvent<Reply>) => {
      const { id, results, error } = event.data;
      engine = event.data.engine;
      const job = pending.get(id);
      pending.delete(id);
      if (results) job?.resolve(results);
      else job?.reject(workerError(error ?? 'ERR_SIGNATURE_WORKER'));
    };
    worker.onerror = (event) => failAll(`ERR_SIGNATURE_WORKER: ${event.message}`);
  }
  let next = 0;
  return {
    check(entries) {
      const id = next++;
      const answer = new Promise<(Checked | null)[]>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        workers[id % workers.length]!.postMessage({ id, entries });
      });
      answer.catch(() => undefined); // a bundle left unawaited when the check stops is not an unhandled rejection
      return answer;
    },
    get engine() {
      return engine;
    },
    close() {
      failAll('stopped');
      for (const worker of workers) worker.terminate();
    },
  };
}
