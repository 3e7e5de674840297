// Violence by people who are no armed force: ACLED's mob violence. A clash needs armed, organised sides and an attack
// an armed perpetrator; a party's supporters beating a rival with bamboo sticks, or rivals killing a farmer over land,
// are neither.
/**
 * People who are no armed force (a party's supporters or members, villagers, rivals, students) doing violence by hand
 * or with what comes to hand, in a sentence that names no firearm, explosive or armed party.
 */
const CROWD_VIOLENCE = /\b(?:supporters|members|activists|followers|cadres|leaders|workers|students|villagers|residents|locals|youths|rivals|relatives|neighbou?rs|traders|people|(?:two\s+)?(?:rival\s+)?(?:groups|factions)|(?:a\s+)?group\s+of\s+(?:people|men|locals|youths))\b[^.;]{0,140}?\b(?:assaulted|beat|beaten|attacked|hacked|stabbed|clashed|vandali[sz]ed|chased|lynched)\b/i;
const ARMED_WORDS = /\b(?:guns?|gunmen|gunfire|fired|firing|shot|shoot(?:ing|out)|rifles?|pistols?|firearms?|bombs?|explosives?|grenades?|IEDs?|armed|militants?|militia(?:s|men)?|rebels?|insurgents?|soldiers?|troops|army|police|forces|assailants|unidentified|miscreants|criminals|robbers|bandits|pirates|terrorists?)\b/i;
export function unarmedAssault(text: string): boolean {
  return CROWD_VIOLENCE.test(text) && !ARMED_WORDS.test(text);
}
