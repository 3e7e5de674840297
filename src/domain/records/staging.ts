import { z } from 'zod';
import { defineHandler } from '../handler.js';
import { ok, refuse } from '../errors.js';
import { collection, type LogRef, type MechanismState, type Member } from '../state.js';
import { mechanismRules } from './agreement-rules.js';
import { recordId } from './fields.js';
import type { Report } from './reports.js';

// Staged publication (docs/FIELD.md): the rules in force when a report is filed decide when the parties read it in
// full and whether the public waits for the mediators' review. Everything here is a function of the log, so
// `truce verify` reaches the same stages, and the API answers each reader from them (domain/views/publication.ts).

// Reports are read from their collection by name: reports.ts calls stageReport, so importing it here would be a cycle.
const getReport = (state: MechanismState, id: string) => collection<Report>(state, 'reports').get(id);

export const POSITIONS = ['grid', 'exact'] as const;
export type PositionRelease = (typeof POSITIONS)[number];

/** One mediator's review of a staged report: it agrees that this version be public, with its position coarse or exact. */
export interface Review {
  readonly ref: LogRef;
  readonly version: string;
  readonly position: PositionRelease;
}

/** A report's stages, fixed by the rules in force when it was filed; reviews are added as mediators sign them. */
export interface Staging {
  readonly report: string;
  /** The public sees it only once the mediators' quorum reviewed it. */
  readonly review: boolean;
  /**
   * The terms' delay before the parties read it in full, counted from when it ARRIVED in the log (not from its "at":
   * a statement signed offline must not reach the parties sooner after it arrives). The arrival is the server's
   * record, not the log's, so the time itself is computed where it is known (views/publication.ts, partiesFrom).
   */
  readonly partiesAfterHours: number;
  readonly reviews: readonly Review[];
  /** The review that completed the quorum: from then on it is public. */
  readonly published: LogRef | null;
  /** How public surfaces show its position once published: exact only if every review of the quorum said so. */
  readonly position: PositionRelease;
}

const STAGING = 'staging';
const stagings = (state: MechanismState) => collection<Staging>(state, STAGING);
/**
 * The reports the public waits for (review asked, quorum not reached; id -> id), in filing order: what every page of
 * GET /v1/incidents counts (views/publication.ts, notPublic) reads these alone, not every report ever filed.
 */
const AWAITING_REVIEW = 'awaiting-review';
const awaiting = (state: MechanismState) => collection<string>(state, AWAITING_REVIEW);

/** The ids of the reports that wait for the mediators' review before the public reads them, in filing order. */
export function reportsAwaitingReview(state: MechanismState): string[] {
  return [...awaiting(state).keys()];
}

/** @example getStaging(state, reportId)?.review // true for a field team's report under terms that review them */
export function getStaging(state: MechanismState, report: string): Staging | undefined {
  return stagings(state).get(report);
}

/** Whether the rules' `review` names this filer: every monitor, or the members listed. */
function reviewed(review: 'monitors' | readonly string[], filer: Member): boolean {
  return review === 'monitors' ? filer.role === 'monitor' : review.includes(filer.id);
}

/**
 * Fix a new report's stages from the rules in force (called by createReport). A report the rules neither delay nor
 * review keeps no record: it is public at once, as every report was before the terms set staging.
 */
export function stageReport(state: MechanismState, report: string, filer: Member): void {
  const rules = mechanismRules(state).publication;
  const review = reviewed(rules.review, filer);
  if (!review && rules.partiesAfterHours === 0) return;
  stagings(state).set(report, { report, review, partiesAfterHours: rules.partiesAfterHours, reviews: [], published: null, position: 'grid' });
  if (review) awaiting(state).set(report, report);
}

export const reportReviewBody = z
  .object({
    report: recordId,
    /** The id of the report's current version (its report.file, or the last amendment): the review covers those bytes. */
    version: recordId,
    /** "grid": public with its position on the coarse grid; "exact": the filer's position as logged. */
    position: z.enum(POSITIONS),
  })
  .strict();

/**
 * report.review: a mediator of the rules in force agrees that a staged report be public. At the quorum it is public,
 * and stays so; an amendment after that is public too (the review covers the report, its history is public anyway).
 */
export const reviewReport = defineHandler('report.review', reportReviewBody, (state, body, ctx) => {
  const report = getReport(state, body.report);
  if (!report) return refuse('not_found', `no report ${body.report}`);
  const staging = getStaging(state, body.report);
  if (!staging?.review) return refuse('invalid_state', `report ${body.report} does not wait for review: it was public once filed, under the rules in force then`);
  if (staging.published) return refuse('invalid_state', `report ${body.report} is already public, since the review at log index ${staging.published.index}`);
  const rules = mechanismRules(state);
  if (!rules.mediators.includes(ctx.signer.id)) return refuse('forbidden', `${ctx.signer.id} is not a mediator of the rules in force (${rules.mediators.join(', ')})`);
  if (staging.reviews.some((r) => r.ref.by === ctx.signer.id)) return refuse('invalid_state', `${ctx.signer.id} already reviewed report ${body.report}`);
  const current = report.versions.at(-1)?.ref.id;
  if (body.version !== current) return refuse('invalid_state', `the review names version ${body.version}, but the report's current version is ${current}: read it again`);
  const reviews = [...staging.reviews, { ref: ctx.ref, version: body.version, position: body.position }];
  const reached = reviews.length >= rules.quorum;
  if (reached) awaiting(state).delete(body.report);
  stagings(state).set(body.report, {
    ...staging,
    reviews,
    published: reached ? ctx.ref : null,
    position: reached && reviews.every((r) => r.position === 'exact') ? 'exact' : 'grid',
  });
  return ok([{ kind: 'incident', id: body.report }]);
});
