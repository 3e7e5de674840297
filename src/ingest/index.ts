// The ingest module's public face: news in, attributed candidate events out. The server's POST /v1/ingest and the
// CLI's `truce ingest` call `ingest()`; everything else is exported for tests and tools.
export { ingest } from './pipeline.js';
export type { IngestOptions } from './pipeline.js';
export type { IngestResult, CandidateEvent, IngestedArticle, EventMention, EventClaim, EventPlace, EventActor } from './result.js';
export type { Discrepancy, DiscrepancyField } from './discrepancies.js';
export type { ArticleInput, InputError, InputErrorCode, DateInterval, Range } from './types.js';
export { readInputs, inputFromBytes, detectKind, DEFAULT_MAX_BYTES } from './read-input.js';
export { summarize } from './summary.js';
export { mechanisms } from './actors.js';
export { evaluate, scoreTable } from './evaluate.js';
export type { Gold, Score, Scores } from './evaluate.js';

import { z } from 'zod';

/** The body of POST /v1/ingest: articles as text or HTML (or a feed), with what the caller knows of them. */
export const ingestRequestSchema = z.object({
  articles: z.array(z.object({
    text: z.string().max(5_000_000).optional(),
    html: z.string().max(5_000_000).optional(),
    feed: z.string().max(5_000_000).optional(),
    url: z.string().max(2048).optional(),
    source: z.string().max(200).optional(),
    title: z.string().max(500).optional(),
    published: z.string().max(40).optional(),
    id: z.string().max(300).optional(),
  }).refine((a) => a.text !== undefined || a.html !== undefined || a.feed !== undefined, { message: 'each article needs text, html or feed' })).min(1).max(500),
  now: z.string().max(40).optional(),
  mechanism: z.string().max(60).optional(),
});
export type IngestRequest = z.infer<typeof ingestRequestSchema>;
