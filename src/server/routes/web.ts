import type { FastifyPluginAsync } from 'fastify';
import fastifyStatic from '@fastify/static';
import { existsSync } from 'node:fs';
import { sendProblem } from '../problem.js';

const API_PREFIXES = ['/v1/', '/tile/', '/checkpoint', '/docs', '/openapi.json'];

/** The built web UI at /, with the single-page fallback; unknown API paths answer problem+json. */
export const webRoutes = (webRoot: string | undefined): FastifyPluginAsync => async (app) => {
  const hasUi = webRoot !== undefined && existsSync(webRoot);
  if (hasUi) await app.register(fastifyStatic, { root: webRoot, prefix: '/', wildcard: false, index: ['index.html'] });
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    if (request.method === 'GET' && hasUi && !API_PREFIXES.some((p) => path.startsWith(p))) return reply.sendFile('index.html');
    return sendProblem(reply, 'not_found', `no route ${request.method} ${path}`);
  });
};
