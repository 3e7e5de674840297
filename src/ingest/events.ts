// Sentences -> event mentions of one article. Each sentence's cues (cues.ts) open an event or add to a compatible
// one: the same kind of violence (or a catch-all word), days that overlap, places that are near. A figure-only
// sentence ("ISPR said 23 soldiers had been killed") joins the incident just before it, and a quote or paraphrase
// that follows an event ("'We responded in a measured manner,' an official said") joins it for its speaker. Every
// field keeps the sentences it came from.
import type { AnalyzedSentence } from './analyze.js';
import type { Cue } from './cues.js';
import { beginning, devGroup, incidentFamily, isAggregate, sentenceCues } from './cues.js';
import { claimants, participants } from './participants.js';
import { datelinePlace } from './analyze.js';
import { gazetteer } from './gazetteer.js';
import { combineCasualties } from './tally.js';
import type { Actor, Article, Casualty, DateInterval, Place } from './types.js';
import { addDays, dayDiff, fold } from './text.js';
import { ANOTHER, apartPlaces, COARSE, nearPlaces, overlaps, paragraphPlace, reporterPlace, uniq, VIOLENT, type Mention } from './mention.js';
import { mergeUndated } from './undated-merge.js';
import { countedIncidents, splitScenes } from './several-incidents.js';
import { armedSides, mobBesideDemonstrations, unarmedAssault } from './mob-violence.js';
import { codedTollToNoteEvent } from './coded-tolls.js';
import { escalation, fightless } from './escalation.js';
import { armedTarget } from './civilian-targets.js';

export type { Mention } from './mention.js';

const PRECISE = new Set(['day', 'night', 'days']);
const STAMP = /^(?:\d{1,2}[:.]\d{2}\s*(?:am|pm|a\.m\.|p\.m\.)?|\d{1,2}\s*(?:am|pm))\s*(?:[A-Z]{2,5})?\.?$/i;

/** A mob's fight told again as "the clash" ("supporters clashed … 3 people were killed during the clash") is that fight. */
const mobClash = (m: Mention, c: Cue): boolean => m.subEventType === 'Mob violence' && /^clash/i.test(c.trigger.trigger);

function sameKind(m: Mention, c: Cue): boolean {
  if (m.kind !== c.kind) return false;
  if (c.kind === 'development') return devGroup(m.development) === devGroup(c.trigger.development);
  const a = incidentFamily(m.subEventType, m.eventType);
  const b = incidentFamily(c.trigger.subEventType, c.trigger.eventType);
  return a === b || Boolean(m.weak) || c.weak || a === 'Violence against civilians' || b === 'Violence against civilians' || (isProtest(m.eventType) && isProtest(c.trigger.eventType)) || blownUp(m, c) || mobClash(m, c);
}

/**
 * Property destroyed, then the explosive that did it ("insurgents derailed a train … the train was derailed by a
 * Claymore mine"): one incident, and the explosion is its kind (as ACLED codes a bridge or a train blown up).
 */
const DESTRUCTION = 'Looting/property destruction';
const EXPLOSIVE = new Set(['Remote explosive/landmine/IED', 'Grenade', 'Suicide bomb']);
const blownUp = (m: Mention, c: Cue): boolean => m.subEventType === DESTRUCTION && EXPLOSIVE.has(c.trigger.subEventType);
/** Words of a second side in a fight: a force, fighters, a post they hold, a fight's own words. */
const NO_SIDES_BUT_ONE = /\b(?:police(?:men)?|officers?|soldiers?|troops|army|military|forces|guards?|militants?|rebels?|guerrillas?|insurgents?|fighters?|militias?|militiamen|gangs?|gang\s+members|cartels?|checkpoints?|bases?|posts?|patrols?|convoys?|clash(?:es|ed)?|fighting|fought|battles?|exchange[sd]?|gunfights?|shoot-?outs?|crossfire|returned\s+fire)\b/i;
/** Kinds a crowd's violence is read as by its words ("clashed", "attacked", "exploded crude bombs", "vandalized"). */
const BY_MOB_OR_ARMED = new Set(['Armed clash', 'Attack', 'Remote explosive/landmine/IED', DESTRUCTION]);

const isProtest = (eventType: string): boolean => eventType === 'Protests' || eventType === 'Riots';

function datesFit(m: Mention, c: Cue, ref: string | null): boolean {
  if (!c.when) return true;
  // an undated event (a headline, a lede) takes the first date that could be the news of the day
  if (!m.when) return !ref || c.when.end >= addDays(ref, -4);
  // the day a claim was made bounds the violence it reports from above (a statement's own day is its date)
  if (c.speech && m.whenFromSpeech && m.kind === 'incident') return true;
  if (c.speech && m.kind === 'incident') return m.when.start <= c.when.end;
  if (m.whenFromSpeech && m.kind === 'incident') return c.when.end <= m.when.end;
  // one round of talks is told over its days ("the talks on Saturday", "announced early on Sunday")
  if (m.kind === 'development' && devGroup(m.development) === 'process' && PRECISE.has(c.when.precision) && PRECISE.has(m.when.precision)) return overlaps(m.when, { ...c.when, start: addDays(c.when.start, -1), end: addDays(c.when.end, 1) });
  return overlaps(m.when, c.when);
}

/**
 * "The victims of this explosion on Friday": a demonstrative before the word for the violence points back to the
 * incident already told (English, Dari/Persian, Pashto, Urdu, Arabic). ("The attack on Friday" is often another one.)
 */
const BACK_REF = /(?:\b(?:this|that|these|those)\s+(?:\w+\s+)?|(?:این|آن|همین|دا|دغه|هغه|اس|اسی|هذا|هذه|ذلك|تلك)\s+)$/iu;
/**
 * "During the attack, the guerrillas partially destroyed the offices": a sentence that opens inside the violence
 * just told, by a definite word for it, goes on about that incident whatever it then tells.
 */
const DURING_IT = /^(?:During|In\s+the\s+course\s+of|In)\s+(?:the|this|that)\s+(?:attack|assault|raid|ambush|clash|fighting|incursion|operation|incident|explosion|blast)s?\s*,/i;
const goesOn = (s: AnalyzedSentence, c: Cue): boolean => c.kind === 'incident' && !c.when && c.trigger.index > 0 && DURING_IT.test(s.text);
function pointsBack(s: AnalyzedSentence, c: Cue): boolean {
  return BACK_REF.test(s.text.slice(Math.max(0, c.trigger.index - 30), c.trigger.index));
}

/**
 * A lede often tells the news of the day about an incident of the day before ("rescuers today found six more
 * bodies"; "the toll rose to 27 today"), then dates the incident itself ("the victims of this explosion on Friday"):
 * an earlier day for the incident the sentence points back to is its day, not another incident.
 */
function earlierDay(m: Mention, c: Cue, ref: string | null, back: boolean): boolean {
  if (!back || !c.when || !m.when || m.kind !== 'incident' || !ref || m.when.start !== ref) return false;
  return PRECISE.has(c.when.precision) && c.when.end < m.when.start && dayDiff(c.when.end, m.when.start) <= 7;
}

function absorbWhen(m: Mention, c: Cue, index: number): void {
  const w = c.when;
  if (!w) return;
  const take = (): void => { m.when = w; m.whenFromSpeech = c.speech; m.trace.when = index; };
  if (!m.when) take();
  else if (m.whenFromSpeech && m.kind === 'incident' && (!c.speech || w.start < m.when.start)) take();
  else if (!PRECISE.has(m.when.precision) && PRECISE.has(w.precision)) take();
  // a round of talks told day by day ("opened on Saturday", "ended on Sunday") spans its days
  else if (m.development === 'talks' && !c.clause.sub && PRECISE.has(w.precision) && (w.start > m.when.end || w.end < m.when.start)) {
    const start = w.start < m.when.start ? w.start : m.when.start;
    const end = w.end > m.when.end ? w.end : m.when.end;
    if (dayDiff(start, end) <= 4) m.when = { start, end, precision: 'days' };
  }
}

function absorb(m: Mention, s: AnalyzedSentence, c: Cue | null, figures: readonly Casualty[], first = false): void {
  let casualties = figures;
  if (!m.sentences.includes(s.index)) m.sentences.push(s.index);
  if (c) {
    absorbWhen(m, c, s.index);
    if (c.where.length) { m.where = uniq([...m.where, ...c.where]); m.trace.where.push(s.index); }
    // (a killing told in catch-all words is not made a strategic development by a later "demobilization")
    const bloodless = c.trigger.eventType === 'Strategic developments' && m.casualties.some((x) => x.kind === 'killed' && x.range.max > 0);
    // (a protest met by the police or turning violent, a clash that ends with ground taken: escalation.ts)
    const up = escalation(m, c, s.text);
    if ((m.weak && !c.weak && m.kind === 'incident' && !bloodless) || up || blownUp(m, c)) Object.assign(m, { eventType: c.trigger.eventType, subEventType: up ?? c.trigger.subEventType, weak: false });
    const { actors, perpetrators } = participants(s, m.kind);
    if (actors.length) { m.actors = uniq([...m.actors, ...actors]); m.trace.actors.push(s.index); }
    // who "attacked" or "fired first" is a question for incidents only
    if (m.kind === 'incident') m.perpetrators = uniq([...m.perpetrators, ...perpetrators]);
  }
  // a headline repeats the body's figures: they count only where the body gives none of that kind
  const fresh = first ? casualties.filter((x) => !m.casualties.some((y) => y.kind === x.kind)) : casualties;
  if (m.kind === 'incident' && fresh.length) {
    casualties = fresh;
    if (first) m.casualties.unshift(...casualties);
    else m.casualties.push(...casualties);
    if (casualties.some((x) => x.kind === 'killed')) m.trace.fatalities.push(s.index);
    if (casualties.some((x) => x.kind === 'injured')) m.trace.injured.push(s.index);
  }
  for (const claim of s.claims) if (!m.claims.includes(claim)) m.claims.push(claim);
}

/** How often the article names each party, for incidents (forces) or developments (governments). */
function partyCounts(sentences: readonly AnalyzedSentence[], kind: 'incident' | 'development'): Map<string, { actor: Actor; n: number }> {
  const out = new Map<string, { actor: Actor; n: number }>();
  for (const s of sentences) for (const a of participants(s, kind).actors) out.set(a.id, { actor: a, n: (out.get(a.id)?.n ?? 0) + 1 });
  return out;
}

const SIDE_KINDS: Record<string, ReadonlySet<string>> = { incident: new Set(['state_force', 'armed_group']), development: new Set(['state', 'government']) };
const kindOf = (a: Actor): string => (a.governs ? 'government' : a.kind);

/**
 * A battle has two sides and talks two parties; when the sentences of a mention name only one, the other is the
 * party the article names most (at least twice) of the same standing: a force or group for a battle, a
 * government for a development.
 */
function inheritParties(m: Mention, counts: ReadonlyMap<string, { actor: Actor; n: number }>): void {
  if (m.kind === 'incident' && m.eventType !== 'Battles') return;
  const kinds = SIDE_KINDS[m.kind]!;
  const fits = (a: Actor): boolean => kinds.has(a.kind) || kinds.has(kindOf(a));
  const sides = m.actors.filter((a) => fits(a) && a.side !== 'mediator');
  if (sides.length !== 1 && !(m.kind === 'development' && sides.length === 0)) return;
  const ranked = [...counts.values()].filter((x) => x.n >= 2 && fits(x.actor) && x.actor.side !== 'mediator' && !m.actors.some((a) => a.id === x.actor.id)).sort((a, b) => b.n - a.n);
  for (const x of ranked.slice(0, 2 - sides.length)) m.actors.push(x.actor);
}

const DISASTER = /\b(?:hurricanes?|earthquakes?|floods?|flooding|cyclones?|typhoons?|tropical\s+storms?|landslides?|mudslides?|tsunamis?|volcanic\s+eruptions?)\b/i;
const DISASTER_TOLL = /\b(?:damage|hurricanes?|earthquakes?|floods?|flooding|cyclones?|typhoons?|storms?|landslides?|mudslides?|tsunamis?|eruptions?|disaster)\b/i;

/**
 * A dated report that tells no incident with a date or a figure may still tell one in plain words ("A bomb had been
 * planted there … The minor picked up the bomb and it exploded"): the first main clause that names the kind of
 * violence is the report's incident, of the day of the report (marked as inferred), at the places its lede names.
 */
const ONGOING = /\b(?:is|are|am|been)\s+(?:still\s+)?$/i;
/**
 * Words of another time or of a series: "Galan was assassinated … last year", "the murder victims have been leftists
 * for some time now", "the wave of kidnappings", a question ("What do you think about kidnappings?"). Such a
 * sentence recalls or sums up violence: it is no report's one incident.
 */
const NOT_ONE = /\b(?:(?:last|past|previous)\s+(?:year|decade)|(?:years|decades)\s+ago|(?:in|during|over)\s+(?:the\s+)?(?:recent|past|last)\s+(?:few\s+)?years|for\s+(?:some\s+time|years|decades)(?:\s+now)?|since\s+(?:19|20)\d\d|waves?\s+of)\b|\?\s*$/i;
/**
 * A sentence that opens by recalling ("Let us recall the horrible explosion of the Colombian airliner", "We just have
 * to remember the cold way in which journalist Bill Stewart was killed", "The bishop recalled that this year is the
 * 10th anniversary of Msgr Romero's assassination") tells history: without a day of its own it opens no event (the
 * day of the report is not the day of what it recalls).
 */
const RECALLS = /^(?:\[[^\]]{1,60}\]\s*)*(?:let\s+us\s+(?:recall|remember)|we\s+(?:\w+\s+){0,3}?(?:recall|remember)|it\s+(?:\w+\s+){0,2}?(?:be\s+)?recalled|(?:\p{Lu}[\p{L}'’-]*\s+|the\s+[\p{L}-]+\s+){1,3}(?:also\s+)?recalled\s+that)\b|\banniversary\s+of\s+(?:[\p{L}'’.-]+\s+){0,5}?(?:murder|assassination|death|massacre|killing)/iu;
function loneIncident(sentences: readonly AnalyzedSentence[], ref: string | null, open: (c: Cue) => Mention): Mention | null {
  const body = sentences.filter((s) => !s.headline);
  // (violence only, told near the top: a protest word deep in an interview is no report's incident)
  for (const s of body.slice(0, 8)) {
    if (NOT_ONE.test(s.text) || RECALLS.test(s.text)) continue;
    // (nor a war going on: "the government that is fighting against the rebels")
    // (a protest, a riot or looting only in the first three sentences: further on it is rarely the report's own)
    const c = sentenceCues(s, s.claims.flatMap((x) => (x.span ? [x.span] : [])), ref).find((x) => x.kind === 'incident' && !x.weak && !x.clause.sub && (VIOLENT.has(x.trigger.eventType) || s.index - (body[0]?.index ?? 0) < 3) &&
      !ONGOING.test(s.text.slice(Math.max(0, x.trigger.index - 20), x.trigger.index)));
    if (!c) continue;
    const m = open(c);
    absorb(m, s, c, s.casualties);
    if (m.where.length === 0) m.where = uniq(body.slice(0, 2).flatMap((x) => x.places.filter((p) => p.place.kind !== 'country' && p.place.kind !== 'unresolved').map((p) => p.place)));
    return m;
  }
  return null;
}

/**
 * Wire copy strings a day's incidents together with a word that turns to another one: "In another attack, a bomb
 * destroyed …" opens another incident wherever it is; "Meanwhile, a soldier was killed in Chalatenango when he
 * stepped on a mine" does when it tells violence of another kind or at a place apart from the incident before.
 */
const OPENS_ANOTHER = /^(?:In|During)\s+(?:another|a\s+(?:separate|second|third|similar|different|new)|other)\s+(?:[\w-]+\s+){0,2}?(?:attacks?|incidents?|actions?|acts?|raids?|bombings?|ambush(?:es)?|cases?|outrages?)\b/i;
const TURNS = /^(?:Meanwhile|Elsewhere|In\s+addition|Separately|Moreover|Furthermore|Also|Similarly|Likewise|At\s+the\s+same\s+time)\s*,/i;
function turnsToAnother(m: Mention, c: Cue, s: AnalyzedSentence): boolean {
  if (c.kind !== 'incident' || m.kind !== 'incident' || c.weak || c.clause.sub || m.sentences.includes(s.index) || !VIOLENT.has(c.trigger.eventType)) return false;
  if (OPENS_ANOTHER.test(s.text)) return true;
  return TURNS.test(s.text) && (apartPlaces(m.where, c.where) || (!m.weak && incidentFamily(m.subEventType, m.eventType) !== incidentFamily(c.trigger.subEventType, c.trigger.eventType)));
}

/** A sentence that tells of the incident just told as news: reported, condemned, blamed on someone. */
const REPORTED_BACK = /^(?:The|This|That)\s+(?:[\w-]+\s+){0,2}?(?:attacks?|massacres?|murders?|killings?|crimes?|explosions?|bombings?|ambush(?:es)?|kidnappings?|assassinations?|incidents?)\s+(?:was|were|has\s+been|have\s+been|had\s+been)\s+(?:\w+\s+)?(?:reported|denounced|condemned|attributed|confirmed|claimed|blamed|repudiated|disclosed|announced|investigated)\b/i;
/** A sentence that tells where the incident just told happened ("The crime occurred in …", "The incident took place at …"). */
const SCENE_OF = /^(?:The|This|That)\s+(?:[\w-]+\s+){0,2}?(?:crimes?|incidents?|attacks?|murders?|killings?|massacres?|explosions?|blasts?|ambush(?:es)?|kidnappings?|abductions?|assaults?|actions?|events?|shooting)\s+(?:(?:reportedly|also)\s+)?(?:took\s+place|occurred|happened|was\s+(?:committed|carried\s+out|perpetrated))\b[^.;]{0,40}?\b(?:in|at|near|on)\s/i;

const datelineTown = (article: Article): Place | undefined => {
  const p = article.dateline ? datelinePlace(article, gazetteer()) : undefined;
  return p && p.kind !== 'country' ? p : undefined;
};

/**
 * The events one article reports, as mentions with their sentences.
 * @example extractMentions(article, analyzeArticle(article, ctx))
 */
export function extractMentions(article: Article, sentences: readonly AnalyzedSentence[]): Mention[] {
  const out: Mention[] = [];
  const lastAt = new Map<Mention, number>();
  const ref = article.published ?? article.publishedWindow?.start ?? null;
  let lastIncident: Mention | null = null;
  let lastTouched: Mention | null = null;
  const open = (c: Cue): Mention => {
    const t = c.trigger;
    const m: Mention = { id: `${article.id}:${out.length + 1}`, article: article.id, kind: t.kind, eventType: t.eventType, subEventType: t.subEventType, ...(t.development ? { development: t.development } : {}), when: null, where: [], actors: [], perpetrators: [], casualties: [], fatalities: null, injured: null, claims: [], sentences: [], trace: { where: [], actors: [], fatalities: [], injured: [] }, weak: c.weak, ...(c.framed ? { framed: true } : {}) };
    out.push(m);
    return m;
  };
  // a sentence that sets the scene ("Two days after the city fell, on October 28, fighters entered the hospital")
  // dates the event the next sentence tells
  let scene: { index: number; when: DateInterval | null; where: Place[] } | null = null;
  const paragraphOf = new Map(sentences.map((s) => [s.index, s.paragraph]));
  // a paragraph that tells violence in words of its own kind, dated, at places apart from an incident told in another
  // paragraph, tells another incident (wire copy strings a day's incidents together: "In other actions …")
  const newScene = (m: Mention, c: Cue, s: AnalyzedSentence): boolean => m.kind === 'incident' && !c.weak && !m.weak && !c.clause.sub && c.when !== null && !c.speech &&
    !m.sentences.some((i) => paragraphOf.get(i) === s.paragraph) && apartPlaces(m.where, c.where);
  // the lede of a dated report tells its incident without a day, and the next sentences tell it again with its day
  // ("extremists ambushed and killed 68 peasants in Balcon" / "a patrol … was ambushed on 22 November"): the same
  // word for the violence, an earlier day within the month, no other place and no word of another incident is that
  // incident's day, not another incident
  const lent = new WeakSet<Cue>();
  const provisional = new Map<Mention, { stem: string; index: number }>();
  const stem = (c: Cue): string => c.trigger.trigger.toLowerCase().slice(0, 5);
  const retold = (c: Cue, s: AnalyzedSentence): Mention | undefined => {
    if (c.kind !== 'incident' || c.weak || !c.when || c.speech || !PRECISE.has(c.when.precision) || !ref || ANOTHER.test(s.text)) return undefined;
    const w = c.when;
    return [...provisional].find(([m, lede]) => s.index - lede.index <= 3 && lede.stem === stem(c) && m.when !== null && w.end < m.when.start &&
      dayDiff(w.end, ref) <= 31 && nearPlaces(m.where, c.where) && !apartPlaces(m.where, c.where))?.[0];
  };
  const lentDay = (m: Mention, c: Cue, s: AnalyzedSentence): boolean => {
    const lede = provisional.get(m);
    return Boolean(lede && c.when && m.when && !c.speech && PRECISE.has(c.when.precision) && s.index - lede.index <= 3 && c.when.start < m.when.start && dayDiff(c.when.start, m.when.start) <= 31);
  };
  // the mention a cue of the body goes on: the latest that fits; a killing told in catch-all words goes on the latest
  // violence that fits rather than a deployment or an arrest told in between ("security forces were deployed …
  // 2 soldiers were killed")
  const joinable = (s: AnalyzedSentence, c0: Cue, back: boolean): Mention | undefined => {
    const fits = [...out].sort((a, b) => (lastAt.get(b) ?? 0) - (lastAt.get(a) ?? 0)).filter((m) => sameKind(m, c0) && !(m.framed && c0.when && !c0.speech) && (datesFit(m, c0, ref) || earlierDay(m, c0, ref, back)) && nearPlaces(m.where, c0.where) && !newScene(m, c0, s));
    const violence = c0.kind === 'incident' && c0.weak && s.casualties.some((x) => x.kind === 'killed' && x.range.max > 0) ? fits.find((m) => m.kind === 'incident' && VIOLENT.has(m.eventType)) : undefined;
    return violence ?? fits[0];
  };
  const take = (s: AnalyzedSentence, cues: readonly Cue[], headline: boolean): boolean => {
    const incidents = cues.filter((c) => c.kind === 'incident');
    // (goods seized beside a killing do not take the sentence's figures from it: "2 soldiers were killed … and the militia seized a vehicle")
    const lead = incidents.find((c) => !(c.weak && c.trigger.eventType === 'Strategic developments')) ?? incidents[0];
    let touched = false;
    for (const c0 of cues) {
      // "a group it blames for attacks in North Waziristan": a catch-all word in a background clause, undated, tells nothing
      if (c0.weak && c0.clause.sub && !c0.when && !s.casualties.some((x) => (x.index ?? 0) >= c0.clause.start && (x.index ?? 0) < c0.clause.end)) continue;
      // a headline sums up the story: it joins the first event the body tells that fits it
      const back = !headline && pointsBack(s, c0);
      const fit = headline
        ? out.find((m) => sameKind(m, c0) && datesFit(m, c0, ref))
        : lastIncident && goesOn(s, c0) ? lastIncident : joinable(s, c0, back);
      // (the other incident of the day's round-up is of that day when it gives none of its own)
      const turnedFrom = !headline && fit && !back && turnsToAnother(fit, c0, s) ? fit : undefined;
      const target = turnedFrom ? undefined : fit;
      const again = !headline && !target ? retold(c0, s) : undefined;
      if (again) { again.when = c0.when; again.trace.when = s.index; provisional.delete(again); }
      if (target && earlierDay(target, c0, ref, back)) target.when = null;
      // (one joined, whose day the lede only lent, takes the earlier day the body gives it: "Three officials have been
      // kidnapped by guerrillas" / "The guerrillas last night attacked the oil well", the night before the report)
      else if (target && !headline && lentDay(target, c0, s)) { target.when = c0.when; target.trace.when = s.index; provisional.delete(target); }
      const c = headline && target && target.where.length ? { ...c0, where: c0.where.filter((p) => nearPlaces([p], target.where)) } : c0;
      // the figures of a sentence go to the incident whose clause holds them (or the sentence's only incident)
      const own = c.kind === 'incident' ? s.casualties.filter((x) => incidents.length === 1 || c0 === lead || (x.index ?? 0) >= c.clause.start && (x.index ?? 0) < c.clause.end) : [];
      // a development told in passing ("after the delegations arrived on Wednesday") adds to one, never opens one
      const worth = (c.when || own.length || c.where.length || headline || s.index <= 2) && !(c.kind === 'development' && c.clause.sub && !headline);
      if (!target && !again && (!worth || (RECALLS.test(s.text) && (!c0.when || lent.has(c0) || !PRECISE.has(c0.when.precision))))) continue;
      const m = target ?? again ?? open(c);
      if (turnedFrom && !c.when && turnedFrom.when && PRECISE.has(turnedFrom.when.precision)) { m.when = turnedFrom.when; m.trace.when = turnedFrom.trace.when; }
      if (!target && !again && lent.has(c0) && m.kind === 'incident' && !m.weak) provisional.set(m, { stem: stem(c0), index: s.index });
      absorb(m, s, c, own, headline);
      touched = true;
      if (headline) continue;
      lastAt.set(m, s.index);
      lastTouched = m;
      if (m.kind === 'incident') lastIncident = m;
    }
    return touched;
  };
  // a story that has told one incident so far tells its dead wherever it gives them ("We have learned that journalist
  // Roberto Navas died instantaneously", ten sentences after the shooting): a death told further on, in a sentence
  // that names no violence of its own, is that incident's (with two incidents told, it is left to the nearest)
  // (violence only, whose dead are not yet counted: a later figure does not revise a toll already given)
  const killed = (cs: readonly Casualty[]): boolean => cs.some((x) => x.kind === 'killed' && x.range.max > 0);
  const onlyIncident = (m: Mention, s: AnalyzedSentence): boolean => VIOLENT.has(m.eventType) && !killed(m.casualties) && killed(s.casualties) && out.every((x) => x === m || x.kind !== 'incident');
  // a story that also tells a disaster ("the damage caused by Hurricane Joan") gives its toll in figures of their own
  // ("Giving a provisional report on the damage, Ortega said there were 116 dead"): no incident's
  let disaster: boolean | undefined;
  const disasterStory = (): boolean => (disaster ??= sentences.some((x) => DISASTER.test(x.text)));
  const heads: AnalyzedSentence[] = [];
  const firstBody = sentences.find((s) => !s.headline)?.index ?? 0;
  // a live blog's entries are stamped with the time of day: what they tell happened on the day of the blog
  let stamped = false;
  let ledeSeen = false;
  const single = sentences.filter((x) => !x.headline).length === 1;
  for (const s of sentences) {
    if (s.headline) { heads.push(s); continue; }
    if (STAMP.test(s.text)) { stamped = true; continue; }
    const avoid = s.claims.flatMap((c) => (c.span ? [c.span] : []));
    const raw = sentenceCues(s, avoid, ref);
    // the lede of a dated report tells the day's news: what it leaves undated happened on or just before that day
    // (a short first line is often a title set above the story; a text of that one line alone is its news when it
    // names the violence or the development in words of their own kind: "Rebels sign peace deal with government",
    // not "Heart attack kills former minister")
    const lede = !ledeSeen && (s.text.length > 60 || (single && s.types.some((t) => !t.weak && !t.hedged)));
    if (lede) ledeSeen = true;
    const set = scene?.index === s.index - 1 ? scene : (stamped || lede && article.published) && ref ? { index: s.index - 1, when: { start: ref, end: ref, precision: 'day' as const }, where: [] } : null;
    // (only the main clause's events take the scene's date: "after a day of fighting" is not the day's news)
    const cues = set ? raw.map((c) => {
      if (c.framed || (c.clause.sub && set !== scene)) return c;
      const x = { ...c, when: c.when ?? set.when, where: c.where.length ? c.where : set.where };
      if (!c.when && set !== scene) lent.add(x);
      return x;
    }) : raw;
    const day = s.dates.find((d) => PRECISE.has(d.precision) && (!ref || d.start <= ref) && !beginning(s.text, d));
    scene = raw.length === 0 && day ? { index: s.index, when: { start: day.start, end: day.end, precision: day.precision }, where: s.places.filter((p) => p.place.kind !== 'country').map((p) => p.place) } : null;
    // "The massacre was reported by survivors who reached Huanta today": the incident just told, told again as news,
    // neither another incident nor of the day or place of its telling
    const retelling = REPORTED_BACK.test(s.text) && s.casualties.length === 0;
    if (take(s, retelling ? cues.map((c) => (c.kind === 'incident' ? { ...c, when: null, where: [] } : c)) : cues, false)) continue;
    // "The crime took place in the rural area of El Bagre municipality, Antioquia Department": where the incident
    // just told happened, in a sentence that names no violence of its own
    // (set inside take(), which the compiler does not follow)
    const last = lastIncident as Mention | null;
    const scene0 = last && !s.casualties.length && s.index - (lastAt.get(last) ?? -10) <= 2 && SCENE_OF.test(s.text)
      ? s.places.filter((p) => p.place.kind !== 'country').map((p) => p.place) : [];
    if (last && scene0.length && nearPlaces(last.where, scene0) && !last.where.some((p) => p.precision === 1)) {
      last.where = uniq([...last.where, ...scene0]);
      last.trace.where.push(s.index);
      if (!last.sentences.includes(s.index)) last.sentences.push(s.index);
      lastAt.set(last, s.index);
      continue;
    }
    if (s.casualties.length && lastIncident && !isAggregate(s.text) && !(DISASTER_TOLL.test(s.text) && disasterStory()) && (s.index - (lastAt.get(lastIncident) ?? -10) <= 3 || onlyIncident(lastIncident, s))) {
      absorb(lastIncident, s, null, s.casualties);
      lastAt.set(lastIncident, s.index);
      lastTouched = lastIncident;
    } else if (s.claims.length && lastTouched && s.index - (lastAt.get(lastTouched) ?? -10) <= 2) {
      // a quote or paraphrase that goes on about the event just told (its claimants of responsibility are its parties)
      absorb(lastTouched, s, null, []); const to = lastTouched as Mention; to.actors = uniq([...to.actors, ...claimants(s)]);
      lastAt.set(lastTouched, s.index);
    }
  }
  // (an incident opened without a date or a figure, which the filter below drops, does not stand in its way)
  const kept = (m: Mention): boolean => m.kind === 'incident' && (m.casualties.length > 0 || (m.when !== null && m.when.precision !== 'inferred')) && !(m.when && COARSE.has(m.when.precision));
  // an incident a text's first sentence names in words of its own kind and dates to a month ("chlorine munitions
  // were dropped on the city in October") is one event of that month, not a period's toll, when the text tells no
  // other incident
  const month = out.some(kept) ? null : out.find((m) => m.kind === 'incident' && m.when?.precision === 'month' && !m.weak && m.sentences[0] === firstBody && !isAggregate(sentences[firstBody]?.text ?? '')) ?? null;
  const lone = out.some(kept) || month || !article.published ? null : loneIncident(sentences, ref, open);
  for (const s of heads) take(s, sentenceCues(s, s.claims.flatMap((c) => (c.span ? [c.span] : [])), ref), true);
  mergeUndated(out, sentences);
  const parties = { incident: partyCounts(sentences, 'incident'), development: partyCounts(sentences, 'development') };
  // a wire story that names no place but its dateline ("Lima, 28 Nov 88 -- … a bomb planted at the Andres Avelino
  // Caceres Park") tells what happened where it was filed: its unplaced incidents are at the dateline's town (a story
  // naming any other place, known or not, may tell of it, and leaves them unplaced). Not an Arabic-script paper's
  // "کوئٹہ:": its places are read from keyword lists, so a story seeming to name none may well name some.
  const latin = /^\p{Script=Latin}/u.test(article.dateline?.place ?? '');
  const dateline = latin && sentences.every((s) => s.places.every((p) => p.place.kind === 'country')) ? datelineTown(article) : undefined;
  // in copy that came in capitals, whose places the gazetteer lacks are lost with their capitals, an incident whose
  // sentences name no place (or only the story's country) is at the town the story was filed from when that town is in
  // the story's country (wire copy tells the day's violence where it is filed: "SAN SALVADOR, 12 NOV 89 -- … in this
  // capital"), else in the story's country alone (ACLED's precision 3). The story's country: the dateline's when the
  // text names it too or names none, else the one the text names most (the dateline's own words not counted). In
  // text written in both cases the fixture sets' unplaced events are better left unplaced: their gold places are
  // finer or none.
  let country: Place | undefined | null = null;
  let storyNamed = 0;
  const abroad = (p: Place): boolean => { const c = storyCountry(); return c !== undefined && c.country !== p.country && storyNamed >= 3; };
  const storyCountry = (): Place | undefined => {
    if (country !== null) return country;
    // (not the dateline's own words, "MOSCOW (USSR), 12 JUL 89 (PRAVDA) --": where the story was filed)
    const filedUntil = (s: AnalyzedSentence): number => (s.index === firstBody && article.dateline ? Math.max(0, s.text.indexOf('--')) : 0);
    const named = new Map<string, number>();
    for (const s of sentences) for (const p of s.places) if (p.place.kind !== 'unresolved' && p.index >= filedUntil(s)) named.set(p.place.country, (named.get(p.place.country) ?? 0) + 1);
    // (and its people: "Salvadoran", "Colombians")
    for (const s of sentences) {
      for (const w of s.text.slice(filedUntil(s)).matchAll(/(?<![\p{L}])\p{Lu}\p{Ll}+(?![\p{L}])/gu)) {
        const iso = gazetteer().countryWords.get(fold(w[0]));
        if (iso && !gazetteer().countries.get(iso)?.name.startsWith(w[0])) named.set(iso, (named.get(iso) ?? 0) + 1);
      }
    }
    const filed = latin ? datelinePlace(article, gazetteer())?.country : undefined;
    const most = Math.max(0, ...named.values());
    const top = [...named].filter(([, n]) => n === most).map(([c]) => c);
    const iso = filed && (named.size === 0 || named.has(filed)) ? filed : top.length === 1 ? top[0] : undefined;
    storyNamed = iso ? named.get(iso) ?? 0 : 0;
    return (country = iso ? gazetteer().countries.get(iso) : undefined);
  };
  codedTollToNoteEvent(out);
  for (const m of out) {
    // violence told only in catch-all words ("killed", "attack") whose dead and wounded are all civilians ("killed
    // seven peasants", "a judge and her driver were murdered") was done to them: an attack, not a clash of two sides
    // (unless the text names two armed parties)
    const hurt = m.casualties.filter((c) => c.range.max > 0);
    const armed = m.actors.filter((a) => a.kind === 'state_force' || a.kind === 'armed_group').length;
    if (m.kind === 'incident' && m.weak && m.subEventType === 'Armed clash' && hurt.length && hurt.every((c) => c.victims === 'civilian') && armed < 2) Object.assign(m, { eventType: 'Violence against civilians', subEventType: 'Attack' });
    // (nor is one told in catch-all words that names no armed party, and no force or fighter on either side: "armed
    // men attacked a group of people", "three armed individuals shot at a car wash" is one side's violence)
    else if (m.kind === 'incident' && m.weak && m.subEventType === 'Armed clash' && armed === 0 && !NO_SIDES_BUT_ONE.test(sentences[m.sentences[0] ?? -1]?.text ?? '')) Object.assign(m, { eventType: 'Violence against civilians', subEventType: 'Attack' });
    // (and one told as an attack that hurt members of a force only, on duty, was aimed at an armed side: civilian-targets.ts)
    else if (m.kind === 'incident' && m.subEventType === 'Attack' && armedTarget(m.casualties, m.sentences.map((i) => sentences[i]?.text ?? '').join(' '))) Object.assign(m, { eventType: 'Battles', subEventType: 'Armed clash' });
    // violence done by people who are no armed force ("supporters of Awami League … assaulted and injured the chairman
    // … with bamboo sticks", "rivals assaulted and killed a farmer") is mob violence as ACLED codes it: a clash needs
    // armed, organised sides, and an attack an armed perpetrator
    if (m.kind === 'incident' && armedSides(m.actors) === 0 && BY_MOB_OR_ARMED.has(m.subEventType) && unarmedAssault(sentences[m.sentences[0] ?? -1]?.text ?? '')) Object.assign(m, { eventType: 'Riots', subEventType: 'Mob violence' });
    // (and a crowd's violence whose demonstrations are only its setting: "unidentified persons vandalized the house of
    // the mayor, amid the outbreak of violence following anti-government demonstrations")
    else if (m.kind === 'incident' && armedSides(m.actors) === 0 && m.subEventType === 'Violent demonstration' && mobBesideDemonstrations(sentences[m.sentences[0] ?? -1]?.text ?? '')) Object.assign(m, { eventType: 'Riots', subEventType: 'Mob violence' });
    // (ground taken, then told taken without a fight: escalation.ts)
    if (fightless(m, sentences)) Object.assign(m, { eventType: 'Strategic developments', subEventType: 'Non-violent transfer of territory' });
    inheritParties(m, parties[m.kind]);
    // for violence against civilians, the civilians are a party (as ACLED codes it)
    if (m.eventType === 'Violence against civilians' && !m.actors.some((a) => a.id === 'civilians')) m.actors.push({ id: 'civilians', name: 'Civilians', aliases: [], kind: 'civilians', known: true });
    const tally = combineCasualties(m.casualties);
    // (a coder's stated toll for the event is its killed, whatever else its sentences count: coded-tolls.ts)
    m.fatalities = m.casualties.find((c) => c.coded)?.range ?? tally.killed;
    m.injured = tally.injured;
    if (!m.when && !m.framed && article.published) m.when = { start: article.published, end: article.published, precision: 'inferred' };
    else if (!m.when && !m.framed && article.publishedWindow) m.when = { ...article.publishedWindow };
    // (an incident a local force or office reports, its sentences naming no other place, is in that force's area,
    // not at a place lent by the sentence before it; one told with no place at all after a sentence of its paragraph
    // that names a town is at that town, the paragraph's subject: "Medellin continues to live through a wave of
    // terror. Following last night's attack on a bank, a load of dynamite was hurled against a police station.")
    const own = (p: Place): boolean => m.sentences.some((i) => sentences[i]?.places.some((x) => x.place.id === p.id));
    const reporter = m.kind === 'incident' && m.where.every((p) => p.kind === 'country' || !own(p)) ? reporterPlace(m, sentences) : undefined;
    const topic = m.kind === 'incident' && !reporter && m.where.every((p) => p.kind === 'country') ? paragraphPlace(m, sentences) : undefined;
    if (reporter && m.where.every((p) => p.country === reporter.country)) m.where = [reporter];
    else if (topic && m.where.every((p) => p.country === topic.country)) m.where = [topic];
    // (in recased copy not where the story is about another country, one it names three times or more: a Havana
    // commentary on El Salvador is not at Havana)
    else if (m.where.length === 0 && m.kind === 'incident' && dateline && !(article.recased && abroad(dateline))) m.where = [dateline];
    else if (m.kind === 'incident' && article.recased && VIOLENT.has(m.eventType) && storyCountry() !== undefined && m.where.every((p) => p.kind === 'country' && p.country === storyCountry()!.country)) {
      const town = latin ? datelineTown(article) : undefined;
      m.where = [town && town.country === storyCountry()!.country ? town : storyCountry()!];
    }
    if (m.where.length > 1) {
      // a country only when nothing finer is named
      const fine = m.where.filter((p) => p.kind !== 'country');
      if (fine.length) m.where = fine;
    }
  }
  // A mention needs a date the text gives or a figure (an aggregate or a bare name is not a report of an event);
  // violence dated only to a month or a year ("since October, when fighting…") is an aggregate period.
  // An article with no date at all (a coder's short note, a clipping) still reports what its first sentence tells
  // in words that name the violence or the protest: the event comes out undated rather than not at all.
  const undated = !article.published && !article.publishedWindow;
  const told = (m: Mention): boolean => undated && m.when === null && m.kind === 'incident' && !m.weak && m.sentences[0] === firstBody;
  const shown = countedIncidents(splitScenes(out.filter((m) => (m.casualties.length > 0 || (m.when !== null && m.when.precision !== 'inferred') || told(m) || m === lone) && !(m.kind === 'incident' && m.when && COARSE.has(m.when.precision) && m !== month)), sentences), sentences);
  // (a stated date only: a window inferred from the text's own dates is no day of the news)
  return article.published ? withoutHistory(shown, article.published, OWN_DATE.has(article.publishedFrom)) : shown;
}

/** The article's own statement of its day (its header or dateline, its page, its feed), not a day the caller lent it. */
const OWN_DATE = new Set(['text', 'dateline', 'meta', 'feed']);

/**
 * A report of the day's violence that recalls an incident of another season ("On 7 December 1987, Professor
 * Medrano … was riddled with bullets") restates history: beside an incident of the last month, one over half a
 * year older is background, not news. A story of an old incident alone still reports it, within a year of its own
 * dated day; what a dated story recalls from years before ("we will recall what was said in the La Uribe agreement
 * on 28 March 1984") is history, whatever else it tells.
 */
function withoutHistory(ms: Mention[], ref: string, ownDate: boolean): Mention[] {
  const age = (m: Mention): number | null => (m.when && m.when.precision !== 'inferred' ? dayDiff(m.when.end, ref) : null);
  const news = ms.some((m) => m.kind === 'incident' && (age(m) ?? 99) >= 0 && (age(m) ?? 99) <= 31);
  return news ? ms.filter((m) => (age(m) ?? 0) <= 183) : ownDate ? ms.filter((m) => (age(m) ?? 0) <= 366) : ms;
}
