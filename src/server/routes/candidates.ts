import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Mechanism } from '../../services/mechanism.js';
import { ingestArticles, listCandidates } from '../../services/candidates.js';
import { ingestRequestSchema } from '../../ingest/index.js';
import { sendProblem } from '../problem.js';
import { candidateId, pageLimit } from '../params.js';

/** News in, candidates out: candidates are not records until a monitor promotes one (candidate.promote). */
export const candidateRoutes = (mechanism: Mechanism): FastifyPluginAsync => async (app) => {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/v1/ingest',
    { bodyLimit: 20 * 1024 * 1024, schema: { summary: 'Ingest news articles (text, HTML or RSS/Atom) into candidates for review', tags: ['candidates'], body: ingestRequestSchema } },
    async (request, reply) => reply.code(201).send(await ingestArticles(mechanism, request.body)),
  );

  r.get(
    '/v1/candidates',
    { schema: { summary: 'News candidates for review', tags: ['candidates'], querystring: z.object({ status: z.enum(['open', 'promoted', 'dismissed']).optional(), limit: pageLimit(200, 50), cursor: z.string().max(500).optional() }) } },
    async (request) => listCandidates(mechanism, request.query),
  );

  r.get('/v1/candidates/:id', { schema: { summary: 'One candidate', tags: ['candidates'], params: z.object({ id: candidateId }) } }, async (request, reply) => {
    const candidate = await mechanism.store.candidate(request.params.id);
    return candidate ?? sendProblem(reply, 'not_found', `no candidate ${request.params.id}`);
  });
};
