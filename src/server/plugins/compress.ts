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
    // A buffered answer up to 2 MiB (a page of 500 incidents is ~1.4 MB) is compressed in one call, not through a
    // zlib stream per response (the plugin's default on 2 cores stops at 8 KiB). Measured on a page of 50 incidents
    // (146 KB, 0.5 ms to compress): the stream path cost the server 2.3 ms more CPU a page and a major GC every ~35
    // pages, which made the tail of GET /v1/incidents (BENCHMARKS.md, "Queries at a million incidents").
    syncThreshold: 2 * 1024 * 1024,
  });
});
