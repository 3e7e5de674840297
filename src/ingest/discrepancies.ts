// Where the sources of one event disagree — on the date, the toll, the place or who did it — each source's value
// is listed. Nothing is averaged away or resolved here: that is the monitor's call, and later a finding's.
import type { Mention } from './events.js';
import type { Range } from './types.js';

export type DiscrepancyField = 'date' | 'fatalities' | 'injured' | 'place' | 'perpetrator';

export interface Discrepancy {
  readonly event: string;
  readonly field: DiscrepancyField;
  readonly values: { readonly value: string; readonly article: string }[];
}

const rangeText = (r: Range): string => (r.min === r.max ? `${r.min}${r.open ? '+' : ''}` : `${r.min}-${r.max}${r.open ? '+' : ''}`);

function field(event: string, name: DiscrepancyField, mentions: readonly Mention[], valueOf: (m: Mention) => string | null, disagree: (a: Mention, b: Mention) => boolean): Discrepancy | null {
  const withValue = mentions.filter((m) => valueOf(m) !== null);
  const clash = withValue.some((a) => withValue.some((b) => a !== b && disagree(a, b)));
  if (!clash) return null;
  return { event, field: name, values: withValue.map((m) => ({ value: valueOf(m)!, article: m.article })) };
}

const precise = (m: Mention): boolean => !!m.when && (m.when.precision === 'day' || m.when.precision === 'night' || m.when.precision === 'days');
const placeIds = (m: Mention): string[] => m.where.flatMap((p) => [p.name, ...(p.also ?? [])]);

/**
 * The disagreements among the mentions of one event.
 * @example findDiscrepancies('ev-3', [mentionSaying11Oct, mentionSaying12Oct]) // [{ field: 'date', values: [...] }]
 */
export function findDiscrepancies(event: string, mentions: readonly Mention[]): Discrepancy[] {
  if (new Set(mentions.map((m) => m.article)).size < 2) return [];
  const out = [
    field(event, 'date', mentions, (m) => (precise(m) ? (m.when!.start === m.when!.end ? m.when!.start : `${m.when!.start}/${m.when!.end}`) : null),
      // a night (11th to 12th) and either of its days are the same report
      (a, b) => a.when!.start !== b.when!.start && !(a.when!.precision === 'night' && b.when!.start === a.when!.end) && !(b.when!.precision === 'night' && a.when!.start === b.when!.end)),
    field(event, 'fatalities', mentions, (m) => (m.fatalities ? rangeText(m.fatalities) : null), (a, b) => a.fatalities!.min > b.fatalities!.max && !b.fatalities!.open || b.fatalities!.min > a.fatalities!.max && !a.fatalities!.open),
    field(event, 'injured', mentions, (m) => (m.injured ? rangeText(m.injured) : null), (a, b) => a.injured!.min > b.injured!.max && !b.injured!.open || b.injured!.min > a.injured!.max && !a.injured!.open),
    field(event, 'place', mentions, (m) => (m.where.length ? m.where.map((p) => p.name).join(', ') : null), (a, b) => {
      const pa = placeIds(a).filter((n) => a.where.some((p) => p.name === n && p.precision < 3) || true);
      const pb = placeIds(b);
      return !pa.some((x) => pb.includes(x)) && a.where.every((p) => p.precision < 3) && b.where.every((p) => p.precision < 3);
    }),
    field(event, 'perpetrator', mentions, (m) => (m.perpetrators.length ? m.perpetrators.map((a) => a.name).join(', ') : null), (a, b) => !a.perpetrators.some((x) => b.perpetrators.some((y) => x.id === y.id))),
  ];
  return out.filter((d): d is Discrepancy => d !== null);
}
