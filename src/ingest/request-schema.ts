// The body of POST /v1/ingest, apart from the pipeline: the server checks requests with it without loading the
// pipeline, which it runs only in worker threads (parse-pool.ts).
import { z } from 'zod';
import { dateOrOffsetTime, storableString } from '../domain/records/fields.js';

/** The body of POST /v1/ingest: articles as text or HTML (or a feed), with what the caller knows of them. */
// Every field is attacker-controlled and ends up in the candidates table (jsonb): the edge refuses what PostgreSQL
// would (NUL), what is not Unicode, impossible dates, and links that are not http(s).
export const ingestRequestSchema = z.object({
  articles: z.array(z.object({
    text: storableString(5_000_000).optional(),
    html: storableString(5_000_000).optional(),
    feed: storableString(5_000_000).optional(),
    url: z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' }).max(2048).optional(),
    source: storableString(200).optional(),
    title: storableString(500).optional(),
    published: dateOrOffsetTime.optional(),
    id: storableString(300).optional(),
  }).strict().refine((a) => a.text !== undefined || a.html !== undefined || a.feed !== undefined, { message: 'each article needs text, html or feed' })).min(1).max(500),
  now: dateOrOffsetTime.optional(),
  mechanism: storableString(60).optional(),
}).strict();
export type IngestRequest = z.infer<typeof ingestRequestSchema>;
