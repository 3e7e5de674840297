// Mentions from many articles -> clusters, one per real-world event. Sources tell one event with different words
// ("air strike", "explosion"), dates a day apart, places at different granularity (a town, its district, its
// province) and different tolls, so two mentions are scored on each field: days that overlap (a day's slack, with
// a penalty), places that coincide or lie near each other or share an admin area, actors in common, tolls that
// overlap, the same kind of event. Some differences rule a pair out: another kind, days too far apart, places far
// apart with nothing else in common. Pairs are linked best first; two groups merge only when every cross pair is
// allowed and their average score clears the threshold, so one loose pair cannot chain two events together.
import type { Mention } from './events.js';
import { devGroup, incidentFamily } from './cues.js';
import { distanceKm } from '../domain/geo-distance.js';
import type { DateInterval, Place, Range } from './types.js';
import { addDays, dayDiff } from './text.js';

const NO = -Infinity;
const PRECISE = new Set(['day', 'night', 'days']);

function family(m: Mention): string {
  return m.kind === 'development' ? `dev:${devGroup(m.development)}` : `inc:${incidentFamily(m.subEventType, m.eventType)}`;
}

/** How well two intervals agree: 1 when they overlap, less with a day's slack or a coarse window, NO otherwise. */
export function dateScore(a: DateInterval | null, b: DateInterval | null): number {
  if (!a || !b) return 0;
  // a date taken from the publication day only bounds the event from above
  const widen = (d: DateInterval): DateInterval => (d.precision === 'inferred' ? { ...d, start: addDays(d.start, -3) } : d);
  const x = widen(a);
  const y = widen(b);
  const overlap = x.start <= y.end && y.start <= x.end;
  if (a.precision === 'inferred' || b.precision === 'inferred') return overlap ? 0.3 : NO;
  if (!PRECISE.has(a.precision) || !PRECISE.has(b.precision)) {
    // "last week", "last month": only a window that holds the other's days
    const [wide, narrow] = dayDiff(a.start, a.end) >= dayDiff(b.start, b.end) ? [a, b] : [b, a];
    return wide.start <= narrow.start && narrow.end <= wide.end ? 0.4 : NO;
  }
  if (overlap) return 1;
  const gap = Math.min(Math.abs(dayDiff(x.end, y.start)), Math.abs(dayDiff(y.end, x.start)));
  return gap <= 1 ? 0.5 : NO;
}

function pairPlace(p: Place, q: Place): number {
  if (p.id === q.id || (p.also ?? []).includes(q.name) || (q.also ?? []).includes(p.name)) return 1;
  if (p.kind === 'country' || q.kind === 'country') return p.country === q.country ? 0.2 : -1;
  const km = distanceKm(p, q);
  if (km < 60) return 0.8;
  if (p.admin2 && p.admin2 === q.admin2) return 0.7;
  // a town and the province or district it lies in
  const area = (x: Place, y: Place): boolean => x.precision > 1 && x.country === y.country && (x.name === y.admin1 || x.name === y.admin2 || x.admin1 === y.admin1 && x.admin1 !== '' && x.precision === 3);
  if (area(p, q) || area(q, p)) return 0.6;
  if (p.admin1 && p.admin1 === q.admin1 && p.country === q.country) return 0.5;
  if (km < 150) return 0.3;
  return -1;
}

/** The best agreement between the places two mentions name; 0 when either names none. */
export function placeScore(a: readonly Place[], b: readonly Place[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  let best = -1;
  for (const p of a) for (const q of b) best = Math.max(best, pairPlace(p, q));
  return best;
}

function actorScore(a: Mention, b: Mention): number {
  const ids = new Set(a.actors.filter((x) => x.id !== 'civilians').map((x) => x.id));
  const shared = b.actors.filter((x) => ids.has(x.id)).length;
  return shared === 0 ? 0 : shared === 1 ? 0.3 : 0.5;
}

const overlapRange = (a: Range, b: Range): boolean => a.min <= (b.open ? Infinity : b.max) && b.min <= (a.open ? Infinity : a.max);

function tollScore(a: Mention, b: Mention): number {
  if (!a.fatalities || !b.fatalities) return 0;
  if (a.fatalities.min === b.fatalities.min && a.fatalities.max === b.fatalities.max) return 0.4;
  return overlapRange(a.fatalities, b.fatalities) ? 0.2 : 0;
}

/** The same named speaker on both sides is evidence, and for a statement or a declaration, most of its identity. */
function speakerScore(a: Mention, b: Mention): number {
  const ids = new Set(a.claims.map((c) => c.speakerId).filter(Boolean));
  if (!b.claims.some((c) => c.speakerId && ids.has(c.speakerId))) return 0;
  return a.kind === 'development' ? 0.6 : 0.3;
}

/** How alike two mentions are; NO when they cannot be the same event. */
export function similarity(a: Mention, b: Mention): number {
  if (a.kind !== b.kind || a.article === b.article) return NO;
  const d = dateScore(a.when, b.when);
  if (d === NO) return NO;
  let p = placeScore(a.where, b.where);
  const actors = actorScore(a, b);
  // a mention told only in catch-all words ("attack", "killed") may be any kind of violence
  const sameFamily = family(a) === family(b) || a.kind === 'incident' && (Boolean(a.weak) || Boolean(b.weak));
  if (a.kind === 'development' && !sameFamily) return NO;
  // Each side names its own sectors of one border fight: far-apart places join only on the very same days,
  // with the same kind of violence and an actor in common; the disagreement is then listed.
  if (p < 0) {
    if (!(d >= 1 && sameFamily && actors > 0 && a.kind === 'incident')) return NO;
    p = -0.3;
  }
  // One side's "air strike" is the other's "explosion": different wording joins only on the same day and place.
  if (!sameFamily && (d < 1 || p < 0.8)) return NO;
  // milestones of a process are few: the same kind on the same days is most likely the same one
  const milestone = a.kind === 'development' && d >= 1 ? 0.3 : 0;
  return d + p + actors + tollScore(a, b) + speakerScore(a, b) + milestone + (a.subEventType === b.subEventType ? 0.2 : 0) - (sameFamily ? 0 : 0.4);
}

/**
 * Groups mentions into events: pairs linked best first, groups merged while every cross pair is allowed and the
 * average clears the threshold; at most one mention per article in a group.
 * @example clusterMentions(mentions).map((c) => c.length) // [3, 1, 2]
 */
export function clusterMentions(mentions: readonly Mention[], threshold = 1.3): Mention[][] {
  const sorted = [...mentions].sort((a, b) => (a.when?.start ?? '9999').localeCompare(b.when?.start ?? '9999'));
  const n = sorted.length;
  const score = new Map<number, number>();
  const key = (i: number, j: number): number => (i < j ? i * n + j : j * n + i);
  const pairs: [number, number, number][] = [];
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const a = sorted[i]!;
      const b = sorted[j]!;
      // mentions are sorted by day: beyond a few weeks apart nothing can join (coarse windows aside)
      if (a.when && b.when && PRECISE.has(a.when.precision) && PRECISE.has(b.when.precision) && dayDiff(a.when.end, b.when.start) > 2) continue;
      const s = similarity(a, b);
      if (s === NO) continue;
      score.set(key(i, j), s);
      if (s >= threshold) pairs.push([s, i, j]);
    }
  }
  pairs.sort((x, y) => y[0] - x[0]);
  const group = sorted.map((_, i) => [i]);
  const of = sorted.map((_, i) => i);
  for (const [, i, j] of pairs) {
    const gi = of[i]!;
    const gj = of[j]!;
    if (gi === gj) continue;
    const A = group[gi]!;
    const B = group[gj]!;
    let total = 0;
    let ok = true;
    for (const x of A) for (const y of B) {
      const s = score.get(key(x, y));
      if (s === undefined) { ok = false; break; }
      total += s;
    }
    if (!ok || total / (A.length * B.length) < threshold) continue;
    for (const y of B) { A.push(y); of[y] = gi; }
    group[gj] = [];
  }
  return group.filter((g) => g.length > 0).map((g) => g.sort((x, y) => x - y).map((i) => sorted[i]!));
}
