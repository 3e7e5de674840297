import { defineHandler } from '../handler.js';
import { ok, refuse, type Refusal } from '../errors.js';
import { collection, type LogRef, type MechanismState } from '../state.js';
import { agreementStatusBody, type StatusChange } from './agreement-schema.js';
import { agreementVersions } from './agreement.js';
import { ms } from './fields.js';
import { getMeeting } from './meetings.js';

/** One dated change of the ceasefire's standing, as a mediator recorded it. */
export interface StatusChangeRecord {
  readonly id: string;
  readonly ref: LogRef;
  readonly agreement: string;
  readonly status: StatusChange;
  readonly effective: string;
  /** The expiry in effect after this change; null is open-ended or not applicable (suspended, ended). */
  readonly expires: string | null;
  readonly reason: string;
  readonly meeting: string | null;
}

/** "proposed": an agreement exists but never took effect; "lapsed": a temporary ceasefire passed its expiry. */
export type CeasefireState = 'none' | 'proposed' | StatusChange | 'lapsed';

export interface CeasefireOn {
  readonly date: string;
  readonly stands: boolean;
  readonly state: CeasefireState;
  /** The change that decides the answer (null before any), with its log position: the signed, dated basis. */
  readonly change: StatusChangeRecord | null;
  readonly expires: string | null;
}

export const AGREEMENT_STATUS = 'agreement-status';
const ACTIVE: ReadonlySet<CeasefireState> = new Set(['in_force', 'extended', 'resumed']);

/** Every recorded change, in log order (effective dates never go backwards, so also in effective order). */
export function statusHistory(state: MechanismState): StatusChangeRecord[] {
  return [...collection<StatusChangeRecord>(state, AGREEMENT_STATUS).values()].sort((a, b) => a.ref.index - b.ref.index);
}

/**
 * Does the ceasefire stand on `date` (YYYY-MM-DD or RFC 3339), as the log records it so far?
 * @example ceasefireOn(state, '2025-11-07T12:00:00Z') // { stands: true, state: 'in_force', change: {...}, ... }
 */
export function ceasefireOn(state: MechanismState, date: string): CeasefireOn {
  const when = ms(date);
  const change = statusHistory(state).filter((c) => ms(c.effective) <= when).at(-1) ?? null;
  if (!change) return { date, stands: false, state: agreementVersions(state).length > 0 ? 'proposed' : 'none', change: null, expires: null };
  const lapsed = ACTIVE.has(change.status) && change.expires !== null && ms(change.expires) <= when;
  const st: CeasefireState = lapsed ? 'lapsed' : change.status;
  return { date, stands: ACTIVE.has(st), state: st, change, expires: change.expires };
}

/** Which changes make sense from each state: e.g. nothing follows "ended", and only a suspended ceasefire resumes. */
const NEXT: Readonly<Record<CeasefireState, readonly StatusChange[]>> = {
  none: [],
  proposed: ['in_force'],
  in_force: ['extended', 'suspended', 'ended'],
  extended: ['extended', 'suspended', 'ended'],
  resumed: ['extended', 'suspended', 'ended'],
  lapsed: ['in_force', 'ended'],
  suspended: ['resumed', 'ended'],
  ended: [],
};

/** The expiry the change leaves in effect, or a refusal when the change makes no sense from `before`. */
function resolveExpiry(before: CeasefireOn, body: { status: StatusChange; expires?: string | null | undefined }, history: readonly StatusChangeRecord[]): string | null | Refusal {
  const { status, expires } = body;
  if (status === 'extended') {
    if (before.expires === null) return refuse('invalid_state', 'the ceasefire is open-ended: there is no expiry to extend');
    if (typeof expires === 'string' && ms(expires) <= ms(before.expires)) return refuse('invalid_state', `an extension must end after the current expiry ${before.expires}`);
    return expires ?? null;
  }
  if (status === 'resumed' && expires === undefined) {
    // A resumption keeps the expiry agreed before the suspension, unless it names another.
    const kept = history.findLast((c) => ACTIVE.has(c.status))?.expires ?? null;
    if (kept !== null && ms(kept) <= ms(before.date)) return refuse('invalid_state', `the ceasefire's expiry ${kept} has passed; resume it with a new expiry (or null for open-ended)`);
    return kept;
  }
  return expires ?? null;
}

export const recordStatus = defineHandler('agreement.status', agreementStatusBody, (state, body, ctx) => {
  const versions = agreementVersions(state).filter((v) => v.content.agreement === body.agreement);
  const latest = versions.at(-1);
  if (!latest) return refuse('not_found', `no agreement ${body.agreement} was proposed`);
  if (!latest.content.mediators.includes(ctx.signer.id)) return refuse('forbidden', `${ctx.signer.id} is not a mediator of ${body.agreement}`);
  if (body.meeting !== undefined && !getMeeting(state, body.meeting)) return refuse('not_found', `no meeting ${body.meeting} was recorded`);
  const history = statusHistory(state);
  const last = history.at(-1);
  if (last && ms(body.effective) < ms(last.effective)) {
    return refuse('invalid_state', `status changes are recorded in order: the last took effect ${last.effective}, after ${body.effective}`);
  }
  const before = ceasefireOn(state, body.effective);
  if (!NEXT[before.state].includes(body.status)) {
    return refuse('invalid_state', `the ceasefire is ${before.state} on ${body.effective}: it cannot become ${body.status}`);
  }
  const expires = resolveExpiry(before, body, history);
  if (typeof expires === 'object' && expires !== null) return expires;
  const record: StatusChangeRecord = {
    id: ctx.ref.id,
    ref: ctx.ref,
    agreement: body.agreement,
    status: body.status,
    effective: body.effective,
    expires,
    reason: body.reason,
    meeting: body.meeting ?? null,
  };
  collection<StatusChangeRecord>(state, AGREEMENT_STATUS).set(ctx.ref.id, record);
  return ok([{ kind: 'agreement', id: body.agreement }]);
});
