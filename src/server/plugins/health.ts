import type { FastifyPluginAsync } from 'fastify';
import type { Mechanism } from '../../services/mechanism.js';

/** How long the store may take to answer a readiness probe. */
const STORE_TIMEOUT_MS = 2000;


/**
 * /healthz: the process answers (a liveness probe restarts it otherwise). /readyz: it can do its job: the store
 * answers, the state is loaded, the sequencer accepts appends, and the latest checkpoint is fresh. 503 with the
 * failing checks otherwise.
 */
export const healthPlugin = (m: Mechanism): FastifyPluginAsync => async (app) => {
  // Entries left unsigned much longer than the checkpoint interval mean the checkpointer is stuck.
  const maxLagMs = Math.max(30_000, 30 * (m.options.checkpointIntervalMs ?? 1000));
  app.get('/healthz', { schema: { summary: 'Liveness: the process answers', tags: ['operations'] } }, async (_request, reply) =>
    reply.header('cache-control', 'no-store').send({ status: 'ok' }),
  );

  app.get('/readyz', { schema: { summary: 'Readiness: store open, state loaded, sequencer accepting, checkpoint fresh', tags: ['operations'] } }, async (_request, reply) => {
    const store = await storeAnswers(m);
    const published = m.published;
    const ageMs = published ? Date.now() - Date.parse(published.createdAt) : null;
    const unsigned = m.size - (published?.size ?? 0);
    const waitingMs = m.unsignedSince === null ? 0 : Date.now() - m.unsignedSince;
    const checks = {
      store: store === null ? { ok: true } : { ok: false, detail: store },
      // Loading after a restart: the log is served, appends and views wait (plugins/state-gate.ts).
      state: m.stateLoaded ? { ok: true } : { ok: false, detail: m.stateFailure ? `loading failed: ${m.stateFailure.message}` : 'loading' },
      sequencer: m.sequencer.failed ? { ok: false, detail: 'a commit failed: appends are refused until the server is restarted' } : { ok: true },
      checkpoint: {
        ok: unsigned === 0 || waitingMs <= maxLagMs,
        size: published?.size ?? 0,
        unsignedEntries: unsigned,
        ageSeconds: ageMs === null ? null : Math.round(ageMs / 1000),
        unsignedForSeconds: Math.round(waitingMs / 1000),
      },
    };
    const ready = Object.values(checks).every((c) => c.ok);
    return reply.code(ready ? 200 : 503).header('cache-control', 'no-store').send({ status: ready ? 'ready' : 'not ready', checks });
  });
};

/** null when the store answers a query in time, else why not. */
async function storeAnswers(m: Mechanism): Promise<string | null> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<string>((resolve) => (timer = setTimeout(() => resolve(`the store did not answer within ${STORE_TIMEOUT_MS} ms`), STORE_TIMEOUT_MS)));
  try {
    return await Promise.race([m.store.logSize().then(() => null), timeout]);
  } catch (error) {
    return `the store failed: ${(error as Error).message}`;
  } finally {
    clearTimeout(timer);
  }
}
