// The records that flow through the ingest pipeline. Every stage is a pure function from one of these to the next,
// so each can be tested alone; pipeline.ts only wires them.

/** One input as the CLI, the server (POST /v1/ingest) or a test hands it over: raw content plus what is known. */
export interface ArticleInput {
  /** A stable name for the input: the file path, the feed item ("feed.xml#2"), or one the caller chose. */
  readonly id?: string;
  readonly text?: string;
  readonly html?: string;
  /** An RSS or Atom document; it expands into one article per item. */
  readonly feed?: string;
  readonly url?: string;
  readonly source?: string;
  readonly title?: string;
  /** RFC 3339 or YYYY-MM-DD, when the caller knows it. */
  readonly published?: string;
}

export type InputErrorCode = 'empty' | 'binary' | 'too_large' | 'unreadable' | 'not_found' | 'unsupported' | 'bad_feed' | 'no_text' | 'url_offline' | 'too_deep';

/** An expected failure for one input; the others go on. */
export interface InputError {
  readonly input: string;
  readonly code: InputErrorCode;
  readonly message: string;
}

/** An interval of whole days (inclusive), with how precisely the text pinned it down. */
export type DatePrecision = 'day' | 'night' | 'days' | 'week' | 'month' | 'year' | 'inferred';
export interface DateInterval {
  readonly start: string; // YYYY-MM-DD
  readonly end: string; // YYYY-MM-DD
  readonly precision: DatePrecision;
}

/** A date expression found in a sentence, resolved against the article's reference date. */
export interface DateMention extends DateInterval {
  readonly text: string;
  readonly index: number;
  /** true when it was resolved against an assumed, not a stated, reference date. */
  readonly relative: boolean;
}

export interface Article {
  readonly id: string;
  readonly source: string;
  readonly title: string;
  /** YYYY-MM-DD when stated (dateline, meta, feed, caller); null when the article carries none. */
  readonly published: string | null;
  /** Where `published` came from, or how the window was inferred when it was absent. */
  readonly publishedFrom: 'input' | 'meta' | 'feed' | 'dateline' | 'text' | 'inferred' | 'none';
  /** For undated articles: the window inferred from the dates the text mentions. */
  readonly publishedWindow?: DateInterval;
  readonly url?: string;
  readonly dateline?: { readonly place: string; readonly region?: string; readonly agency?: string };
  /** A dateline's day without a year ("Nov 7"), when nothing else dates the article. */
  readonly datelineDate?: string;
  readonly text: string;
  readonly notes: readonly string[];
  /** The text came in capitals and is read in sentence case (recase.ts): names the gazetteer lacks are lost in it. */
  readonly recased?: boolean;
}

export interface Sentence {
  readonly index: number;
  readonly text: string;
  readonly paragraph: number;
}

export interface Place {
  readonly id: string;
  readonly name: string;
  readonly country: string; // ISO 3166-1 alpha-2
  readonly admin1: string;
  readonly admin2: string;
  /** Found by one of its alternate names, not its own: a place of that very name is likelier meant. */
  readonly alt?: boolean;
  /** The third-level unit (a sub-district, a commune), when known. */
  readonly admin3?: string;
  readonly lat: number;
  readonly lon: number;
  /** ACLED geo_precision: 1 town or site, 2 district or near a town, 3 province, region or country. */
  readonly precision: 1 | 2 | 3;
  readonly kind: string;
  readonly population: number;
  /** A crossing named after towns on both sides lists them here. */
  readonly also?: readonly string[];
}

export interface PlaceMention {
  readonly place: Place;
  readonly text: string;
  readonly index: number;
  /** true when a locative cue ("in", "near", "at") precedes it: likely where something happened. */
  readonly locative: boolean;
  /** Named by a mission that works in that country alone ("the OSCE SMM observed …"): its report is from there. */
  readonly mission?: true;
}

export interface Actor {
  readonly id: string;
  readonly name: string;
  readonly aliases: readonly string[];
  readonly kind: string;
  readonly side?: string;
  readonly country?: string;
  readonly role?: string;
  /** A de facto authority listed as forces (the Afghan Taliban) that is also its country's government. */
  readonly governs?: boolean;
  /** false for names found in the text but in no alias table: they come out as found, unmerged. */
  readonly known: boolean;
}

export interface ActorMention {
  readonly actor: Actor;
  readonly text: string;
  readonly index: number;
  /** For a government named in a report of violence: its armed forces. */
  readonly force?: Actor;
}

export interface Range {
  readonly min: number;
  readonly max: number;
  /** true when the text gives only a floor ("at least", "more than", "dozens"). */
  readonly open?: boolean;
}

export type CasualtyKind = 'killed' | 'injured';
export type VictimKind = 'civilian' | 'combatant' | 'unknown';

export interface Casualty {
  readonly kind: CasualtyKind;
  readonly victims: VictimKind;
  readonly range: Range;
  readonly text: string;
  /** Whose figure it is: a speaker named in the sentence, else the article's source. */
  readonly by: string;
  /** Whether a speaker in the sentence gives it (true) or the article states it (false). */
  readonly attributed?: boolean;
  /** Which side the victims belong to, when the text says ("Pakistani soldiers", "Afghan Taliban fighters"). */
  readonly side?: string;
  /** The victims as written ("Taliban", "Pakistani soldiers", "of its fighters"). */
  readonly group?: string;
  /** The party the victims belong to, when the text or the claimant says (set by analyze.ts from the alias table). */
  readonly actor?: Actor;
  /** Where in the sentence the figure is. */
  readonly index?: number;
  /** Told as more victims than those already counted ("the justice of the peace was also murdered"). */
  readonly also?: boolean;
  /** The toll a coder states for the event ("fatalities coded as 3", coded-tolls.ts): it is the event's killed. */
  readonly coded?: boolean;
}

export interface Claim {
  readonly speaker: string;
  readonly speakerId?: string;
  readonly role?: string;
  readonly quote: string;
  readonly kind: 'quote' | 'paraphrase';
  readonly verb: string;
  readonly sentence: number;
  /** Where the speaker is named in the sentence (start, end): places and actors there belong to the speaker. */
  readonly span?: readonly [number, number];
}

export type EventKind = 'incident' | 'development';
export interface EventType {
  readonly kind: EventKind;
  readonly eventType: string;
  readonly subEventType: string;
  readonly trigger: string;
  /** For developments: talks, ceasefire, agreement, statement, breakdown. */
  readonly development?: string;
}
