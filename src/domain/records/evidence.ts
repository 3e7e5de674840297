import { z } from 'zod';
import { defineHandler, type Touched } from '../handler.js';
import { ok, refuse } from '../errors.js';
import { collection, type LogRef, type MechanismState } from '../state.js';
import { memberIdSchema } from '../statement.js';
import { line, offsetTime, recordId, sha256Hex, text, uniqueList } from './fields.js';

// Evidence: the log holds a blob's SHA-256 and its metadata, never the bytes (the server stores them apart, in the
// BlobStore, and serves them only to those allowed). A withheld item's hash and metadata stay public, so both parties
// can prove they were shown the same record.

export const CONFIDENTIALITY = ['public', 'members', 'mediators'] as const;
export type Confidentiality = (typeof CONFIDENTIALITY)[number];

const mediaType = z
  .string()
  .max(200)
  .regex(/^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*(; ?[a-z0-9_.-]+=[A-Za-z0-9_.-]+)*$/, 'must be a lower-case media type, e.g. image/jpeg');

export const evidenceRegisterBody = z
  .object({
    sha256: sha256Hex,
    media_type: mediaType,
    size: z.int().min(0).max(2 ** 40),
    captured_at: offsetTime.optional(),
    captured_place: z
      .object({ place: line(200), lat: z.number().min(-90).max(90).optional(), lon: z.number().min(-180).max(180).optional() })
      .strict()
      .refine((p) => (p.lat === undefined) === (p.lon === undefined), 'give both lat and lon, or neither')
      .optional(),
    title: line(300),
    description: text(5000),
    confidentiality: z.enum(CONFIDENTIALITY),
    /** Reports this evidence bears on. */
    reports: uniqueList(recordId, 'reports', 50).optional(),
  })
  .strict();
export type EvidenceMeta = z.infer<typeof evidenceRegisterBody>;

export const evidenceAcknowledgeBody = z.object({ sha256: sha256Hex, note: text(2000).optional() }).strict();

/**
 * evidence.access: a custody entry saying a member downloads the bytes. The downloading member signs it, for itself
 * only (the server holds no member's key, so it cannot sign for anyone, and nobody, the operator included, grants
 * access to another): the handler checks the signer's own clearance, and the one download it opens must be signed by
 * the same key (evidenceDownloadMessage), so the public id of the entry opens nothing. `member`, if given, must be
 * the signer. Anonymous downloads of public items are not in the custody chain: they are public.
 */
export const evidenceAccessBody = z.object({ sha256: sha256Hex, member: memberIdSchema.optional() }).strict();

export interface CustodyEntry {
  readonly kind: 'registered' | 'acknowledged' | 'accessed';
  /** Who the entry is about: the registrant, the acknowledging member, the downloader (null: anonymous, public item). */
  readonly member: string | null;
  /** Who signed the statement; for an access recorded by the server, the operator. */
  readonly recordedBy: string;
  readonly note: string | null;
  readonly ref: LogRef;
}

export interface Evidence {
  readonly sha256: string;
  readonly ref: LogRef;
  readonly registeredBy: string;
  readonly meta: EvidenceMeta;
  readonly confidentiality: Confidentiality;
  /** Reports linked: those named at registration, then those whose report or reply cites it. */
  readonly reports: readonly string[];
  readonly custody: readonly CustodyEntry[];
}

export const EVIDENCE = 'evidence';
/**
 * Which items each report is linked to (report id -> sha256s, in the order they were linked): the incident row of
 * every report a batch touches lists its evidence, and with the state in the state folder a scan of all evidence
 * decodes every item (docs/SCALING.md), so the link is kept both ways.
 */
const EVIDENCE_BY_REPORT = 'evidence-by-report';

function indexLinks(state: MechanismState, sha256: string, reports: readonly string[]): void {
  const index = collection<readonly string[]>(state, EVIDENCE_BY_REPORT);
  for (const report of reports) {
    const linked = index.get(report) ?? [];
    if (!linked.includes(sha256)) index.set(report, [...linked, sha256]);
  }
}

export function getEvidence(state: MechanismState, sha256: string): Evidence | undefined {
  return collection<Evidence>(state, EVIDENCE).get(sha256);
}

/** Every registered item, in log order. */
export function listEvidence(state: MechanismState): Evidence[] {
  return [...collection<Evidence>(state, EVIDENCE).values()].sort((a, b) => a.ref.index - b.ref.index);
}

/** Evidence linked to a report, in registration order. */
export function evidenceForReport(state: MechanismState, reportId: string): Evidence[] {
  const linked = collection<readonly string[]>(state, EVIDENCE_BY_REPORT).get(reportId) ?? [];
  return linked.flatMap((sha) => getEvidence(state, sha) ?? []).sort((a, b) => a.ref.index - b.ref.index);
}

/** Link evidence to a report that cites it (called by report handlers after their checks pass). */
export function linkEvidence(state: MechanismState, sha256: string, reportId: string): void {
  const e = getEvidence(state, sha256);
  if (e && !e.reports.includes(reportId)) {
    collection<Evidence>(state, EVIDENCE).set(sha256, { ...e, reports: [...e.reports, reportId] });
    indexLinks(state, sha256, [reportId]);
  }
}

/**
 * Whether a member (null: anyone, unauthenticated) may download an item's bytes. public: anyone; members: any admitted
 * member but observers (they stand for the public); mediators: the mediators and the member who registered it.
 * @example mayDownload(state, sha, 'qa') // true for a mediators-only item
 */
export function mayDownload(state: MechanismState, sha256: string, member: string | null): boolean {
  const e = getEvidence(state, sha256);
  if (!e) return false;
  if (e.confidentiality === 'public') return true;
  const m = member === null ? undefined : state.members.get(member);
  if (!m) return false;
  if (e.confidentiality === 'members') return m.role !== 'observer';
  return m.role === 'mediator' || m.id === e.registeredBy;
}

function touched(e: Evidence): Touched[] {
  return [{ kind: 'evidence', id: e.sha256 }, ...e.reports.map((id): Touched => ({ kind: 'incident', id }))];
}

function withCustody(state: MechanismState, e: Evidence, entry: CustodyEntry): Touched[] {
  const next = { ...e, custody: [...e.custody, entry] };
  collection<Evidence>(state, EVIDENCE).set(e.sha256, next);
  return touched(next);
}

export const registerEvidence = defineHandler('evidence.register', evidenceRegisterBody, (state, body, ctx) => {
  const existing = getEvidence(state, body.sha256);
  if (existing) return refuse('invalid_state', `evidence ${body.sha256} is already registered (log index ${existing.ref.index}); acknowledge it instead`);
  // Reports are looked up through the collection name, not reports.ts, which imports this module.
  const reports = collection<unknown>(state, 'reports');
  for (const id of body.reports ?? []) if (!reports.has(id)) return refuse('not_found', `no report ${id}`);
  const e: Evidence = {
    sha256: body.sha256,
    ref: ctx.ref,
    registeredBy: ctx.signer.id,
    meta: body,
    confidentiality: body.confidentiality,
    reports: body.reports ?? [],
    custody: [{ kind: 'registered', member: ctx.signer.id, recordedBy: ctx.signer.id, note: null, ref: ctx.ref }],
  };
  collection<Evidence>(state, EVIDENCE).set(e.sha256, e);
  indexLinks(state, e.sha256, e.reports);
  return ok(touched(e));
});

export const acknowledgeEvidence = defineHandler('evidence.acknowledge', evidenceAcknowledgeBody, (state, body, ctx) => {
  const e = getEvidence(state, body.sha256);
  if (!e) return refuse('not_found', `evidence ${body.sha256} is not registered`);
  if (e.registeredBy === ctx.signer.id) return refuse('invalid_state', 'the registrant does not acknowledge its own evidence; another member does');
  if (e.custody.some((c) => c.kind === 'acknowledged' && c.member === ctx.signer.id)) {
    return refuse('invalid_state', `${ctx.signer.id} already acknowledged evidence ${body.sha256}`);
  }
  return ok(withCustody(state, e, { kind: 'acknowledged', member: ctx.signer.id, recordedBy: ctx.signer.id, note: body.note ?? null, ref: ctx.ref }));
});

export const accessEvidence = defineHandler('evidence.access', evidenceAccessBody, (state, body, ctx) => {
  const e = getEvidence(state, body.sha256);
  if (!e) return refuse('not_found', `evidence ${body.sha256} is not registered`);
  // Access follows the confidentiality level and nothing else: no one records (and so opens) an access for another.
  if (body.member !== undefined && body.member !== ctx.signer.id) return refuse('forbidden', 'a member records only its own access: nobody, the operator included, grants evidence access to another');
  const member = ctx.signer.id;
  if (!mayDownload(state, e.sha256, member)) return refuse('forbidden', `${member} may not download evidence classed ${e.confidentiality} (its role: ${ctx.signer.role})`);
  return ok(withCustody(state, e, { kind: 'accessed', member, recordedBy: member, note: null, ref: ctx.ref }));
});

/**
 * The bytes a member signs to download a restricted item, with the key that signed its evidence.access statement:
 * binds the item, that statement and a fresh time, so a copied URL expires and a published access id is useless alone.
 * @example signEd25519(seed, evidenceDownloadMessage(sha, accessId, '2025-11-10T12:00:00Z'))
 */
export function evidenceDownloadMessage(sha256: string, accessId: string, at: string): Uint8Array {
  return new TextEncoder().encode(`truce/evidence-download/v1\n${sha256}\n${accessId}\n${at}\n`);
}
