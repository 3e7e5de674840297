// A tile request that fails on the way (the connection dropped, the server was busy) is asked again before the
// verification gives up: a 100,000-entry check makes ~800 requests, and one lost among them should not end it.
import { ApiError } from '../api/http.js';

/** Worth asking again: no answer at all, or the server said it was busy or failing (not "no such tile"). */
export const transient = (error: unknown) => error instanceof ApiError && (error.status === 0 || error.status === 429 || error.status >= 500);

/** Delays before each new attempt, ms: a tile is asked for at most four times. */
export const RETRY_DELAYS_MS: readonly number[] = [500, 2_000, 5_000];

/** The longest Retry-After waited for; a server that asks for longer is taken at its word and not asked again. */
export const MAX_RETRY_AFTER_MS = 60_000;

/**
 * Run `request`, again after `delaysMs[i]` while it fails transiently, or after the server's Retry-After if it asked
 * for longer (up to `maxWaitMs`); the last failure is thrown.
 * @example const bytes = await retrying(() => getBytes('/tile/0/000'));
 */
export async function retrying<T>(request: () => Promise<T>, delaysMs: readonly number[] = RETRY_DELAYS_MS, maxWaitMs = MAX_RETRY_AFTER_MS): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await request();
    } catch (error) {
      const delay = delaysMs[attempt];
      if (delay === undefined || !transient(error)) throw error;
      const asked = (error as ApiError).retryAfterMs ?? 0;
      if (asked > maxWaitMs) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.max(delay, asked)));
    }
  }
}
