import type { LogRef, MechanismState } from '../state.js';
import type { AgreementContent } from '../records/agreement-schema.js';
import { agreementVersions, versionInForce, type AgreementSignature, type AgreementVersion } from '../records/agreement.js';
import { ceasefireOn, pendingStatus, statusClaims, statusHistory, type CeasefireState, type StatusChangeRecord, type StatusClaim } from '../records/agreement-status.js';
import { mechanismRules, type MechanismRules } from '../records/agreement-rules.js';
import { listTerms, type Term } from '../records/terms.js';
import { listTermRecords, type TermRecord } from '../records/terms-store.js';

export interface AgreementVersionView extends AgreementContent {
  /** The agreement.propose statement's id; `ref` is where it sits in the log. */
  readonly id: string;
  readonly ref: LogRef;
  /** SHA-256 (hex) of the JCS of the agreement.propose body: what every signature covers. */
  readonly hash: string;
  /** Each signature: who, for which side, and its log position (`ref.index`, `ref.at`). */
  readonly signatures: readonly AgreementSignature[];
  /** Who must still sign for the version to enter into force. */
  readonly missing: { readonly parties: readonly string[]; readonly mediators: number };
  /**
   * proposed: not yet signed by every party and the mediators' quorum; in_force: the version in force;
   * superseded: a later version entered into force (whether or not this one ever did).
   */
  readonly state: 'proposed' | 'in_force' | 'superseded';
  /** The signature that completed this version, if it did. */
  readonly inForceFrom: LogRef | null;
  readonly supersededBy: number | null;
}

export interface AgreementView {
  readonly agreement: string | null;
  readonly inForce: { readonly version: number; readonly hash: string; readonly since: LogRef } | null;
  /** Whether the ceasefire stands on `asOf`, and the dated, signed status change that says so. */
  readonly ceasefire: { readonly asOf: string; readonly stands: boolean; readonly state: CeasefireState; readonly expires: string | null; readonly change: StatusChangeRecord | null };
  /** Every status change in log order (effective dates never go backwards). */
  readonly history: readonly StatusChangeRecord[];
  /** Every version, oldest first. */
  readonly versions: readonly AgreementVersionView[];
  /** Every term, with its basis and periods in force for each party bound. */
  readonly terms: readonly Term[];
  /** The rules in force (mediators, quorum, reply period, witnesses) and the version they come from. */
  readonly rules: MechanismRules;
  /** Status changes proposed by a mediator and still short of the quorum: proposals, not the status. */
  readonly pending: readonly StatusChangeRecord[];
  /** The parties' own declarations about the ceasefire: each that party's claim. */
  readonly claims: readonly StatusClaim[];
  /** Term records still short of the mediators' quorum. */
  readonly pendingTerms: readonly TermRecord[];
}

function versionView(v: AgreementVersion, current: AgreementVersion | undefined): AgreementVersionView {
  const signedSides = new Set(v.signatures.filter((s) => s.role === 'party').map((s) => s.side));
  const mediators = v.signatures.filter((s) => s.role === 'mediator').length;
  const later = current && current.content.version > v.content.version ? current.content.version : null;
  return {
    ...v.content,
    id: v.id,
    ref: v.ref,
    hash: v.hash,
    signatures: [...v.signatures],
    missing: { parties: v.content.parties.filter((p) => !signedSides.has(p)), mediators: Math.max(0, v.content.quorum - mediators) },
    state: later !== null ? 'superseded' : v === current ? 'in_force' : 'proposed',
    inForceFrom: v.inForce,
    supersededBy: later,
  };
}

/**
 * GET /v1/agreement: every version with its hash, clauses, penalty schedule and signatures (who, when, log index),
 * the version in force, the ceasefire's standing on `asOf` and the full status history.
 *
 * ```json
 * { "agreement": "doha-istanbul-ceasefire",
 *   "inForce": { "version": 1, "hash": "<hex>", "since": { "index": 12, "id": "<hex>", "at": "...", "by": "tr" } },
 *   "ceasefire": { "asOf": "2025-11-10T00:00:00Z", "stands": true, "state": "extended", "expires": null,
 *                  "change": { "status": "extended", "effective": "...", "expires": null, "reason": "...", "ref": {...}, ... } },
 *   "history": [ { "id", "ref", "agreement", "status", "effective", "expires", "reason", "meeting" } ],
 *   "versions": [ { "agreement", "version", "title", "preamble", "parties", "mediators", "quorum", "replyDeadlineHours",
 *                   "clauses": [{ "id", "text", "bound", "kind", "indicator", "deadline"? }], "penalties": { "minor"?, "serious"?, "grave"? },
 *                   "id", "ref", "hash", "signatures": [{ "member", "role", "side", "ref" }],
 *                   "missing": { "parties": [], "mediators": 0 }, "state": "in_force", "inForceFrom": {...}, "supersededBy": null } ] }
 * ```
 * @example agreementView(state, '2025-11-07T12:00:00Z').ceasefire.stands // true
 */
export function agreementView(state: MechanismState, asOf: string): AgreementView {
  const versions = agreementVersions(state);
  const current = versionInForce(state);
  const on = ceasefireOn(state, asOf);
  return {
    agreement: versions[0]?.content.agreement ?? null,
    inForce: current?.inForce ? { version: current.content.version, hash: current.hash, since: current.inForce } : null,
    ceasefire: { asOf, stands: on.stands, state: on.state, expires: on.expires, change: on.change },
    history: statusHistory(state),
    versions: versions.map((v) => versionView(v, current)),
    terms: listTerms(state),
    rules: mechanismRules(state),
    pending: pendingStatus(state),
    claims: statusClaims(state),
    pendingTerms: listTermRecords(state).filter((r) => r.recorded === null),
  };
}
