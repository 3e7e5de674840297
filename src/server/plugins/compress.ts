import type { FastifyPluginAsync } from 'fastify';
import fastifyCompress from '@fastify/compress';
import fp from 'fastify-plugin';
import { constants } from 'node:zlib';

/**
 * API answers (JSON, problem+json, text) compressed on the fly, brotli or gzip as the client accepts; small ones
 * are not worth it. The UI's files come pre-compressed from the build (routes/web.ts), so they are left alone. Tiles
 * and evidence bytes opt out (`compress: false` on their routes): the plugin sends a body that begins like a zlib or
 * gzip header raw under the encoding it negotiated (fastify/fastify-compress#347), and hashes or members' files may
 * begin so; the answers built here are JSON, HTML or text that does not.
 */
export const compressPlugin: FastifyPluginAsync = fp(async (app) => {
  await app.register(fastifyCompress, {
    global: true,
    threshold: 1024,
    encodings: ['br', 'gzip'],
    // Quality 4: most of brotli's gain for a fraction of its CPU, paid on every answer.
    brotliOptions: { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } },
  });
});
