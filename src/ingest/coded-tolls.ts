// The toll a coder states for the event (ACLED's notes): "Unspecified number of fatalities coded as 3.", "10
// fatalities split across 2 events and coded as 5 for this event.", "Fatalities coded as 4 (VoJ reported 6).", and the
// bare counts "3 fatalities.", "Total 12 fatalities.", "There was 1 fatality". The coder's figure for this event is its
// killed: in place of the total the sentence also gives, and of vague words ("an unknown number were killed").
import { NUMBER_SRC, parseNumber } from './numbers.js';
import type { Casualty } from './types.js';

/** "fatalities … coded as N" (the first "coded as" after the word); "… coded as M for this event" wins over it. */
const CODED = new RegExp(`\\bfatalit(?:y|ies|ie)\\b[^.;]*?\\bcoded\\s+as\\s+(${NUMBER_SRC})\\b`, 'iu');
const FOR_THIS_EVENT = new RegExp(`\\bcoded\\s+as\\s+(${NUMBER_SRC})\\s+for\\s+this\\s+event\\b`, 'iu');
/** "3 fatalities", "a total of 5 fatalities", "1 fatality": a count, not "fatalities among …" of another figure. */
const COUNT = new RegExp(`(?<![\\p{L}\\d,.-])(${NUMBER_SRC})\\s+(?:reported\\s+|confirmed\\s+)?fatalit(?:y|ies)\\b(?!\\s+(?:split|spread|across|among|of\\s+the|were\\s+(?:split|spread)))`, 'iu');

/**
 * The killed figure a coder gives in `sentence`, or null.
 * @example codedToll('Unspecified number of fatalities coded as 3.', 'ACLED')?.range // { min: 3, max: 3 }
 */
export function codedToll(sentence: string, by: string): Casualty | null {
  const match = FOR_THIS_EVENT.exec(sentence) ?? CODED.exec(sentence) ?? COUNT.exec(sentence);
  if (!match) return null;
  const n = parseNumber(match[1]!);
  if (n === null || !Number.isSafeInteger(n)) return null;
  return { kind: 'killed', victims: 'unknown', range: { min: n, max: n }, text: match[0], by, index: match.index, coded: true };
}

/** The sentence's casualties with a coder's killed figure in place of the killed figures it found, if it gives one. */
export function withCodedToll(sentence: string, found: Casualty[], by: string): Casualty[] {
  const coded = codedToll(sentence, by);
  return coded ? [...found.filter((c) => c.kind !== 'killed'), coded] : found;
}

/**
 * A coder's toll is for the note's event, the first incident it tells, even when a later sentence seemed to open
 * another ("The SNA conducted an airstrike … to support ground operations"): it moves there from any other; its share
 * "for this event" wins over a total split across events.
 */
export function codedTollToNoteEvent(mentions: { kind: string; casualties: Casualty[] }[]): void {
  // (a later "Fatalities coded as 1 for this event" is this event's share of an earlier "coded as 3 and split across
  // 2 locations")
  const tolls = mentions.flatMap((m) => m.casualties).filter((c) => c.coded);
  const coded = tolls.find((c) => FOR_THIS_EVENT.test(c.text)) ?? tolls[0];
  const noteEvent = coded ? mentions.find((m) => m.kind === 'incident') : undefined;
  if (!coded || !noteEvent) return;
  for (const m of mentions) m.casualties = m === noteEvent ? [...m.casualties.filter((c) => !c.coded), coded] : m.casualties.filter((c) => !c.coded);
}
