import type { Touched } from '../handler.js';
import type { LogRef, MechanismState } from '../state.js';
import { lastLocalDate, localDate } from '../time.js';
import { type Evidence, evidenceForReport, getEvidence } from '../records/evidence.js';
import { getInvestigation } from '../records/investigations.js';
import { getFinding } from '../records/findings.js';
import { getReport, type Report, type ReportBody } from '../records/reports.js';
import { type SealedInView, sealedView } from './sealed.js';
import { getStaging } from '../records/staging.js';
import { cosignaturesOf } from '../records/joint.js';
import { getPatrol } from '../records/patrols.js';
import { type FindingView, type InvestigationView, type PenaltyView, caseStatus } from './case-status.js';

// The incident as GET /v1/incidents/:id shows it. Every record in it carries `ref` ({ index, id, at, by }): its position in the
// log, so a reader can fetch the inclusion proof. The report is a claim: the view says who alleges it.

const pos = (ref: LogRef): LogRef => ({ index: ref.index, id: ref.id, at: ref.at, by: ref.by });

export interface IncidentView {
  readonly id: string;
  readonly logIndex: number;
  /** "alleged by Government of Pakistan (pk)": every report is a claim of its filer. */
  readonly attribution: string;
  readonly filedBy: { readonly id: string; readonly name: string; readonly role: string; readonly side: string | null };
  readonly filed: LogRef;
  /** The current version of the report's body. */
  readonly report: ReportBody;
  readonly candidate: string | null;
  readonly status: string;
  readonly history: readonly { readonly version: number; readonly reason: string | null; readonly body: ReportBody; readonly ref: LogRef }[];
  readonly replyDeadline: string | null;
  readonly replies: readonly {
    readonly id: string;
    readonly attribution: string;
    readonly side: string;
    readonly stance: string;
    readonly text: string;
    readonly evidence: readonly string[];
    readonly withinDeadline: boolean | null;
    readonly ref: LogRef;
  }[];
  readonly evidence: readonly EvidenceInView[];
  /** Every investigation that took up the report, oldest first. */
  readonly investigations: readonly InvestigationView[];
  /** Every finding proposed, labelled: only a final one states a fact. */
  readonly findings: readonly FindingView[];
  readonly penalties: readonly PenaltyView[];
  /** Fields sealed to named recipients in the report's statements (ciphertext and commitment; value once released). */
  readonly sealed: readonly SealedInView[];
  /** Staged publication, when the rules in force at filing set it (absent: public at once). */
  readonly publication?: PublicationInView;
  /** The other members of a joint team who signed the report (report.cosign), in log order. */
  readonly cosigned: readonly { readonly member: string; readonly name: string; readonly version: string; readonly ref: LogRef }[];
  /** For a report of denied access: the team turned back, by whom, on which planned patrol. */
  readonly denial?: { readonly team: readonly { readonly id: string; readonly name: string }[]; readonly deniedBy: { readonly name: string; readonly side: string | null }; readonly patrol: string | null };
  /** The team that made the report (its planned patrol's, or the denied team): who may co-sign it. */
  readonly team?: readonly string[];
  /** Set when the position shown was rounded to this grid (degrees) for this reader until the review releases it. */
  readonly positionOnGrid?: number;
}

export interface PublicationInView {
  /** The public reads it only once the mediators' quorum reviewed it. */
  readonly review: boolean;
  /** The terms' delay (hours) before the parties read it in full, counted from when it arrived in the log. */
  readonly partiesAfterHours: number;
  /**
   * From when the parties read it in full: set by the server (services/queries.ts), which records arrivals; absent in
   * the view the log alone makes, so `truce verify` compares the rest.
   */
  readonly partiesFrom?: string;
  readonly reviews: readonly { readonly by: string; readonly position: string; readonly ref: LogRef }[];
  readonly published: LogRef | null;
  readonly position: string;
}

export interface EvidenceInView {
  readonly sha256: string;
  readonly title: string;
  readonly description: string;
  readonly mediaType: string;
  readonly size: number;
  readonly capturedAt: string | null;
  readonly capturedPlace: { readonly place: string; readonly lat?: number; readonly lon?: number } | null;
  readonly confidentiality: string;
  readonly registeredBy: string;
  readonly ref: LogRef;
  /** Registration, acknowledgements and downloads, in log order. */
  readonly custody: readonly { readonly kind: string; readonly member: string | null; readonly recordedBy: string; readonly note: string | null; readonly ref: LogRef }[];
}

function memberLabel(state: MechanismState, id: string): string {
  const m = state.members.get(id);
  return m ? `${m.name} (${id})` : id;
}

function evidenceView(e: Evidence): EvidenceInView {
  return {
    sha256: e.sha256,
    title: e.meta.title,
    description: e.meta.description,
    mediaType: e.meta.media_type,
    size: e.meta.size,
    capturedAt: e.meta.captured_at ?? null,
    capturedPlace: e.meta.captured_place ?? null,
    confidentiality: e.confidentiality,
    registeredBy: e.registeredBy,
    ref: pos(e.ref),
    custody: e.custody.map((c) => ({ kind: c.kind, member: c.member, recordedBy: c.recordedBy, note: c.note, ref: pos(c.ref) })),
  };
}

/** The case status, with "replied" once the accused answered and nothing further happened. */
function statusOf(status: string, report: Report): string {
  return status === 'reported' && report.replies.length > 0 ? 'replied' : status;
}

/**
 * The JSON of GET /v1/incidents/:id, or undefined when there is no such report.
 * @example incidentView(state, id)?.attribution // 'alleged by Government of Pakistan (pk)'
 */
export function incidentView(state: MechanismState, reportId: string): IncidentView | undefined {
  const report = getReport(state, reportId);
  if (!report) return undefined;
  const filer = state.members.get(report.filedBy);
  const cs = caseStatus(state, reportId);
  return {
    id: report.id,
    logIndex: report.ref.index,
    attribution: `alleged by ${memberLabel(state, report.filedBy)}`,
    filedBy: { id: report.filedBy, name: filer?.name ?? report.filedBy, role: filer?.role ?? 'unknown', side: filer?.side ?? null },
    filed: pos(report.ref),
    report: report.body,
    candidate: report.candidate,
    status: statusOf(cs.status, report),
    history: report.versions.map((v, i) => ({ version: i + 1, reason: v.reason, body: v.body, ref: pos(v.ref) })),
    replyDeadline: report.replyDeadline,
    replies: report.replies.map((r) => ({
      id: r.id,
      attribution: `replied by ${memberLabel(state, r.member)} for side ${r.side}`,
      side: r.side,
      stance: r.stance,
      text: r.text,
      evidence: r.evidence,
      withinDeadline: r.withinDeadline,
      ref: pos(r.ref),
    })),
    evidence: evidenceForReport(state, reportId).map(evidenceView),
    investigations: cs.investigations,
    findings: cs.findings,
    penalties: cs.penalties,
    sealed: sealedView(state, reportId),
    ...publicationOf(state, reportId),
    cosigned: cosignaturesOf(state, reportId).map((c) => ({ member: c.member, name: state.members.get(c.member)?.name ?? c.member, version: c.version, ref: pos(c.ref) })),
    ...teamOf(state, report),
    ...(report.denial
      ? { denial: { team: report.denial.team.map((id) => ({ id, name: state.members.get(id)?.name ?? id })), deniedBy: report.denial.deniedBy, patrol: report.denial.patrol } }
      : {}),
  };
}

function teamOf(state: MechanismState, report: Report): { team?: readonly string[] } {
  const team = report.denial?.team ?? (report.body.patrol ? getPatrol(state, report.body.patrol)?.plan.team : undefined);
  return team ? { team } : {};
}

function publicationOf(state: MechanismState, reportId: string): { publication?: PublicationInView } {
  const s = getStaging(state, reportId);
  if (!s) return {};
  return {
    publication: {
      review: s.review,
      partiesAfterHours: s.partiesAfterHours,
      reviews: s.reviews.map((r) => ({ by: r.ref.by, position: r.position, ref: pos(r.ref) })),
      published: s.published ? pos(s.published) : null,
      position: s.position,
    },
  };
}

/** The fields of the store's IncidentRow (store/store.ts; the domain may not import the store). */
export interface IncidentRowFields {
  readonly id: string;
  readonly startDate: string;
  readonly endDate: string;
  readonly lat: number | null;
  readonly lon: number | null;
  readonly eventType: string;
  readonly parties: readonly string[];
  readonly status: string;
  readonly text: string;
  readonly view: IncidentView;
  readonly logIndex: number;
}

/** What full-text search covers: the account, the place, the actors, the replies. */
function searchText(view: IncidentView): string {
  const r = view.report;
  const where = [r.where.place, r.where.admin1, r.where.admin2, r.where.admin3, r.where.country].filter(Boolean).join(', ');
  return [r.narrative, where, `${r.event_type}: ${r.sub_event_type}`, ...r.actors.map((a) => a.name), ...view.replies.map((x) => x.text)].join('\n');
}

/** The projection row for a report, or undefined when there is no such report. */
export function incidentRowFields(state: MechanismState, reportId: string): IncidentRowFields | undefined {
  const view = incidentView(state, reportId);
  if (!view) return undefined;
  const { when, where } = view.report;
  return {
    id: view.id,
    startDate: localDate(when.start),
    endDate: lastLocalDate(when.start, when.end),
    lat: where.lat ?? null,
    lon: where.lon ?? null,
    eventType: view.report.event_type,
    parties: view.report.accused,
    status: view.status,
    text: searchText(view),
    view,
    logIndex: view.logIndex,
  };
}

/**
 * The report ids whose incident rows a statement changed, from the Touched list its handler returned: incidents
 * directly, and through evidence, investigations and findings that bear on reports.
 * @example touchedIncidents(state, [{ kind: 'evidence', id: sha }]) // the reports that evidence is linked to
 */
export function touchedIncidents(state: MechanismState, touched: readonly Touched[]): string[] {
  const ids = new Set<string>();
  const addInvestigation = (id: string) => getInvestigation(state, id)?.reports.forEach((r) => ids.add(r));
  for (const t of touched) {
    if (t.kind === 'incident') ids.add(t.id);
    else if (t.kind === 'evidence') getEvidence(state, t.id)?.reports.forEach((r) => ids.add(r));
    else if (t.kind === 'investigation') addInvestigation(t.id);
    else if (t.kind === 'finding') {
      const f = getFinding(state, t.id);
      if (f) addInvestigation(f.content.investigation);
    }
  }
  return [...ids].filter((id) => getReport(state, id) !== undefined);
}
