import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { MAX_STATEMENT_BYTES } from '../../domain/statement.js';
import { TruceError } from '../../domain/errors.js';
import type { Mechanism } from '../../services/mechanism.js';
import { readStatements } from '../../services/queries.js';
import { logIndex, pageLimit } from '../params.js';
import { MAX_BATCH_BYTES, MAX_BATCH_STATEMENTS, jsonArrayItems, ndjsonItems } from '../batch-body.js';
import { problem } from '../problem.js';

const appended = z.object({ index: z.number().int(), id: z.string() });
const problemSchema = z.object({ type: z.string(), title: z.string(), status: z.number().int(), detail: z.string(), code: z.string() });
const batchAnswer = z.object({
  appended: z.number().int(),
  refused: z.number().int(),
  results: z.array(z.union([appended, z.object({ problem: problemSchema })])),
});

export const NDJSON = 'application/x-ndjson';

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

  // Its own scope: the batch's parsers take a larger body, and NDJSON as well as a JSON array.
  await app.register(async (batch) => {
    batch.removeAllContentTypeParsers();
    const cut = (split: (body: Uint8Array) => Uint8Array[]) => (_req: unknown, body: Buffer, done: (error: Error | null, value?: unknown) => void) => {
      try {
        done(null, { items: split(body) });
      } catch (error) {
        done(error as Error);
      }
    };
    batch.addContentTypeParser(NDJSON, { parseAs: 'buffer', bodyLimit: MAX_BATCH_BYTES }, cut(ndjsonItems));
    batch.addContentTypeParser('application/json', { parseAs: 'buffer', bodyLimit: MAX_BATCH_BYTES }, cut(jsonArrayItems));
    batch.addContentTypeParser('*', (request, _payload, done) => done(new TruceError('bad_request', `a batch is sent as ${NDJSON} (one canonical statement a line) or application/json (an array of them), not ${request.headers['content-type'] ?? 'without a content type'}`), undefined));
    batch.withTypeProvider<ZodTypeProvider>().post(
      '/v1/statements/batch',
      {
        bodyLimit: MAX_BATCH_BYTES,
        // The answer is built here, typed by the schema at compile time: checking it again (zod's encode of one result
        // per statement, a union each) cost a few µs a statement; the schema stays for the API description.
        serializerCompiler: () => (data) => JSON.stringify(data),
        schema: {
          summary: 'Append several signed statements in one request',
          description: `Body: up to ${MAX_BATCH_STATEMENTS} statements and ${MAX_BATCH_BYTES} bytes, as ${NDJSON} (one statement's RFC 8785 canonical bytes a line) or as a JSON array of them. Each is checked exactly as if posted alone to POST /v1/statements (canonical form, signature, rights, workflow, replay) and appended in the order given, so one may refer to an earlier one of the same batch; one refused statement stops no other. Answers 200 once every appended statement is durably stored, with one result per statement in order: {index, id} or {problem} (RFC 9457). A body that cannot be cut into statements is refused whole (400; 413 when over the limits).`,
          tags: ['log'],
          response: { 200: batchAnswer },
        },
      },
      async (request) => {
        const { items } = request.body as { items: Uint8Array[] };
        if (items.length === 0) throw new TruceError('bad_request', 'the batch holds no statement');
        const outcomes = await mechanism.submitMany(items);
        const results = outcomes.map((o) => {
          if (o.status === 'fulfilled') return o.value;
          const error = o.reason instanceof TruceError ? o.reason : new TruceError('internal', 'the statement could not be appended');
          return { problem: problem(error.code, error.message) };
        });
        const refused = results.filter((r) => 'problem' in r).length;
        return { appended: results.length - refused, refused, results };
      },
    );
  });

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
