import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import rateLimit from '@fastify/rate-limit';
import { TruceError } from '../../domain/errors.js';

export interface RateLimits {
  /** Requests to /v1/* per client address per minute (tiles, the checkpoint and the UI's files are static: not counted). */
  readonly perAddress: number;
  /** Writes (statements, ingest) signed by one key per minute, whatever address they come from. */
  readonly perKey: number;
}

export const DEFAULT_RATE_LIMITS: RateLimits = { perAddress: 3000, perKey: 600 };

// In canonical JSON the envelope's "key" is the member immediately before "sig" (a body's own "key" never is).
const ENVELOPE_KEY = /"key":"([A-Za-z0-9+/=]{1,100})","sig":"/;

/** The signing key of a write: the statement's envelope key, or the ingest request's signature key (ingest-auth.ts). */
function writerKey(request: FastifyRequest): string | null {
  const header = request.headers['truce-key'];
  if (typeof header === 'string' && header.length <= 100) return `key:${header}`;
  const body = request.body;
  if (Buffer.isBuffer(body)) {
    const m = ENVELOPE_KEY.exec(body.subarray(0, 65_600).toString('latin1'));
    if (m) return `key:${m[1]}`;
  }
  return null;
}

/** The envelope key of each statement of a batch (routes/statements.ts cut the body into items); the address for one without. */
function batchKeys(request: FastifyRequest): string[] {
  const items = (request.body as { items?: Uint8Array[] } | undefined)?.items ?? [];
  return items.map((item) => {
    const m = ENVELOPE_KEY.exec(Buffer.from(item.buffer, item.byteOffset, Math.min(item.byteLength, 65_600)).toString('latin1'));
    return m ? `key:${m[1]}` : `ip:${request.ip}`;
  });
}

const refusal = (what: string) => (_req: FastifyRequest, context: { after: string; max: number }) =>
  new TruceError('rate_limited', `more than ${context.max} ${what} a minute; retry in ${context.after}`);

/**
 * Rate limits with @fastify/rate-limit (in memory: one server per mechanism): per client address on the API, and per
 * signing key on writes, so neither many addresses with one key nor one address with many keys floods the log.
 * Answers 429 problem+json with Retry-After.
 */
export const rateLimits = (limits: RateLimits): FastifyPluginAsync =>
  fp(async (app) => {
    await app.register(rateLimit, {
      global: true,
      max: limits.perAddress,
      timeWindow: 60_000,
      allowList: (request) => !request.url.startsWith('/v1/'),
      errorResponseBuilder: refusal('requests from one address'),
    });
    // A second limiter on the same plugin. Not app.rateLimit(): its handler does nothing on a request the global
    // limiter already counted, so the per-key limit would never apply. createRateLimit only counts; we answer.
    // A batch counts each statement against its own key: the key being counted is set here for keyGenerator.
    const counting = new WeakMap<FastifyRequest, string>();
    const perKey = app.createRateLimit({ max: limits.perKey, timeWindow: 60_000, keyGenerator: (request) => counting.get(request) ?? writerKey(request) ?? `ip:${request.ip}` });
    app.addHook('preHandler', async (request, reply) => {
      if (request.method !== 'POST') return;
      const batch = request.url === '/v1/statements/batch' ? batchKeys(request) : null;
      if (!batch && !(request.url === '/v1/statements' || request.url.startsWith('/v1/ingest'))) return;
      for (const key of batch ?? [null]) {
        if (key !== null) counting.set(request, key);
        const count = await perKey(request);
        if (count.isAllowed || !count.isExceeded) continue;
        reply.header('retry-after', count.ttlInSeconds);
        throw new TruceError('rate_limited', `more than ${count.max} writes signed by one key a minute; retry in ${count.ttlInSeconds} s`);
      }
    });
  });
