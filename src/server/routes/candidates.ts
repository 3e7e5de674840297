import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { TruceError } from '../../domain/errors.js';
import { may, type Role } from '../../domain/roles.js';
import type { Mechanism } from '../../services/mechanism.js';
import { ingestArticles, listCandidates } from '../../services/candidates.js';
import { createIngestPool, DEFAULT_PARSE_LIMITS, type ParseLimits } from '../../ingest/parse-pool.js';
import { ingestRequestSchema } from '../../ingest/request-schema.js';
import { sendProblem } from '../problem.js';
import { candidateId, pageLimit } from '../params.js';
import { checkSignedRequest, seenSignatures } from '../signed-request.js';

/** Largest POST /v1/ingest body (a batch of articles; each article's text or page is at most 5 MB). */
export const INGEST_MAX_BYTES = 20 * 1024 * 1024;

/** Who may put news into the review queue: the members who file reports or review candidates (monitor or above). */
export const mayIngest = (role: Role): boolean => may(role, 'report.file') || may(role, 'candidate.promote');

/**
 * News in, candidates out: candidates are not records until a monitor promotes one (candidate.promote). Ingest is a
 * signed request (signed-request.ts), checked on the raw body before it is parsed; the pipeline then runs in worker
 * threads with a time limit (ingest/parse-pool.ts), so no page can stall the server.
 */
export const candidateRoutes = (mechanism: Mechanism, limits: ParseLimits = DEFAULT_PARSE_LIMITS): FastifyPluginAsync => async (app) => {
  const pool = createIngestPool(limits);
  app.addHook('onClose', async () => pool.close());
  const seen = seenSignatures();
  const json = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer', bodyLimit: INGEST_MAX_BYTES }, (request: FastifyRequest, body: Buffer, done) => {
    const signer = checkSignedRequest(mechanism.state, { headers: request.headers, body }, { purpose: 'ingest', allowed: mayIngest }, seen);
    if (!signer.ok) return done(new TruceError(signer.code, signer.detail), undefined);
    json(request, body.toString('utf8'), done);
  });
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/v1/ingest',
    {
      bodyLimit: INGEST_MAX_BYTES,
      schema: {
        summary: 'Ingest news articles (text, HTML or RSS/Atom) into candidates for review; a signed request',
        description: 'Needs the headers Truce-Key, Truce-At and Truce-Signature of a member who may file reports or review candidates (docs/api.md, "Signed requests"). Pages nested deeper than 256 elements are not read; a batch that takes longer than the time limit to read is refused (413).',
        tags: ['candidates'],
        body: ingestRequestSchema,
      },
    },
    async (request, reply) => reply.code(201).send(await ingestArticles(mechanism, request.body, pool.run)),
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
