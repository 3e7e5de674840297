import { z } from 'zod';
import { defineHandler } from '../handler.js';
import { ok, refuse } from '../errors.js';
import { collection, type LogRef, type MechanismState } from '../state.js';
import { memberIdSchema } from '../statement.js';
import { MECHANISM_EVENT_TYPE } from '../taxonomy.js';
import { line, recordId, side, slug, text, uniqueList } from './fields.js';
import { getPatrol } from './patrols.js';
import { createReport, getReport, REPORTS, type Report, type ReportBody, whenSchema, whereSchema } from './reports.js';

// Joint field teams: one signer per statement, as everywhere in the log. The filer signs the report; each other
// member of the team signs a report.cosign naming the report's id and the version it read (ids are the leaf hashes
// of the exact bytes, so a co-signature covers exactly what is stored). Denial of access is a report of its own.

export interface Cosignature {
  readonly member: string;
  readonly version: string;
  readonly ref: LogRef;
}

const cosignatures = (state: MechanismState) => collection<Cosignature[]>(state, 'cosignatures');

/** The co-signatures of a report, in log order. */
export const cosignaturesOf = (state: MechanismState, report: string): readonly Cosignature[] => cosignatures(state).get(report) ?? [];

export const reportCosignBody = z.object({ report: recordId, version: recordId }).strict();

/**
 * report.cosign: another member of the team signs the report too: only a report of a planned patrol (or of denied
 * access), only by a member of that team, each once; the filer's own signature is the report itself.
 */
export const cosignReport = defineHandler('report.cosign', reportCosignBody, (state, body, ctx) => {
  const report = getReport(state, body.report);
  if (!report) return refuse('not_found', `no report ${body.report}`);
  const me = ctx.signer.id;
  if (report.filedBy === me) return refuse('invalid_state', `${me} filed report ${body.report}: its signature is the report itself`);
  const current = report.versions.at(-1)?.ref.id;
  if (body.version !== current) return refuse('invalid_state', `the co-signature names version ${body.version}, but the report's current version is ${current}: read it again`);
  const existing = cosignaturesOf(state, body.report);
  if (existing.some((c) => c.member === me)) return refuse('invalid_state', `${me} already co-signed report ${body.report}`);
  const team = teamOf(state, report);
  // Without a team named beforehand anyone could co-sign, and a co-signer reads a staged report at once.
  if (!team) return refuse('invalid_state', `report ${body.report} names no patrol plan: only the team of a planned patrol, or of a denied team, co-signs a report`);
  if (!team.includes(me)) return refuse('forbidden', `only the patrol's team (${team.join(', ')}) co-signs its report`);
  cosignatures(state).set(body.report, [...existing, { member: me, version: body.version, ref: ctx.ref }]);
  return ok([{ kind: 'incident', id: body.report }]);
});

/** The team that made a report: the denied team, or the planned patrol's; null when the report names neither. */
function teamOf(state: MechanismState, report: Report): readonly string[] | null {
  if (report.denial) return report.denial.team;
  const patrol = report.body.patrol ? getPatrol(state, report.body.patrol) : undefined;
  return patrol ? patrol.plan.team : null;
}

export const DENIAL_SUB_TYPE = 'Obstruction or denial of access to monitors';

export const accessDeniedBody = z
  .object({
    /** The members on the team that was turned back. */
    team: uniqueList(memberIdSchema, 'team members', 20).min(1),
    /** The patrol plan the team was following, if any. */
    patrol: recordId.optional(),
    when: whenSchema,
    where: whereSchema,
    /** Who denied access, as the team saw it: a unit, a checkpoint's guards; its side, or null. */
    denied_by: z.object({ name: line(200), side: side.nullable() }).strict(),
    narrative: text(20000),
    clauses: uniqueList(slug, 'clauses', 50),
    accused: uniqueList(side, 'accused sides', 10),
  })
  .strict();

/**
 * access.denied: a team reports that it was denied access (where, when, by whom, which team). It is kept as a report
 * (so it has replies, investigations and findings like any other) of the mechanism's own event type, signed by a
 * member of the team.
 */
export const denyAccess = defineHandler('access.denied', accessDeniedBody, (state, body, ctx) => {
  if (!body.team.includes(ctx.signer.id)) return refuse('forbidden', `only a member of the team (${body.team.join(', ')}) reports that it was denied access`);
  for (const m of body.team) if (!state.members.has(m)) return refuse('invalid_state', `team member ${m} is not an admitted member`);
  if (body.patrol && !getPatrol(state, body.patrol)) return refuse('not_found', `no patrol plan ${body.patrol}`);
  const report: ReportBody = {
    when: body.when,
    where: body.where,
    event_type: MECHANISM_EVENT_TYPE,
    sub_event_type: DENIAL_SUB_TYPE,
    actors: [{ name: body.denied_by.name, side: body.denied_by.side, role: 'perpetrator' }],
    narrative: body.narrative,
    sources: [{ kind: 'witness', title: `The team denied access: ${body.team.join(', ')}` }],
    clauses: body.clauses,
    accused: body.accused,
    ...(body.patrol ? { patrol: body.patrol } : {}),
  };
  const created = createReport(state, report, ctx);
  if (!created.ok) return created;
  const reports = collection<Report>(state, REPORTS);
  const filed = reports.get(ctx.ref.id);
  if (filed) reports.set(filed.id, { ...filed, denial: { team: body.team, deniedBy: body.denied_by, patrol: body.patrol ?? null } });
  return created;
});
