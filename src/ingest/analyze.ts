// One article -> its sentences, each with what the stages found in it: dates, places, actors, casualty figures,
// event types, and the claim it reports. Pure: the gazetteer and the alias table come in as arguments.
import type { ActorTable } from './actors.js';
import { findActors } from './actors.js';
import { discoverActors, findDiscovered } from './discovered-actors.js';
import { findCasualties } from './casualties.js';
import { withCodedToll } from './coded-tolls.js';
import { findClaims } from './claims.js';
import { findDates } from './dates.js';
import type { TypedTrigger } from './event-type.js';
import { classify } from './event-type.js';
import { countryWordOf, type Gazetteer } from './gazetteer.js';
import { articleCountries, capitalPlaces, findPlaces } from './places.js';
import { splitSentences } from './sentences.js';
import { outletSpans } from './outlets.js';
import { findUnknownPlaces, overruledByUnits } from './unknown-places.js';
import { escapeRegExp, fold } from './text.js';
import type { VictimContext } from './tolls.js';
import { victimActor } from './tolls.js';
import type { ActorMention, Article, Casualty, Claim, DateMention, Place, PlaceMention, Sentence } from './types.js';
import type { ArabicScriptLanguage } from './arabic-script/languages.js';
import { readArabicScriptSentence } from './arabic-script/sentence.js';
import { notPlaceSpans } from './arabic-script/not-places.js';
import { pakistanTaliban } from './arabic-script/actors.js';

export interface AnalyzedSentence extends Sentence {
  readonly dates: DateMention[];
  /** Dates of the speech itself ("said on Monday"), kept apart from the dates of what is reported. */
  readonly speechDates: DateMention[];
  readonly places: PlaceMention[];
  readonly actors: ActorMention[];
  readonly casualties: Casualty[];
  readonly types: TypedTrigger[];
  readonly claim: Claim | null;
  /** Every claim the sentence reports (two sides' accounts may share one sentence); `claim` is the first. */
  readonly claims: Claim[];
  readonly headline: boolean;
}

export interface AnalyzeContext {
  readonly gazetteer: Gazetteer;
  readonly actors: ActorTable;
  /** The reference day for relative dates: the publication date, or the best guess for it. */
  readonly ref: string;
  readonly refGuessed: boolean;
  /** No reference day at all (an undated article): only dates that write out their year are kept. */
  readonly unresolved?: boolean;
  /** The article is in Urdu, Pashto, Dari/Persian or Arabic: events, actors, claims and figures are read by arabic-script/. */
  readonly script?: ArabicScriptLanguage;
}

/** The day of the telling set before its verb: "Salvadoran authorities today reported the murder of three peasants". */
const SPEECH_AFTER = /^\s+(?:reported|disclosed|denounced|revealed)\b/i;
const SPEECH_DATE = /\b(?:said|says|told|announced|added|stated|confirmed|claimed|denied|reported|wrote|posted|tweeted|declared|alleged|accused|insisted|warned|rejected|acknowledged|statement|press\s+conference|briefing)\s+(?:(?!that\b)\w+\s+){0,3}?(?:on|late\s+on|early\s+on|earlier\s+on)?\s*$/i;

/**
 * The place of an article's dateline: the largest place of that name (a dateline names a city a wire service keeps a
 * bureau in), in the country written beside it ("PANAMA CITY (PANAMA)", "Peshawar, Pakistan"); a national capital's
 * name written alone is that capital ("SAN JOSE, 5 MAR 89" is Costa Rica's, not the larger Californian city).
 */
export function datelinePlace(article: Article, gaz: Gazetteer): Place | undefined {
  const dateline = article.dateline;
  const place = dateline?.place.split('/')[0];
  if (!place) return undefined;
  const key = fold(place);
  // a town that has the dateline's name only as another name ("Nasir Extension") does not place the article
  const found = gaz.lookup(key).filter((p) => !p.alt);
  // (a region that is no country, "SAN JOSE, Calif.", leaves the largest place of the name)
  const country = dateline.region ? gaz.countryWords.get(fold(dateline.region)) : gaz.capitals.get(key);
  const there = country ? found.filter((p) => p.country === country) : [];
  const size = (p: Place): number => (p.id.startsWith('rg:') ? 1e9 : p.kind === 'country' ? -1 : p.population);
  return (there.length > 0 ? there : found).sort((a, b) => size(b) - size(a))[0];
}

/** The article's own country: its dateline's, else the one its text names most. Unmarked "troops" are its troops. */
function homeCountry(article: Article, gaz: Gazetteer): string | undefined {
  const hit = datelinePlace(article, gaz);
  if (hit) return hit.country;
  const counts = new Map<string, number>();
  for (const m of article.text.matchAll(/\b[A-Z][a-z]+(?:\s[A-Z][a-z]+)?\b/g)) {
    const iso = countryWordOf(gaz, m[0]);
    if (iso) counts.set(iso, (counts.get(iso) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
}

/** A person's title and the name after it ("President Bush", "Colonel Rene Emilio Ponce", "Mr Anderson"). */
const TITLED = /\b(?:President|Colonel|Col|General|Gen|Lieutenant|Lt|Captain|Capt|Major|Sergeant|Commander|Mr|Mrs|Ms|Dr|Msgr|Monsignor|Father|Bishop|Archbishop|Judge|Justice|Minister|Senator|Ambassador|Professor|Deputy|Mayor|Governor)\.?\s+((?:\p{Lu}[\p{L}'’-]+\s+){0,3}\p{Lu}[\p{L}'’-]+)/gu;
/** The names an article gives people after their titles. */
function titledSurnames(text: string): Set<string> {
  if (!/\b(?:President|Col|Gen|Lt|Capt|Major|Sergeant|Commander|Mrs?|Ms|Dr|Msgr|Monsignor|Father|Bishop|Archbishop|Judge|Justice|Minister|Senator|Ambassador|Professor|Deputy|Mayor|Governor|Colonel|General|Lieutenant|Captain)\b/.test(text)) return new Set();
  const out = new Set<string>();
  // (every word of the name: copy recased from capitals may run the name on into a word it capitalised, "President Bush Gets")
  for (const m of text.matchAll(TITLED)) for (const w of m[1]!.split(/\s+/)) out.add(w.replace(/['’]s$/, ''));
  return out;
}
/**
 * Where a sentence names one of those people by the surname alone ("Bush's speech", "Anderson lived near"): no
 * place of that name (Būsh in Egypt, Anderson in Indiana), unless a word of place stands before it or a unit after
 * it ("in Morazan", "Morazan Department": a department named after the general is still that department).
 */
function surnameSpans(sentence: string, names: ReadonlySet<string>): [number, number][] {
  const out: [number, number][] = [];
  for (const name of names) {
    for (let at = sentence.indexOf(name); at >= 0; at = sentence.indexOf(name, at + name.length)) {
      const end = at + name.length;
      if (/[\p{L}]/u.test(sentence[at - 1] ?? '') || /[\p{L}]/u.test(sentence[end] ?? '')) continue;
      // (one word of a longer name is that name's: "La Paz" whatever President Paz Zamora is called)
      if (/\p{Lu}[\p{L}'’-]*\s+$/u.test(sentence.slice(Math.max(0, at - 20), at)) || /^\s+\p{Lu}/u.test(sentence.slice(end, end + 3))) continue;
      if (/\b(?:in|at|near|of|from|to|outside|into)\s+(?:the\s+)?$/i.test(sentence.slice(Math.max(0, at - 12), at)) || /^\s+(?:Department|Province|Municipality|Jurisdiction|Canton|District|City|Town)\b/.test(sentence.slice(end, end + 16))) continue;
      out.push([at, end]);
    }
  }
  return out;
}

/** With two accounts in one sentence, each figure is the account's that names it: the attribution just before it, or the one after. */
function attribute(cs: Casualty[], claims: readonly Claim[]): Casualty[] {
  if (claims.length < 2) return cs;
  return cs.map((c) => {
    const at = c.index ?? 0;
    const before = claims.filter((x) => (x.span?.[0] ?? 0) <= at).at(-1);
    const owner = before ?? claims.find((x) => (x.span?.[0] ?? 0) > at) ?? claims[0]!;
    return { ...c, by: owner.speaker };
  });
}

/** Each figure's victims with the party they belong to, when the words or the claimant say. */
function withParties(cs: Casualty[], ctx: VictimContext): Casualty[] {
  return cs.map((c) => {
    const actor = victimActor(c, ctx);
    return actor ? { ...c, actor } : c;
  });
}

/**
 * Runs every per-sentence stage over one article.
 * @example analyzeArticle(article, { gazetteer: gazetteer(), actors: actorTable(), ref: '2025-11-10', refGuessed: false })
 */
export function analyzeArticle(article: Article, ctx: AnalyzeContext): AnalyzedSentence[] {
  const title = article.title && !article.text.startsWith(article.title) ? [{ index: 0, text: article.title, paragraph: -1 }] : [];
  const body = splitSentences(article.text);
  const sentences: Sentence[] = [...title, ...body.map((s) => ({ ...s, index: s.index + title.length }))];
  const home = homeCountry(article, ctx.gazetteer);
  const datelined = datelinePlace(article, ctx.gazetteer) !== undefined;
  // groups the article introduces with their acronym ("the Coalition des Patriotes pour le Changement (CPC)")
  const discovered = discoverActors(`${article.title}\n${article.text}`, ctx.actors);
  // the dateline's country is the article's context too: "San Luis" in a San Salvador story is in El Salvador
  const countries = new Set([...articleCountries(`${article.title}\n${article.text}`, ctx.gazetteer), ...(home ? [home] : [])]);
  const isPlace = (name: string): boolean => ctx.gazetteer.lookup(fold(name)).some((p) => p.id.startsWith('rg:') || p.kind === 'country' || p.population >= 50_000);
  const capitalOf = (name: string): string | undefined => ctx.gazetteer.capitals.get(fold(name));
  const claims = ctx.script ? [] : findClaims(sentences, { actors: ctx.actors, isPlace, capitalOf, ...(home ? { home } : {}) });
  const claimsOf = new Map<number, Claim[]>();
  for (const c of claims) claimsOf.set(c.sentence, [...(claimsOf.get(c.sentence) ?? []), c]);
  // a one-paragraph note (an event coder's summary, a snippet) has no headline: its first sentence is its lede
  // (nor has a story that opens with a wire dateline: what follows "Lima, 3 Dec 88 (EFE) --" is the lede, whether or
  // not its paragraph is one short sentence)
  const multiParagraph = /\n\s*\n/.test(article.text.trim()) && !article.dateline;
  // the Taliban of a story of Pakistan alone are the TTP (arabic-script/actors.ts)
  const ownTaliban = ctx.script ? pakistanTaliban(`${article.title}\n${article.text}`) : false;
  let anchor: string | null = null;
  let lastFine: Place | undefined;
  // (a text recased from capitals: the words it has in small letters are words recase.ts took for no name)
  const small = new Map<string, boolean>();
  const smallLetters = article.recased ? (w: string): boolean => {
    let hit = small.get(w);
    if (hit === undefined) small.set(w, (hit = new RegExp(`(?<![\\p{L}])${escapeRegExp(w)}(?![\\p{L}])`, 'u').test(article.text)));
    return hit;
  } : undefined;
  let surnames: Set<string> | null = null;
  const people = (): Set<string> => (surnames ??= titledSurnames(article.text));
  return sentences.map((s) => {
    const all = findDates(s.text, { ref: ctx.ref, anchor, refGuessed: ctx.refGuessed }).filter((d) => !ctx.unresolved || /\d{4}/.test(d.text));
    const speechDates = all.filter((d) => SPEECH_DATE.test(s.text.slice(Math.max(0, d.index - 80), d.index)) || SPEECH_AFTER.test(s.text.slice(d.index + d.text.length, d.index + d.text.length + 30)));
    const dates = all.filter((d) => !speechDates.includes(d));
    const day = dates.find((d) => d.precision === 'day' || d.precision === 'night');
    if (day) anchor = day.start;
    if (ctx.script) {
      const read = readArabicScriptSentence(s.text, s.index, { lang: ctx.script, table: ctx.actors, source: article.source, dates: all, pakistanTaliban: ownTaliban, ...(home ? { home } : {}) });
      // names of actors, victims ("فوجی" is no Fuji), event words, weekdays and dates ("۲۳ میزان") are not places
      const blocked = [...read.actors.filter((a) => a.actor.kind !== 'state').map((a) => [a.index, a.index + a.text.length] as const), ...read.casualties.map((c) => [c.index ?? 0, (c.index ?? 0) + c.text.length] as const), ...read.types.map((t) => [t.index, t.index + t.trigger.length] as const), ...notPlaceSpans(s.text), ...all.map((d) => [d.index, d.index + d.text.length] as const)];
      const places = findPlaces(s.text, ctx.gazetteer, { countries, blocked });
      return { ...s, dates, speechDates, places, actors: read.actors, casualties: read.casualties, types: read.types, claim: read.claims[0] ?? null, claims: read.claims, headline: s.paragraph === -1 };
    }
    const outlets = outletSpans(s.text);
    const inOutlet = (i: number): boolean => outlets.some(([a, b]) => i >= a && i < b);
    const own = findDiscovered(s.text, discovered);
    const overlaps = (a: ActorMention): boolean => own.some((o) => a.index < o.index + o.text.length && o.index < a.index + a.text.length);
    const actors = [...own, ...findActors(s.text, ctx.actors, home).filter((a) => !overlaps(a))].filter((a) => !inOutlet(a.index)).sort((a, b) => a.index - b.index);
    const blocked = [...outlets, ...actors.filter((a) => a.actor.kind !== 'state').map((a) => [a.index, a.index + a.text.length] as const), ...surnameSpans(s.text, people())];
    const named = findPlaces(s.text, ctx.gazetteer, { countries, blocked, ...(smallLetters ? { smallLetters } : {}), ...(datelined && home ? { home } : {}) });
    const overruled = overruledByUnits(s.text, named, ctx.gazetteer, home);
    const known = overruled.length ? named.filter((k) => !overruled.includes(k)) : named;
    // ("the capital of Caqueta", "the Salvadoran capital", "in this capital": the seat the words name)
    const places = [...known, ...findUnknownPlaces(s.text, known, ctx.gazetteer, { blocked, ...(home ? { country: home, datelined } : {}), ...(lastFine ? { near: lastFine } : {}) }), ...capitalPlaces(s.text, known, ctx.gazetteer, home, lastFine)].sort((a, b) => a.index - b.index);
    lastFine = places.filter((p) => p.place.kind !== 'country' && p.place.kind !== 'unresolved').at(-1)?.place ?? lastFine;
    const sClaims = claimsOf.get(s.index) ?? [];
    const claim = sClaims[0] ?? null;
    const by = claim ? claim.speaker : article.source;
    return { ...s, dates, speechDates, places, actors, casualties: withParties(attribute(withCodedToll(s.text, findCasualties(s.text, { by, attributed: claim !== null }), by), sClaims), { table: ctx.actors, ...(home ? { home } : {}) }), types: classify(s.text), claim, claims: sClaims, headline: s.paragraph === -1 || (s.index === 0 && title.length === 0 && s.text === article.title && multiParagraph) };
  });
}
