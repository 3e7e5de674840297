// Who took part in what a sentence reports: the actors it names, less its speakers ("police said", "the ministry
// said in a statement"), and, for incidents, less the mediators. Perpetrators are those the sentence has attacking,
// firing or launching, or doing it "by" them.
import type { AnalyzedSentence } from './analyze.js';
import type { Actor, ActorMention } from './types.js';
import { CLAIMS_RESPONSIBILITY } from './arabic-script/claims.js';

const SPEAKS = /^\s*(?:officials?\s+|spokes\w+\s+|sources?\s+)?(?:said|says|told|claimed|added|stated|announced|reported)\b/i;
const NON_PARTICIPANTS = new Set(['person', 'ministry', 'media_wing', 'organization']);
const PARTY_KINDS = new Set(['armed_group', 'state_force']);
/** After a party's name: it speaks of its own act ("said it had killed", "said its fighters captured", "claimed responsibility"). */
const OWN_ACTION = /^\s*(?:\([^)]{1,12}\)\s*)?(?:said|says|claimed|announced|stated)\b[^.;]{0,40}?\b(?:(?:it|they)\s+(?:had\s+|has\s+|have\s+)?(?:killed|attacked|captured|seized|took|ambushed|carried\s+out|launched|targeted|shot\s+down|downed|destroyed|overran|stormed)|its\s+(?:fighters|forces|militants|men|units|members)\b|responsibility)/i;
const PERPETRATION = /^\s*(?:had\s+|have\s+|has\s+|also\s+)?(?:attacked|launched|fired|struck|started|targeted|shelled|bombed|opened\s+fire|stormed|ambushed|carried\s+out|conducted|hit|killed|raided)\b/i;

/**
 * The parties and the perpetrators a sentence names.
 * @example participants(analyzed, 'incident').perpetrators // [Afghan Taliban] for "Afghan forces opened fire…"
 */
export function participants(s: AnalyzedSentence, kind: 'incident' | 'development'): { actors: Actor[]; perpetrators: Actor[] } {
  const speakers = new Set(s.claims.map((c) => c.speakerId).filter((x): x is string => !!x));
  const spans = s.claims.flatMap((c) => (c.span ? [c.span] : []));
  // "JNIM said it had killed 15 soldiers": a party that speaks of what it did itself is a party, and the perpetrator
  // (in Arabic script, its claim of responsibility: "جماعت الاحرار نے قبول کی")
  const own = (m: ActorMention): boolean => PARTY_KINDS.has(m.actor.kind) && (OWN_ACTION.test(s.text.slice(m.index + m.text.length)) || (/[\u0600-\u06ff]/u.test(m.text) && CLAIMS_RESPONSIBILITY.test(s.text.slice(m.index + m.text.length))));
  const actors = s.actors
    .filter((m) => !NON_PARTICIPANTS.has(m.actor.kind) && (!speakers.has(m.actor.id) || own(m)))
    .filter((m) => own(m) || !spans.some(([a, b]) => m.index >= a && m.index < b))
    // "police said", "the military said": the speaker of the sentence, not a party to what it reports
    .filter((m) => own(m) || !SPEAKS.test(s.text.slice(m.index + m.text.length)))
    .filter((m) => kind === 'development' || m.actor.side !== 'mediator')
    // a country named where something happened ("in Afghanistan") is a place, not a party
    .filter((m) => !(m.actor.kind === 'state' || m.actor.governs) || !/\b(?:in|inside|into|within|across|throughout|to|near)\s+(?:the\s+)?$/i.test(s.text.slice(Math.max(0, m.index - 12), m.index)) || m.text !== m.actor.name && !/^[A-Z][a-z]+$/.test(m.text))
    .map((m) => (kind === 'incident' && m.force ? m.force : m.actor));
  const perpetrators = s.actors.filter((m) => own(m) || PERPETRATION.test(s.text.slice(m.index + m.text.length)) || /\b(?:by|from)\s+(?:the\s+)?$/i.test(s.text.slice(Math.max(0, m.index - 12), m.index))).map((m) => (kind === 'incident' && m.force ? m.force : m.actor));
  return { actors, perpetrators };
}

/**
 * The parties an Arabic-script sentence has claiming responsibility ("د طالبانو … نطاق … مسوولیت په غاړه اخیستی"): told
 * after an incident in a sentence of its own, they are its parties (the perpetrators), whoever speaks for them.
 * @example claimants(analyzed) // [Afghan Taliban]
 */
export function claimants(s: AnalyzedSentence): Actor[] {
  return s.actors.filter((m) => PARTY_KINDS.has(m.actor.kind) && /[\u0600-\u06ff]/u.test(m.text) && CLAIMS_RESPONSIBILITY.test(s.text.slice(m.index + m.text.length))).map((m) => m.force ?? m.actor);
}
