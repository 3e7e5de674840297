import { z } from 'zod';
import { memberIdSchema } from '../statement.js';
import { clauseSchema } from './agreement-schema.js';
import { line, ms, recordId, sha256Hex, side, slug, text, uniqueList, utcTime } from './fields.js';

/**
 * How a party came to be bound by a term other than by signing a written text:
 *   verbal           an undertaking given orally (e.g. at talks), recorded by the mediators
 *   declaration      a unilateral declaration of the party
 *   joint_statement  a joint statement of a meeting, binding each side whose delegation signed it
 */
export const RECORDED_BASES = ['verbal', 'declaration', 'joint_statement'] as const;
export type RecordedBasis = (typeof RECORDED_BASES)[number];

/** All the bases of design.md's "Terms": a signed written text version, or one of the recorded ones. */
export type BasisKind = 'signed_text' | RecordedBasis;

/**
 * term.record: the mediators record a term that binds the named sides on a basis other than a signed text. One
 * mediator records it and the others concur (record.concur) up to the quorum of the rules in force; a party may
 * record its own unilateral declaration, binding itself alone, with no quorum.
 */
export const termRecordBody = z
  .object({
    term: clauseSchema,
    basis: z
      .object({
        kind: z.enum(RECORDED_BASES),
        /** The sides this basis binds (each must be bound by the term). */
        sides: uniqueList(side, 'sides', 20).min(1),
        /** Who gave the undertaking or made the declaration, as the recorder names them (e.g. "the Afghan delegation"). */
        given_by: line(300),
        given_at: utcTime,
        /** The members before whom it was given (e.g. the mediators at the talks). */
        before: uniqueList(memberIdSchema, 'before', 20),
        /** The meeting where it was given, and for a joint statement the meeting whose statement it is. */
        meeting: recordId.optional(),
        note: text(5000).optional(),
      })
      .strict(),
    /** When the term took effect for those sides; may precede the record (the mediators record after the fact). */
    from: utcTime,
    until: utcTime.optional(),
    /** The ceasefire (agreement.status `agreement`) the term belongs to: in force only while that ceasefire stands. */
    ceasefire: slug.optional(),
  })
  .strict()
  .superRefine((b, ctx) => {
    for (const s of b.basis.sides) {
      if (!b.term.bound.includes(s)) ctx.addIssue({ code: 'custom', path: ['basis', 'sides'], message: `the basis names ${s}, which term ${b.term.id} does not bind` });
    }
    if (b.until !== undefined && ms(b.until) <= ms(b.from)) ctx.addIssue({ code: 'custom', path: ['until'], message: 'until must be after from' });
    if (b.basis.kind === 'joint_statement' && b.basis.meeting === undefined) ctx.addIssue({ code: 'custom', path: ['basis', 'meeting'], message: 'a joint statement basis names its meeting' });
  });
export type TermRecordContent = z.infer<typeof termRecordBody>;

/** term.acknowledge: a party acknowledges a term recorded about it (e.g. a verbal undertaking), over the record's hash. */
export const termAcknowledgeBody = z.object({ record: recordId, hash: sha256Hex, note: text(5000).optional() }).strict();

/** record.concur: a mediator concurs with a proposal that needs the mediators' quorum (term.record, agreement.status). */
export const recordConcurBody = z.object({ record: recordId, hash: sha256Hex }).strict();
