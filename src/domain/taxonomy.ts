import { z } from 'zod';

/**
 * What happened, where, when and to whom: the vocabularies a report is checked against.
 * ACLED's 2024 taxonomy (6 event types, 25 sub-event types) is carried over as published, so an ACLED export is
 * exact; the mechanism adds one event type of its own for acts only a ceasefire makes meaningful.
 */
export const ACLED_TAXONOMY = {
  Battles: ['Armed clash', 'Government regains territory', 'Non-state actor overtakes territory'],
  'Explosions/Remote violence': [
    'Chemical weapon',
    'Air/drone strike',
    'Suicide bomb',
    'Shelling/artillery/missile attack',
    'Remote explosive/landmine/IED',
    'Grenade',
  ],
  'Violence against civilians': ['Sexual violence', 'Attack', 'Abduction/forced disappearance'],
  Protests: ['Peaceful protest', 'Protest with intervention', 'Excessive force against protesters'],
  Riots: ['Violent demonstration', 'Mob violence'],
  'Strategic developments': [
    'Agreement',
    'Arrests',
    'Change to group/activity',
    'Disrupted weapons use',
    'Headquarters or base established',
    'Looting/property destruction',
    'Non-violent transfer of territory',
    'Other',
  ],
} as const satisfies Record<string, readonly string[]>;

/** The mechanism's own event type; each sub-type names the ACLED pair it is exported as (see acled.ts). */
export const MECHANISM_EVENT_TYPE = 'Ceasefire mechanism';
export const MECHANISM_SUB_TYPES = {
  'Obstruction or denial of access to monitors': ['Strategic developments', 'Other'],
  'Harassment or intimidation of monitors': ['Strategic developments', 'Other'],
  'Cross-border strike': ['Explosions/Remote violence', 'Air/drone strike'],
  'Cross-border fire': ['Battles', 'Armed clash'],
  'Use of territory by armed groups': ['Strategic developments', 'Other'],
  'Movement or build-up of forces': ['Strategic developments', 'Change to group/activity'],
  'Other ceasefire violation': ['Strategic developments', 'Other'],
} as const satisfies Record<string, readonly [string, string]>;

export type AcledEventType = keyof typeof ACLED_TAXONOMY;
export type MechanismSubType = keyof typeof MECHANISM_SUB_TYPES;

/** Every event type a report may carry, with its sub-types. */
export const TAXONOMY: Readonly<Record<string, readonly string[]>> = {
  ...ACLED_TAXONOMY,
  [MECHANISM_EVENT_TYPE]: Object.keys(MECHANISM_SUB_TYPES),
};

/** @example isKnownEvent('Battles', 'Armed clash') // true */
export function isKnownEvent(eventType: string, subEventType: string): boolean {
  return Object.hasOwn(TAXONOMY, eventType) && (TAXONOMY[eventType] ?? []).includes(subEventType);
}

/** ACLED's disorder_type for one of its own pairs (ACLED's 2023 column; excessive force is both). */
export function disorderType(eventType: AcledEventType, subEventType: string): string {
  if (subEventType === 'Excessive force against protesters') return 'Political violence; Demonstrations';
  if (eventType === 'Protests' || subEventType === 'Violent demonstration') return 'Demonstrations';
  if (eventType === 'Strategic developments') return 'Strategic developments';
  return 'Political violence';
}

/** ACLED's actor types (inter1/inter2, as named in the 2024 data). */
export const ACTOR_TYPES = [
  'State forces',
  'Rebel group',
  'Political militia',
  'Identity militia',
  'Rioters',
  'Protesters',
  'Civilians',
  'External/Other forces',
] as const;

export const ACTOR_ROLES = ['perpetrator', 'target', 'other'] as const;

/**
 * Casualty figures as a range, UCDP's low/best/high idea: `min` is what the source is sure of, `best` the most likely
 * figure, `max` the highest credible one; `max` is absent when no upper bound was given ("more than 200").
 */
export const countRange = z
  .object({ min: z.int().min(0).max(1_000_000), best: z.int().min(0).max(1_000_000).optional(), max: z.int().min(0).max(1_000_000).optional() })
  .strict()
  .refine((r) => (r.best === undefined || r.best >= r.min) && (r.max === undefined || r.max >= (r.best ?? r.min)), 'a range needs min <= best <= max');
export type CountRange = z.infer<typeof countRange>;

/** Killed and injured, each by status; `unknown` for people whose status the source does not give. */
const byStatus = z
  .object({ civilian: countRange.optional(), combatant: countRange.optional(), unknown: countRange.optional() })
  .strict();
export const casualties = z.object({ killed: byStatus.optional(), injured: byStatus.optional() }).strict();
export type Casualties = z.infer<typeof casualties>;

/** The figure a single-number column (ACLED's fatalities) takes: best where given, else min, summed over statuses. */
export function casualtyTotal(c: Casualties | undefined, kind: 'killed' | 'injured'): number {
  const group = c?.[kind];
  if (!group) return 0;
  return [group.civilian, group.combatant, group.unknown].reduce((n, r) => n + (r ? (r.best ?? r.min) : 0), 0);
}

/**
 * ACLED's geo_precision: 1 = the exact place (a town, a village), 2 = near a place or a small part of a region,
 * 3 = only a larger region (the coordinates are its centre).
 */
export const GEO_PRECISIONS = [1, 2, 3] as const;

export const TIME_PRECISIONS = ['exact', 'day', 'night', 'week', 'month'] as const;
export type TimePrecision = (typeof TIME_PRECISIONS)[number];

const HOUR = 3_600_000;
/** The longest interval each precision may describe (a day may take a DST hour; a month is at most 31 days). */
export const MAX_SPAN_MS: Readonly<Record<TimePrecision, number>> = {
  exact: 6 * HOUR,
  day: 25 * HOUR,
  night: 18 * HOUR,
  week: 8 * 24 * HOUR,
  month: 31 * 24 * HOUR,
};
