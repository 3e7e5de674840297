// The output of ingest, in the JSON shape design.md fixes ("Open sources (news) to candidates"), plus fields it
// allows: per-source mentions, precision notes, errors. Snake case where design.md uses it.
import type { Discrepancy } from './discrepancies.js';
import type { DateInterval, InputError, Range } from './types.js';

export interface IngestedArticle {
  readonly id: string;
  readonly source: string;
  readonly title: string;
  readonly published: string | null;
  readonly published_from: string;
  readonly published_window?: DateInterval;
  readonly url?: string;
  readonly dateline?: string;
  /** ISO 639-3 code of the article's language ("und" when too short to tell). */
  readonly language: string;
  /** Present when the article gave no events by design, and why: another language, a story that is not a conflict. */
  readonly not_extracted?: { readonly code: 'language' | 'not_conflict'; readonly reason: string };
  /** For an article not extracted for its language: the dates and places read in it all the same. */
  readonly found?: {
    readonly dates: { readonly start: string; readonly end: string; readonly precision: string; readonly text: string; readonly sentence: number }[];
    readonly places: (EventPlace & { readonly text: string; readonly sentence: number })[];
  };
  readonly notes: string[];
}

export interface EventPlace {
  readonly name: string;
  readonly country: string;
  readonly lat: number;
  readonly lon: number;
  /** ACLED geo_precision 1–3. */
  readonly precision: number;
  readonly admin1?: string;
  readonly admin2?: string;
  readonly admin3?: string;
}

export interface EventActor {
  readonly id: string;
  readonly name: string;
  readonly aliases: readonly string[];
  readonly kind?: string;
  readonly side?: string;
  readonly known?: boolean;
}

export interface EventClaim {
  readonly speaker: string;
  readonly quote: string;
  readonly article: string;
  readonly role?: string;
  readonly kind?: 'quote' | 'paraphrase';
  readonly sentence?: number;
}

/** One claimant's figures for one party (or for civilians, or for nobody in particular), killed and injured apart. */
export interface EventToll {
  /** The party the dead and wounded belong to ("201 Taliban": the Afghan Taliban), when the text or claimant says. */
  readonly actor?: { readonly id: string; readonly name: string };
  /** The side word when no actor is known ("militants"). */
  readonly side?: string;
  readonly civilian?: true;
  readonly killed: Range | null;
  readonly injured: Range | null;
  /** Who gives the figures: the speaker, or the outlet when the article states them. */
  readonly claimant: string;
  /** On the event: which article says it. */
  readonly article?: string;
}

/** What one article says about the event: kept so every field is traceable to its source and sentence. */
export interface EventMention {
  readonly article: string;
  readonly when: DateInterval | null;
  readonly where: string[];
  readonly actors: string[];
  readonly perpetrators: string[];
  readonly fatalities: Range | null;
  readonly injured: Range | null;
  readonly figures: { readonly kind: string; readonly victims: string; readonly min: number; readonly max: number; readonly open?: boolean; readonly by: string; readonly text: string; readonly actor?: string }[];
  /** The figures per claimant and party: "201 Taliban and 23 soldiers" is two tolls. */
  readonly tolls: EventToll[];
  readonly sentences: number[];
  readonly trace: { readonly when?: number; readonly where: number[]; readonly actors: number[]; readonly fatalities: number[]; readonly injured: number[] };
}

export interface CandidateEvent {
  readonly id: string;
  readonly kind: 'incident' | 'development';
  readonly event_type: string;
  readonly sub_event_type: string;
  readonly development?: string;
  readonly summary: string;
  readonly when: DateInterval | null;
  readonly where: EventPlace[];
  readonly actors: EventActor[];
  readonly fatalities: Range | null;
  readonly injured: Range | null;
  /** Every source's tolls per claimant and party (`fatalities` and `injured` span them all). */
  readonly tolls: EventToll[];
  readonly claims: EventClaim[];
  readonly sources: { readonly article: string; readonly sentence: string; readonly index: number }[];
  readonly mentions: EventMention[];
}

export interface IngestResult {
  readonly articles: IngestedArticle[];
  readonly events: CandidateEvent[];
  readonly discrepancies: Discrepancy[];
  /** One per input that could not be read; the others were processed. */
  readonly errors: InputError[];
  readonly mechanism: string;
}
