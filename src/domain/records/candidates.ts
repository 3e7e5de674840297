import { z } from 'zod';
import { defineHandler, type Touched } from '../handler.js';
import { ok, refuse } from '../errors.js';
import { collection, type LogRef, type MechanismState } from '../state.js';
import { line } from './fields.js';
import { createReport } from './reports.js';
import { type ReportBody, reportFileBody, sourceSchema } from './report-schema.js';

// candidate.promote: a monitor or mediator turns an ingested news candidate into a report. Candidates live in the
// store, outside the log, until promoted; the log cannot look them up, so the statement carries the candidate's
// articles itself (the promote service copies them from the candidate row) and the report's sources include them.

const article = z
  .object({
    id: line(200).optional(),
    title: line(500),
    /** The outlet, e.g. "Dawn". */
    source: line(200).optional(),
    url: sourceSchema.shape.url,
    published: sourceSchema.shape.published,
  })
  .strict();

export const candidatePromoteBody = z
  .object({
    candidate: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/, 'a candidate id is 1-128 of A-Z a-z 0-9 . _ : -'),
    /** The candidate's articles, added to the report's sources as media sources. */
    articles: z.array(article).max(100).optional(),
    report: reportFileBody,
  })
  .strict();

export const candidateDismissBody = z
  .object({
    candidate: candidatePromoteBody.shape.candidate,
    /** Why the reviewer set it aside: a duplicate, not an incident, out of scope... */
    reason: line(1000),
  })
  .strict();

export interface Promotion {
  readonly candidate: string;
  readonly report: string;
  readonly ref: LogRef;
}

export const PROMOTIONS = 'candidates';
export const DISMISSALS = 'candidate-dismissals';

export interface Dismissal {
  readonly candidate: string;
  readonly reason: string;
  readonly ref: LogRef;
}

/** The dismissal of a candidate, if a reviewer set it aside. */
export function getDismissal(state: MechanismState, candidate: string): Dismissal | undefined {
  return collection<Dismissal>(state, DISMISSALS).get(candidate);
}

/** The promotion of a candidate, if it was promoted. */
export function getPromotion(state: MechanismState, candidate: string): Promotion | undefined {
  return collection<Promotion>(state, PROMOTIONS).get(candidate);
}

/** The report body with the articles added to its sources (an article already cited, by url or title, is not repeated). */
export function withArticles(report: ReportBody, articles: z.infer<typeof article>[]): ReportBody {
  const sources = [...report.sources];
  for (const a of articles) {
    if (sources.some((s) => (a.url !== undefined && s.url === a.url) || s.title === a.title)) continue;
    sources.push({ kind: 'media', title: a.title, publisher: a.source, url: a.url, published: a.published });
  }
  // Drop the keys left undefined, so the stored body is what JSON would carry.
  return { ...report, sources: sources.map((s) => Object.fromEntries(Object.entries(s).filter(([, v]) => v !== undefined)) as typeof s) };
}

export const promoteCandidate = defineHandler('candidate.promote', candidatePromoteBody, (state, body, ctx) => {
  const earlier = getPromotion(state, body.candidate);
  if (earlier) return refuse('invalid_state', `candidate ${body.candidate} was already promoted to report ${earlier.report} (log index ${earlier.ref.index})`);
  const dismissed = getDismissal(state, body.candidate);
  if (dismissed) return refuse('invalid_state', `candidate ${body.candidate} was dismissed by ${dismissed.ref.by} (log index ${dismissed.ref.index})`);
  const reportBody = withArticles(body.report, body.articles ?? []);
  const checked = reportFileBody.safeParse(reportBody);
  if (!checked.success) return refuse('bad_request', `the report with the candidate's articles is invalid: ${checked.error.issues[0]?.message}`);
  const created = createReport(state, checked.data, ctx, body.candidate);
  if (!created.ok) return created;
  collection<Promotion>(state, PROMOTIONS).set(body.candidate, { candidate: body.candidate, report: ctx.ref.id, ref: ctx.ref });
  return ok([...created.value, { kind: 'candidate', id: body.candidate } satisfies Touched]);
});

/**
 * candidate.dismiss: a reviewer sets a news candidate aside, with a reason, signed, so the queue's decisions are as
 * accountable as its promotions. A promoted candidate cannot be dismissed, nor a dismissed one promoted.
 */
export const dismissCandidate = defineHandler('candidate.dismiss', candidateDismissBody, (state, body, ctx) => {
  const promoted = getPromotion(state, body.candidate);
  if (promoted) return refuse('invalid_state', `candidate ${body.candidate} was already promoted to report ${promoted.report}`);
  const earlier = getDismissal(state, body.candidate);
  if (earlier) return refuse('invalid_state', `candidate ${body.candidate} was already dismissed (log index ${earlier.ref.index})`);
  collection<Dismissal>(state, DISMISSALS).set(body.candidate, { candidate: body.candidate, reason: body.reason, ref: ctx.ref });
  return ok([{ kind: 'candidate', id: body.candidate } satisfies Touched]);
});
