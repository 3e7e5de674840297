import { z } from 'zod';
import { memberIdSchema } from '../statement.js';
import { dateOrTime, line, recordId, sha256Hex, side, slug, text, uniqueList, utcTime } from './fields.js';

export const SEVERITIES = ['minor', 'serious', 'grave'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const CLAUSE_KINDS = ['prohibition', 'obligation', 'commitment'] as const;
export type ClauseKind = (typeof CLAUSE_KINDS)[number];

/** A measurable step of a commitment, due by its deadline, e.g. "list of persons handed to the mediators". */
export const benchmarkSchema = z.object({ id: slug, text: text(2000), deadline: dateOrTime, indicator: text(2000) }).strict();
export type Benchmark = z.infer<typeof benchmarkSchema>;

/** A measurable consequence of a penalty, e.g. { measure: "suspension of trade", amount: 30, unit: "days" }. */
export const consequenceSchema = z.object({ measure: line(200), amount: z.number().finite().nonnegative(), unit: line(50) }).strict();
export type Consequence = z.infer<typeof consequenceSchema>;

export const penaltySchema = z.object({ penalty: text(2000), consequence: consequenceSchema.optional() }).strict();
export type PenaltyTerms = z.infer<typeof penaltySchema>;

export const penaltyScheduleSchema = z
  .object({ minor: penaltySchema.optional(), serious: penaltySchema.optional(), grave: penaltySchema.optional() })
  .strict()
  .refine((s) => SEVERITIES.some((k) => s[k] !== undefined), 'the penalty schedule needs at least one severity');
export type PenaltySchedule = z.infer<typeof penaltyScheduleSchema>;

/**
 * A term (clause) as written: who it binds, what kind, how it is verified, and, for a commitment, its benchmarks with
 * deadlines. A term may carry its own penalty schedule; otherwise the schedule of the rules in force applies.
 */
export const clauseSchema = z
  .object({
    id: slug,
    text: text(5000),
    /** The sides the clause binds. */
    bound: uniqueList(side, 'bound sides', 20).min(1),
    kind: z.enum(CLAUSE_KINDS),
    /** How compliance is verified, e.g. "no strike reported by two independent sources and confirmed by the mediators". */
    indicator: text(2000),
    deadline: dateOrTime.optional(),
    benchmarks: z.array(benchmarkSchema).max(50).optional(),
    penalties: penaltyScheduleSchema.optional(),
  })
  .strict()
  .superRefine((c, ctx) => {
    if (c.benchmarks && c.kind !== 'commitment') ctx.addIssue({ code: 'custom', path: ['benchmarks'], message: 'only a commitment has benchmarks' });
    const ids = new Set<string>();
    (c.benchmarks ?? []).forEach((b, i) => {
      if (ids.has(b.id)) ctx.addIssue({ code: 'custom', path: ['benchmarks', i, 'id'], message: `benchmark id ${b.id} is repeated` });
      ids.add(b.id);
    });
  });
export type Clause = z.infer<typeof clauseSchema>;

/** The witnesses the parties name (member ids of parties and mediators) and how many cosignatures make a checkpoint witnessed. */
export const witnessRulesSchema = z
  .object({ members: uniqueList(memberIdSchema, 'witnesses', 20).min(1), quorum: z.number().int().min(1) })
  .strict()
  .refine((w) => w.quorum <= w.members.length, { message: 'the witness quorum is more than the witnesses named', path: ['quorum'] });
export type WitnessRules = z.infer<typeof witnessRulesSchema>;

/**
 * When a report reaches whom (docs/FIELD.md, "What is public when"): the mediators read every report at once; the
 * parties after `partiesAfterHours` from its signing (0: at once); the public, for the reports of the filers named in
 * `review` ("monitors": every monitor), only once the mediators' quorum reviewed it (report.review).
 */
export const publicationRulesSchema = z
  .object({
    review: z.union([z.literal('monitors'), uniqueList(memberIdSchema, 'reviewed filers', 100)]),
    partiesAfterHours: z.number().int().min(0).max(720),
  })
  .strict();
export type PublicationRules = z.infer<typeof publicationRulesSchema>;

/** agreement.propose: one immutable version; its hash is SHA-256 of the JCS of exactly this body. */
export const agreementProposeBody = z
  .object({
    agreement: slug,
    version: z.number().int().min(1).max(10000),
    /** For version 2 on: the hash of the version this one amends, so a proposer amends the text it has read. */
    amends: sha256Hex.optional(),
    title: line(300),
    preamble: text(20000),
    parties: uniqueList(side, 'parties', 20).min(2),
    mediators: uniqueList(memberIdSchema, 'mediators', 20).min(1),
    /** Mediator signatures needed for the version to enter into force and for a finding to become final. */
    quorum: z.number().int().min(1),
    /** Hours the accused party has to reply to a report. */
    replyDeadlineHours: z.number().int().min(1).max(8760),
    clauses: z.array(clauseSchema).min(1).max(200),
    /** The penalty schedule, if the text sets one (a term may also carry its own). */
    penalties: penaltyScheduleSchema.optional(),
    /** When the text's terms take effect for a party that signs it (may precede the signature); absent: at its signature. */
    effective: utcTime.optional(),
    /** The log's witnesses and their quorum: in effect only once every party signed this version. */
    witnesses: witnessRulesSchema.optional(),
    /** Staged publication of reports; absent: every report is public at once (the rule before the terms set one). */
    publication: publicationRulesSchema.optional(),
    /** How many hours after signing a statement may still reach the log (a report sent after days offline); absent: 72. */
    lateLimitHours: z.number().int().min(1).max(720).optional(),
  })
  .strict()
  .superRefine((b, ctx) => {
    if (b.quorum > b.mediators.length) ctx.addIssue({ code: 'custom', path: ['quorum'], message: `a quorum of ${b.quorum} is more than the ${b.mediators.length} mediator(s)` });
    const ids = new Set<string>();
    b.clauses.forEach((c, i) => {
      if (ids.has(c.id)) ctx.addIssue({ code: 'custom', path: ['clauses', i, 'id'], message: `clause id ${c.id} is repeated` });
      ids.add(c.id);
      for (const s of c.bound) {
        if (!b.parties.includes(s)) ctx.addIssue({ code: 'custom', path: ['clauses', i, 'bound'], message: `clause ${c.id} binds ${s}, which is not a party` });
      }
    });
    if (b.version === 1 && b.amends !== undefined) ctx.addIssue({ code: 'custom', path: ['amends'], message: 'version 1 amends nothing' });
    if (b.version > 1 && b.amends === undefined) ctx.addIssue({ code: 'custom', path: ['amends'], message: 'an amendment names the hash of the version it amends' });
  });
export type AgreementContent = z.infer<typeof agreementProposeBody>;

/** agreement.sign: a signature over one version's hash. */
export const agreementSignBody = z.object({ agreement: slug, version: z.number().int().min(1), hash: sha256Hex }).strict();

export const STATUS_CHANGES = ['in_force', 'extended', 'suspended', 'resumed', 'ended'] as const;
export type StatusChange = (typeof STATUS_CHANGES)[number];
export type AgreementStatusBody = z.infer<typeof agreementStatusBody>;

/** agreement.status: the mediators record that the ceasefire took effect, was extended, suspended, resumed or ended. */
export const agreementStatusBody = z
  .object({
    agreement: slug,
    status: z.enum(STATUS_CHANGES),
    /** When the change took (or takes) effect; may precede the statement's `at` when recorded after the fact. */
    effective: utcTime,
    /** Expiry of a temporary ceasefire; null or absent is open-ended. Required (possibly null) on "extended". */
    expires: utcTime.nullable().optional(),
    reason: text(5000),
    /** The meeting (meeting.record id) where the change was agreed, if any. */
    meeting: recordId.optional(),
  })
  .strict()
  .superRefine((b, ctx) => {
    const temporal = b.status === 'in_force' || b.status === 'extended' || b.status === 'resumed';
    if (!temporal && b.expires !== undefined) ctx.addIssue({ code: 'custom', path: ['expires'], message: `a change to ${b.status} has no expiry` });
    if (b.status === 'extended' && b.expires === undefined) ctx.addIssue({ code: 'custom', path: ['expires'], message: 'an extension names the new expiry (null for open-ended)' });
    if (typeof b.expires === 'string' && Date.parse(b.expires) <= Date.parse(b.effective)) {
      ctx.addIssue({ code: 'custom', path: ['expires'], message: 'expires must be after effective' });
    }
  });
