import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { MAX_STATEMENT_BYTES } from '../../domain/statement.js';
import { TruceError } from '../../domain/errors.js';
import type { Mechanism } from '../../services/mechanism.js';
import { readStatements } from '../../services/queries.js';
import { logIndex, pageLimit } from '../params.js';

const appended = z.object({ index: z.number().int(), id: z.string() });

/** POST /v1/statements takes the statement's exact bytes: the log entry is those bytes, so no re-serialising. */
export const statementRoutes = (mechanism: Mechanism): FastifyPluginAsync => async (app) => {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'buffer', bodyLimit: MAX_STATEMENT_BYTES + 1024 }, (_req, body, done) => done(null, body));
  // Any other type (curl -d sends application/x-www-form-urlencoded, an editor text/plain) is named in the refusal.
  app.addContentTypeParser('*', (request, _payload, done) => done(new TruceError('bad_request', `a statement is sent as application/json (its RFC 8785 canonical JSON bytes), not ${request.headers['content-type'] ?? 'without a content type'}`), undefined));
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/v1/statements',
    {
      bodyLimit: MAX_STATEMENT_BYTES + 1024,
      // The answer is ~100 bytes, under any compression threshold: skip the compression hook on the hot path.
      compress: false,
      schema: {
        summary: 'Append a signed statement',
        description: 'Body: the statement as RFC 8785 canonical JSON bytes. Answers 201 only once it is durably stored.',
        tags: ['log'],
        response: { 201: appended },
      },
    },
    async (request, reply) => {
      const body = request.body as Buffer;
      const result = await mechanism.submit(new Uint8Array(body.buffer, body.byteOffset, body.byteLength));
      return reply.code(201).send(result);
    },
  );

  r.get(
    '/v1/statements',
    {
      schema: {
        summary: 'Read statements in log order',
        tags: ['log'],
        querystring: z.object({ from: logIndex.default(0), limit: pageLimit(1000, 100), order: z.enum(['asc', 'desc']).default('asc') }),
      },
    },
    async (request) => readStatements(mechanism, request.query.from, request.query.limit, request.query.order),
  );
};
