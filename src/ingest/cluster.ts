// Mentions from many articles -> clusters, one per real-world event. Two mentions join when they are the same kind
// of thing, their days overlap (a day's slack, since sources disagree on dates: that disagreement is reported, not
// used to split), their places are near, and they come from different articles. Greedy, in date order.
import type { Mention } from './events.js';
import { distanceKm } from './gazetteer.js';
import type { DateInterval } from './types.js';
import { addDays } from './text.js';

const FAMILY: Record<string, string> = {
  'Armed clash': 'ground',
  'Shelling/artillery/missile attack': 'ground',
  'Air/drone strike': 'air',
  'Suicide bomb': 'bomb',
  'Remote explosive/landmine/IED': 'bomb',
  Grenade: 'bomb',
};
function family(m: Mention): string {
  // Developments are told apart by day and venue, not by wording: a round of talks and the ceasefire it reached
  // are one occurrence.
  if (m.kind === 'development') return 'dev';
  return `inc:${FAMILY[m.subEventType] ?? m.eventType}`;
}

function interval(m: Mention): DateInterval | null {
  if (!m.when) return null;
  // a date taken from the publication day only bounds the event from above
  if (m.when.precision === 'inferred') return { start: addDays(m.when.start, -3), end: m.when.end, precision: 'inferred' };
  return m.when;
}

const COARSE = new Set(['week', 'month', 'year']);

function dateScore(a: DateInterval | null, b: DateInterval | null, slack: number): number {
  if (!a || !b) return 0.3;
  if (a.start <= b.end && b.start <= a.end) return a.precision === 'inferred' || b.precision === 'inferred' ? 0.5 : COARSE.has(a.precision) || COARSE.has(b.precision) ? 0.4 : 1;
  if (slack && a.start <= addDays(b.end, slack) && b.start <= addDays(a.end, slack)) return 0.6;
  return -1;
}

function placeScore(a: Mention, b: Mention): number {
  if (a.where.length === 0 || b.where.length === 0) return 0.2;
  let best = -1;
  for (const p of a.where) {
    for (const q of b.where) {
      const also = (p.also ?? []).includes(q.name) || (q.also ?? []).includes(p.name);
      if (p.id === q.id || also) best = Math.max(best, 1);
      else if (distanceKm(p, q) < 60) best = Math.max(best, 0.8);
      else if (p.precision === 3 || q.precision === 3 ? p.country === q.country && (p.admin1 === q.admin1 || p.kind === 'country' || q.kind === 'country') : false) best = Math.max(best, 0.4);
      else if (distanceKm(p, q) < 200) best = Math.max(best, 0.3);
    }
  }
  return best;
}

function actorScore(a: Mention, b: Mention): number {
  if (a.actors.length === 0 || b.actors.length === 0) return 0;
  return a.actors.some((x) => b.actors.some((y) => x.id === y.id)) ? 0.5 : 0;
}

/** How alike two mentions are; below zero means they cannot be the same event. */
export function similarity(a: Mention, b: Mention): number {
  if (a.kind !== b.kind) return -1;
  const d = dateScore(interval(a), interval(b), a.kind === 'incident' ? 1 : 0);
  let p = placeScore(a, b);
  // Each side names its own sectors of one border fight: far-apart places join only on the very same days,
  // the same kind of violence and a shared actor; the disagreement is then listed as a 'where' discrepancy.
  if (p < 0 && d >= 1 && family(a) === family(b) && actorScore(a, b) > 0 && a.kind === 'incident') p = -0.4;
  if (d < 0 || p < -0.5) return -1;
  // One side's "air strike" is the other's "explosion": different wording joins only on the same day and place.
  const sameFamily = family(a) === family(b);
  if (!sameFamily && (d < 1 || p < 0.8)) return -1;
  return d + p + actorScore(a, b) + (a.subEventType === b.subEventType ? 0.3 : 0) - (sameFamily ? 0 : 0.3);
}

/**
 * Groups mentions into events.
 * @example clusterMentions(mentions).map((c) => c.length) // [3, 1, 2]
 */
export function clusterMentions(mentions: readonly Mention[], threshold = 1.2): Mention[][] {
  const sorted = [...mentions].sort((a, b) => (a.when?.start ?? '9999').localeCompare(b.when?.start ?? '9999'));
  const clusters: Mention[][] = [];
  for (const m of sorted) {
    let best: Mention[] | null = null;
    let bestScore = threshold;
    for (const c of clusters) {
      if (c.some((x) => x.article === m.article)) continue;
      const scores = c.map((x) => similarity(m, x));
      if (scores.some((s) => s < 0)) continue;
      const s = Math.max(...scores);
      if (s >= bestScore) { best = c; bestScore = s; }
    }
    if (best) best.push(m);
    else clusters.push([m]);
  }
  return clusters;
}
