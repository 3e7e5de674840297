// Casualty figures of one event in one article -> one killed range and one injured range. Each figure stays in the
// mention's list with who gave it; this only sums them into what the article, all claimants together, supports.
import type { Casualty, Range } from './types.js';

export interface Tally {
  readonly killed: Range | null;
  readonly injured: Range | null;
}

function add(a: Range | null, b: Range): Range {
  if (!a) return b;
  return { min: a.min + b.min, max: a.max + b.max, ...(a.open || b.open ? { open: true } : {}) };
}

/**
 * One claimant's total: the groups they count (civilians, each side's fighters) add up, one figure a group; a
 * figure for nobody in particular ("10 killed", "12 people") is a total of its own, so the larger of the two wins.
 */
function total(all: readonly Casualty[]): Range | null {
  // figures told as more victims ("X was also murdered") add to the account's total, after it is settled
  const more = all.filter((c) => c.also);
  const cs = more.length && more.length < all.length ? all.filter((c) => !c.also) : all;
  const base = settle(cs);
  return cs === all ? base : more.reduce<Range | null>((a, c) => add(a, c.range), base);
}

function settle(cs: readonly Casualty[]): Range | null {
  const byGroup = new Map<string, Casualty>();
  let overall: Range | null = null;
  for (const c of cs) {
    if (c.victims === 'unknown' && !c.side) {
      if (!overall || c.range.max > overall.max) overall = c.range;
      continue;
    }
    const key = `${c.victims}|${c.side ?? ''}`;
    const prev = byGroup.get(key);
    if (!prev || c.range.max > prev.range.max) byGroup.set(key, c);
  }
  // "23 soldiers" and "23 Pakistani soldiers" in one account are the same 23
  for (const [key, c] of byGroup) {
    if (!key.endsWith('|')) continue;
    const sided = [...byGroup.entries()].some(([k, x]) => k !== key && k.startsWith(`${c.victims}|`) && x.range.min === c.range.min && x.range.max === c.range.max);
    if (sided) byGroup.delete(key);
  }
  let sum: Range | null = null;
  for (const c of byGroup.values()) sum = add(sum, c.range);
  if (!sum) return overall;
  if (!overall) return sum;
  return overall.max > sum.max ? overall : sum;
}

/** Across claimants: from the smallest total to the largest (open if the largest is only a floor). */
function across(totals: Range[]): Range | null {
  if (totals.length === 0) return null;
  const lo = totals.reduce((a, b) => (b.min < a.min ? b : a));
  const hi = totals.reduce((a, b) => (b.max > a.max || (b.max === a.max && b.open) ? b : a));
  return { min: lo.min, max: hi.max, ...(hi.open ? { open: true } : {}) };
}

/** A figure the article states after a claimant's own figures usually continues that claimant's account. */
export function ownedFigures(cs: readonly Casualty[]): Casualty[] {
  let last: string | null = null;
  return cs.map((c) => {
    if (c.attributed !== false) last = c.by;
    return c.attributed === false && last ? { ...c, by: last } : c;
  });
}

/**
 * Within one claimant's account the groups add up (ISPR's 23 soldiers and 200+ fighters: 224+); across claimants
 * the range runs from the smallest total to the largest (ISPR's 224+ and the Taliban's 67: 67–224+).
 * @example combineCasualties([killed 12 civilians (hospital), killed 15–20 combatants (military)]) // killed 12–20
 */
export function combineCasualties(cs: readonly Casualty[]): Tally {
  const owned = ownedFigures(cs);
  const result = (kind: Casualty['kind']): Range | null => {
    const byClaimant = new Map<string, Casualty[]>();
    for (const c of owned) if (c.kind === kind) byClaimant.set(c.by, [...(byClaimant.get(c.by) ?? []), c]);
    return across([...byClaimant.values()].map(total).filter((r): r is Range => r !== null));
  };
  return { killed: result('killed'), injured: result('injured') };
}
