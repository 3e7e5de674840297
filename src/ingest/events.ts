// Sentences -> event mentions of one article. A sentence with an incident trigger opens an event or adds to a
// compatible one (same kind of violence, overlapping days, nearby places); a figure-only sentence ("ISPR said 23
// soldiers had been killed") joins the incident just before it. Every field keeps the sentences it came from.
import type { AnalyzedSentence } from './analyze.js';
import type { TypedTrigger } from './event-type.js';
import { combineCasualties } from './tally.js';
import type { Actor, Article, Casualty, Claim, DateInterval, Place, Range } from './types.js';
import { distanceKm } from './gazetteer.js';
import { addDays } from './text.js';

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
}

const GENERIC = new Set(['Armed clash']);
const FUTURE = /\b(?:will|is\s+due\s+to|are\s+due\s+to|is\s+scheduled|are\s+scheduled|is\s+expected\s+to|are\s+expected\s+to|is\s+set\s+to|are\s+set\s+to|would\s+be\s+(?:held|decided|settled))\b/i;
const SPEAKS = /^\s*(?:officials?\s+|spokes\w+\s+|sources?\s+)?(?:said|says|told|claimed|added|stated|announced|reported)\b/i;
const NON_PARTICIPANTS = new Set(['person', 'ministry', 'media_wing', 'organization']);
const PERPETRATION = /^\s*(?:had\s+|have\s+|has\s+|also\s+)?(?:attacked|launched|fired|struck|started|targeted|shelled|bombed|opened\s+fire|stormed|ambushed|carried\s+out|conducted|hit|killed|raided)\b/i;

function eventDate(s: AnalyzedSentence, trigger: TypedTrigger | null): DateInterval | null {
  if (s.dates.length === 0) return null;
  const pos = trigger?.index ?? 0;
  const ranked = [...s.dates].sort((a, b) => Math.abs(a.index - pos) - Math.abs(b.index - pos));
  const d = ranked.find((x) => x.precision !== 'year') ?? ranked[0]!;
  return { start: d.start, end: d.end, precision: d.precision };
}

/** The clause of a sentence that holds a position: subordinate clauses ("as delegations met in Istanbul") split off. */
function clauseOf(text: string, index: number): [number, number] {
  const breaks = [...text.matchAll(/,\s+(?:as|while|when|after|before|hours\s+after|days\s+after|even\s+as|where|which|who)\s|;\s|\s+—\s+/g)].map((m) => m.index);
  let start = 0;
  let end = text.length;
  for (const b of breaks) {
    if (b <= index) start = b;
    else if (b < end) end = b;
  }
  return [start, end];
}

function eventPlaces(s: AnalyzedSentence, at = -1): Place[] {
  let places = s.places;
  if (at >= 0) {
    const [a, b] = clauseOf(s.text, at);
    const inClause = places.filter((p) => p.index >= a && p.index < b);
    if (inClause.length) places = inClause;
  }
  const fine = places.filter((p) => p.place.kind !== 'country');
  const chosen = fine.length ? fine : places.filter((p) => p.locative);
  return chosen.map((p) => p.place);
}

function participants(s: AnalyzedSentence, kind: 'incident' | 'development'): { actors: Actor[]; perpetrators: Actor[] } {
  const speaker = s.claim?.speakerId;
  const actors = s.actors
    .filter((m) => !NON_PARTICIPANTS.has(m.actor.kind) && m.actor.id !== speaker)
    // "police said", "the military said": the speaker of the sentence, not a party to what it reports
    .filter((m) => !SPEAKS.test(s.text.slice(m.index + m.text.length)))
    .filter((m) => kind === 'development' || m.actor.side !== 'mediator')
    .map((m) => m.actor);
  const perpetrators = s.actors.filter((m) => PERPETRATION.test(s.text.slice(m.index + m.text.length)) || /\b(?:by|from)\s+(?:the\s+)?$/i.test(s.text.slice(Math.max(0, m.index - 12), m.index))).map((m) => m.actor);
  return { actors, perpetrators };
}

function overlaps(a: DateInterval | null, b: DateInterval | null, slack = 0): boolean {
  if (!a || !b) return true;
  return a.start <= addDays(b.end, slack) && b.start <= addDays(a.end, slack);
}

function near(a: Place[], b: Place[]): boolean {
  if (a.length === 0 || b.length === 0) return true;
  return a.some((p) => b.some((q) => p.id === q.id || distanceKm(p, q) < 150 || (p.admin1 && p.admin1 === q.admin1 && p.country === q.country)));
}

const uniq = <T extends { id: string }>(xs: T[]): T[] => xs.filter((x, i) => xs.findIndex((y) => y.id === x.id) === i);

function compatible(m: Mention, t: TypedTrigger, when: DateInterval | null, where: Place[]): boolean {
  if (m.kind !== t.kind) return false;
  if (t.kind === 'development') return overlaps(m.when, when) && near(m.where, where);
  const sameType = m.subEventType === t.subEventType || GENERIC.has(t.subEventType) && t.trigger.length < 12 || GENERIC.has(m.subEventType) && m.eventType === 'Battles' && t.subEventType.startsWith('Shelling');
  return sameType && overlaps(m.when, when) && near(m.where, where);
}

function absorb(m: Mention, s: AnalyzedSentence, when: DateInterval | null, where: Place[]): void {
  if (!m.sentences.includes(s.index)) m.sentences.push(s.index);
  if (!m.when && when) { m.when = when; m.trace.when = s.index; }
  else if (m.when && when && m.when.precision !== 'day' && m.when.precision !== 'night' && (when.precision === 'day' || when.precision === 'night')) { m.when = when; m.trace.when = s.index; }
  // a round of talks told day by day ("opened on Saturday", "ended on Sunday") spans its days
  else if (m.kind === 'development' && m.when && when && when.precision === 'day' && when.start > m.when.end && when.start <= addDays(m.when.end, 4) && m.when.precision !== 'inferred') { m.when = { start: m.when.start, end: when.end, precision: 'days' }; }
  if (where.length) { m.where = uniq([...m.where, ...where]); m.trace.where.push(s.index); }
  const { actors, perpetrators } = participants(s, m.kind);
  if (actors.length) { m.actors = uniq([...m.actors, ...actors]); m.trace.actors.push(s.index); }
  m.perpetrators = uniq([...m.perpetrators, ...perpetrators]);
  if (m.kind === 'incident' && s.casualties.length) {
    m.casualties.push(...s.casualties);
    if (s.casualties.some((c) => c.kind === 'killed')) m.trace.fatalities.push(s.index);
    if (s.casualties.some((c) => c.kind === 'injured')) m.trace.injured.push(s.index);
  }
  if (s.claim && !m.claims.includes(s.claim)) m.claims.push(s.claim);
}

/**
 * The events one article reports, as mentions with their sentences.
 * @example extractMentions(article, analyzeArticle(article, ctx))
 */
export function extractMentions(article: Article, sentences: readonly AnalyzedSentence[]): Mention[] {
  const out: Mention[] = [];
  let lastIncident: Mention | null = null;
  let lastIncidentAt = -10;
  const open = (t: TypedTrigger, s: AnalyzedSentence, when: DateInterval | null, where: Place[]): Mention => {
    const m: Mention = { id: `${article.id}:${out.length + 1}`, article: article.id, kind: t.kind, eventType: t.eventType, subEventType: t.subEventType, ...(t.development ? { development: t.development } : {}), when: null, where: [], actors: [], perpetrators: [], casualties: [], fatalities: null, injured: null, claims: [], sentences: [], trace: { where: [], actors: [], fatalities: [], injured: [] } };
    absorb(m, s, when, where);
    out.push(m);
    return m;
  };
  for (const s of sentences) {
    const incident = s.types.find((t) => t.kind === 'incident' && !t.hedged) ?? null;
    // an announcement of what will happen is not an event yet
    const development = FUTURE.test(s.text) ? null : (s.types.find((t) => t.kind === 'development' && !t.hedged) ?? null);
    const where = eventPlaces(s, incident?.index ?? development?.index ?? -1);
    if (incident) {
      const when = eventDate(s, incident);
      const target = [...out].reverse().find((m) => compatible(m, incident, when, where));
      const m = target ?? open(incident, s, when, where);
      if (target) {
        absorb(target, s, when, where);
        // a specific trigger refines a generic one ("fighting", then "mortar shells")
        if (GENERIC.has(target.subEventType) && !GENERIC.has(incident.subEventType) && incident.subEventType.startsWith('Shelling')) { target.eventType = incident.eventType; target.subEventType = incident.subEventType; }
      }
      lastIncident = m;
      lastIncidentAt = s.index;
    } else if (s.casualties.length && lastIncident && s.index - lastIncidentAt <= 3) {
      absorb(lastIncident, s, eventDate(s, null), where);
      lastIncidentAt = s.index;
    }
    if (development && (!incident || s.types.indexOf(development) < s.types.indexOf(incident))) {
      const when = eventDate(s, development);
      const target = [...out].reverse().find((m) => compatible(m, development, when, where));
      if (target) absorb(target, s, when, where);
      else if (when || where.length || s.headline || s.index <= 2) open(development, s, when, where);
    }
  }
  for (const m of out) {
    // for violence against civilians, the civilians are a party (as ACLED codes it)
    if (m.eventType === 'Violence against civilians' && !m.actors.some((a) => a.id === 'civilians')) m.actors.push({ id: 'civilians', name: 'Civilians', aliases: [], kind: 'civilians', known: true });
    const tally = combineCasualties(m.casualties);
    m.fatalities = tally.killed;
    m.injured = tally.injured;
    if (!m.when && article.published) m.when = { start: article.published, end: article.published, precision: 'inferred' };
    else if (!m.when && article.publishedWindow) m.when = { ...article.publishedWindow };
    if (m.where.length > 1) {
      // a country only when nothing finer is named
      const fine = m.where.filter((p) => p.kind !== 'country');
      if (fine.length) m.where = fine;
    }
  }
  // A mention needs a date the text gives or a figure (an aggregate or a bare name is not a report of an event).
  return out.filter((m) => m.casualties.length > 0 || (m.when !== null && m.when.precision !== 'inferred'));
}
