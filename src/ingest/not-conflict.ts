// Disasters, accidents and ordinary crime kill people too, but they are not political violence: ACLED records
// none of them. An article whose story is one of these, and that names no party to a conflict, yields no event;
// the article's notes say why, so a reviewer can see it was read and set aside.
import { classify } from './event-type.js';

const KINDS: [RegExp, string][] = [
  [/\b(?:earthquakes?|quakes?|tremors?|aftershocks?|floods?|flooding|flash\s+floods?|landslides?|mudslides?|cyclones?|hurricanes?|typhoons?|tornado(?:es)?|tsunamis?|droughts?|wildfires?|bushfires?|forest\s+fires?|volcan(?:o|oes|ic)|eruptions?|storms?|heat\s*waves?|avalanches?|epidemics?|pandemic|outbreaks?|covid(?:-19)?|coronavirus|cholera|ebola|locusts?|famine|monsoon|torrential\s+rains?)\b/i, 'a natural disaster or epidemic'],
  [/\b(?:(?:plane|air|aircraft|bus|train|road|car|boat|ferry|helicopter)\s+crash(?:es|ed)?|crash(?:ed|es)?\s+(?:into|on|off|near|shortly)|derail(?:ed|ment)|collisions?|collided|capsiz(?:ed|es)|sank|shipwreck|accident(?:s|al|ally)?|(?:gas|chemical|toxic|poisonous)\s+(?:\w+\s+)?(?:leak(?:s|ed|age)?|explosion|cylinders?)|chemical\s+spill|(?:plant|factory|warehouse|depot|refinery|tanks?|containers?|bunker|boiler|pipeline|silo|cylinders?)\s+(?:\w+\s+){0,2}?(?:exploded|blew\s+up|caught\s+fire|burst)|(?:explosions?|blasts?)\b[^.]{0,120}\b(?:chemicals?|ammonium\s+nitrate|fireworks|propane|solvents?|industrial|(?:were|was)\s+stored|storage)|(?:fireworks|firecrackers?)|(?:was|were)\s+(?:struck|hit)\s+by\s+(?:a|an)\s+(?:\w+\s+)?(?:carrier|ship|vessel|tanker|truck|lorry|train|bus|car|vehicle)|(?:oil\s+)?spill(?:ed|t)?|fire\s+broke\s+out|blaze|caught\s+fire|short[\s-]circuit|building\s+collapse|collapsed\s+(?:building|bridge|mine)|boiler|tank\s+(?:exploded|burst)|(?:factory|plant|refinery|mine|warehouse|pipeline|port)\s+(?:explosion|blast|fire)|(?:explosion|blast|fire)\s+at\s+(?:a|an|the)\s+(?:\w+\s+)?(?:factory|plant|refinery|mine|warehouse|depot)|stampede|electrocuted|drowned|firefighters|fire\s+crews)\b/i, 'an accident'],
  [/\b(?:robber(?:y|ies|s)|robbed|burglar(?:y|ies|s)?|thie(?:f|ves)|theft|drug\s+(?:traffickers?|trafficking|dealers?|cartels?|smuggling|bust|haul)|narcotics|smuggl(?:ers?|ing|ed)|fraud|embezzle(?:ment|d)|domestic\s+(?:violence|dispute)|murder(?:ed|s)?\s+(?:his|her)\s+(?:wife|husband|mother|father|son|daughter)|(?:youth\s+)?gang(?:s|ster)?s?\b(?!\s*-?rape)|carjack(?:ing|ed)|counterfeit|smuggle|cyber\s*-?(?:crime|attacks?)|hackers?|hacking(?!\s+(?:\w+\s+){0,2}?to\s+death)|hacked\s+(?:into|the\s+(?:[\w-]+\s+)?(?:accounts?|websites?|servers?|systems?|e-?mails?|phones?|computers?|networks?|databases?)))\b/i, 'ordinary crime'],
];

/** The kinds of event that are someone's violence. */
const VIOLENT = new Set(['Violence against civilians', 'Battles', 'Explosions/Remote violence', 'Riots']);
/** A fire someone set ("torched a church; the blaze destroyed the roof") is arson, whatever the fire's words: no accident. */
const SET_ON_FIRE = /\b(?:arson(?:ists?)?|torch(?:ed|ing)|set\s+(?:fire\s+to|(?:\w+\s+){1,4}?(?:on\s+fire|ablaze|alight))|fire-?bomb(?:ed|ing|s)?|petrol\s+bombs?|molotov)\b/i;

/** Explosions told as such ("three strong explosions occurred", "a blast rocked"). */
const BLASTS = /\b(?:explosions?|blasts?|exploded|detonat(?:ed|ion))\b/i;

/** Words of political violence or of a party to a conflict: with any of them, the story stays a conflict story. */
const CONFLICT = /\b(?:militants?|rebels?|insurgen(?:ts?|cy)|jihadists?|terroris(?:ts?|m)|armed\s+(?:group|men|forces)|gunmen|militias?|guerrillas?|soldiers|troops|army|military|air\s*-?strikes?|airstrikes?|shelling|artillery|mortars?|rockets?|missiles?|drones?|suicide|IEDs?|landmines?|grenades?|bomb(?:s|ing|er|ers)?|protest(?:s|ers)?|demonstrat(?:ors|ions?)|riots?|clash(?:es|ed)?|fighting|ceasefire|war|coup|Taliban|Shabaab|Boko\s+Haram|Islamic\s+State|ISIS|ISIL|al-Qaeda|abduct(?:ed|ion)|kidnapp(?:ed|ing)|behead(?:ed|ing)|decapitat(?:ed|ion)|dismember(?:ed|ment)|lynch(?:ed|ing)?|mobs?|vigilantes?|(?:residents|villagers|locals|youths|a\s+group|a\s+crowd|a\s+number\s+of\s+\w+)\s+(?:\w+\s+){0,3}?(?:beat|assaulted|burned|attacked|stoned|tied\s+up|killed|captured|wounded|lynched))\b/i;

/**
 * Force the state's agents use is political violence whatever the story is about (ACLED codes it): "the gendarmerie
 * forces beat and injured a woman … at a checkpoint … to combat the coronavirus", "policemen opened fire against a
 * group of youths", "a government soldier (SNA) shot and killed a civilian" accused of robbery, "police fired tear gas
 * at rioting prisoners". Not "police said the robbers shot the guard": no word of telling or finding between.
 */
const STATE_FORCE = /\b(?:soldiers?|gendarm(?:es?|erie)|(?:border|prison)\s+guards?|security\s+(?:forces|agents|personnel)|police(?:m[ae]n|\s+officers?|\s+forces)?)(?:\s+(?!(?:said|says|say|told|reported|claimed|believes?|believed|suspects?|suspected|arrested|found|were|was|have|has|had|who|that|the)\b)[\p{L}()'-]+){0,4}?\s+(?:opened\s+fire|fired|shot|killed|beat|tortured|assaulted|attacked|stabbed|whipped|flogged)\b|\b(?:shot|killed|beaten|tortured)\s+(?:dead\s+|to\s+death\s+)?by\s+(?:the\s+)?(?:[\p{L}-]+\s+)?(?:police|soldiers?|gendarm\p{L}*|security\s+forces)\b|\briot(?:ing|ers)\b/iu;
/**
 * Why an article's story is not a conflict event (a disaster, an accident, ordinary crime), or null when it may be.
 * Only the lede decides the kind of story; the whole text is searched for words of conflict.
 * @example notConflict('A 6.1 earthquake struck the region, killing 12.', 'A 6.1 earthquake struck…') // 'a natural disaster or epidemic'
 */
export function notConflict(lede: string, text: string): string | null {
  if (CONFLICT.test(text) || STATE_FORCE.test(text)) return null;
  // a protest or a riot is never a disaster's or a crime's story, whatever it is about ("nurses demonstrated over
  // coronavirus testing")
  if (classify(lede).some((t) => !t.hedged && !t.weak && (t.eventType === 'Protests' || t.eventType === 'Riots'))) return null;
  // (nor is looting a disaster's story: "a shop was looted during the COVID-19 lockdown" is ACLED's looting)
  const looting = classify(lede).some((t) => !t.hedged && t.subEventType === 'Looting/property destruction' && /loot|plunder|ransack|pillag/i.test(t.trigger));
  const arson = SET_ON_FIRE.test(lede);
  // (explosions no accident explains are no crime's story either: "three strong explosions occurred last night in
  // Medellin, a drug trafficking center" are bombings, whoever set them)
  const blasts = BLASTS.test(lede);
  // (violence done by someone is no disaster's story, whatever the epidemic it happened in: "a security guard fatally
  // shot a man who was not wearing a face mask during the coronavirus lockdown", "an arson attack … as per the
  // security measures against coronavirus")
  const done = arson || classify(lede).some((t) => !t.hedged && !t.weak && VIOLENT.has(t.eventType));
  for (const [re, why] of KINDS) if (re.test(lede) && !((looting || done) && re === KINDS[0]![0]) && !(arson && re === KINDS[1]![0]) && !(blasts && re === KINDS[2]![0])) return why;
  return null;
}
