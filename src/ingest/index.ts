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

export { ingestRequestSchema } from './request-schema.js';
export type { IngestRequest } from './request-schema.js';
export { createIngestPool, DEFAULT_PARSE_LIMITS } from './parse-pool.js';
export type { IngestPool, ParseLimits } from './parse-pool.js';
