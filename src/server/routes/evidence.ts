import { Readable } from 'node:stream';
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Mechanism } from '../../services/mechanism.js';
import { EVIDENCE_MAX_BYTES, downloadEvidence, evidenceRecord, putEvidence } from '../../services/evidence.js';
import { sendProblem } from '../problem.js';

const sha256Param = z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/, 'evidence is addressed by the lower-case hex SHA-256 of its bytes') });

/**
 * Evidence bytes: uploaded as a raw stream (hashed while streaming), addressed by SHA-256. The log holds only the
 * hash and metadata (evidence.register); downloads follow the item's confidentiality.
 */
export const evidenceRoutes = (mechanism: Mechanism): FastifyPluginAsync => async (app) => {
  // Uploads are attacker-controlled bytes of any type: never parse them, stream them to the blob store.
  // The built-in JSON and text parsers would read the body first: remove them so every type streams.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { bodyLimit: EVIDENCE_MAX_BYTES }, (_req, _payload, done) => done(null));
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/v1/evidence',
    { bodyLimit: EVIDENCE_MAX_BYTES, schema: { summary: 'Upload evidence bytes (streamed); answers their SHA-256, size and sniffed media type', tags: ['evidence'] } },
    async (request, reply) => {
      const stored = await putEvidence(mechanism, request.raw, request.headers['content-type']);
      return reply.code(201).send(stored);
    },
  );

  r.get(
    '/v1/evidence/:sha256',
    {
      // Sent as stored, never compressed on the fly: the compression plugin takes bytes that begin like a zlib or gzip
      // header ("80 shells…" does) for bytes already compressed and sends them raw under the encoding it chose, so
      // the download would not decode to what was registered. Evidence is mostly compressed media anyway.
      compress: false,
      schema: {
        summary: 'Download evidence bytes, as its confidentiality allows',
        description:
          'Public items: anyone. Restricted items: the member signs an evidence.access statement (the custody record), then passes ?access=<its id>&at=<now, RFC 3339>&sig=<base64 Ed25519 signature, by the same key, of "truce/evidence-download/v1\\n<sha256>\\n<access id>\\n<at>\\n">, within 2 minutes of the access statement; each access opens one download, and none once its key is revoked.',
        tags: ['evidence'],
        params: sha256Param,
        querystring: z.object({ access: z.string().regex(/^[0-9a-f]{64}$/).optional(), at: z.string().max(40).optional(), sig: z.string().max(200).optional() }),
      },
    },
    async (request, reply) => {
      const download = await downloadEvidence(mechanism, request.params.sha256, request.query);
      if (!download.ok) return sendProblem(reply, download.code, download.detail);
      return reply
        .type(download.value.mediaType)
        .header('content-length', download.value.size)
        .header('x-content-type-options', 'nosniff')
        .header('content-disposition', `attachment; filename="${request.params.sha256}"`)
        .send(Readable.from(download.value.stream));
    },
  );

  r.get('/v1/evidence/:sha256/record', { schema: { summary: 'Evidence metadata and custody chain (public even when the bytes are withheld)', tags: ['evidence'], params: sha256Param } }, async (request, reply) => {
    const record = evidenceRecord(mechanism, request.params.sha256);
    return record ?? sendProblem(reply, 'not_found', `no evidence ${request.params.sha256} is registered`);
  });
};
