import { z } from 'zod';
import { defineHandler } from '../handler.js';
import { type Result, ok, refuse } from '../errors.js';
import type { LogRef, MechanismState } from '../state.js';
import type { Statement } from '../statement.js';
import { collection } from '../state.js';
import { type SealedField, encryptionKey, fieldPointer, sealCommitment, sealedSchema } from '../seal/sealed.js';

/** A member's encryption key for sealed fields (X25519), registered beside its signing keys; the latest one counts. */
export interface EncryptionKeyRecord {
  readonly member: string;
  readonly key: string;
  readonly added: LogRef;
}

/** One sealed field of one statement, and its release once the mediators' quorum agreed. */
export interface SealRecord {
  readonly statement: string; // id of the statement that carries it
  /** The report the statement belongs to (filed, amended or replied to), so its incident view shows the field. */
  readonly report: string | null;
  readonly sealed: SealedField;
  readonly ref: LogRef;
  readonly approvals: LogRef[];
  released: { readonly value: unknown; readonly salt: string; readonly ref: LogRef } | null;
}

export const encryptionKeys = (state: MechanismState) => collection<EncryptionKeyRecord>(state, 'enckeys');
export const seals = (state: MechanismState) => collection<SealRecord>(state, 'seals');
const sealKey = (statement: string, field: string): string => `${statement}${field}`;
/** A report's sealed fields (report id -> seal keys): its incident row lists them after every batch that touches it. */
const sealsByReport = (state: MechanismState) => collection<readonly string[]>(state, 'seals-by-report');

/** The sealed fields a statement carries, in the order it gave them. */
export function sealsOf(state: MechanismState, statement: string): SealRecord[] {
  return [...seals(state).values()].filter((s) => s.statement === statement);
}

/**
 * enckey.add: a member registers the X25519 key others seal fields to. Any member may (everyone can be a recipient);
 * only for itself, since it signs with its own key.
 */
export const addEncryptionKey = defineHandler('enckey.add', z.object({ key: encryptionKey }).strict(), (state, body, ctx) => {
  const keys = encryptionKeys(state);
  if ([...keys.values()].some((k) => k.key === body.key)) return refuse('invalid_state', 'that encryption key is already registered');
  keys.set(ctx.signer.id, { member: ctx.signer.id, key: body.key, added: ctx.ref });
  return ok([{ kind: 'member', id: ctx.signer.id }]);
});

/**
 * Check a statement's `sealed` blocks before the statement is applied: each recipient is a member whose registered
 * encryption key is the one sealed to (so a recipient can always open what names it). Nothing changes here.
 */
export function checkSealed(state: MechanismState, raw: unknown): Result<readonly SealedField[]> {
  const parsed = sealedSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return refuse('bad_request', `sealed is invalid at ${issue?.path.join('.') || '(root)'}: ${issue?.message}`);
  }
  for (const field of parsed.data) {
    for (const r of field.to) {
      const registered = encryptionKeys(state).get(r.member);
      if (!registered) return refuse('invalid_state', `${field.field} is sealed to ${r.member}, who has registered no encryption key (enckey.add)`);
      if (registered.key !== r.key) return refuse('invalid_state', `${field.field} is sealed to a key that is not ${r.member}'s current encryption key`);
    }
  }
  return ok(parsed.data);
}

/** Keep the sealed fields of an accepted statement. */
export function recordSealed(state: MechanismState, fields: readonly SealedField[], statement: Statement, ref: LogRef): void {
  const report = REPORT_CREATING.has(statement.type) ? ref.id : typeof statement.body.report === 'string' ? statement.body.report : null;
  for (const sealed of fields) {
    const key = sealKey(ref.id, sealed.field);
    seals(state).set(key, { statement: ref.id, report, sealed, ref, approvals: [], released: null });
    const listed = report === null ? [] : (sealsByReport(state).get(report) ?? []);
    if (report !== null && !listed.includes(key)) sealsByReport(state).set(report, [...listed, key]);
  }
}

/** The types whose statement id is the id of the report they create. */
const REPORT_CREATING = new Set<string>(['report.file', 'candidate.promote']);

/** Every sealed field of a report's statements (filing, amendments, replies), in log order. */
export function sealsOfReport(state: MechanismState, report: string): SealRecord[] {
  const keys = sealsByReport(state).get(report) ?? [];
  return keys.flatMap((key) => seals(state).get(key) ?? []).sort((a, b) => a.ref.index - b.ref.index);
}

/**
 * How many mediators must sign a release before a sealed field becomes public: a majority of the mediators. One
 * function, so the agreement's terms can set it later.
 */
export function releaseQuorum(state: MechanismState): number {
  const mediators = [...state.members.values()].filter((m) => m.role === 'mediator').length;
  return Math.floor(mediators / 2) + 1;
}

const releaseBody = z
  .object({
    statement: z.string().regex(/^[0-9a-f]{64}$/, 'statement is the 64-hex id of the statement carrying the sealed field'),
    field: fieldPointer,
    /** Only in the release that reaches the quorum: the value and salt, checked against the commitment. */
    salt: z.string().min(1).max(64).optional(),
    value: z.unknown().optional(),
  })
  .strict();

/**
 * seal.release: a mediator agrees that a sealed field be made public. Until the quorum agrees, releases carry no
 * value (the value in a log entry is public at once); the release that completes the quorum carries the value and
 * salt, and is accepted only if they match the commitment logged with the field.
 */
export const releaseSeal = defineHandler('seal.release', releaseBody, (state, body, ctx) => {
  const record = seals(state).get(sealKey(body.statement, body.field));
  if (!record) return refuse('not_found', `statement ${body.statement} has no sealed field ${body.field}`);
  if (record.released) return refuse('invalid_state', `${body.field} was already released at log index ${record.released.ref.index}`);
  if (record.approvals.some((a) => a.by === ctx.signer.id)) return refuse('invalid_state', `${ctx.signer.id} already agreed to release ${body.field}`);
  const quorum = releaseQuorum(state);
  const reaches = record.approvals.length + 1 >= quorum;
  const carries = body.salt !== undefined || body.value !== undefined;
  if (carries && !reaches) return refuse('invalid_state', `only the release that completes the quorum (${quorum} mediators) carries the value; ${record.approvals.length} agreed so far`);
  if (!carries && reaches) return refuse('bad_request', `this release completes the quorum: it must carry the value and salt`);
  if (carries) {
    if (body.salt === undefined || body.value === undefined) return refuse('bad_request', 'a release carries both the value and its salt');
    if (sealCommitment(body.field, body.salt, body.value) !== record.sealed.commit) {
      return refuse('invalid_state', `the released value does not match the commitment logged at index ${record.ref.index}`);
    }
    record.released = { value: body.value, salt: body.salt, ref: ctx.ref };
  }
  record.approvals.push(ctx.ref);
  return ok(record.report ? [{ kind: 'incident', id: record.report }] : []);
});
