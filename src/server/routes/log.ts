import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Mechanism } from '../../services/mechanism.js';
import { latestCheckpointNote, listCheckpoints, logInfo } from '../../services/log-info.js';
import { consistencyProof, inclusionProof, readTile } from '../../services/log-reader.js';
import { acceptCosignature } from '../../services/cosign.js';
import { receiptFor } from '../../services/receipts.js';
import { unwrap } from '../unwrap.js';
import { sendProblem } from '../problem.js';
import { logIndex as index, pageLimit } from '../params.js';

const proof = z.object({ proof: z.array(z.string()) }).passthrough();

/** The log: C2SP tlog-tiles (static-file compatible), proofs for convenience, checkpoints and witness cosignatures. */
export const logRoutes = (mechanism: Mechanism): FastifyPluginAsync => async (app) => {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/v1/log', { schema: { summary: 'The log: origin, verifier key, size', tags: ['log'] } }, async () => logInfo(mechanism));

  r.get('/checkpoint', { schema: { summary: 'Latest signed checkpoint (C2SP tlog-checkpoint), with witness cosignatures', tags: ['tiles'] } }, async (_req, reply) => {
    const note = await latestCheckpointNote(mechanism);
    if (!note) return sendProblem(reply, 'not_found', 'no checkpoint yet: the log is empty');
    return reply.type('text/plain; charset=utf-8').header('cache-control', 'no-cache').send(note);
  });

  // Tiles are sent as stored, never compressed on the fly: @fastify/compress takes a body whose first bytes read as a
  // zlib or gzip header for one already compressed and sends it raw under `Content-Encoding: br`, and about one hash
  // tile in a thousand (random hashes) begins so, which a browser then cannot decode (net::ERR_CONTENT_DECODING_FAILED,
  // "Failed to fetch": the 1M-entry check in the browser stopped at tile/0/461). Hash tiles do not compress anyway.
  r.get('/tile/*', { compress: false, schema: { summary: 'A hash tile or entry bundle (C2SP tlog-tiles)', tags: ['tiles'] } }, async (request, reply) => {
    const tile = await readTile(mechanism.tree, mechanism.store, mechanism.published?.size ?? 0, request.url.slice(1).split('?')[0] ?? '');
    if (!tile.ok) return sendProblem(reply, tile.code, tile.detail);
    return reply
      .type('application/octet-stream')
      .header('cache-control', tile.value.immutable ? 'public, max-age=31536000, immutable' : 'no-cache')
      .send(Buffer.from(tile.value.bytes));
  });

  r.get(
    '/v1/proof/inclusion',
    { schema: { summary: 'RFC 9162 inclusion proof', tags: ['log'], querystring: z.object({ index, size: index }), response: { 200: proof } } },
    async (request) => unwrap(await inclusionProof(mechanism.tree, mechanism.published?.size ?? 0, request.query.index, request.query.size)),
  );

  r.get(
    '/v1/proof/consistency',
    { schema: { summary: 'RFC 9162 consistency proof', tags: ['log'], querystring: z.object({ from: index, to: index }), response: { 200: proof } } },
    async (request) => unwrap(await consistencyProof(mechanism.tree, mechanism.published?.size ?? 0, request.query.from, request.query.to)),
  );

  r.get(
    '/v1/checkpoints',
    { schema: { summary: 'Recent checkpoints with their cosignatures', tags: ['log'], querystring: z.object({ limit: pageLimit(200, 20), before: index.optional() }) } },
    async (request) => listCheckpoints(mechanism, request.query.limit, request.query.before),
  );

  r.get(
    '/v1/receipts/:index',
    { schema: { summary: 'A C2SP tlog-proof receipt for one statement (its bytes in the extra line), to keep and check offline', tags: ['log'], params: z.object({ index }) } },
    async (request, reply) => reply.type('text/plain; charset=utf-8').send(await receiptFor(mechanism, request.params.index)),
  );

  r.post(
    '/v1/cosignatures',
    {
      schema: {
        summary: 'A witness cosignature (C2SP tlog-cosignature v1) of a checkpoint',
        description: 'Body: {"size": N, "cosignature": "— <witness> <base64>"}; the witness is a party or mediator member, signing with one of its registered keys.',
        tags: ['log'],
        body: z.object({ size: z.int().min(0).max(Number.MAX_SAFE_INTEGER), cosignature: z.string().max(1000) }),
      },
    },
    async (request, reply) => reply.code(201).send(await acceptCosignature(mechanism, request.body.size, request.body.cosignature)),
  );
};
