// The JSON the UI reads. Record views are the domain's own types (src/domain/views), imported as types only;
// the log endpoints' shapes are written here, as the server documents them.
export type { IncidentView, EvidenceInView } from '../../domain/views/incident.js';
import type { IncidentSummary, NotPublic } from '../../domain/views/publication.js';
export type { LogRef } from '../../domain/state.js';
export type { AgreementView, AgreementVersionView } from '../../domain/views/agreement.js';
export type { ComplianceView, PartyCompliance, ClauseCompliance, ComplianceCounts } from '../../domain/views/compliance.js';
export type { MeetingView } from '../../domain/views/meetings.js';
export type { FindingView, PenaltyView } from '../../domain/views/case-status.js';
export type { ReportBody } from '../../domain/records/report-schema.js';

/** GET /v1/log */
export interface LogInfo {
  readonly origin: string;
  /** C2SP verifier key of the log: "<name>+<hex key id>+<base64 type byte ‖ public key>". */
  readonly vkey: string;
  readonly size: number;
  readonly mechanism?: string;
  readonly demo?: boolean;
  /** Size of the latest published checkpoint. */
  readonly checkpointSize?: number;
  /** Cosignatures from distinct party and mediator witnesses needed for a checkpoint to count as witnessed. */
  readonly witnessQuorum?: number;
  /** e.g. "an illustration built from public reporting" */
  readonly label?: string;
  /** Integrity alerts the server raised since it started (services/operations.ts). */
  readonly alerts?: readonly IntegrityAlert[];
}

export interface IntegrityAlert {
  readonly code: 'checkpoint_conflict' | 'log_write_failed' | 'state_folder_damaged';
  readonly message: string;
  readonly firstAt: string;
  readonly lastAt: string;
  readonly count: number;
}

/** GET /v1/members (items) */
export interface MemberInfo {
  readonly id: string;
  readonly name: string;
  readonly role: 'operator' | 'party' | 'mediator' | 'monitor' | 'observer';
  readonly side: string | null;
  /** `revoked` is the log position of the key.revoke statement, or null. */
  readonly keys?: readonly { readonly key: string; readonly revoked: unknown }[];
  /** The X25519 key sealed fields are encrypted to (enckey.add), or null. */
  readonly encryptionKey?: string | null;
}

export interface Page<T> {
  readonly items: readonly T[];
  readonly next?: string | null;
  /** GET /v1/incidents: the reports not yet public, counted per grid cell (the same for every reader). */
  readonly notPublic?: NotPublic;
  /** GET /v1/incidents for a party: the staged reports it reads only as a summary until the terms' delay passes. */
  readonly summaries?: readonly IncidentSummary[];
}

/** GET /v1/checkpoints?limit=N (items) */
export interface CheckpointItem {
  readonly size: number;
  /** base64 root hash */
  readonly root: string;
  /** the signed note, as served at /checkpoint */
  readonly note: string;
  readonly createdAt: string;
  readonly cosignatures: readonly { readonly witness: string; readonly keyId: string; readonly line: string; readonly receivedAt?: string }[];
  readonly witnessed?: boolean;
}

/** GET /v1/statements?from=I&limit=N (items) */
export interface StatementItem {
  readonly index: number;
  readonly id: string;
  readonly type: string;
  readonly by: string;
  readonly at: string;
  readonly statement: {
    readonly v: 1;
    readonly type: string;
    readonly by: string;
    readonly key: string;
    readonly at: string;
    readonly body: Record<string, unknown>;
    readonly sig: string;
  };
}

/** GET /v1/proof/inclusion?index=I&size=N */
export interface InclusionProofJson {
  readonly proof: readonly string[];
  readonly index?: number;
  readonly size?: number;
  readonly root?: string;
}

/** POST /v1/statements (201) */
export interface Appended {
  readonly index: number;
  readonly id: string;
}

/** One event of design.md's ingest shape, as GET /v1/candidates carries it (fields read defensively). */
export interface CandidateEvent {
  readonly id?: string;
  readonly kind?: 'incident' | 'development';
  readonly event_type?: string;
  readonly sub_event_type?: string;
  readonly summary?: string;
  readonly when?: { readonly start: string; readonly end: string; readonly precision: string } | null;
  readonly where?: readonly { readonly name: string; readonly country?: string; readonly lat?: number; readonly lon?: number; readonly precision?: number }[];
  readonly actors?: readonly { readonly id?: string; readonly name: string; readonly aliases?: readonly string[]; readonly side?: string }[];
  readonly fatalities?: { readonly min: number; readonly max?: number | null } | null;
  readonly injured?: { readonly min: number; readonly max?: number | null } | null;
  readonly claims?: readonly { readonly speaker: string; readonly quote: string; readonly article?: string; readonly role?: string; readonly kind?: 'quote' | 'paraphrase' }[];
  readonly sources?: readonly { readonly article: string; readonly sentence: string }[];
}

export interface CandidateArticle {
  readonly id: string;
  readonly source?: string;
  readonly title: string;
  readonly published?: string | null;
  readonly url?: string;
}

export interface CandidateDiscrepancy {
  readonly event?: string;
  readonly field: string;
  readonly values: readonly { readonly value: unknown; readonly article: string }[];
}

/** GET /v1/candidates (items): a row of the review queue. */
export interface CandidateItem {
  readonly id: string;
  readonly batch?: string;
  readonly createdAt?: string;
  readonly status: 'open' | 'promoted' | 'dismissed';
  readonly promotedReport: string | null;
  /** Who set it aside and why (a signed candidate.dismiss), when it was dismissed. */
  readonly dismissal?: { readonly reason: string; readonly by: string } | null;
  /** The event with the articles it came from and the fields on which those articles disagree. */
  readonly candidate: {
    readonly id?: string;
    readonly event: CandidateEvent;
    readonly articles?: readonly CandidateArticle[];
    readonly discrepancies?: readonly CandidateDiscrepancy[];
  };
}
