// Where the sources of one event disagree — on the date, the toll, the place or who did it — each disagreeing
// source's value is listed. Nothing is averaged away or resolved here: that is the monitor's call, and later a
// finding's. A source that conflicts with no other (one that carries both sides' versions) is not listed.
import type { Mention } from './events.js';
import type { DateInterval, Range } from './types.js';
import { dayDiff } from './text.js';

export type DiscrepancyField = 'date' | 'fatalities' | 'injured' | 'place' | 'perpetrator';

export interface Discrepancy {
  readonly event: string;
  readonly field: DiscrepancyField;
  readonly values: { readonly value: string; readonly article: string }[];
}

const rangeText = (r: Range): string => (r.min === r.max ? `${r.min}${r.open ? '+' : ''}` : `${r.min}-${r.max}${r.open ? '+' : ''}`);
const dayText = (d: DateInterval): string => (d.start === d.end ? d.start : `${d.start}/${d.end}`);

function field(event: string, name: DiscrepancyField, mentions: readonly Mention[], valueOf: (m: Mention) => string | null, disagree: (a: Mention, b: Mention) => boolean): Discrepancy | null {
  const withValue = mentions.filter((m) => valueOf(m) !== null);
  const clashing = withValue.filter((a) => withValue.some((b) => a !== b && a.article !== b.article && (disagree(a, b) || disagree(b, a))));
  if (clashing.length === 0) return null;
  return { event, field: name, values: clashing.map((m) => ({ value: valueOf(m)!, article: m.article })) };
}

/** Two ranges disagree when they do not overlap; an open range ("at least 23") has no ceiling. */
export function rangesDisagree(a: Range, b: Range): boolean {
  return a.min > b.max && !b.open || b.min > a.max && !a.open;
}

/** Two dates disagree when their first days differ, unless one is a window of days ("last week") that holds the other. */
export function datesDisagree(a: DateInterval, b: DateInterval): boolean {
  if (a.start === b.start) return false;
  const window = (x: DateInterval, y: DateInterval): boolean => dayDiff(x.start, x.end) > 2 && x.start <= y.start && y.end <= x.end;
  return !window(a, b) && !window(b, a);
}

const stated = (m: Mention): boolean => !!m.when && m.when.precision !== 'inferred';

/**
 * The disagreements among the mentions of one event.
 * @example findDiscrepancies('ev-3', [mentionSaying11Oct, mentionSaying12Oct]) // [{ field: 'date', values: [...] }]
 */
export function findDiscrepancies(event: string, mentions: readonly Mention[]): Discrepancy[] {
  if (new Set(mentions.map((m) => m.article)).size < 2) return [];
  const out = [
    field(event, 'date', mentions, (m) => (stated(m) ? dayText(m.when!) : null), (a, b) => datesDisagree(a.when!, b.when!)),
    field(event, 'fatalities', mentions, (m) => (m.fatalities ? rangeText(m.fatalities) : null), (a, b) => rangesDisagree(a.fatalities!, b.fatalities!)),
    field(event, 'injured', mentions, (m) => (m.injured ? rangeText(m.injured) : null), (a, b) => rangesDisagree(a.injured!, b.injured!)),
    field(event, 'place', mentions, (m) => (m.where.length ? m.where.map((p) => p.name).join(', ') : null), (a, b) => !a.where.some((p) => b.where.some((q) => q.id === p.id))),
    field(event, 'perpetrator', mentions, (m) => (m.perpetrators.length ? m.perpetrators.map((a) => a.name).join(', ') : null), (a, b) => !a.perpetrators.some((x) => b.perpetrators.some((y) => x.id === y.id))),
  ];
  return out.filter((d): d is Discrepancy => d !== null);
}
