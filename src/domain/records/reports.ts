import { defineHandler, type Touched } from '../handler.js';
import { type Refusal, ok, refuse } from '../errors.js';
import { collection, type LogRef, type MechanismState, type Member } from '../state.js';
import { mechanismRules } from './agreement-rules.js';
import { describePeriods, inForceDuring, listTerms } from './terms.js';
import { getEvidence, linkEvidence } from './evidence.js';
import { stageReport } from './staging.js';
import { getPatrol } from './patrols.js';
import { type ReportBody, type Stance, reportAmendBody, reportFileBody, reportReplyBody } from './report-schema.js';

export * from './report-schema.js';

/** One version of a report: the body as it stood after the statement at `ref` (report.file, candidate.promote or amend). */
export interface ReportVersion {
  readonly ref: LogRef;
  readonly body: ReportBody;
  readonly reason: string | null;
}

/** A reply of the accused party: a record beside the report, which it never changes. */
export interface Reply {
  readonly id: string;
  readonly ref: LogRef;
  readonly member: string;
  readonly side: string;
  readonly stance: Stance;
  readonly text: string;
  readonly evidence: readonly string[];
  /** Whether it came within the agreement's reply deadline; null when no deadline applied at filing. */
  readonly withinDeadline: boolean | null;
}

/** An alleged incident as its filer tells it: a claim attributed to `filedBy`, never a fact. */
export interface Report {
  readonly id: string;
  readonly ref: LogRef;
  readonly filedBy: string;
  /** Sides alleged responsible (current version). */
  readonly accused: readonly string[];
  /** Clauses allegedly broken (current version). */
  readonly clauses: readonly string[];
  /** The current version's body. */
  readonly body: ReportBody;
  /** Every version, oldest first; the last is `body`. */
  readonly versions: readonly ReportVersion[];
  readonly replies: readonly Reply[];
  /** The deadline for the accused to reply (RFC 3339 UTC), from the rules in force at filing. */
  readonly replyDeadline: string | null;
  /** Set when the report came from an ingested news candidate. */
  readonly candidate: string | null;
  /** Set for an access.denied report: the team turned back, by whom, on which planned patrol. */
  readonly denial?: Denial;
}

export interface Denial {
  readonly team: readonly string[];
  readonly deniedBy: { readonly name: string; readonly side: string | null };
  readonly patrol: string | null;
}

export const REPORTS = 'reports';

/** @example getReport(state, reportId)?.filedBy // 'pk' */
export function getReport(state: MechanismState, id: string): Report | undefined {
  return collection<Report>(state, REPORTS).get(id);
}

/** Every report, in log order. */
export function listReports(state: MechanismState): Report[] {
  return [...collection<Report>(state, REPORTS).values()].sort((a, b) => a.ref.index - b.ref.index);
}

/** Checks against the state that a body's schema cannot make: known sides, clauses in force, registered evidence. */
export function checkReportBody(state: MechanismState, body: ReportBody): Refusal | null {
  const sides = new Set([...state.members.values()].filter((m) => m.role === 'party' && m.side).map((m) => m.side));
  for (const s of body.accused) if (!sides.has(s)) return refuse('invalid_state', `accused side ${s} is not the side of any admitted party`);
  for (const a of body.actors) {
    if (a.side !== null && !sides.has(a.side)) return refuse('invalid_state', `actor ${a.name}'s side ${a.side} is not the side of any admitted party (use null for others)`);
  }
  const bad = checkCitedTerms(state, body);
  if (bad) return bad;
  for (const sha of body.evidence ?? []) if (!getEvidence(state, sha)) return refuse('not_found', `evidence ${sha} is not registered`);
  if (body.patrol && !getPatrol(state, body.patrol)) return refuse('not_found', `no patrol plan ${body.patrol}`);
  return null;
}

/**
 * A report may cite only terms that exist and were in force, for each side it accuses (for some side bound when it
 * accuses none), at some time within the incident's interval. The refusal names the term and its periods.
 */
function checkCitedTerms(state: MechanismState, body: ReportBody): Refusal | null {
  if (body.clauses.length === 0) return null;
  const terms = listTerms(state);
  const { start, end } = body.when;
  const during = `the incident's time (${start} to ${end})`;
  for (const id of body.clauses) {
    const term = terms.find((t) => t.id === id);
    if (!term) return refuse('invalid_state', `term ${id} does not exist; the terms are: ${terms.map((t) => t.id).join(', ') || 'none yet'}`);
    if (body.accused.length === 0) {
      if (!term.bound.some((s) => inForceDuring(term, s, start, end))) {
        return refuse('invalid_state', `term ${id} was in force for no party at ${during}: ${term.bound.map((s) => describePeriods(term, s)).join('; ')}`);
      }
      continue;
    }
    for (const side of body.accused) {
      if (!term.bound.includes(side)) return refuse('invalid_state', `term ${id} does not bind ${side} (it binds ${term.bound.join(', ')})`);
      if (!inForceDuring(term, side, start, end)) return refuse('invalid_state', `term ${id} was not in force for ${side} at ${during}: ${describePeriods(term, side)}`);
    }
  }
  return null;
}

/** Link the cited evidence to the report (after the checks passed) and name the rows to refresh. */
function touches(state: MechanismState, reportId: string, cited: readonly string[]): Touched[] {
  for (const sha of cited) linkEvidence(state, sha, reportId);
  return [{ kind: 'incident', id: reportId }, ...cited.map((sha): Touched => ({ kind: 'evidence', id: sha }))];
}

/**
 * Create a report from a checked body (report.file, and candidate.promote which adds the candidate's articles).
 * Returns a refusal, or the touched rows after storing it.
 */
export function createReport(state: MechanismState, body: ReportBody, ctx: { ref: LogRef; signer: Member }, candidate: string | null = null) {
  const bad = checkReportBody(state, body);
  if (bad) return bad;
  // The reply period of the rules in force when the report is filed (a default while the parties accepted none).
  const deadline = new Date(Date.parse(ctx.ref.at) + mechanismRules(state).replyDeadlineHours * 3_600_000).toISOString();
  const report: Report = {
    id: ctx.ref.id,
    ref: ctx.ref,
    filedBy: ctx.signer.id,
    accused: body.accused,
    clauses: body.clauses,
    body,
    versions: [{ ref: ctx.ref, body, reason: null }],
    replies: [],
    replyDeadline: deadline,
    candidate,
  };
  collection<Report>(state, REPORTS).set(report.id, report);
  stageReport(state, report.id, ctx.signer);
  return ok(touches(state, report.id, body.evidence ?? []));
}

export const fileReport = defineHandler('report.file', reportFileBody, (state, body, ctx) => createReport(state, body, ctx));

export const amendReport = defineHandler('report.amend', reportAmendBody, (state, body, ctx) => {
  const report = getReport(state, body.report);
  if (!report) return refuse('not_found', `no report ${body.report}`);
  if (report.filedBy !== ctx.signer.id) return refuse('forbidden', `only the filer (${report.filedBy}) amends a report; others reply or file their own`);
  const merged = reportFileBody.safeParse({ ...report.body, ...body.changes });
  if (!merged.success) {
    const issue = merged.error.issues[0];
    return refuse('bad_request', `the amended report is invalid at ${issue?.path.join('.') || '(root)'}: ${issue?.message}`);
  }
  const bad = checkReportBody(state, merged.data);
  if (bad) return bad;
  const version: ReportVersion = { ref: ctx.ref, body: merged.data, reason: body.reason ?? null };
  const next: Report = { ...report, body: merged.data, accused: merged.data.accused, clauses: merged.data.clauses, versions: [...report.versions, version] };
  collection<Report>(state, REPORTS).set(report.id, next);
  return ok(touches(state, report.id, merged.data.evidence ?? []));
});

export const replyToReport = defineHandler('report.reply', reportReplyBody, (state, body, ctx) => {
  const report = getReport(state, body.report);
  if (!report) return refuse('not_found', `no report ${body.report}`);
  const { signer } = ctx;
  // The right of reply belongs to the side accused; a mediator or a third party files its own report instead.
  if (signer.role !== 'party' || !signer.side || !report.accused.includes(signer.side)) {
    return refuse('forbidden', `only a party accused by this report (${report.accused.join(', ') || 'none'}) may reply to it`);
  }
  for (const sha of body.evidence ?? []) if (!getEvidence(state, sha)) return refuse('not_found', `evidence ${sha} is not registered`);
  const withinDeadline = report.replyDeadline === null ? null : Date.parse(ctx.ref.at) <= Date.parse(report.replyDeadline);
  const reply: Reply = {
    id: ctx.ref.id,
    ref: ctx.ref,
    member: signer.id,
    side: signer.side,
    stance: body.stance,
    text: body.text,
    evidence: body.evidence ?? [],
    withinDeadline,
  };
  collection<Report>(state, REPORTS).set(report.id, { ...report, replies: [...report.replies, reply] });
  return ok(touches(state, report.id, reply.evidence));
});
