import type { FastifyPluginAsync } from 'fastify';
import fp from 'fastify-plugin';
import helmet from '@fastify/helmet';

/**
 * Security headers on every answer (@fastify/helmet): a strict Content-Security-Policy, so injected markup cannot
 * run script (no inline script; the UI's bundles come from this origin only), no framing (clickjacking a signing
 * form), nosniff, and no referrer leaving the site (a link out must not tell an outlet which incident was read).
 * MapLibre runs its worker from a same-origin file (web/map/engine.ts) and builds images as blob: URLs.
 * Styles allow 'unsafe-inline': the UI and Swagger UI set style attributes; a style cannot run script.
 */
export const securityHeaders: FastifyPluginAsync = fp(async (app) => {
  await app.register(helmet, {
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
  });
});
