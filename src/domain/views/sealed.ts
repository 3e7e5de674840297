import type { LogRef, MechanismState } from '../state.js';
import { releaseQuorum, sealsOfReport } from '../records/seals.js';
import type { SealedField } from '../seal/sealed.js';

/**
 * A sealed field as every reader sees it: who may read it, the ciphertexts (public, as in the log) and the
 * commitment; the value only once the mediators' quorum released it. Nothing here is secret: the plaintext is never
 * in the log until released, so no surface (API, tiles, exports) can show it.
 */
export interface SealedInView {
  readonly statement: string;
  readonly field: string;
  readonly sealedBy: string;
  readonly recipients: readonly string[];
  readonly commit: string;
  readonly sealed: SealedField;
  readonly ref: LogRef;
  readonly release: {
    readonly quorum: number;
    readonly approvals: readonly string[];
    readonly released: { readonly value: unknown; readonly salt: string; readonly ref: LogRef } | null;
  };
}

const pos = (ref: LogRef): LogRef => ({ index: ref.index, id: ref.id, at: ref.at, by: ref.by });

/** @example sealedView(state, reportId)[0]?.recipients // ['qa', 'tr'] */
export function sealedView(state: MechanismState, report: string): SealedInView[] {
  const quorum = releaseQuorum(state);
  return sealsOfReport(state, report).map((s) => ({
    statement: s.statement,
    field: s.sealed.field,
    sealedBy: s.ref.by,
    recipients: s.sealed.to.map((t) => t.member),
    commit: s.sealed.commit,
    sealed: s.sealed,
    ref: pos(s.ref),
    release: {
      quorum,
      approvals: s.approvals.map((a) => a.by),
      released: s.released ? { value: s.released.value, salt: s.released.salt, ref: pos(s.released.ref) } : null,
    },
  }));
}
