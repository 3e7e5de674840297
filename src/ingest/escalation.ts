// What a later sentence about an event can tell that changes its kind: a protest met by the police or turning
// violent, and a fight that ends with ground taken ("… clashed with Al Shabaab in Jiilaale village. The security
// forces took control of the village.": ACLED codes the fight by its outcome, a territory change).
import type { Cue } from './cues.js';
import type { Mention } from './mention.js';

/** A protest told as peaceful, then as met by the police or turning violent ("The demonstrators burned tires"), is the latter. */
const PROTEST_RANK: Record<string, number> = { 'Peaceful protest': 0, 'Protest with intervention': 1, 'Violent demonstration': 2, 'Excessive force against protesters': 3 };
const GOVERNMENT = 'Government regains territory';
const NON_STATE = 'Non-state actor overtakes territory';
/** Ground held for a while only, or left again ("briefly took control and withdrew"): the fight stays a clash. */
const NOT_HELD = /\b(?:briefly|temporarily|withdr(?:ew|awn)|retreated|pulled\s+out|destroyed\s+them)\b/i;
/** Words of ground taken (not "seized", "captured" alone: "weapons and ammo seized", "captured Al Shabaab fighters"). */
const GROUND = /\b(?:control|took\s+over|overr?an|overrun|retook|retaken|recaptur\w*|liberat\w*|regain\w*)\b/i;
/** "The forces took control": coders' notes name a state's side so ("the militants" for the others). */
const THE_FORCES = /\b[Tt]he\s+(?:(?:security|government|state|federal|joint|allied)\s+)?forces\s+$/;

/**
 * The kind an event takes from a later cue of the same family, or null: a protest that escalates, or an armed clash
 * whose sides then take ground (the state's when the cue says so or names "the forces"), held and not left again.
 * @example the kind of a clash of state forces absorbing "The forces took control over the village." // 'Government regains territory'
 */
export function escalation(m: Mention, c: Cue, sentence: string): string | null {
  const from = PROTEST_RANK[m.subEventType];
  const to = PROTEST_RANK[c.trigger.subEventType];
  if (from !== undefined && to !== undefined) return to > from ? c.trigger.subEventType : null;
  const t = c.trigger;
  if (m.kind !== 'incident' || m.subEventType !== 'Armed clash' || (t.subEventType !== GOVERNMENT && t.subEventType !== NON_STATE) || t.hedged || !GROUND.test(t.trigger) || NOT_HELD.test(sentence)) return null;
  return t.subEventType === NON_STATE && THE_FORCES.test(sentence.slice(Math.max(0, t.index - 40), t.index)) ? GOVERNMENT : t.subEventType;
}

/** A taking the note then says was done without a fight ("No clash was reported.", "There were no clashes."). */
const NO_FIGHT = /\b(?:no\s+(?:clash(?:es)?|fighting|resistance)\s+(?:was|were|has\s+been|have\s+been)\s+reported|there\s+(?:was|were)\s+no\s+(?:clash(?:es)?|fighting|resistance))\b/i;

/**
 * Whether an event of ground taken is told, in a later sentence of its paragraph, to have been taken without a
 * fight: ACLED's non-violent transfer of territory ("Al Shabaab took control over Xagar village from government
 * security forces (SNA). There were no clashes.").
 * @example fightless(a mention of 'Non-state actor overtakes territory' from sentence 0, [s0, { index: 1, paragraph: 0, text: 'No clash was reported.' }]) // true
 */
export function fightless(m: Mention, sentences: readonly { readonly index: number; readonly paragraph: number; readonly text: string }[]): boolean {
  if (m.kind !== 'incident' || (m.subEventType !== GOVERNMENT && m.subEventType !== NON_STATE)) return false;
  const first = sentences.find((s) => s.index === m.sentences[0]);
  return !!first && sentences.some((s) => s.index > first.index && s.index <= first.index + 3 && s.paragraph === first.paragraph && NO_FIGHT.test(s.text));
}
