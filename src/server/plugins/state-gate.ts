import type { FastifyPluginAsync } from 'fastify';
import fp from 'fastify-plugin';
import type { Mechanism } from '../../services/mechanism.js';
import { sendProblem } from '../problem.js';

/**
 * The longest a request that needs the state is held while the state loads, before a 503 asks to come back: long
 * enough for a small state on a loaded box (a client sees a slow answer, not an error), below usual client timeouts.
 */
export const STATE_HOLD_MS = 30_000;
const RETRY_AFTER_S = 5;

/** API paths answered from the log alone (tree, checkpoint, entries): served while the state loads. */
const LOG_ONLY = ['/v1/proof/', '/v1/receipts/'];

/** Whether a path reads the domain state: the API under /v1/, except the log's own proofs and receipts. */
export function needsState(path: string): boolean {
  return path.startsWith('/v1/') && !LOG_ONLY.some((prefix) => path.startsWith(prefix));
}

/**
 * While the state loads after a restart (Mechanism.stateInBackground), checkpoints, tiles, proofs, receipts, health,
 * metrics and the web UI's files are answered at once; a request that reads the state (views, appends, the queue)
 * is held until it is loaded, at most `holdMs`, then answered 503 with Retry-After: never from a half-loaded state.
 */
export const stateGate = (m: Mechanism, holdMs = STATE_HOLD_MS): FastifyPluginAsync =>
  fp(async (app) => {
    app.addHook('onRequest', async (request, reply) => {
      if (m.stateLoaded || !needsState(request.url.split('?')[0] ?? '')) return;
      let timer: NodeJS.Timeout | undefined;
      const held = new Promise<void>((resolve) => (timer = setTimeout(resolve, holdMs)));
      await Promise.race([m.stateReady.catch(() => undefined), held]);
      clearTimeout(timer);
      if (m.stateLoaded) return;
      if (m.stateFailure) return sendProblem(reply, 'unavailable', `the mechanism's state could not be loaded (${m.stateFailure.message}); the server must be restarted`);
      reply.header('retry-after', String(RETRY_AFTER_S));
      return sendProblem(reply, 'unavailable', `the mechanism's state is still loading after a restart (${m.size} entries); checkpoints, tiles and proofs are served meanwhile`);
    });
  });
