import { z } from 'zod';
import { defineHandler, type Touched } from '../handler.js';
import { ok, refuse } from '../errors.js';
import { collection, type LogRef, type MechanismState } from '../state.js';
import { line, recordId, text, uniqueList } from './fields.js';
import { getReport } from './reports.js';

/** investigation.open: the mediators take up one or more reports, with a mandate saying what they will establish. */
export const investigationOpenBody = z
  .object({
    reports: uniqueList(recordId, 'reports', 50).min(1),
    title: line(300).optional(),
    mandate: text(10000),
  })
  .strict();

export interface Investigation {
  readonly id: string;
  readonly ref: LogRef;
  readonly reports: readonly string[];
  readonly title: string | null;
  readonly mandate: string;
  /** Closed by the finding that became final (finding id and the signature that made it final). */
  closed: { readonly finding: string; readonly ref: LogRef } | null;
}

export const INVESTIGATIONS = 'investigations';
/**
 * Which investigations took up each report (report id -> investigation ids, oldest first): the incident row of every
 * report a batch touches shows its case, and with the state in the state folder a scan of all investigations decodes
 * every one (docs/SCALING.md).
 */
const INVESTIGATIONS_BY_REPORT = 'investigations-by-report';

export function getInvestigation(state: MechanismState, id: string): Investigation | undefined {
  return collection<Investigation>(state, INVESTIGATIONS).get(id);
}

/** Every investigation that took up the report, oldest first. */
export function investigationsOf(state: MechanismState, reportId: string): Investigation[] {
  const ids = collection<readonly string[]>(state, INVESTIGATIONS_BY_REPORT).get(reportId) ?? [];
  return ids.flatMap((id) => getInvestigation(state, id) ?? []).sort((a, b) => a.ref.index - b.ref.index);
}

/** The investigation now open on the report, if any (there is at most one). */
export function openInvestigationOf(state: MechanismState, reportId: string): Investigation | undefined {
  return investigationsOf(state, reportId).find((i) => i.closed === null);
}

export function investigationTouches(inv: Investigation): Touched[] {
  return [{ kind: 'investigation', id: inv.id }, ...inv.reports.map((id): Touched => ({ kind: 'incident', id }))];
}

export const openInvestigation = defineHandler('investigation.open', investigationOpenBody, (state, body, ctx) => {
  for (const id of body.reports) {
    if (!getReport(state, id)) return refuse('not_found', `no report ${id} was filed`);
    const open = openInvestigationOf(state, id);
    if (open) return refuse('invalid_state', `report ${id} is already under investigation ${open.id} (one open investigation per report)`);
  }
  const inv: Investigation = { id: ctx.ref.id, ref: ctx.ref, reports: body.reports, title: body.title ?? null, mandate: body.mandate, closed: null };
  collection<Investigation>(state, INVESTIGATIONS).set(inv.id, inv);
  const byReport = collection<readonly string[]>(state, INVESTIGATIONS_BY_REPORT);
  for (const id of inv.reports) byReport.set(id, [...(byReport.get(id) ?? []), inv.id]);
  return ok(investigationTouches(inv));
});
