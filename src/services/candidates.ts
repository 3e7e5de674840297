import { createHash, randomUUID } from 'node:crypto';
import { canonicalJson } from '../domain/jcs.js';
import { getDismissal, getPromotion } from '../domain/records/candidates.js';
import type { ArticleInput, IngestOptions, IngestRequest, IngestResult } from '../ingest/index.js';
import type { CandidateRow } from '../store/store.js';
import type { Mechanism } from './mechanism.js';

/** The news pipeline, here or elsewhere: the server runs it in worker threads with limits (ingest/parse-pool.ts). */
export type Analyze = (inputs: readonly ArticleInput[], options: Omit<IngestOptions, 'onProgress'>) => Promise<IngestResult>;

/**
 * POST /v1/ingest: run the news pipeline and keep each event as a candidate for review. Candidates are not records:
 * only a signed candidate.promote makes one a report. A candidate's id is a hash of its content, so ingesting the
 * same articles twice does not duplicate the queue.
 */
export async function ingestArticles(m: Mechanism, request: IngestRequest, analyze: Analyze = inThisThread) {
  const result = await analyze(articleInputs(request), definedOnly({ now: request.now, mechanism: request.mechanism }));
  const { batch, rows } = candidateRows(result);
  await m.store.saveCandidates(rows);
  m.events.emit('ingested', result.articles.length, rows.length);
  return { batch, candidates: rows.map((r) => r.id), articles: result.articles, errors: result.errors };
}

/** The pipeline in this thread, loaded on first use: a server that ingests nothing never loads it. */
const inThisThread: Analyze = async (inputs, options) => (await import('../ingest/pipeline.js')).ingest(inputs, options);

/** A request's articles as the pipeline takes them, each named (its id, else its URL, else its place in the batch). */
export function articleInputs(request: Pick<IngestRequest, 'articles'>): ArticleInput[] {
  return request.articles.map((a, i) => definedOnly({ id: a.id ?? a.url ?? `article-${i + 1}`, ...a }));
}

/**
 * One candidate row per event of an ingest run, all of one new batch. A candidate's id is a hash of its content, so
 * the same articles read twice (a retried queue job, a repeated request) update the same rows.
 * @example const { rows } = candidateRows(ingest(inputs)); await store.saveCandidates(rows);
 */
export function candidateRows(result: IngestResult): { batch: string; rows: CandidateRow[] } {
  const batch = randomUUID();
  const createdAt = new Date().toISOString();
  const rows: CandidateRow[] = result.events.map((event) => {
    const cited = new Set(event.sources.map((s) => s.article));
    const candidate = {
      event,
      articles: result.articles.filter((a) => cited.has(a.id)),
      discrepancies: result.discrepancies.filter((d) => d.event === event.id),
    };
    const id = 'c-' + createHash('sha256').update(canonicalJson(JSON.parse(JSON.stringify(candidate)))).digest('hex').slice(0, 24);
    return { id, batch, createdAt, status: 'open', promotedReport: null, candidate: { ...candidate, id } };
  });
  return { batch, rows };
}

function definedOnly<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

/** GET /v1/candidates: the review queue, each with whether (and into which report) it was promoted. */
export async function listCandidates(m: Mechanism, query: { status?: CandidateRow['status'] | undefined; limit: number; cursor?: string | undefined }) {
  const page = await m.store.listCandidates(definedOnly(query) as { status?: CandidateRow['status']; limit: number; cursor?: string });
  return {
    items: page.items.map((row) => {
      const promotion = getPromotion(m.state, row.id);
      const dismissal = getDismissal(m.state, row.id);
      const status = promotion ? 'promoted' : dismissal ? 'dismissed' : row.status;
      return { ...row, status, promotedReport: promotion?.report ?? row.promotedReport, dismissal: dismissal ? { reason: dismissal.reason, by: dismissal.ref.by, log: dismissal.ref } : null };
    }),
    next: page.next,
  };
}
