import type { FastifyPluginAsync } from 'fastify';
import fastifyStatic from '@fastify/static';
import { existsSync } from 'node:fs';
import { sendProblem } from '../problem.js';

/** Vite names each built asset by its content's hash, so a name never changes meaning: cache it for good. */
const HASHED_ASSET = /\/assets\/[^/]+-[\w-]{8,}\.\w+(\.br|\.gz)?$/;

const API_PREFIXES = ['/v1/', '/tile/', '/checkpoint', '/docs', '/openapi.json'];

/**
 * The built web UI at /, with the single-page fallback; unknown API paths answer problem+json. Files are served in
 * the .br or .gz form the build wrote beside them when the browser accepts it; hashed assets are immutable, the rest
 * (index.html, the service worker) revalidated each time.
 */
export const webRoutes = (webRoot: string | undefined): FastifyPluginAsync => async (app) => {
  const hasUi = webRoot !== undefined && existsSync(webRoot);
  if (hasUi) {
    await app.register(fastifyStatic, {
      root: webRoot,
      prefix: '/',
      wildcard: false,
      index: ['index.html'],
      preCompressed: true,
      cacheControl: false,
      setHeaders: (res, path) => res.setHeader('cache-control', HASHED_ASSET.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache'),
    });
  }
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    if (request.method === 'GET' && hasUi && !API_PREFIXES.some((p) => path.startsWith(p))) return reply.sendFile('index.html');
    return sendProblem(reply, 'not_found', `no route ${request.method} ${path}`);
  });
};
