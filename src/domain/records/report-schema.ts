import { z } from 'zod';
import { ACTOR_ROLES, ACTOR_TYPES, MAX_SPAN_MS, TIME_PRECISIONS, casualties, isKnownEvent } from '../taxonomy.js';
import { dateOrOffsetTime, line, offsetTime, recordId, sha256Hex, side, slug, text, uniqueList } from './fields.js';

// The body of report.file, and the parts of amend and reply. Every field is attacker-controlled (any party or monitor
// may file), so every string and list is bounded; the statement as a whole is at most 64 KiB anyway.

const localTime = offsetTime;

type When = { start: string; end: string; precision: (typeof TIME_PRECISIONS)[number] };

/** The span rule of a precision: an incident's interval is no longer than its precision allows. */
function checkSpan(w: When, ctx: z.core.$RefinementCtx, path: (string | number)[], continuing: boolean): void {
  const span = Date.parse(w.end) - Date.parse(w.start);
  if (span < 0) ctx.addIssue({ code: 'custom', path: [...path, 'end'], message: 'end is before start' });
  else if (!continuing && span > MAX_SPAN_MS[w.precision]) {
    ctx.addIssue({ code: 'custom', path: [...path, 'end'], message: `an interval of precision ${w.precision} spans at most ${MAX_SPAN_MS[w.precision] / 3_600_000} hours (a continuing situation says so in "continuing")` });
  }
}

const whenShape = z.object({ start: localTime, end: localTime, precision: z.enum(TIME_PRECISIONS) }).strict();

/** When: a half-open interval [start, end) with a precision (see time.ts for the intervals each precision means). */
export const whenSchema = whenShape.superRefine((w, ctx) => checkSpan(w, ctx, [], false));

/** Where: a point (optional: some reports name only a region), the place, admin areas, country, ACLED geo_precision. */
export const whereSchema = z
  .object({
    lat: z.number().min(-90).max(90).optional(),
    lon: z.number().min(-180).max(180).optional(),
    place: line(200),
    admin1: line(200).optional(),
    admin2: line(200).optional(),
    admin3: line(200).optional(),
    country: line(100),
    /** ISO 3166-1 numeric country code (ACLED's `iso`), when the filer knows it. */
    iso: z.int().min(0).max(999).optional(),
    geo_precision: z.union([z.literal(1), z.literal(2), z.literal(3)]),
  })
  .strict()
  .refine((w) => (w.lat === undefined) === (w.lon === undefined), 'give both lat and lon, or neither');

export const actorSchema = z
  .object({
    name: line(200),
    /** The side of the conflict the actor belongs to (a party's side, e.g. "pk"), or null (an armed group, civilians). */
    side: side.nullable(),
    role: z.enum(ACTOR_ROLES),
    /** ACLED's actor type (inter1/inter2), when known. */
    actor_type: z.enum(ACTOR_TYPES).optional(),
  })
  .strict();

export const SOURCE_KINDS = ['witness', 'document', 'media', 'official', 'open_source'] as const;
export const sourceSchema = z
  .object({
    kind: z.enum(SOURCE_KINDS),
    title: line(500),
    /** Who published it (a newspaper, a ministry), for ACLED's `source` column. */
    publisher: line(200).optional(),
    url: z.url({ protocol: /^https?$/ }).max(2000).optional(),
    published: dateOrOffsetTime.optional(),
  })
  .strict();

/**
 * A continuing situation (e.g. an armed group's presence on a party's soil since a date): `when` then runs from the
 * start of the situation to the last time it was observed, with no limit on its length; `ongoing` says whether it
 * still continued when last reviewed.
 */
export const continuingSchema = z.object({ ongoing: z.boolean(), reviewed: localTime.optional() }).strict();

/** Who claims a value: a party's side (null for others) and the claimant's name, e.g. { side: 'pk', name: 'ISPR' }. */
const claimantSchema = z.object({ name: line(200), side: side.nullable() }).strict();
const claim = { claimant: claimantSchema, source: line(500).optional() };

/** One claimant's value of a contested field, kept beside the others' (never one chosen over another). */
export const contestedSchema = z.discriminatedUnion('field', [
  z.object({ field: z.literal('when'), ...claim, when: whenShape }).strict(),
  z.object({ field: z.literal('casualties'), ...claim, of_side: side.nullable(), casualties }).strict(),
  z.object({ field: z.literal('first_fire'), ...claim, side: side.nullable() }).strict(),
  z.object({ field: z.literal('civilian_status'), ...claim, text: line(1000) }).strict(),
  z.object({ field: z.literal('other'), ...claim, text: line(1000) }).strict(),
]);
export type Contested = z.infer<typeof contestedSchema>;

const reportFields = {
  when: whenShape,
  continuing: continuingSchema.optional(),
  /** Where it happened; for fire across a border, the point of impact. */
  where: whereSchema,
  /** For fire across a border: where it came from, with its own precision. */
  origin: whereSchema.optional(),
  event_type: line(100),
  sub_event_type: line(100),
  actors: z.array(actorSchema).max(50),
  casualties: casualties.optional(),
  /** The free-text account, in the filer's words (design.md's body.narrative). */
  narrative: text(20000),
  sources: z.array(sourceSchema).max(100),
  /** Ids of the terms allegedly broken: each must exist and be in force for the accused at the incident's time. */
  clauses: uniqueList(slug, 'clauses', 50),
  /** The sides alleged responsible; empty when the filer does not attribute the incident. */
  accused: uniqueList(side, 'accused sides', 10),
  /** Registered evidence (SHA-256) the report cites. */
  evidence: uniqueList(sha256Hex, 'evidence', 100).optional(),
  /** Values the claimants disagree on (date, toll per side, civilian or combatant, who fired first), each attributed. */
  contested: z.array(contestedSchema).max(100).optional(),
  /** The patrol plan (patrol.plan) of the joint team that made the report: only its members co-sign it. */
  patrol: recordId.optional(),
};

const knownEvent = (b: { event_type: string; sub_event_type: string }) => isKnownEvent(b.event_type, b.sub_event_type);
const unknownEvent = { message: 'event_type/sub_event_type is not in the taxonomy (ACLED 2024 or the mechanism\'s own; see taxonomy.ts)', path: ['sub_event_type'] };

export const reportFileBody = z
  .object(reportFields)
  .strict()
  .refine(knownEvent, unknownEvent)
  .superRefine((b, ctx) => {
    checkSpan(b.when, ctx, ['when'], b.continuing !== undefined);
    (b.contested ?? []).forEach((c, i) => {
      if (c.field === 'when') checkSpan(c.when, ctx, ['contested', i, 'when'], b.continuing !== undefined);
    });
  });
export type ReportBody = z.infer<typeof reportFileBody>;

/**
 * report.amend: the filer's changes, field by field (each given field replaces the old one whole); the merged body is
 * checked as a report.file body. Every version is kept with its log ref.
 */
export const reportAmendBody = z
  .object({ report: recordId, changes: z.object(reportFields).partial().strict(), reason: text(5000).optional() })
  .strict()
  .refine((b) => Object.keys(b.changes).length > 0, { message: 'an amendment changes at least one field', path: ['changes'] });

export const STANCES = ['denies', 'admits', 'disputes_facts', 'disputes_attribution', 'other'] as const;
export type Stance = (typeof STANCES)[number];

/** report.reply: the accused party's answer, kept beside the report, never over it. */
export const reportReplyBody = z
  .object({ report: recordId, stance: z.enum(STANCES), text: text(20000), evidence: uniqueList(sha256Hex, 'evidence', 100).optional() })
  .strict();

export { knownEvent, unknownEvent };
