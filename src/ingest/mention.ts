// An event as one article tells it (events.ts makes them), and what deciding whether two are one needs: whether
// their days overlap and their places are near or apart.
import type { Actor, Casualty, Claim, DateInterval, Place, Range } from './types.js';
import { distanceKm } from '../domain/geo-distance.js';

export interface Mention {
  readonly id: string;
  readonly article: string;
  readonly kind: 'incident' | 'development';
  eventType: string;
  subEventType: string;
  development?: string;
  when: DateInterval | null;
  where: Place[];
  actors: Actor[];
  perpetrators: Actor[];
  casualties: Casualty[];
  fatalities: Range | null;
  injured: Range | null;
  claims: Claim[];
  sentences: number[];
  /** Which sentence each field came from. */
  trace: { when?: number; where: number[]; actors: number[]; fatalities: number[]; injured: number[] };
  /** Only catch-all words ("attack", "killed") named the violence. */
  weak?: boolean;
  /** Opened by violence a court or an accuser deals with, told with its dead and no day (cues.ts): a cue with a day of its own is another incident. */
  readonly framed?: boolean;
  /** The date is the day a claim about the event was made, not a date the text gives for it. */
  whenFromSpeech?: boolean;
}

/** The event types of violence (not protests, riots or developments). */
export const VIOLENT = new Set(['Battles', 'Explosions/Remote violence', 'Violence against civilians']);

export const overlaps = (a: DateInterval, b: DateInterval): boolean => a.start <= b.end && b.start <= a.end;

/** Places are near when one names the country of the other, or they share an admin area, or lie < 150 km apart. */
export function nearPlaces(a: readonly Place[], b: readonly Place[]): boolean {
  if (a.length === 0 || b.length === 0) return true;
  return a.some((p) => b.some((q) => p.id === q.id || (p.also ?? []).includes(q.name) || (q.also ?? []).includes(p.name) ||
    ((p.kind === 'country' || q.kind === 'country') && p.country === q.country) ||
    (p.admin1 !== '' && p.admin1 === q.admin1 && p.country === q.country) || distanceKm(p, q) < 150));
}

/**
 * Places that name different scenes: every pair is two places more than 25 km apart, neither holding the other
 * (a town and its province, a crossing and its towns are one scene). "Two bombs … in San Salvador" and "The FMLN
 * blew up the offices of a resort in La Paz Department" are two incidents, however close the days.
 */
export function apartPlaces(a: readonly Place[], b: readonly Place[]): boolean {
  if (a.length === 0 || b.length === 0) return false;
  const holds = (p: Place, q: Place): boolean => (p.kind === 'country' && p.country === q.country) || ((p.kind === 'admin1' || p.kind === 'province') && p.admin1 !== '' && p.admin1 === q.admin1 && p.country === q.country) || (p.precision === 2 && p.admin2 !== '' && p.admin2 === q.admin2 && p.country === q.country);
  return a.every((p) => b.every((q) => p.id !== q.id && !(p.also ?? []).includes(q.name) && !(q.also ?? []).includes(p.name) && !holds(p, q) && !holds(q, p) && distanceKm(p, q) > 25));
}

/**
 * A local force or office that reports an incident: "Medellin metropolitan police announced that … placed 11 bombs",
 * "Lima police said". A place the sentence names only as that reporter's is where the incident it tells happened
 * (local police report what happened in their area).
 */
const LOCAL_REPORTER = /^\s+(?:[\p{Ll}-]+\s+){0,2}?(?:police|authorities|officials|governor['’]s\s+office|mayor['’]s\s+office|prosecutors?)\s+(?:(?:have|has|had)\s+)?(?:\w+ly\s+)?(?:said|say|says|reported|report|reports|announced|announces|confirmed|stated|told|informed|disclosed)\b/u;
export function reporterPlace(m: Mention, sentences: readonly { readonly text: string; readonly places: readonly { readonly place: Place; readonly text: string; readonly index: number }[] }[]): Place | undefined {
  for (const i of m.sentences) {
    const s = sentences[i];
    const p = s?.places.find((x) => x.place.kind !== 'country' && LOCAL_REPORTER.test(s.text.slice(x.index + x.text.length, x.index + x.text.length + 80)));
    if (p) return p.place;
  }
  return undefined;
}

/**
 * The town a paragraph opens on, for an incident it then tells without a place: "Medellin continues to live through
 * a wave of terror. Following last night's attack on a bank, a load of dynamite was hurled against a police station."
 */
export function paragraphPlace(m: Mention, sentences: readonly { readonly index: number; readonly paragraph: number; readonly places: readonly { readonly place: Place }[] }[]): Place | undefined {
  const first = sentences[m.sentences[0] ?? -1];
  if (!first) return undefined;
  let at: Place | undefined;
  for (const s of sentences) {
    if (s.index >= first.index) break;
    if (s.paragraph !== first.paragraph) continue;
    at = s.places.filter((p) => p.place.kind !== 'country' && p.place.precision < 3).at(-1)?.place ?? at;
  }
  return at;
}

/** Dates too coarse to hold an incident of their own. */
export const COARSE = new Set(['month', 'year']);
/** Words that open another incident than the one told ("another attack", "a second bomb", "in a separate incident"). */
export const ANOTHER = /\b(?:another|other|second|third|new|separate|similar|earlier|previous|latest|also|meanwhile|elsewhere|in\s+addition)\b/i;
/** Each item once, by id, first kept. */
export const uniq = <T extends { id: string }>(xs: T[]): T[] => xs.filter((x, i) => xs.findIndex((y) => y.id === x.id) === i);
