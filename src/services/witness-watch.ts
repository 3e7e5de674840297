import pRetry from 'p-retry';
import { setTimeout as sleep } from 'node:timers/promises';
import { TruceError } from '../domain/errors.js';
import type { MemberKey } from './key-file.js';
import { WitnessHalt, witnessOnce, type WitnessOptions, type WitnessSource, type WitnessStep } from './witness.js';

// A party's witness runs for months over poor links: every network error (server restart, dropped connection, 5xx)
// is an outage to wait out with backoff, never a reason to stop watching. It stops only for what no retry can fix:
// a split view (a fork, a shrink, a changed log key), a checkpoint not signed by the log's key, or no confirmed
// checkpoint to start from.

export type WatchEvent =
  | { readonly kind: 'step'; readonly step: WitnessStep }
  | { readonly kind: 'outage'; readonly error: string; readonly attempt: number; readonly silentMs: number }
  | { readonly kind: 'recovered'; readonly outageMs: number; readonly attempts: number };

export interface WatchOptions extends WitnessOptions {
  readonly intervalMs: number;
  /** First and longest wait between retries during an outage (exponential in between, randomised). */
  readonly minBackoffMs?: number;
  readonly maxBackoffMs?: number;
  readonly signal?: AbortSignal;
  readonly onEvent: (event: WatchEvent) => void;
}

/** Failures that retrying cannot fix (the witness's own checks): it must stop and someone must look. */
export function isIntegrityFailure(error: unknown): error is WitnessHalt {
  return error instanceof WitnessHalt;
}

/** One round; any failure but the witness's own halts becomes an outage to retry (p-retry gives up on TypeErrors). */
async function round(source: WitnessSource, key: MemberKey, statePath: string, options: WitnessOptions): Promise<WitnessStep> {
  try {
    return await witnessOnce(source, key, statePath, options);
  } catch (error) {
    if (isIntegrityFailure(error)) throw error;
    const cause = (error as Error).cause as Error | undefined;
    throw new TruceError('unavailable', `${(error as Error).message}${cause?.message ? ` (${cause.message})` : ''}`);
  }
}

/**
 * Watch a log until `signal` aborts (resolves) or an integrity failure (rejects with it). Rounds run every
 * `intervalMs`; a failing round is retried with exponential backoff, each failure reported with how long the
 * witness has gone without seeing a checkpoint.
 * @example await watchWitness(source, key, 'witness-pk.json', { intervalMs: 5000, onEvent: console.log })
 */
export async function watchWitness(source: WitnessSource, key: MemberKey, statePath: string, options: WatchOptions): Promise<void> {
  let lastSeen = Date.now();
  while (!options.signal?.aborted) {
    let outageStart: number | null = null;
    let attempts = 0;
    let step: WitnessStep;
    try {
      step = await pRetry(() => round(source, key, statePath, options), {
        retries: Infinity,
        factor: 2,
        minTimeout: options.minBackoffMs ?? 1000,
        maxTimeout: options.maxBackoffMs ?? 60_000,
        randomize: true,
        ...(options.signal ? { signal: options.signal } : {}),
        shouldRetry: ({ error }) => !isIntegrityFailure(error),
        onFailedAttempt: ({ error, attemptNumber }) => {
          if (isIntegrityFailure(error)) return;
          outageStart ??= Date.now();
          attempts = attemptNumber;
          options.onEvent({ kind: 'outage', error: error.message, attempt: attemptNumber, silentMs: Date.now() - lastSeen });
        },
      });
    } catch (error) {
      if (options.signal?.aborted) return;
      throw error;
    }
    if (outageStart !== null) options.onEvent({ kind: 'recovered', outageMs: Date.now() - outageStart, attempts });
    lastSeen = Date.now();
    options.onEvent({ kind: 'step', step });
    try {
      await sleep(options.intervalMs, undefined, options.signal ? { signal: options.signal } : {});
    } catch {
      return; // aborted while waiting
    }
  }
}
