import { z } from 'zod';
import { defineHandler } from '../handler.js';
import { ok, refuse } from '../errors.js';
import { collection, type LogRef, type MechanismState } from '../state.js';
import { buildPublicReport, publicReportHash } from '../report/public-report.js';

const day = z.iso.date();

/** report.publish: a mediator signs the public report of a period, named by its hash, into the record. */
export const reportPublishBody = z
  .object({ from: day, to: day, sha256: z.string().regex(/^[0-9a-f]{64}$/, 'sha256 is the hex SHA-256 of the report (truce report --json prints it)') })
  .strict()
  .refine((b) => b.from <= b.to, { message: 'from is after to', path: ['to'] });

export interface Publication {
  readonly from: string;
  readonly to: string;
  readonly sha256: string;
  readonly ref: LogRef;
}

export const PUBLICATIONS = 'report-publications';

/** Every report a mediator published, in log order. */
export function listPublications(state: MechanismState): Publication[] {
  return [...collection<Publication>(state, PUBLICATIONS).values()].sort((a, b) => a.ref.index - b.ref.index);
}

/**
 * The handler recomputes the report from the log as it stands before this statement and accepts only a matching
 * hash: so the published report is exactly what the record says, and `truce verify` re-checks it on replay.
 */
export const publishReport = defineHandler('report.publish', reportPublishBody, (state, body, ctx) => {
  const today = ctx.ref.at.slice(0, 10);
  if (body.to >= today) return refuse('invalid_state', `a report covers days already over: ${body.to} is not before ${today}`);
  const hash = publicReportHash(buildPublicReport(state, { from: body.from, to: body.to }));
  if (hash !== body.sha256) return refuse('invalid_state', `the report of ${body.from} to ${body.to} computed from the log is ${hash}, not ${body.sha256}: recompute it and sign again`);
  collection<Publication>(state, PUBLICATIONS).set(ctx.ref.id, { from: body.from, to: body.to, sha256: body.sha256, ref: ctx.ref });
  return ok([]);
});
