// Fire or an ambush aimed at people who are no armed side: ACLED's attack (violence against civilians), not an armed
// clash, though the words ("opened fire", "ambushed") are a fight's. Civilian vehicles ("opened gunfire on a
// passenger vehicle", "ambushed a commercial vehicle transporting khat", "opened fire on a rickshaw"), civilians named
// by what they do ("attacked pastoralists", "opened fire on a group of prisoners"), and soldiers or police off duty
// ("shot and killed a government soldier (SNA) (off-duty)"); and violence told as an attack that hurt only members of a
// force on duty is aimed at an armed side: an armed clash.
import type { Casualty } from './types.js';

const VERB = String.raw`(?:(?:opened|opening)\s+(?:heavy\s+)?(?:gun\s*)?fire\s+(?:on|at|towards?|upon|targeting)|ambushed|attacked|shot\s+at|fired\s+(?:on|at|upon|towards?))`;
/** A load of a force ("carrying government soldiers (SNA)"), which makes a vehicle a target in a fight. */
const FORCE_LOAD = String.raw`(?!\s+(?:heading|travell?ing|carrying|transporting)\s+(?:[\w-]+\s+){0,3}?(?:troops|soldiers|forces|fighters|militants|militia|weapons|ammunition|police|officials?)\b)`;
/** A vehicle of no force: its kind, or its load ("a lorry transporting goods", not "a vehicle carrying Somaliland troops"). */
const VEHICLE = String.raw`(?:(?:a|an|the|two|three|several|\d+)\s+)?(?:(?:civilian|passenger|commercial|public\s+transport|private)\s+(?:vehicles?|cars?|bus(?:es)?|minibus(?:es)?|trucks?)\b|(?:minibus(?:es)?|bus(?:es)?|rickshaws?|bajaj|tuk-?tuks?|lorr(?:y|ies)|probox|taxis?|donkey\s+carts?|traffic(?:\s+jam)?)\b|(?:vehicles?|vehciles?|cars?|trucks?)(?=\s+(?:heading|travell?ing|carrying|transporting)\s))${FORCE_LOAD}`;
/** Civilians named by what they are or do, with no determiner or as a group. */
const PEOPLE = String.raw`(?:(?:a\s+group\s+of\s+|the\s+)?(?:civilians|residents|pastoralists|herders|prisoners|passengers|worshippers|youths|farmers|traders)\b|a\s+family\b)`;
/** Soldiers or police off duty, whom ACLED counts as civilians. */
const OFF_DUTY = String.raw`(?:shot|killed|attacked|assassinated|stabbed|shot\s+and\s+(?:killed|injured|wounded))\s+(?:[\w()'-]+\s+){0,8}?\(?(?:assumed\s+|likely\s+)?off[\s-]duty\b`;

/** The trigger (event-type.ts TRIGGERS) of fire aimed at civilians, their vehicles, or people off duty. */
export const CIVILIAN_TARGET = new RegExp(String.raw`\b(?:${VERB}\s+(?:${VEHICLE}|${PEOPLE})|${OFF_DUTY})`, 'i');

/**
 * Words that leave the killing of a force's member an attack on a defenceless person (off duty, captive, executed,
 * accused, murdered: wire copy's word for the killing of magistrates and officers alike), or tell its victims civilians
 * after all (a family, a community's members, guards).
 */
const DEFENCELESS = /\b(?:off[\s-]duty|execut\w*|behead\w*|tortur\w*|captiv\w*|kidnapp\w*|abduct\w*|detained|custody|unarmed|accused|poisoned|murder\w*|civilians?|famil(?:y|ies)|community|guards?)\b/i;

/**
 * Whether violence told as an attack (its sentences: "unidentified gunmen assassinated a QSD member", "shot dead a
 * regime's 1st lieutenant", "1 policeman was killed … by unknown gunmen") hurt members of a force only, on duty:
 * ACLED codes violence aimed at an armed side as an armed clash, one-sided or not.
 * @example armedTarget([{ victims: 'combatant', range: { min: 1, max: 1 } }], 'An unknown gunman shot and killed a QSD fighter.') // true
 */
export function armedTarget(casualties: readonly Pick<Casualty, 'victims' | 'range'>[], text: string): boolean {
  const hurt = casualties.filter((c) => c.range.max > 0);
  return hurt.some((c) => c.victims === 'combatant') && !hurt.some((c) => c.victims === 'civilian') && !DEFENCELESS.test(text);
}
