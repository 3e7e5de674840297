// A killing told as a noun its victim owns: "Pizarro's murder", "Rodriguez Porth's death", "his abominable
// assassination". Commentary and speeches name the dead this way ("the material authors of Carlos Pizarro's murder")
// long after the news, and in wire copy written in capitals no name can be told from words, so the noun with its
// possessive is the one sign left that one person was killed.

/** Adjectives commentary puts before the noun ("the tragic murder", "his abominable assassination"). */
const MANNER = '(?:(?:brutal|tragic|vile|cowardly|abominable|cruel|horrible|heinous|treacherous|cold-blooded|criminal|senseless|savage|despicable)\\s+)?';
/**
 * A possessive before the noun of a killing, with no "of" after it ("the army's murder of six Jesuits": the owner
 * is the killer) and not a noun qualifying another ("death squads", "death threats", "his murder trial").
 * "Death" only after a name's possessive: "his death" may be any death.
 */
const POSSESSED = new RegExp(`(?:['’]s\\s+${MANNER}(?:murder|assassination|death|killing)|\\b(?:his|her)\\s+${MANNER}(?:murder|assassination))(?![\\p{L}-])(?!\\s+(?:of|squads?|threats?|tolls?|penalty|sentences?|lists?|warrants?|plots?|attempts?|camps?|trials?|case|cases|anniversary|charges?|rows?)\\b)`, 'giu');
/** Owners that are no victim: a day or a time ("yesterday's murder", "last year's killing"). */
const TIME_OWNER = /^(?:today|yesterday|tonight|monday|tuesday|wednesday|thursday|friday|saturday|sunday|week|weekend|month|year|night|morning|evening|it|one)$/i;

/** The first killing of one person told as a possessed noun in a sentence, or null. */
export function possessedKilling(sentence: string): { text: string; index: number } | null {
  POSSESSED.lastIndex = 0;
  for (let m = POSSESSED.exec(sentence); m; m = POSSESSED.exec(sentence)) {
    const owner = /\p{L}+$/u.exec(sentence.slice(Math.max(0, m.index - 20), m.index))?.[0] ?? '';
    // (the owner is a word of two letters at least: "Pizarro's", not a stray "s" or an initial's)
    if (/^['’]/.test(m[0]) && (owner.length < 2 || TIME_OWNER.test(owner))) continue;
    return { text: m[0], index: m.index };
  }
  return null;
}
