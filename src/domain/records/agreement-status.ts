import { defineHandler } from '../handler.js';
import { ok, refuse, type Refusal } from '../errors.js';
import { collection, type LogRef, type MechanismState } from '../state.js';
import { agreementStatusBody, type AgreementStatusBody, type StatusChange } from './agreement-schema.js';
import { agreementVersions } from './agreement.js';
import { mechanismRules, rulesSnapshot, type RulesSnapshot } from './agreement-rules.js';
import { contentHash, ms } from './fields.js';
import { getMeeting } from './meetings.js';
import { TERM_RECORDS, type TermRecord } from './terms-store.js';

/**
 * One dated change of the ceasefire's standing. A mediator proposes it; it counts once the mediators' quorum of the
 * rules in force concurred (record.concur). A party's own agreement.status is kept apart, as that party's claim.
 */
export interface StatusChangeRecord {
  readonly id: string;
  readonly ref: LogRef;
  /** SHA-256 of the JCS of the agreement.status body: what record.concur covers. */
  readonly hash: string;
  /** The body as signed, so a concurring mediator recomputes the hash from what it reads. */
  readonly body: AgreementStatusBody;
  readonly agreement: string;
  readonly status: StatusChange;
  readonly effective: string;
  /** The expiry in effect after this change; null is open-ended or not applicable (suspended, ended). */
  readonly expires: string | null;
  readonly reason: string;
  readonly meeting: string | null;
  /** The rules it was proposed under: whose concurrence counts, and how many. */
  readonly rules: RulesSnapshot;
  readonly signatures: { readonly member: string; readonly ref: LogRef }[];
  /** The concurrence that completed the quorum; null while pending. */
  decided: LogRef | null;
}

/** A party's own declaration about the ceasefire: shown as that party's claim, never as the ceasefire's status. */
export interface StatusClaim {
  readonly id: string;
  readonly ref: LogRef;
  readonly side: string;
  readonly agreement: string;
  readonly status: StatusChange;
  readonly effective: string;
  readonly reason: string;
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
export const STATUS_CLAIMS = 'status-claims';
const ACTIVE: ReadonlySet<CeasefireState> = new Set(['in_force', 'extended', 'resumed']);

/** Every change the mediators' quorum decided, in the order decided (effective dates never go backwards). */
export function statusHistory(state: MechanismState): StatusChangeRecord[] {
  return [...collection<StatusChangeRecord>(state, AGREEMENT_STATUS).values()]
    .filter((c) => c.decided !== null)
    .sort((a, b) => (a.decided?.index ?? 0) - (b.decided?.index ?? 0));
}

/** Proposed changes still short of the quorum. */
export function pendingStatus(state: MechanismState): StatusChangeRecord[] {
  return [...collection<StatusChangeRecord>(state, AGREEMENT_STATUS).values()].filter((c) => c.decided === null).sort((a, b) => a.ref.index - b.ref.index);
}

/** The parties' own declarations about the ceasefire, in log order. */
export function statusClaims(state: MechanismState): StatusClaim[] {
  return [...collection<StatusClaim>(state, STATUS_CLAIMS).values()].sort((a, b) => a.ref.index - b.ref.index);
}

/**
 * The intervals over which the ceasefire stood, from the decided history: [from, until) in ms, until null = still
 * standing as far as the record goes.
 */
export function standingIntervals(state: MechanismState): { from: number; until: number | null }[] {
  const out: { from: number; until: number | null }[] = [];
  const history = statusHistory(state);
  history.forEach((c, i) => {
    if (!ACTIVE.has(c.status)) return;
    const next = history[i + 1];
    const ends = [next ? ms(next.effective) : null, c.expires !== null ? ms(c.expires) : null].filter((x): x is number => x !== null);
    const until = ends.length ? Math.min(...ends) : null;
    const last = out.at(-1);
    if (last && last.until === ms(c.effective)) last.until = until;
    else out.push({ from: ms(c.effective), until });
  });
  return out;
}

/**
 * Does the ceasefire stand on `date` (YYYY-MM-DD or RFC 3339), as the log records it so far?
 * @example ceasefireOn(state, '2025-11-07T12:00:00Z') // { stands: true, state: 'in_force', change: {...}, ... }
 */
export function ceasefireOn(state: MechanismState, date: string): CeasefireOn {
  const when = ms(date);
  const change = statusHistory(state).filter((c) => ms(c.effective) <= when).at(-1) ?? null;
  const anything = agreementVersions(state).length > 0 || collection(state, TERM_RECORDS).size > 0;
  if (!change) return { date, stands: false, state: anything ? 'proposed' : 'none', change: null, expires: null };
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

/** Whether the change can be decided on the history decided so far; the expiry it leaves in effect, or a refusal. */
function checkChange(state: MechanismState, body: { status: StatusChange; effective: string; expires?: string | null | undefined }): string | null | Refusal {
  const history = statusHistory(state);
  const last = history.at(-1);
  if (last && ms(body.effective) < ms(last.effective)) {
    return refuse('invalid_state', `status changes are recorded in order: the last took effect ${last.effective}, after ${body.effective}`);
  }
  const before = ceasefireOn(state, body.effective);
  if (!NEXT[before.state].includes(body.status)) {
    return refuse('invalid_state', `the ceasefire is ${before.state} on ${body.effective}: it cannot become ${body.status}`);
  }
  return resolveExpiry(before, body, history);
}

const isRefusal = (x: string | null | Refusal): x is Refusal => typeof x === 'object' && x !== null;

function knownCeasefire(state: MechanismState, agreement: string): boolean {
  if (agreementVersions(state).some((v) => v.content.agreement === agreement)) return true;
  return [...collection<TermRecord>(state, TERM_RECORDS).values()].some((r) => r.content.ceasefire === agreement);
}

export const recordStatus = defineHandler('agreement.status', agreementStatusBody, (state, body, ctx) => {
  if (!knownCeasefire(state, body.agreement)) return refuse('not_found', `no agreement or recorded term names the ceasefire ${body.agreement}`);
  if (body.meeting !== undefined && !getMeeting(state, body.meeting)) return refuse('not_found', `no meeting ${body.meeting} was recorded`);
  const { signer } = ctx;
  if (signer.role === 'party') {
    // A party speaks for itself: its declaration is kept as its claim and changes nothing of the recorded status.
    const claim: StatusClaim = { id: ctx.ref.id, ref: ctx.ref, side: signer.side ?? signer.id, agreement: body.agreement, status: body.status, effective: body.effective, reason: body.reason };
    collection<StatusClaim>(state, STATUS_CLAIMS).set(claim.id, claim);
    return ok([{ kind: 'agreement', id: body.agreement }]);
  }
  // Rights follow the rules IN FORCE (a version every party signed), never the latest proposal.
  const rules = mechanismRules(state);
  if (!rules.mediators.includes(signer.id)) return refuse('forbidden', `${signer.id} is not a mediator under the rules in force (${rules.mediators.join(', ') || 'none'})`);
  const pending = pendingStatus(state)[0];
  if (pending) return refuse('invalid_state', `the change to ${pending.status} proposed by ${pending.ref.by} (${pending.id}) awaits the mediators' concurrence; concur with it first`);
  const expires = checkChange(state, body);
  if (isRefusal(expires)) return expires;
  const record: StatusChangeRecord = {
    id: ctx.ref.id,
    ref: ctx.ref,
    hash: contentHash(ctx.statement.body),
    body,
    agreement: body.agreement,
    status: body.status,
    effective: body.effective,
    expires,
    reason: body.reason,
    meeting: body.meeting ?? null,
    rules: rulesSnapshot(rules),
    signatures: [{ member: signer.id, ref: ctx.ref }],
    decided: rules.quorum <= 1 ? ctx.ref : null,
  };
  collection<StatusChangeRecord>(state, AGREEMENT_STATUS).set(ctx.ref.id, record);
  return ok([{ kind: 'agreement', id: body.agreement }]);
});

/** A mediator's concurrence with a proposed status change (record.concur); decides it at the quorum. */
export function concurStatus(state: MechanismState, record: StatusChangeRecord, member: string, ref: LogRef): Refusal | null {
  if (record.decided) return refuse('invalid_state', `the change to ${record.status} was already decided at log index ${record.decided.index}`);
  if (!record.rules.mediators.includes(member)) return refuse('forbidden', `${member} is not one of the mediators the change was proposed under`);
  if (record.signatures.some((s) => s.member === member)) return refuse('invalid_state', `${member} already signed the change to ${record.status}`);
  const expires = checkChange(state, record);
  if (isRefusal(expires)) return expires;
  record.signatures.push({ member, ref });
  if (record.signatures.length >= record.rules.quorum) record.decided = ref;
  return null;
}
