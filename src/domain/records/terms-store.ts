import { defineHandler } from '../handler.js';
import { ok, refuse, type Refusal } from '../errors.js';
import { collection, type LogRef, type MechanismState } from '../state.js';
import type { Clause } from './agreement-schema.js';
import { agreementVersions } from './agreement.js';
import { mechanismRules, rulesSnapshot, type RulesSnapshot } from './agreement-rules.js';
import { contentHash } from './fields.js';
import { getMeeting } from './meetings.js';
import { termAcknowledgeBody, termRecordBody, type TermRecordContent } from './term-schema.js';

export * from './term-schema.js';

/** A term recorded by the mediators (or a party's own declaration): pending until the mediators' quorum concurs. */
export interface TermRecord {
  readonly id: string;
  readonly ref: LogRef;
  /** SHA-256 of the JCS of the term.record body: what record.concur and term.acknowledge cover. */
  readonly hash: string;
  readonly content: TermRecordContent;
  readonly rules: RulesSnapshot;
  readonly signatures: { readonly member: string; readonly ref: LogRef }[];
  /** The signature that made it count (the quorum's last, or the declaring party's own); null while pending. */
  recorded: LogRef | null;
  /** Acknowledgements by the bound parties, each over the record's hash. */
  readonly acknowledgements: { readonly side: string; readonly member: string; readonly note: string | null; readonly ref: LogRef }[];
}

export const TERM_RECORDS = 'term-records';

export function getTermRecord(state: MechanismState, id: string): TermRecord | undefined {
  return collection<TermRecord>(state, TERM_RECORDS).get(id);
}

/** Every term record, pending ones included, in log order. */
export function listTermRecords(state: MechanismState): TermRecord[] {
  return [...collection<TermRecord>(state, TERM_RECORDS).values()].sort((a, b) => a.ref.index - b.ref.index);
}

const sameWording = (a: Clause, b: Clause) => a.text === b.text && a.kind === b.kind;

/** A term id names one term: a record must keep the wording any earlier record or written text gave it. */
export function wordingConflict(state: MechanismState, term: Clause, written: boolean): Refusal | null {
  for (const r of listTermRecords(state)) {
    if (r.content.term.id === term.id && !sameWording(r.content.term, term)) {
      return refuse('invalid_state', `term ${term.id} was recorded (${r.id}) with other wording or kind; give a new term its own id`);
    }
  }
  // Written versions may reword their own clauses (that is what an amendment is); a record may not.
  if (!written) {
    for (const v of agreementVersions(state)) {
      const c = v.content.clauses.find((x) => x.id === term.id);
      if (c && !sameWording(c, term)) return refuse('invalid_state', `term ${term.id} is worded otherwise in ${v.content.agreement} version ${v.content.version}; give a new term its own id`);
    }
  }
  return null;
}

function checkRecord(state: MechanismState, b: TermRecordContent): Refusal | null {
  const sides = new Set([...state.members.values()].filter((m) => m.role === 'party' && m.side).map((m) => m.side));
  for (const s of b.term.bound) if (!sides.has(s)) return refuse('invalid_state', `term ${b.term.id} binds ${s}, which is not the side of any admitted party`);
  for (const m of b.basis.before) if (!state.members.has(m)) return refuse('not_found', `${m} (before whom) is not an admitted member`);
  if (b.basis.meeting !== undefined) {
    const meeting = getMeeting(state, b.basis.meeting);
    if (!meeting) return refuse('not_found', `no meeting ${b.basis.meeting} was recorded`);
    if (b.basis.kind === 'joint_statement' && !meeting.content.joint) return refuse('invalid_state', `meeting ${b.basis.meeting} recorded no joint statement`);
  }
  return wordingConflict(state, b.term, false);
}

export const recordTerm = defineHandler('term.record', termRecordBody, (state, body, ctx) => {
  const { signer } = ctx;
  const rules = mechanismRules(state);
  if (signer.role === 'party') {
    // A party binds itself alone, by its own declaration; it never records a term for another.
    const own = signer.side ?? signer.id;
    if (body.basis.kind !== 'declaration') return refuse('forbidden', 'a party records only its own unilateral declaration; verbal undertakings and joint statements are recorded by the mediators');
    if (body.term.bound.some((s) => s !== own) || body.basis.sides.some((s) => s !== own)) return refuse('forbidden', `a declaration of ${own} binds ${own} alone`);
  } else if (!rules.mediators.includes(signer.id)) {
    return refuse('forbidden', `${signer.id} is not a mediator under the rules in force (${rules.mediators.join(', ') || 'none'})`);
  }
  const bad = checkRecord(state, body);
  if (bad) return bad;
  const immediate = signer.role === 'party' || rules.quorum <= 1;
  const record: TermRecord = {
    id: ctx.ref.id,
    ref: ctx.ref,
    hash: contentHash(ctx.statement.body),
    content: body,
    rules: rulesSnapshot(rules),
    signatures: [{ member: signer.id, ref: ctx.ref }],
    recorded: immediate ? ctx.ref : null,
    acknowledgements: [],
  };
  collection<TermRecord>(state, TERM_RECORDS).set(record.id, record);
  return ok([{ kind: 'agreement', id: body.term.id }]);
});

/** A mediator's concurrence with a pending term record (record.concur). */
export function concurTerm(state: MechanismState, record: TermRecord, member: string, ref: LogRef): Refusal | null {
  if (record.recorded) return refuse('invalid_state', `term record ${record.id} already counts (log index ${record.recorded.index})`);
  if (!record.rules.mediators.includes(member)) return refuse('forbidden', `${member} is not one of the mediators the term was recorded under`);
  if (record.signatures.some((s) => s.member === member)) return refuse('invalid_state', `${member} already signed term record ${record.id}`);
  const bad = wordingConflict(state, record.content.term, false);
  if (bad) return bad;
  record.signatures.push({ member, ref });
  if (record.signatures.length >= record.rules.quorum) record.recorded = ref;
  return null;
}

export const acknowledgeTerm = defineHandler('term.acknowledge', termAcknowledgeBody, (state, body, ctx) => {
  const record = getTermRecord(state, body.record);
  if (!record) return refuse('not_found', `no term record ${body.record}`);
  if (body.hash !== record.hash) return refuse('invalid_state', `the signed hash is not the record's hash (${record.hash}); an acknowledgement covers the exact record`);
  const side = ctx.signer.side;
  if (ctx.signer.role !== 'party' || !side || !record.content.basis.sides.includes(side)) {
    return refuse('forbidden', `only a party the record binds (${record.content.basis.sides.join(', ')}) acknowledges it`);
  }
  if (record.acknowledgements.some((a) => a.side === side)) return refuse('invalid_state', `${side} already acknowledged term record ${record.id}`);
  record.acknowledgements.push({ side, member: ctx.signer.id, note: body.note ?? null, ref: ctx.ref });
  return ok([{ kind: 'agreement', id: record.content.term.id }]);
});
