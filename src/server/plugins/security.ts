import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyPluginAsync } from 'fastify';
import fp from 'fastify-plugin';
import helmet, { type HelmetOptions } from 'helmet';

/**
 * Security headers on every answer (helmet): a strict Content-Security-Policy, so injected markup cannot run script
 * (no inline script; the UI's bundles come from this origin only), no framing (clickjacking a signing form),
 * nosniff, and no referrer leaving the site (a link out must not tell an outlet which incident was read). MapLibre
 * runs its worker from a same-origin file (web/map/engine.ts) and builds images as blob: URLs. Styles allow
 * 'unsafe-inline': the UI and Swagger UI set style attributes; a style cannot run script.
 */
const OPTIONS: HelmetOptions = {
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:', 'blob:'],
      fontSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      workerSrc: ["'self'", 'blob:'],
      childSrc: ["'self'", 'blob:'],
      objectSrc: ["'none'"],
      baseUri: ["'none'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
  },
  frameguard: { action: 'deny' },
  referrerPolicy: { policy: 'no-referrer' },
  // The UI loads nothing cross-origin; the defaults (COEP require-corp) would only break map tiles someone adds.
  crossOriginEmbedderPolicy: false,
  // HSTS belongs to the TLS terminator in front of Truce (the server itself speaks plain HTTP on loopback).
  strictTransportSecurity: false,
};

/**
 * The headers helmet sets with OPTIONS, recorded once: with no nonces and no per-request directives they are the
 * same on every answer, and building helmet's middleware for each request (as @fastify/helmet does) cost ~3 % of
 * an append (BENCHMARKS.md).
 * @example securityHeaderValues()['x-frame-options'] // 'DENY'
 */
export function securityHeaderValues(): Readonly<Record<string, string>> {
  const headers: Record<string, string> = {};
  const recorder = {
    setHeader: (name: string, value: unknown) => void (headers[name.toLowerCase()] = String(value)),
    removeHeader: (name: string) => void delete headers[name.toLowerCase()],
  };
  let failure: unknown;
  helmet(OPTIONS)({} as IncomingMessage, recorder as unknown as ServerResponse, (error?: unknown) => (failure = error));
  if (failure) throw failure;
  return Object.freeze(headers);
}

export const securityHeaders: FastifyPluginAsync = fp(async (app) => {
  const headers = securityHeaderValues();
  app.addHook('onRequest', (_request, reply, done) => {
    reply.headers(headers);
    done();
  });
});
