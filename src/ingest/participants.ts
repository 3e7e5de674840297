// Who took part in what a sentence reports: the actors it names, less its speakers ("police said", "the ministry
// said in a statement"), and, for incidents, less the mediators. Perpetrators are those the sentence has attacking,
// firing or launching, or doing it "by" them.
import type { AnalyzedSentence } from './analyze.js';
import type { Actor } from './types.js';

const SPEAKS = /^\s*(?:officials?\s+|spokes\w+\s+|sources?\s+)?(?:said|says|told|claimed|added|stated|announced|reported)\b/i;
const NON_PARTICIPANTS = new Set(['person', 'ministry', 'media_wing', 'organization']);
const PERPETRATION = /^\s*(?:had\s+|have\s+|has\s+|also\s+)?(?:attacked|launched|fired|struck|started|targeted|shelled|bombed|opened\s+fire|stormed|ambushed|carried\s+out|conducted|hit|killed|raided)\b/i;

/**
 * The parties and the perpetrators a sentence names.
 * @example participants(analyzed, 'incident').perpetrators // [Afghan Taliban] for "Afghan forces opened fire…"
 */
export function participants(s: AnalyzedSentence, kind: 'incident' | 'development'): { actors: Actor[]; perpetrators: Actor[] } {
  const speakers = new Set(s.claims.map((c) => c.speakerId).filter((x): x is string => !!x));
  const spans = s.claims.flatMap((c) => (c.span ? [c.span] : []));
  const actors = s.actors
    .filter((m) => !NON_PARTICIPANTS.has(m.actor.kind) && !speakers.has(m.actor.id))
    .filter((m) => !spans.some(([a, b]) => m.index >= a && m.index < b))
    // "police said", "the military said": the speaker of the sentence, not a party to what it reports
    .filter((m) => !SPEAKS.test(s.text.slice(m.index + m.text.length)))
    .filter((m) => kind === 'development' || m.actor.side !== 'mediator')
    // a country named where something happened ("in Afghanistan") is a place, not a party
    .filter((m) => !(m.actor.kind === 'state' || m.actor.governs) || !/\b(?:in|inside|into|within|across|throughout|to|near)\s+(?:the\s+)?$/i.test(s.text.slice(Math.max(0, m.index - 12), m.index)) || m.text !== m.actor.name && !/^[A-Z][a-z]+$/.test(m.text))
    .map((m) => (kind === 'incident' && m.force ? m.force : m.actor));
  const perpetrators = s.actors.filter((m) => PERPETRATION.test(s.text.slice(m.index + m.text.length)) || /\b(?:by|from)\s+(?:the\s+)?$/i.test(s.text.slice(Math.max(0, m.index - 12), m.index))).map((m) => (kind === 'incident' && m.force ? m.force : m.actor));
  return { actors, perpetrators };
}
