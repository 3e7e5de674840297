// Violence by people who are no armed force: ACLED's mob violence. A clash needs armed, organised sides and an attack
// an armed perpetrator; a party's supporters beating a rival with bamboo sticks, or rivals killing a farmer over land,
// are neither.
import type { Actor } from './types.js';
/**
 * People who are no armed force (a party's supporters or members, villagers, rivals, students, traders, a leader's
 * accomplices) doing violence by hand or with what comes to hand.
 */
const CROWD_VIOLENCE = /\b(?:supporters|members|activists|followers|cadres|leaders|workers|students|villagers|residents|locals|youths|rivals|relatives|neighbou?rs|traders|shopkeepers|hawkers|labou?rers|owners|organi[sz]ers|encroachers|accomplices|people|persons|passengers|drivers|lawyers|interns|staff(?:ers)?|(?:rival|local)\s+men|(?:two\s+)?(?:rival\s+)?(?:groups|factions)|(?:a\s+)?group\s+of\s+(?:people|men|locals|youths|villagers))\b[^.;]{0,140}?\b(?:assaulted|beat|beaten|attacked|hacked|stabbed|clashed|vandali[sz]ed|chased|lynched|fought|engaged\s+in\s+(?:a\s+)?(?:clash(?:es)?|fight|scuffle))\b/i;
/** Unnamed assailants doing violence ("assailants threw bricks at the car", "unidentified persons vandalized"). */
const ASSAILANTS = /\b(?:assailants|miscreants|unidentified\s+(?:persons|people|men|individuals))\b[^.;]{0,140}?\b(?:assaulted|beat|attacked|hacked|stabbed|vandali[sz]ed|chased|threw|exploded|hurled)\b/i;
/** Their violence by hand or against things, which needs no weapon named ("assailants assaulted and injured a journalist"). */
const ASSAILANTS_BODILY = /\b(?:assailants|miscreants|unidentified\s+(?:persons|people|men|individuals))\b[^.;]{0,140}?\b(?:assaulted|beat|hacked|stabbed|vandali[sz]ed|set\s+(?:fire|ablaze|alight))\b/i;
/** Weapons that come to hand, and the crude bombs of street violence (ACLED codes none of these as an IED). */
const BY_HAND = /\b(?:sticks?|bamboo|bricks?|brickbats|stones?|rods?|hammers?|(?:sharp|local)\s+weapons|machetes?|knives|knife|daggers?|iron\s+pipes?|pliers|(?:crude|cocktail|petrol|hand-?made|country-made)\s+bombs?|molotov\s+cocktails?)\b/i;
/** Words of an armed force or of war weapons, which a crowd does not have. */
const ARMED = /\b(?:guns?|gunmen|gunfire|fired|firing|shot|shoot(?:ing|out)|rifles?|pistols?|firearms?|explosives?|grenades?|IEDs?|armed|militants?|militia(?:s|men)?|rebels?|insurgents?|soldiers?|troops|army|criminals|robbers|bandits|pirates|terrorists?)\b/i;
/** Bombs other than the crude ones of street violence. */
const BOMB = /\b(?<!(?:crude|cocktail|petrol|made)\s)bombs?\b/i;
/** Words of a force or an unnamed perpetrator, which leave the violence mob violence only when it is done by hand. */
const FORCE = /\b(?:police|forces|assailants|unidentified|miscreants)\b/i;
/** A crowd fighting the police ("members of BNP clashed with police forces", "attacked 3 police personnel"): rioters against a force, not two armed sides. */
const CLASHED_WITH_POLICE = /\b(?:clashed|engaged\s+in\s+(?:a\s+)?clash(?:es)?)\s+with\s+(?:the\s+)?police\b|\b(?:assaulted|attacked|beat|hacked|stabbed)\s+(?:and\s+injured\s+)?(?:[\w-]+\s+){0,3}?(?:police|policem[ae]n)\b/i;
/** Heads of an organisation's name that make it armed ("Front", "Brigades"); a "Party", "Group" or "Jamaat" is not. */
const ARMED_HEAD = /\b(?:Army|Front|Brigades?|Forces|Militia|Corps|Battalion|Liberation|Resistance|Mujahideen|Lashkar|Jaish|Guards?)\b/;

/**
 * The armed sides among an event's actors: forces and armed groups, but not an organisation the text alone names
 * whose name says nothing armed ("members of Jatiya Party", "supporters of Jamaat-e-Islami"): a party's crowd.
 * @example armedSides([{ id: 'new:jatiya-party', name: 'Jatiya Party', aliases: [], kind: 'armed_group', known: false }]) // 0
 */
export function armedSides(actors: readonly Actor[]): number {
  return actors.filter((a) => a.kind === 'state_force' || (a.kind === 'armed_group' && (a.known || ARMED_HEAD.test(a.name)))).length;
}

/**
 * Whether a sentence tells violence by people who are no armed force: a crowd, or unnamed assailants with sticks,
 * bricks or crude bombs, naming no firearm, war weapon or armed party.
 * @example unarmedAssault('Assailants exploded two cocktail bombs in front of the house of an Awami League leader.') // true
 */
export function unarmedAssault(text: string): boolean {
  if (ARMED.test(text) || BOMB.test(text)) return false;
  const byHand = BY_HAND.test(text);
  return (CROWD_VIOLENCE.test(text) && (byHand || !FORCE.test(text) || CLASHED_WITH_POLICE.test(text))) || (byHand && ASSAILANTS.test(text)) || ASSAILANTS_BODILY.test(text);
}

/** Words of a demonstration. */
const PROTEST_WORD = /\b(?:protest(?:s|ers|ed|ing)?|demonstrat(?:ion|ions|ors|ed|ing)|rall(?:y|ies)|processions?|march(?:es|ed)?|human\s+chains?|blockades?|hartals?|sit-ins?|picket(?:s|ed|ing)?|quota\s+reform\s+movement)\b/gi;
/**
 * A demonstration named only as the setting of the violence ("amid the outbreak of violence … following
 * anti-government demonstrations", "ahead of BNP's mass demonstration", "during their meeting ahead of countrywide
 * demonstrations"), not as what the violent were doing.
 */
const SETTING = /\b(?:amid|ahead\s+of|following|in\s+the\s+wake\s+of)\b[^.;]{0,90}$/i;
/** Signs the violent were themselves demonstrating: a demand, a banner, the police they fought. */
const DEMANDING = /\b(?:demand(?:ing|ed|s)?|under\s+the\s+banner|to\s+protest|in\s+protest|police|slogans?)\b/i;

/**
 * Whether a sentence tells a crowd's violence whose only demonstrations are its setting: mob violence, not a violent
 * demonstration (ACLED's riots by demonstrators are the demonstrators' own violence).
 * @example mobBesideDemonstrations('On 5 August 2024, unidentified persons vandalized the house of the mayor, amid the outbreak of violence following anti-government demonstrations.') // true
 */
export function mobBesideDemonstrations(text: string): boolean {
  if (ARMED.test(text) || BOMB.test(text) || DEMANDING.test(text)) return false;
  const byHand = BY_HAND.test(text);
  if (!CROWD_VIOLENCE.test(text) && !(ASSAILANTS.test(text) && (byHand || /\bvandali[sz]ed|set\s+(?:fire|ablaze|alight)|assaulted\b/i.test(text)))) return false;
  for (const m of text.matchAll(PROTEST_WORD)) if (!SETTING.test(text.slice(Math.max(0, m.index - 90), m.index))) return false;
  return true;
}
