// One analysed sentence -> its event cues: each unhedged trigger with the date, places and clause that belong to it.
// A sentence often tells two things ("a ceasefire agreed on Wednesday, after a day of fighting"; "the collapse came
// a day after an exchange of fire on Thursday"), so a date or a place is taken from the trigger's own clause first,
// and a clause that holds another trigger does not lend it its date. A statement dated only by when it was made
// ("the RSF said on Sunday that it had taken control") takes that day, marked as the speech's.
import type { AnalyzedSentence } from './analyze.js';
import type { TypedTrigger } from './event-type.js';
import type { DateInterval, DateMention, Place, PlaceMention } from './types.js';
import { addDays, dayDiff } from './text.js';
import { Sieve } from './sieve.js';

export interface Clause {
  readonly start: number;
  readonly end: number;
  /** A relative or adverbial clause ("which…", "after…", "when…"): background to the main one. */
  readonly sub: boolean;
}

export interface Cue {
  readonly trigger: TypedTrigger;
  readonly kind: 'incident' | 'development';
  /** Only catch-all words ("attack", "killed") name the violence here. */
  readonly weak: boolean;
  readonly when: DateInterval | null;
  /** The date is the day the claim was made, not one the text gives for the event. */
  readonly speech: boolean;
  /** The date stands in the cue's own clause (rather than elsewhere in the sentence). */
  readonly ownDate?: boolean;
  /** Violence a court or an accuser deals with, told with its dead but no day of its own: it takes no day lent it. */
  readonly framed?: boolean;
  readonly where: Place[];
  readonly clause: Clause;
}

const HARD = /;\s+|\s+[—–]\s+|\s+-\s+|:\s+|\s*•\s*|\s+\((?=[^)]*\s[^)]*\s)/g;
const SUBORDINATE = /,\s+(?:a|an)\s+(?!(?:group|number|crowd|band|gang|dozen|couple|handful|series|team|unit|convoy|mob|total|squad|party|delegation|contingent)\s+of\b)(?=\w+\s+(?:of|that|which|who|whose)\b)|(,\s*|\s+)(?:which|who|whose|whom|where|when|while|whereas|after|before|since|although|though|because|until|during\s+which|in\s+which|hours\s+after|days?\s+after|a\s+day\s+after|even\s+as|following|in\s+(?:response|retaliation|reply)\s+(?:to|for))\b|,\s*as\b|(?<!\b(?:such|well|so|known|same|regarded|seen|described))\s+as\s+(?!well\b|such\b|long\b|soon\b|much\b|many\b|far\b|part\b|a\b|an\b|of\b|to\b|if\b|though\b|\w+ly\b|(?:saying|reporting|stating|claiming|telling|announcing|adding)\b)(?=(?:the\s+)?\w+\s+\w+)/gi;
const FUTURE = /\b(?:will|would\s+be|(?:is|are|was|were)\s+(?:due|scheduled|expected|set)\s+to|(?:is|are|was|were)\s+expected\s+(?:in|at)\b|scheduled\s+for|plans?\s+to|next\s+(?:round|meeting|week))\b/i;
const DECLARED = new Set(['statement', 'breakdown']);
const COARSE_DATE = new Set(['month', 'year']);
/** A toll over a whole war or period ("the war … has killed tens of thousands"), not one event's. */
const AGGREGATE = /\b(?:war|conflict|insurgency|(?<!sexual\s)violence|fighting)\b[^.;]{0,80}?\b(?:has|have)\s+(?:\w+\s+){0,2}?(?:killed|left|displaced|claimed)\b|\b(?:has|have)\s+(?:been\s+)?(?:killed|displaced)\b[^.;]{0,60}\bsince\s+(?:the\s+)?(?:start|beginning|outbreak|\d{4})\b|\b(?:so\s+far|to\s+date)\s+this\s+year\b|\b(?:over|in|during|within)\s+the\s+(?:past|last|previous)\s+(?:\w+\s+)?(?:weeks|months|years|decades|(?:twelve|12|six|6|three|3)\s+months)\b|\b(?:a|more\s+than\s+a|over\s+a|\w+)\s+(?:weeks?|months?|years?)\s+of\s+(?:fighting|clashes|violence|war|conflict)\b/i;

/** The words one of which AGGREGATE needs (sieve.ts): most sentences have none, and the expression is a slow one. */
const AGGREGATE_SIEVE = new Sieve([AGGREGATE]);

/** Whether a sentence speaks of a war's or a period's toll rather than an event's. */
export function isAggregate(text: string): boolean {
  return AGGREGATE_SIEVE.candidates(text)[0]! && AGGREGATE.test(text);
}
/** A relative clause in the past perfect ("who had been in Peque on Sunday") tells what came before the event. */
const PLUPERFECT = /^[,\s]*(?:who|whom|whose|which|where)\b[^,;]*?\bhad\s+(?:(?:just|already|previously|recently|earlier|not|never)\s+)?(?:been|gone|come|left|arrived|travel+ed|returned|attended|visited|met|spent|stayed)\b/i;
/**
 * A place told by an incident it saw ("20 km from the place where a military convoy was ambushed last Wednesday",
 * "near where the bus was bombed"): the incident is a landmark the reader knows, not one the sentence reports.
 */
const LANDMARK = /\b(?:(?:\d+|a\s+few|several)\s*(?:km|kilometers|kilometres|miles|meters|metres|m)\s+(?:\w+\s+)?from|near|close\s+to|not\s+far\s+from)(?:\s+the\s+(?:place|site|spot|point|area|scene))?\s*$/i;
/**
 * The day something was begun, founded or took office is that verb's ("the democratic process begun on 14 January
 * 1986", "the party, founded in 1979"), no day of the violence told beside it or in the next sentence (events.ts).
 */
/** Whether a date in a sentence is the day something began, was founded or took office. */
export const beginning = (text: string, d: DateMention): boolean => BEGUN.test(text.slice(Math.max(0, d.index - 40), d.index));
const BEGUN = /\b(?:begun|founded|created|born|elected|inaugurated|took\s+office)\s+(?:\w+\s+)?(?:on|in)\s+(?:the\s+)?$/i;
/** The dates violence a court or an accuser deals with may take as its own (event-type.ts, `frame`). */
const FRAME_DAYS = new Set(['day', 'night', 'days', 'week']);
const REAL_LOCATIVE = /\b(?:in|inside|into|across|within|near|at|on|outside|along)\s+(?:the\s+)?$/i;

/** The clauses of a sentence: split at semicolons, dashes and colons, and where relative or adverbial clauses open. */
export function clauses(text: string): Clause[] {
  const cuts: { at: number; sub: boolean; comma: boolean }[] = [];
  for (const m of text.matchAll(HARD)) cuts.push({ at: m.index, sub: false, comma: false });
  for (const m of text.matchAll(SUBORDINATE)) cuts.push({ at: m.index, sub: true, comma: m[0].trimStart().startsWith(',') });
  cuts.sort((a, b) => a.at - b.at);
  const out: Clause[] = [];
  let start = 0;
  let sub = false;
  let closesAtComma = false;
  for (const c of cuts) {
    if (c.at <= start) { sub = c.sub; closesAtComma = c.comma; continue; }
    // a clause set off by commas (", which …,") ends at the next comma, and the main clause resumes
    const comma = closesAtComma ? text.indexOf(',', start + 2) : -1;
    if (sub && comma > start && comma < c.at) {
      out.push({ start, end: comma, sub: true });
      out.push({ start: comma, end: c.at, sub: false });
    } else out.push({ start, end: c.at, sub });
    start = c.at;
    sub = c.sub;
    closesAtComma = c.comma;
  }
  const comma = closesAtComma ? text.indexOf(',', start + 2) : -1;
  if (sub && comma > start) out.push({ start, end: comma, sub: true }, { start: comma, end: text.length, sub: false });
  else out.push({ start, end: text.length, sub });
  return out.filter((c) => c.end > c.start);
}

const inside = (c: Clause, i: number): boolean => i >= c.start && i < c.end;

function nearest(dates: readonly DateMention[], pos: number): DateMention | null {
  const ranked = [...dates].sort((a, b) => Math.abs(a.index - pos) - Math.abs(b.index - pos));
  return ranked.find((d) => d.precision !== 'year') ?? ranked[0] ?? null;
}

const interval = (d: DateMention): DateInterval => ({ start: d.start, end: d.end, precision: d.precision });

/** A round of talks told by its days ("ran through Saturday, October 18, and into Sunday, October 19") spans them. */
function talksSpan(dates: readonly DateMention[]): DateInterval | null {
  const days = dates.filter((d) => d.precision === 'day' || d.precision === 'night');
  if (days.length < 2) return null;
  const start = days.map((d) => d.start).sort()[0]!;
  const end = days.map((d) => (d.precision === 'night' ? d.start : d.end)).sort().at(-1)!;
  return dayDiff(start, end) > 0 && dayDiff(start, end) <= 5 ? { start, end, precision: 'days' } : null;
}

const COUNT: Record<string, number> = { two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7 };

/** "opened on Saturday and continued for four days": the days a meeting lasted. */
function lasting(clause: string, when: DateInterval | null): DateInterval | null {
  const m = /\b(?:(?:for|over|lasted|lasting)\s+(two|three|four|five|six|seven|[2-7])\s+days|(two|three|four|five|six|seven|[2-7])\s+days\s+of\s+(?:talks|negotiations|meetings))\b/i.exec(clause);
  if (!m || !when || when.precision !== 'day') return null;
  const word = (m[1] ?? m[2]!).toLowerCase();
  const n = COUNT[word] ?? Number(word);
  return { start: when.start, end: addDays(when.start, n - 1), precision: 'days' };
}

function usablePlace(s: AnalyzedSentence, p: PlaceMention, avoid: readonly (readonly [number, number])[]): boolean {
  return !avoid.some(([a, b]) => p.index >= a && p.index < b) &&
    (p.place.kind !== 'country' || p.mission === true || REAL_LOCATIVE.test(s.text.slice(Math.max(0, p.index - 30), p.index)));
}

const finest = (ps00: readonly PlaceMention[], text = ''): Place[] => {
  // where people were taken or went ("taken as hostages toward Atalaya") is not where it happened
  // nor where the news of it was learned ("which was learned about only today in Lima") or told ("reported in La Paz")
  // nor the seat of whoever tells it ("the Cerigua news agency, whose main offices are in Mexico, says that a guerrilla
  // column attacked the farm")
  const ps0 = ps00.filter((p) => !DESTINATION.test(text.slice(Math.max(0, p.index - 60), p.index)) && !NEWS_AT.test(text.slice(Math.max(0, p.index - 60), p.index)) && !TOLD_AT.test(text.slice(Math.max(0, p.index - 40), p.index)) && !SEAT.test(text.slice(Math.max(0, p.index - 50), p.index)));
  // a place a distance is measured from ("Huancayo, 350 km east of Lima") is no scene when the scene is named too,
  // nor the seat of a victim's office ("kidnapped the mayor of El Carmen de Atrato … at El Doce")
  // (nor the seat's own unit set off after it: "the mayor of the town of Huanta, Ayacucho Department")
  const scenes = ps0.filter((p) => !DISTANCE_FROM.test(text.slice(Math.max(0, p.index - 60), p.index)) && !OFFICE_OF.test(text.slice(Math.max(0, p.index - 60), p.index)) && !OFFICE_UNIT.test(text.slice(Math.max(0, p.index - 90), p.index)));
  const ps = scenes.length ? scenes : ps0;
  const fine = ps.filter((p) => p.place.kind !== 'country');
  return (fine.length ? fine : ps).map((p) => p.place);
};
const OFFICE_OF = /\b(?:mayor(?:-elect)?|governor|(?:deputy\s+|sub-?)?prefect|bishop|archbishop|council(?:man|or|lor)|alderman|justice\s+of\s+the\s+peace|parish\s+priest)\s+of\s+(?:the\s+)?(?:(?:town|city|municipality|village|department|province)\s+of\s+)?$/i;
const OFFICE_UNIT = new RegExp(`${OFFICE_OF.source.slice(0, -1)}(?:\\p{Lu}[\\p{L}'’-]*\\s+){0,3}?\\p{Lu}[\\p{L}'’-]*\\s*,\\s*$`, 'u');
const DESTINATION = /\b(?:taken|led|carried|marched|driven|dragged|fled|fleeing|headed|heading|escaped|retreated|retreating|withdrew|withdrawing)\s+(?:[\w,]+\s+){0,4}?(?:toward|towards)\s+(?:the\s+)?(?:[\p{Ll}-]+\s+){0,2}?$/u;
const NEWS_AT = /\b(?:learned|learnt|disclosed|made\s+(?:public|known))\s+(?:[\w,]+\s+){0,4}?(?:in|at)\s+(?:the\s+)?$/;
/**
 * Where the news was told, not where it happened: "it has been officially reported in La Paz that a bomb…", "his
 * party reported in Mexico City", "according to family sources in Caracas" (a verb of telling right before "in", a
 * word of time or manner at most between); "the report by the rebels, broadcast from San Salvador by Radio America".
 */
const TOLD_AT = /\b(?:(?:reported|announced|said|stated|confirmed|declared|sources)\s+(?:(?:today|yesterday|tonight|here|also|later|earlier|\w+ly)\s+)?(?:in|at)|(?:broadcast|transmitted|aired)\s+(?:(?:today|yesterday|tonight|also|later|earlier|\w+ly)\s+)?from)\s+(?:the\s+)?$/i;
/** "whose main offices are in Mexico": where the teller sits, not where it happened (a target "headquartered in San Miguel" is the scene). */
const SEAT = /\bwhose\s+(?:[\w-]+\s+)?(?:offices?|headquarters)\s+(?:are|is|were|was)\s+(?:located\s+)?(?:in|at)\s+(?:the\s+)?$/i;
const DISTANCE_FROM = /\b(?:\d[\d,.]*|a\s+few|several|some)[\s-]*(?:km|kms|kilomet(?:er|re)s?|miles?)\s+(?:(?:\w+\s+){0,2}?(?:of|from)\s+)(?:the\s+)?(?:[\p{Ll}-]+\s+){0,3}?(?:(?:city|town|village|province|department|capital|port)\s+of\s+)?$/u;

interface Group { kind: 'incident' | 'development'; clause: Clause; triggers: TypedTrigger[]; dates: DateMention[]; places: PlaceMention[] }

/** Within one clause, each date (and place) goes to the trigger nearest it; triggers with dates of their own that do not overlap are told apart ("a second round of talks on Saturday … last week's Doha ceasefire"). */
function groupsOf(kind: 'incident' | 'development', clause: Clause, ts: TypedTrigger[], dates: DateMention[], places: PlaceMention[]): Group[] {
  const nearestTrigger = (i: number): TypedTrigger => ts.reduce((a, b) => (Math.abs(b.index - i) < Math.abs(a.index - i) ? b : a));
  const anchored = new Map<TypedTrigger, DateMention[]>();
  for (const d of dates) {
    const t = nearestTrigger(d.index);
    anchored.set(t, [...(anchored.get(t) ?? []), d]);
  }
  const groups: Group[] = [];
  for (const [t, ds] of [...anchored.entries()].sort((a, b) => a[0].index - b[0].index)) {
    const same = groups.find((g) => g.dates.some((x) => ds.some((y) => x.start <= y.end && y.start <= x.end)));
    if (same) { same.triggers.push(t); same.dates.push(...ds); } else groups.push({ kind, clause, triggers: [t], dates: [...ds], places: [] });
  }
  if (groups.length === 0) return [{ kind, clause, triggers: ts, dates: [], places }];
  for (const t of ts) if (!anchored.has(t)) groups.reduce((a, b) => (Math.abs(b.triggers[0]!.index - t.index) < Math.abs(a.triggers[0]!.index - t.index) ? b : a)).triggers.push(t);
  for (const p of places) groups.reduce((a, b) => (Math.min(...b.triggers.map((t) => Math.abs(t.index - p.index))) < Math.min(...a.triggers.map((t) => Math.abs(t.index - p.index))) ? b : a)).places.push(p);
  return groups;
}

/**
 * The event cues of one sentence: per clause, incidents and developments apart, and within a clause one per
 * date of its own.
 * @example sentenceCues(analyzed)[0].when // the date nearest the trigger, in its clause first
 */
export function sentenceCues(s: AnalyzedSentence, avoid: readonly (readonly [number, number])[] = [], ref: string | null = null): Cue[] {
  // a day after the article's own is an announcement ("to meet again on November 6"), not an event
  if (!s.types.some((t) => !t.hedged)) return [];
  const cls = clauses(s.text);
  const clauseOf = (i: number): Clause => cls.find((c) => inside(c, i)) ?? cls[cls.length - 1]!;
  // (nor do the landmark's day and places date or place anything)
  const landmarks = cls.filter((c) => c.sub && /^[,\s]*where\b/i.test(s.text.slice(c.start, c.end)) && LANDMARK.test(s.text.slice(Math.max(0, c.start - 60), c.start)));
  const past = (d: DateMention): boolean => !ref || d.start <= ref;
  const dates = s.dates.filter((d) => past(d) && !landmarks.some((c) => inside(c, d.index)) && !beginning(s.text, d));
  const aggregate = isAggregate(s.text);
  const eligible = s.types.filter((t) => {
    if (t.hedged || (aggregate && t.kind === 'incident')) return false;
    const c = clauseOf(t.index);
    if (t.kind === 'incident' && landmarks.includes(c)) return false;
    if (t.kind !== 'development') return true;
    if (FUTURE.test(s.text.slice(Math.max(c.start, t.index - 40), Math.min(c.end, t.index + t.trigger.length + 40)))) return false;
    // the date nearest the word is still to come: an announcement
    const near = nearest([...s.dates.filter((d) => inside(c, d.index)), ...s.speechDates], t.index);
    return !near || past(near);
  });
  const places = s.places.filter((p) => usablePlace(s, p, avoid) && !landmarks.some((c) => inside(c, p.index)));
  const groups: Group[] = [];
  for (const c of cls) {
    // incidents apart from developments, and a breakdown or a statement apart from the process it ends; a date
    // or a place belongs to the trigger nearest it, whichever kind that is
    const all = eligible.filter((t) => inside(c, t.index));
    const familyOf = (t: TypedTrigger): string => (t.kind === 'incident' ? 'incident' : devGroup(t.development));
    const owner = (i: number): string => familyOf(all.reduce((a, b) => (Math.abs(b.index - i) < Math.abs(a.index - i) ? b : a)));
    for (const family of ['incident', 'process', 'breakdown', 'statement']) {
      const kind = family === 'incident' ? 'incident' : 'development';
      const ts = all.filter((t) => familyOf(t) === family).sort((a, b) => a.index - b.index);
      const mine = <T extends { index: number }>(xs: readonly T[]): T[] => xs.filter((x) => inside(c, x.index) && owner(x.index) === family);
      if (ts.length) groups.push(...groupsOf(kind, c, ts, mine(dates), mine(places)));
    }
  }
  // "the talks failed", "a statement on the talks": the talks are what the breakdown or statement is about
  for (const g of [...groups]) {
    const ender = groups.find((x) => x.clause === g.clause && x !== g && x.triggers.some((t) => t.development === 'breakdown' || t.development === 'statement'));
    const about = g.triggers.every((t) => devGroup(t.development) === 'process');
    if (!ender || !about || g.kind !== 'development') continue;
    // "Tarar on Wednesday said the talks had failed": the date of the talks' failure is the failure's
    const at = Math.min(...ender.triggers.map((t) => t.index));
    if (ender.dates.length === 0) ender.dates.push(...g.dates.filter((d) => d.index < at));
    if (g.dates.length === 0 || g.dates.some((d) => ender.dates.some((e) => d.start === e.start))) groups.splice(groups.indexOf(g), 1);
  }
  const claimed = [...new Set(groups.map((g) => g.clause))];
  const before = (c: Clause): boolean => c.sub && PLUPERFECT.test(s.text.slice(c.start, c.end));
  // "police boosted their presence after shops were looted": when only a background clause of a text's opening
  // sentence tells an incident, that incident is what the sentence reports, and it stands as the main clause's
  // (in the text's first sentence only: further on, background is background)
  const promote = s.index === 0 && !s.headline && groups.some((g) => g.kind === 'incident') && groups.every((g) => g.clause.sub);
  const cues: Cue[] = [];
  for (const g0 of groups) {
    const g = promote ? { ...g0, clause: { ...g0.clause, sub: false } } : g0;
    // the kind of event is the most specific word; its position is where the clause first speaks of it
    const type = [...g.triggers].sort((a, b) => a.index - b.index).find((t) => !t.weak) ?? g.triggers[0]!;
    const pos = Math.min(...g.triggers.map((t) => t.index));
    const others = claimed.filter((c) => c !== g0.clause);
    const alone = groups.filter((x) => x.clause === g0.clause).length === 1;
    // a date elsewhere in the sentence is lent only to the main clause's event
    // ("since the night of October 11, when Taliban forces attacked": a "when" clause takes the date it follows)
    const prev = cls[cls.indexOf(g0.clause) - 1];
    const lent = g.clause.sub && prev && !claimed.includes(prev) && /^[,\s]*(?:when|during\s+which|in\s+which)\b/i.test(s.text.slice(g.clause.start, g.clause.end)) ? dates.filter((d) => inside(prev, d.index)) : [];
    // ("the largest toll since it intervened in 2016": a year or month in a "since" clause starts a period; it
    // dates no event, while a day there may still be the event's own)
    // (nor does a year or month in a background clause: "stole the old railway, which was built in 1913")
    // (nor a day in a background clause told in the past perfect, which is before the event: "the attack killed
    // four employees, who had been in Peque on Sunday for the election")
    const free = alone && !g.clause.sub ? dates.filter((d) => !others.some((o) => inside(o, d.index)) && !before(clauseOf(d.index)) && !(COARSE_DATE.has(d.precision) && (clauseOf(d.index).sub || /^[,\s]*since\b/i.test(s.text.slice(clauseOf(d.index).start, clauseOf(d.index).end))))) : lent;
    // (violence a court or an accuser deals with takes only a day the words after the frame give it, or none)
    const framed = g.kind === 'incident' && g.triggers.every((t) => t.frame !== undefined);
    const after = framed ? Math.min(...g.triggers.map((t) => t.frame!)) : -1;
    // (nor the day of the telling: "the trial of six soldiers accused of the massacre … began today")
    const own = (ds: readonly DateMention[]): DateMention[] => (framed ? ds.filter((d) => d.index > after && FRAME_DAYS.has(d.precision) && d.start !== ref) : [...ds]);
    // (a relative clause after the violence that dates it makes the day its own)
    let relative: DateMention | null = null;
    let date = nearest(own(g.dates), pos) ?? nearest(own(framed ? dates.filter((d) => inside(g.clause, d.index) || d.index > after) : free), pos) ?? (relative = occurredOn(s.text, g0, cls, claimed, dates));
    // (unless the frame counts the dead: "charged with killing six Jesuit priests" is that killing, of no day told)
    if (framed && !date && !s.casualties.some((x) => x.kind === 'killed' && x.range.max > 0 && (x.index ?? 0) >= after)) continue;
    let when = date ? interval(date) : null;
    if (g.triggers.some((t) => t.development === 'talks')) when = talksSpan(g.dates.length > 1 ? g.dates : free) ?? lasting(s.text.slice(g.clause.start, g.clause.end), when) ?? when;
    let speech = false;
    if (!when && s.speechDates.length && (g.kind === 'incident' || DECLARED.has(type.development ?? '') || g.clause.start === 0)) {
      // (a day only: "has reported on the failure last May of its operation" did not report in May, nor on its first)
      date = nearest(s.speechDates.filter((d) => d.precision === 'day' || d.precision === 'night'), pos);
      when = date ? { start: date.start, end: date.start, precision: 'day' } : null;
      speech = when !== null;
    }
    const where = g.places.length ? finest(g.places, s.text) : alone ? finest(places.filter((p) => !others.some((o) => inside(o, p.index)) && (g.clause.sub || !before(clauseOf(p.index)))), s.text) : [];
    cues.push({ trigger: type, kind: g.kind, weak: g.triggers.every((t) => t.weak), when, speech, where, clause: g.clause, ownDate: g.dates.length > 0 || (relative !== null && date === relative), ...(framed && !date ? { framed: true } : {}) });
  }
  return mergeSiblings(cues);
}

/**
 * "behind the assassinations of Judge Carlos Valencia, of the Bogota court, which occurred yesterday": a relative
 * clause right after the violence that says when it occurred, or what happened during it, dates it ("Shining Path attacks
 * during which 10 buses were burned on 24 Oct"), when the clause tells no event of its own.
 */
const OCCURRED = /^[,\s]*(?:(?:which|that)\s+(?:\w+\s+)?(?:occurred|took\s+place|happened|was\s+(?:committed|carried\s+out|perpetrated|staged))|(?:during|in)\s+which)\b/i;
function occurredOn(text: string, g: Group, cls: readonly Clause[], claimed: readonly Clause[], dates: readonly DateMention[]): DateMention | null {
  const next = cls[cls.indexOf(g.clause) + 1];
  if (g.kind !== 'incident' || !next || !next.sub || claimed.includes(next) || !OCCURRED.test(text.slice(next.start, next.end))) return null;
  return nearest(dates.filter((d) => inside(next, d.index)), next.start);
}

/** Developments that can be one occurrence: a round of talks and the ceasefire or agreement it produced. */
export function devGroup(development: string | undefined): string {
  return development === 'breakdown' || development === 'statement' ? development : 'process';
}

const PROTESTS = new Set(['Protests', 'Riots']);
const VIOLENCE = new Set(['Battles', 'Explosions/Remote violence', 'Violence against civilians']);
/**
 * A protest and violence of another kind, one of them told in a background clause, are two events: "the
 * demonstrators attended the funeral of the 10 union leaders who were killed on 31 October" (a killing with its own
 * day, not the funeral's), "the attack occurred less than 3 hours before a demonstration … began".
 */
function aside(a: Cue, b: Cue): boolean {
  if (a.kind !== 'incident' || b.kind !== 'incident' || (!a.clause.sub && !b.clause.sub)) return false;
  const [p, v] = PROTESTS.has(a.trigger.eventType) ? [a, b] : [b, a];
  return PROTESTS.has(p.trigger.eventType) && VIOLENCE.has(v.trigger.eventType) && (p.clause.sub || Boolean(v.ownDate));
}

/** Two cues of one kind in one sentence are one event unless each has its own, different, date. */
function mergeSiblings(cues: Cue[]): Cue[] {
  const out: Cue[] = [];
  for (const c of cues) {
    // a date borrowed from another clause does not make a second event
    const kin = out.find((o) => o.kind === c.kind && devGroup(o.trigger.development) === devGroup(c.trigger.development) && !aside(o, c) && (!o.when || !c.when || !o.ownDate || !c.ownDate || (o.when.start <= c.when.end && c.when.start <= o.when.end)));
    if (!kin) { out.push(c); continue; }
    const i = out.indexOf(kin);
    const strong = kin.weak && !c.weak ? c : kin;
    // the merged cue stands in the main clause when either does
    const clause = !kin.clause.sub ? kin.clause : !c.clause.sub ? c.clause : strong.clause;
    // a date the text gives beats the day a claim was made
    const dated = kin.when && !(kin.speech && c.when && !c.speech) && !(!kin.ownDate && c.ownDate) ? kin : c;
    // places come from the main clause; a background clause told in catch-all words lends none without a date
    const main = !kin.clause.sub ? kin : !c.clause.sub ? c : kin;
    const other = main === kin ? c : kin;
    const where = main.where.length || (other.clause.sub && !other.ownDate && other.weak) ? main.where : other.where;
    out[i] = { ...strong, clause, when: dated.when, speech: dated.speech, ownDate: Boolean(kin.ownDate || c.ownDate), where, weak: kin.weak && c.weak };
  }
  return out;
}

const FAMILY: Record<string, string> = {
  'Armed clash': 'ground',
  'Shelling/artillery/missile attack': 'ground',
  'Non-state actor overtakes territory': 'ground',
  'Government regains territory': 'ground',
  'Air/drone strike': 'air',
  'Suicide bomb': 'bomb',
  'Remote explosive/landmine/IED': 'bomb',
  Grenade: 'bomb',
};

/** Kinds of violence one event may be told as: ground fighting, air strikes, bombs, attacks on civilians… */
export function incidentFamily(subEventType: string, eventType: string): string {
  return FAMILY[subEventType] ?? eventType;
}
