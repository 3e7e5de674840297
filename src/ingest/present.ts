// A cluster of mentions -> one candidate event in design.md's shape. Where sources disagree the event shows the
// span of what they say (a toll of 12 and one of 15 give 12–15) and discrepancies.ts lists each source's value.
import type { Mention } from './events.js';
import type { CandidateEvent, EventActor, EventMention, EventPlace, EventToll } from './result.js';
import { tollsOf } from './tolls.js';
import type { Actor, DateInterval, Place, Range } from './types.js';

const PRECISE = new Set(['day', 'night']);

function when(ms: readonly Mention[]): DateInterval | null {
  const dated = ms.filter((m) => m.when);
  const best = dated.find((m) => PRECISE.has(m.when!.precision)) ?? dated.find((m) => m.when!.precision !== 'inferred') ?? dated[0];
  return best?.when ?? null;
}

function span(rs: (Range | null)[]): Range | null {
  const xs = rs.filter((r): r is Range => r !== null);
  if (xs.length === 0) return null;
  const min = Math.min(...xs.map((r) => r.min));
  const max = Math.max(...xs.map((r) => r.max));
  return { min, max, ...(xs.some((r) => r.open && r.max === max) ? { open: true } : {}) };
}

/** A gazetteer place as the output shows it. */
export const eventPlace = (p: Place): EventPlace => ({ name: p.name, country: p.country, lat: p.lat, lon: p.lon, precision: p.precision, ...(p.admin1 ? { admin1: p.admin1 } : {}), ...(p.admin2 ? { admin2: p.admin2 } : {}), ...(p.admin3 ? { admin3: p.admin3 } : {}) });
const actor = (a: Actor): EventActor => ({ id: a.id, name: a.name, aliases: a.aliases, kind: a.kind, ...(a.side ? { side: a.side } : {}), known: a.known });

function tolls(m: Mention): EventToll[] {
  return tollsOf(m.casualties).map((t) => ({ ...(t.actor ? { actor: { id: t.actor.id, name: t.actor.name } } : {}), ...(t.side ? { side: t.side } : {}), ...(t.civilian ? { civilian: true as const } : {}), killed: t.killed, injured: t.injured, claimant: t.claimant }));
}

function mention(m: Mention): EventMention {
  return {
    article: m.article, when: m.when, where: m.where.map((p) => p.name), actors: m.actors.map((a) => a.name), perpetrators: m.perpetrators.map((a) => a.name),
    fatalities: m.fatalities, injured: m.injured,
    figures: m.casualties.map((c) => ({ kind: c.kind, victims: c.victims, min: c.range.min, max: c.range.max, ...(c.range.open ? { open: true } : {}), by: c.by, text: c.text, ...(c.actor ? { actor: c.actor.name } : {}) })),
    tolls: tolls(m),
    sentences: [...m.sentences].sort((a, b) => a - b), trace: m.trace,
  };
}

function uniqBy<T>(xs: T[], key: (x: T) => string): T[] {
  const seen = new Set<string>();
  return xs.filter((x) => (seen.has(key(x)) ? false : (seen.add(key(x)), true)));
}

function summary(e: Omit<CandidateEvent, 'summary'>): string {
  const what = e.kind === 'development' ? (e.development ?? e.sub_event_type) : e.sub_event_type;
  const where = e.where.length ? ` in ${e.where.slice(0, 3).map((p) => p.name).join(', ')}` : '';
  const date = e.when ? ` on ${e.when.start}${e.when.end !== e.when.start ? `–${e.when.end}` : ''}${e.when.precision === 'night' ? ' (night)' : ''}` : '';
  const toll = e.fatalities ? `; ${e.fatalities.min === e.fatalities.max ? e.fatalities.min : `${e.fatalities.min}–${e.fatalities.max}`}${e.fatalities.open ? '+' : ''} killed` : '';
  const hurt = e.injured ? `; ${e.injured.min === e.injured.max ? e.injured.min : `${e.injured.min}–${e.injured.max}`}${e.injured.open ? '+' : ''} injured` : '';
  const who = e.actors.length ? ` (${e.actors.slice(0, 3).map((a) => a.name).join(', ')})` : '';
  const n = new Set(e.mentions.map((m) => m.article)).size;
  return `${what[0]!.toUpperCase()}${what.slice(1)}${where}${date}${toll}${hurt}${who}; ${n} source${n === 1 ? '' : 's'}`;
}

/**
 * The candidate event for one cluster.
 * @example toEvent('ev-1', [mentionA, mentionB], sentencesByArticle).sources.length // every sentence of both
 */
export function toEvent(id: string, ms: readonly Mention[], sentences: ReadonlyMap<string, readonly string[]>): CandidateEvent {
  const first = ms[0]!;
  const typed = ms.find((m) => m.subEventType !== 'Armed clash') ?? first;
  const base: Omit<CandidateEvent, 'summary'> = {
    id, kind: first.kind, event_type: typed.eventType, sub_event_type: typed.subEventType, ...(typed.development ? { development: typed.development } : {}),
    when: when(ms),
    where: uniqBy(ms.flatMap((m) => m.where), (p) => p.id).map(eventPlace),
    actors: uniqBy(ms.flatMap((m) => m.actors), (a) => a.id).map(actor),
    fatalities: span(ms.map((m) => m.fatalities)),
    injured: span(ms.map((m) => m.injured)),
    tolls: ms.flatMap((m) => tolls(m).map((t) => ({ ...t, article: m.article }))),
    claims: uniqBy(ms.flatMap((m) => m.claims.map((c) => ({ speaker: c.speaker, quote: c.quote, article: m.article, ...(c.role ? { role: c.role } : {}), kind: c.kind, sentence: c.sentence }))), (c) => `${c.article}|${c.sentence}|${c.speaker}`),
    sources: ms.flatMap((m) => [...m.sentences].sort((a, b) => a - b).map((i) => ({ article: m.article, sentence: sentences.get(m.article)?.[i] ?? '', index: i }))),
    mentions: ms.map(mention),
  };
  return { ...base, summary: summary(base) };
}
