// A tile request that fails on the way (the connection dropped, the server was busy) is asked again before the
// verification gives up: a 100,000-entry check makes ~800 requests, and one lost among them should not end it.
import { ApiError } from '../api/http.js';

/** Worth asking again: no answer at all, or the server said it was busy or failing (not "no such tile"). */
const transient = (error: unknown) => error instanceof ApiError && (error.status === 0 || error.status === 429 || error.status >= 500);

/**
 * Run `request`, again after `delaysMs[i]` while it fails transiently; the last failure is thrown.
 * @example const bytes = await retrying(() => getBytes('/tile/0/000'));
 */
export async function retrying<T>(request: () => Promise<T>, delaysMs: readonly number[] = [500, 2_000, 5_000]): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await request();
    } catch (error) {
      const delay = delaysMs[attempt];
      if (delay === undefined || !transient(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}
