import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyError } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { withStatementSchemas } from './statement-openapi.js';
import { serializerCompiler, validatorCompiler, jsonSchemaTransform, hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { TruceError } from '../domain/errors.js';
import type { Mechanism } from '../services/mechanism.js';
import { sendProblem } from './problem.js';
import { logRoutes } from './routes/log.js';
import { statementRoutes } from './routes/statements.js';
import { recordRoutes } from './routes/records.js';
import { reportRoutes } from './routes/report.js';
import { evidenceRoutes } from './routes/evidence.js';
import { candidateRoutes } from './routes/candidates.js';
import { webRoutes } from './routes/web.js';
import type { ParseLimits } from '../ingest/parse-pool.js';
import { newRequestId, requestIdPlugin } from './plugins/request-id.js';
import { healthPlugin } from './plugins/health.js';
import { stateGate } from './plugins/state-gate.js';
import { clientErrorHandler, frameworkErrors, urlLimit } from './plugins/edge-errors.js';
import { securityHeaders } from './plugins/security.js';
import { DEFAULT_RATE_LIMITS, rateLimits, type RateLimits } from './plugins/rate-limit.js';
import { metricsPlugin } from './plugins/metrics.js';
import { compressPlugin } from './plugins/compress.js';

export interface AppOptions {
  /** Requests per minute per address and per signing key (plugins/rate-limit.ts); false only for benchmarks. */
  readonly rateLimits?: RateLimits | false;
  /** One example statement per type for the OpenAPI document (examples/ of the repository). */
  readonly statementExamples?: Readonly<Record<string, unknown>>;
  /** Time, queue and memory limits of POST /v1/ingest's parsing (ingest/parse-pool.ts). */
  readonly parseLimits?: ParseLimits;
  /** Folder of the built web UI (dist/web); omitted in API-only tests. */
  readonly webRoot?: string;
  /** How long a request that reads the state waits for it after a restart before a 503 (plugins/state-gate.ts). */
  readonly stateHoldMs?: number;
}

/**
 * The HTTP surface of design.md: thin routes (schema → service → presenter) over one Mechanism.
 * Every error leaves as RFC 9457 problem+json.
 */
export async function buildApp(mechanism: Mechanism, options: AppOptions = {}): Promise<FastifyInstance> {
  // One pino logger for the mechanism and its requests (silent unless `truce serve` set a level).
  const app = Fastify({ loggerInstance: mechanism.logger as FastifyBaseLogger, genReqId: newRequestId, bodyLimit: 1024 * 1024, trustProxy: false, frameworkErrors, clientErrorHandler });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // Before any route: compression attaches to the routes declared after it.
  await app.register(compressPlugin);

  await app.register(swagger, {
    openapi: {
      info: { title: 'Truce API', version: '1', description: 'A ceasefire monitoring and verification mechanism on a Merkle transparency log.' },
    },
    transform: jsonSchemaTransform,
    transformObject: (document) => withStatementSchemas('openapiObject' in document ? document.openapiObject : document.swaggerObject, options.statementExamples ?? {}),
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof TruceError) return sendProblem(reply, error.code, error.message);
    // A JSON endpoint sent text (text/plain reaches the schema as a string): name the type it takes.
    if (hasZodFastifySchemaValidationErrors(error) && error.validationContext === 'body' && typeof request.body === 'string') {
      return sendProblem(reply, 'bad_request', `this endpoint takes application/json, not ${request.headers['content-type'] ?? 'a body without a content type'}`);
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const first = error.validation[0];
      const where = first?.instancePath ?? '';
      return sendProblem(reply, 'bad_request', `invalid ${error.validationContext ?? 'input'}${where ? ` at ${where}` : ''}: ${first?.message ?? error.message}`);
    }
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return sendProblem(reply, 'too_large', 'the request body is larger than this endpoint accepts');
    if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return sendProblem(reply, 'bad_request', `unsupported content type ${request.headers['content-type'] ?? '(none)'}: send application/json`);
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) return sendProblem(reply, 'bad_request', error.message);
    request.log.error({ err: error, method: request.method, url: request.url }, 'request failed with a server error');
    return sendProblem(reply, 'internal', 'the server failed to answer; nothing was appended by this request');
  });

  await app.register(requestIdPlugin);
  await app.register(urlLimit);
  await app.register(securityHeaders);
  if (options.rateLimits !== false) await app.register(rateLimits(options.rateLimits ?? DEFAULT_RATE_LIMITS));
  await app.register(stateGate(mechanism, options.stateHoldMs));
  await app.register(healthPlugin(mechanism));
  await app.register(metricsPlugin(mechanism));
  await app.register(logRoutes(mechanism));
  await app.register(statementRoutes(mechanism));
  await app.register(recordRoutes(mechanism));
  await app.register(reportRoutes(mechanism));
  await app.register(evidenceRoutes(mechanism));
  await app.register(candidateRoutes(mechanism, options.parseLimits));
  await app.register(webRoutes(options.webRoot));
  return app;
}
