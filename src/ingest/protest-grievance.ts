// Violence a protest is about, not violence at the protest: "staged a protest against the prior clash between
// locals and students", "against the government for assaulting members of opposition", "following prior clashes
// during BNP's grand rally". ACLED codes such a note a peaceful protest; the clash or assault is another event.

/**
 * Just before the violence word: a preposition of grievance ("against", "for", "over", "following", "condemning")
 * with at most four words after it and no "and", or a word that puts the violence before ("the prior", "previously").
 * The words may not join a clause ("for the second day and clashed" is the protesters' own clash).
 */
const GRIEVANCE_BEFORE = /(?:\b(?:against|for|over|following|condemning|denouncing|protesting)\s+(?:(?!(?:and|but|then|who|which|where|when|they|he|she)\s)[\p{L}'’-]+\s+){0,4}|\b(?:prior|previous|previously|earlier)\s+(?:[\p{L}-]+\s+)?)$/iu;
/** Words of a protest in the street, which the grievance must follow. */
const PROTESTED = /\b(?:protest(?:s|ed|ing)?|demonstrat(?:ion|ions|ed|ing)|rall(?:y|ies)|human\s+chains?|sit-ins?|marche[sd])\b/i;

/**
 * Whether the violence word at `index` is what a protest told before it is about.
 * @example protestGrievance('Students staged a protest on campus against the prior clash between locals and students.', 64) // true
 */
export function protestGrievance(sentence: string, index: number): boolean {
  // (a verb in the past is the protesters' own act: "residents demonstrating against the curfew vandalized a station")
  if (/^[\p{L}-]+ed\b/u.test(sentence.slice(index, index + 30))) return false;
  const before = sentence.slice(Math.max(0, index - 60), index);
  return GRIEVANCE_BEFORE.test(before) && PROTESTED.test(sentence.slice(0, index));
}
