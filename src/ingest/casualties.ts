// Casualty figures in a sentence -> ranges of killed and injured, civilian or combatant, each with who gave it.
// "two people, including a woman" is 2; "more than 200" is 201 and open; "at least 23" is 23 and open;
// "between 12 and 15" is 12–15; "dozens" is 24 and open. Headline style ("Five killed, 35 injured") counts too.
import type { Casualty, CasualtyKind, Range, VictimKind } from './types.js';
import { NUMBER_SRC, parseNumber } from './numbers.js';
import { MONTH, WEEKDAY } from './date-words.js';
import { Sieve } from './sieve.js';
import { ASIDE, BE, COMBATANT, CIVILIAN, DESCR, DESCR2, HURT, KILL, nounFirst, NOT_AFTER_PROTEST, QTY, QUAL, VICTIM, VICTIMS } from './victim-words.js';
import { possessedKilling } from './possessed-killing.js';
import { IDENTIFIED, LIST, NAMES_PASSIVE, PERSON, ROLE, ROLES_PASSIVE, listedVictims } from './victim-lists.js';

/** "mujahideen of the Islamic Emirate", "fighters from the Rapid Support Forces" */
const POST = "(?:\\s+(?:of|from)\\s+(?:the\\s+)?(?:\\p{Lu}[\\p{L}'’-]*\\s+){0,3}\\p{Lu}[\\p{L}'’-]*)?";
const PARTITIVE = '(?<p>\\s+of\\s+(?:the|them|whom|those|its|their|our|his|her)(?!\\s+(?:dead|wounded|injured|killed|victims|casualties)\\b))?';

/** Words set off by double dashes between the victims and the verb: "two missionaries -- aged 19 and 21 -- were shot to death". */
const DASHED = '(?:\\s+--\\s+[^.;]{1,60}?\\s+--)?';
/** Where the victims were going, between them and the verb: "seven presidential guards travelling aboard a military bus were killed". */
const ABOARD = '(?:\\s+(?:travel(?:l)?ing|riding|aboard|on\\s+board)\\s+[^.;,]{1,50}?)?';
/** Who they were, set off by commas between the victims and the verb: "a man, who is believed to have been the watchman, was killed". */
const WHO = '(?:\\s*,\\s*(?:who|whom|whose)\\s[^.;,]{1,100}?,)?';
/**
 * The victims told in a clause of their own: "the 10 union leaders who were killed on 31 October" (a past passive
 * only: "the 100,000 persons who have been murdered" is a war's toll).
 */
const RELATIVE = '(?<rel>\\s+who(?=\\s+(?:were|was|had\\s+been)\\s))?';
/** Words before a death a protest or a demand is about ("demanding justice for their two fellow workers who were …"). */
const PROTEST_BEFORE = /\b(?:against|over|protest(?:s|ed|ing)?|demand(?:s|ed|ing)?|justice|punishment|memory|mourn(?:s|ed|ing)?|condolences|avenge|revenge|blocked)\b[^.;]{0,80}$/i;
/** subject first: "Five civilians, including a child, were killed"; "23 soldiers martyred"; "a woman and a man were martyred". */
const SUBJECT = new RegExp(`(?<![\\p{L}\\d,.-])(?<!\\b(?:killed|killing|kill|wounded|wounding|injured|injuring)\\s+)["“]?(?<q>${QTY})["”]?${PARTITIVE}(?:\\s+(?<v>${DESCR}(?:${VICTIMS})${POST}))?(?:\\s+and\\s+(?:(?:their|other|the|her|his)\\s+)?(?:(?<q2>${QTY})\\s+)?(?<v2>${DESCR2}(?:${VICTIM})))?(?![\\p{L}])${ABOARD}${DASHED}${WHO}${ASIDE}${RELATIVE}${BE}\\s+(?:(?<k>${KILL})|(?<h>${HURT}))(?![\\p{L}])`, 'giu');
/**
 * The death or assassination of a counted group ("the death of two reporters"), not one a protest or a crowd's anger
 * followed or was about ("staged a demonstration following the death of a student", "protested against the death of
 * a fellow worker"): those dead are no toll of that event.
 */
const PROTESTED = '(?<!\\b(?:against|over|following|protest(?:s|ed|ing)?|demand(?:s|ed|ing)?|justice|punishment|memory|mourn(?:s|ed|ing)?|condolences|wake|avenge|revenge|because|due\\s+to)\\b[^.;]{0,80})';
/**
 * The same where the sentence tells no crowd, protest or grief: "the departure occurred following the assassination of
 * six Jesuits", "regret over the death of several children", "alarmed over the assassination of" tell the killing
 * ("arrested because of their suspected involvement in the assassination of six Jesuits" still does not).
 */
const CALM = '(?<!\\b(?:against|protest(?:s|ed|ing)?|demand(?:s|ed|ing)?|justice|punishment|memory|mourn(?:s|ed|ing)?|condolences|wake|avenge|revenge|because|due\\s+to)\\b[^.;]{0,80})';
/** Words of a crowd's or a mourner's reaction anywhere in a sentence, or of an accident's death. */
const CROWD = /\b(?:protest|demonstrat|riot|rall(?:y|ies|ied)|march|strike|unrest|anger|angry|outrage|fury|furious|mourn|vigil|funeral|sit-in|block|hartal|shut\s*down|clash|violence|uproar|tension|vandal|ransack|torch|set\s+fire|mob|agitat|locals|accident)/i;
const deathOf = (protested: string): string => nounFirst('(?:deaths?|assassinations?)\\s+of', protested);
/** verb first: "killing two people", "killed 10 civilians", "wounding dozens", "left three dead", "the murder of the six Jesuits". */
const objectPattern = (protested: string): RegExp => new RegExp(`(?<![\\p{L}])(killed|killing|kills|kill|left|leaving|wounded|wounding|injured|injuring|injures|(?:claim(?:ed|ing|s)|cost(?:ing|s)?)\\s+the\\s+lives\\s+of|martyred|martyring|neutrali[sz]ed|neutrali[sz]ing|eliminated|eliminating|shot\\s+dead|(?:burned|burnt|stabbed|hacked|beaten|stoned|shot)\\s+to\\s+death|lynched|beheaded|murdered|(?:murdering|assassinating|(?:murders?|killings?|slayings?)\\s+of)(?:\\s+the(?=\\s+${NUMBER_SRC}\\s))?|${deathOf(protested)}|assassinated|executed|massacred|massacre\\s+of)\\s+(${QTY})(?:\\s+(?:of\\s+(?:the|them|their|its|whom)\\s+)?(${DESCR}(?:${VICTIMS})))?(?:\\s+(dead|injured|wounded))?(?![\\p{L}])`, 'giu');
const OBJECT = objectPattern(PROTESTED);
const OBJECT_CALM = objectPattern(CALM);
/** "the death toll rose to 12", "toll stood at 40". */
const TOLL = new RegExp(`(death\\s+toll|toll|number\\s+of\\s+(?:dead|deaths|fatalities|injured|wounded|(?:\\w+\\s+)?(?:killed|dead|injured|wounded)))\\s+(?:[\\w.'’-]+\\s+){0,14}?(?:rose|risen|climbed|reached|stood|stands|jumped|increased|is|was|has\\s+risen|had\\s+risen)\\s+(?:to|at)\\s+(${QTY})`, 'giu');
/** "raising the toll to 27", "bringing the death toll to 40". */
const RAISED = new RegExp(`\\b(?:raising|raised|bringing|brought|pushing|pushed|taking|took)\\s+(?:the\\s+)?(?:overall\\s+|total\\s+)?(?:death\\s+)?(toll|number\\s+of\\s+(?:dead|deaths|injured|wounded))\\s+(?:\\w+\\s+){0,3}?to\\s+(${QTY})`, 'giu');

/** What a verb takes as its object: an article, a possessive or a figure after it. */
const ACTIVE_OBJECT = /^\s+(?:a|an|the|his|her|their|its|one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s/i;
/** Others killed with the one just counted: "was killed near his home, along with two of his bodyguards". */
const ALONG = new RegExp(`^[^.;]{0,100}?\\b(?:along|together)\\s+with\\s+(${QTY})\\s+(?:of\\s+(?:his|her|their|its)\\s+)?(${DESCR}(?:${VICTIMS}))(?![\\p{L}])`, 'iu');
/** "put Pakistan's losses at 58 soldiers"; "one of two people killed"; "and a soldier" after a figure. */
const PUT = new RegExp(`\\b(?:put|puts|putting|placed|places|estimated)\\s+(?:the\\s+|its\\s+|their\\s+)?(?:\\p{L}+['’]s\\s+)?(?:own\\s+)?(?:losses|toll|death\\s+toll|casualties|dead|fatalities)\\s+at\\s+(${QTY})(?:\\s+(${DESCR}(?:${VICTIM})))?`, 'giu');
const ONE_OF = new RegExp(`\\bone\\s+of\\s+(?:the\\s+)?(${QTY})\\s+(${DESCR}(?:${VICTIM}))\\s+(?:who\\s+(?:were|was|had\\s+been)\\s+)?(?:(${KILL})|(${HURT}))`, 'giu');
const AND_MORE = new RegExp(`^(?:\\s*,\\s*(?:including|among\\s+them)[^,.;]{1,60})?,?\\s+and\\s+(?:of\\s+)?(?:(?:their|his|her|its)\\s+)?(${QTY})\\s+(${DESCR}(?:${VICTIM}))(?![\\p{L}])`, 'iu');
/** One named person killed: "stabbed Pisco Deputy Prefect Carlos Soto to death", "murdered Herminio Parra". */
const NAMED = new RegExp(`\\b(?:murdered|assassinated|executed|killed|shot\\s+dead|(?:shot|stabbed|hacked|beat|beaten|burned|clubbed)(?=\\s[^.;]{0,80}?\\bto\\s+death\\b))\\s+(?:(?:[\\p{Ll}-]+\\s+){0,2}?(?:leader|mayor|judge|councilman|journalist|priest|lawyer|businessman|candidate|deputy|senator|official|activist|unionist|peasant|engineer|teacher|student|professor)\\s+)?((?:\\p{Lu}[\\p{L}.'’-]*\\s+){1,5}\\p{Lu}[\\p{L}'’-]+)(?![\\p{L}'’-])(?!\\s+(?:${VICTIM}|and|or|of|forces|army|group|movement|members|supporters)\\b)`, 'gu');
/**
 * One named person killed, told as a noun: "condemned the murder of former Supreme Court President Francisco Guerrero",
 * "the assassination of Dr Jose Antonio Rodriguez Porth" (a full name, not a group: "the murder of Jesuit priests";
 * nor a protest's cause: "staged a protest against the killing of X", whose dead are not the protest's).
 */
const NOMINAL = new RegExp(`${nounFirst('\\b(?:assassination|murder|killing|slaying)\\s+of', NOT_AFTER_PROTEST)}\\s+(?:the\\s+)?(?:\\d{1,3}-year-old\\s+)?(?:\\p{Lu}\\p{Ll}+\\s+(?=\\p{Ll}))?(?:(?!(?:in|at|on|by|near|from|and|or|a|an|the|of|to|for|with)\\s)\\p{Ll}[\\p{L}-]*\\s+){0,3}?((?:\\p{Lu}[\\p{L}.'’-]*\\s+){1,6}\\p{Lu}[\\p{L}'’-]+)(?![\\p{L}'’-])(?!\\s+\\p{Lu})(?!\\s*,?\\s*(?:and|or|&)\\s+(?:\\p{Lu}|(?:his|her|their|two|three|four|five|six|several)\\s|\\d))(?!\\s+(?:${VICTIM}|member|leader|activist|cadre|lawmaker|worker|supporter|official|commander|of|forces|army|group|movement|members|supporters|family|brothers)\\b)`, 'gu');
/** One person killed, told without a figure: "lynched and killed an alleged thief", "killed the gunman". */
/** After a nominal killing of one named: "… and of Guatemalan Attorney Gilda Flores" (one more each). */
const AND_OF = new RegExp(`^(?:\\s*,?\\s*(?:and\\s+)?(?:that\\s+)?of\\s+(?:the\\s+)?(?:\\p{Lu}\\p{Ll}+\\s+(?=\\p{Ll}))?(?:(?!(?:in|at|on|by|near|from|and|or|a|an|the|of|to|for|with)\\s)\\p{Ll}[\\p{L}-]*\\s+){0,3}?(?:\\p{Lu}[\\p{L}.'’-]*\\s+){1,6}\\p{Lu}[\\p{L}'’-]+(?![\\p{L}'’-]))+`, 'u');
const SINGLE = new RegExp(`\\b(?:killed|murdered|assassinated|executed|lynched|beheaded|shot\\s+dead|(?:shot|stabbed|hacked|beaten|burned|burnt|stoned)\\s+to\\s+death)(?:\\s+(?:and\\s+)?(?:beheaded|mutilated|burned|decapitated))?(?:\\s+by\\s+(?:machete|gunfire|knife|\\w+))?\\s+(?:a|an|the|one)\\s+((?:[\\p{L}\\d'’-]+\\s+){0,3}?)(${VICTIM}|thief|robber|criminal|suspect|murderer|chief|chairman|trader|seller|gunman|assailant|hunter|herdsman|guard|husband|wife|son|daughter|father|mother|elder|notable|informant|militant|soldier|policeman)\\b`, 'giu');
/** One person named just before a singular verb: "Sipi Mayor Manuel Cruz was seriously wounded", "the justice of the peace from Aquira was also murdered". */
const ONE_PASSIVE = new RegExp(`(?<=(?<![\\p{L}'’-])(?!(?:He|She|It|This|That|There|Which|Who|One|Nobody|None|No)\\s)\\p{Lu}[\\p{L}'’.-]+\\s+)(?:was|has\\s+been|had\\s+been)(?:\\s+(?:also|reportedly|seriously|critically|fatally|badly|mortally|gravely|allegedly|later|then|subsequently|slightly|lightly))*\\s+(?:(${KILL})|(${HURT}))(?![\\p{L}])`, 'gu');
/**
 * One person told by name or by role, without a figure: "Mayor Ramirez died instantly", "the engineer was killed",
 * "the mayor of Apopa died on the way to hospital", "Peasant leader Jose Perez was found dead". (Group 1: the role.)
 * A capitalised word opening the sentence may be any noun ("Hope died"), so a name must not stand first alone.
 */
const ONE_DIED = new RegExp(`(?<=\\S\\s+(?<![\\p{L}'’-])(?!(?:He|She|It|This|That|There|Which|Who|One|Nobody|None|No|Many|Some|Both|All|Others|They)\\s)\\p{Lu}[\\p{L}'’.-]+\\s+)(?:(?:was|has\\s+been|had\\s+been)(?:\\s+(?:also|later|reportedly|allegedly))*\\s+found\\s+dead|(?:also\\s+|later\\s+|subsequently\\s+)?died)(?![\\p{L}])`, 'gu');
// (or someone's: "Delgado's driver was killed")
/**
 * A surname alone opening the sentence, told "died" as a person dies: "Navas died and Galdamez was seriously injured",
 * "Pineda died instantly", "Perez died on the way to hospital" (a noun opening a sentence, "Hope died", has no such words).
 */
const FIRST_DIED = /^["“]?\p{Lu}\p{Ll}[\p{L}'’-]+\s+(?:also\s+|later\s+)?died(?=\s+(?:instantly|instantaneously|immediately|on\s+the\s+spot|at\s+the\s+scene|on\s+(?:the|his|her)\s+way|(?:later\s+)?(?:in|at)\s+(?:the\s+|a\s+)?(?:[\p{L}-]+\s+){0,2}?(?:hospital|clinic)|of\s+(?:his|her)\s+(?:wounds|injuries)|and\s+[\p{L}'’-]+\s+(?:was|is)\s+(?:\w+\s+)?(?:injured|wounded|hurt)\b))/u;
const THE_ONE = new RegExp(`\\b(?:the|\\p{L}[\\p{L}-]*['’]s)\\s+(?:[\\p{L}'’-]+\\s+){0,2}?(${ROLE})(?:\\s+(?:of|from)\\s+(?:the\\s+)?\\p{Lu}[\\p{L}'’-]*(?:\\s+\\p{Lu}[\\p{L}'’-]*){0,2}|\\s+of\\s+(?:the|a|an|his|her|their)\\s+[\\p{Ll}-]+)?${WHO}\\s+(?:(?:was|has\\s+been|had\\s+been)(?:\\s+(?:also|later|reportedly|allegedly|fatally|mortally))*\\s+(?:killed|murdered|assassinated|executed|shot\\s+dead|found\\s+dead|(?:shot|stabbed|hacked|beaten|burned)\\s+to\\s+death)|(?:also\\s+|later\\s+|subsequently\\s+)?died)(?![\\p{L}])`, 'giu');
/**
 * One victim told by a pronoun: "broke into the judge's home and killed her", "shot him dead", "He died on the way to
 * the hospital" (the figure of one person, however often told, counts one: tally.ts keeps the largest).
 */
const PRONOUN = /\b(?:killed|murdered|assassinated|executed|(?:shot|stabbed|hacked|beat|clubbed)\s+(?:him|her)\s+to\s+death|shot\s+(?:him|her)\s+dead)(?:\s+(?:him|her))?\b(?<=\b(?:him|her|death|dead))/gu;
const PRONOUN_DIED = /\b(?:He|She)\s+(?:later\s+|also\s+|subsequently\s+)?(?:died|was\s+(?:killed|murdered|assassinated|shot\s+dead|found\s+dead))\b/gu;
const ONE_GATE = /\b(?:died|dead|death|him|her|(?:was|has\s+been|had\s+been)\s+(?:\w+\s+){0,3}?(?:killed|murdered|assassinated|executed))\b/i;
/**
 * One named person set off by what they are, then a passive killing: "Danilo Barillas, former ambassador to Spain and
 * leader of the ruling party, was killed today by unidentified individuals" (or the surname alone, told again after a
 * word in small letters: "police reported that Barillas, ambassador to Spain until 1988, was gunned down" (1; a civilian unless the words set off
 * name a force: "Jose Perez, a police corporal, was killed"); a full name so set off and told "died" or "was found dead"
 * is one dead as well ("Guillermo Rojas, the leftist trade union leader, died in Soyapango").
 */
const APPOSED = new RegExp(`(?<![\\p{L}'’-])(${PERSON}|(?<=\\p{Ll}[\\p{L}'’-]*\\s+)\\p{Lu}\\p{Ll}[\\p{L}'’-]+)\\s*,\\s*([^.;,]{3,120}?(?:,[^.;,]{3,80}?)?)\\s*,\\s+(?:was|has\\s+been|had\\s+been)(?:\\s+(?:also|reportedly|allegedly|later|fatally|mortally))*\\s+(?:(?:shot|stabbed|beaten|tortured|kidnapped|abducted|ambushed|machine-?gunned)\\s+and\\s+)?(?:${KILL}|found\\s+dead)(?![\\p{L}])|(?<![\\p{L}'’-])(${PERSON})\\s*,\\s*([^.;,]{3,120}?(?:,[^.;,]{3,80}?)?)\\s*,\\s+(?:also\\s+|later\\s+|subsequently\\s+)?died(?![\\p{L}])`, 'gu');
const APPOSED_GATE = /,\s+(?:(?:was|has\s+been|had\s+been)\s+(?:\w+\s+){0,2}?(?:killed|murdered|assassinated|executed|shot|stabbed|slain|gunned|found\s+dead)|(?:also\s+|later\s+|subsequently\s+)?died)\b/;
/**
 * The dead told by their bodies: "the bodies of three peasants were found", "police found the bodies of 12 men",
 * "three bodies were recovered", "eight persons were found dead". (Group 1 the figure, group 2 the victims.)
 */
const FOUND = '(?:found|discovered|recovered)';
const BODY_WORDS = /\b(?:bodies|body|corpses|corpse|found\s+dead)\b/i;
const BODIES = [
  new RegExp(`\\b(?:the\\s+)?(?:bodies|corpses)\\s+of\\s+(${QTY})(?:\\s+(${DESCR}(?:${VICTIM})))?(?:\\s*,?\\s+(?:who|whom|that)\\s+[^.;,]{1,80}?,?)?\\s+(?:were|have\\s+been|had\\s+been)\\s+(?:\\w+\\s+)?${FOUND}(?![\\p{L}])`, 'giu'),
  new RegExp(`\\b${FOUND}\\s+(?:the\\s+)?(?:bodies|corpses)\\s+of\\s+(${QTY})(?:\\s+(${DESCR}(?:${VICTIM})))?(?![\\p{L}])`, 'giu'),
  // (with whose they are, or how they were, set off: "28 bodies of alleged peasants", "two bodies, one of them headless, were found")
  new RegExp(`(?<![\\p{L}\\d,.-])(${QTY})\\s+(?:\\w+\\s+)?(?:bodies|corpses)(?:\\s+of\\s+(${DESCR}(?:${VICTIMS})))?(?:\\s*,[^.;]{1,80}?,)?\\s+(?:were|have\\s+been|had\\s+been)\\s+(?:\\w+\\s+)?${FOUND}(?![\\p{L}])`, 'giu'),
  // (one: "the body of an unidentified man was found"; not one a protest is about: "demanding justice after the body of a student was found")
  new RegExp(`${nounFirst('\\b(?:the\\s+)?(?:body|corpse)\\s+of', PROTESTED)}\\s+(an?|one)\\s+(${DESCR}(?:${VICTIMS}))(?:\\s*,[^.;]{1,80}?,)?\\s+(?:was|has\\s+been|had\\s+been)\\s+(?:\\w+\\s+)?${FOUND}(?![\\p{L}])`, 'giu'),
  new RegExp(`(?<![\\p{L}\\d,.-])(${QTY})\\s+(${DESCR}(?:${VICTIM}))\\s+(?:were|have\\s+been|had\\s+been)\\s+found\\s+dead(?![\\p{L}])`, 'giu'),
];

/** A party's own losses: "lost three of its fighters", "lost 12 soldiers". */
const LOST = new RegExp(`\\blost\\s+(${QTY})\\s+(?:of\\s+(?:its|their|our|his|her)\\s+(?:own\\s+)?)?(${DESCR}(?:${COMBATANT}|men))(?![\\p{L}])`, 'giu');
const NONE = /\b(?:no\s+(?:casualties|(?:one|body|soldiers?|civilians?)\s+(?:was|were)\s+(?:killed|hurt|injured|harmed)|deaths\s+or\s+injuries|injuries|loss\s+of\s+life)|without\s+casualties)\b/gi;

/** Every figure pattern needs one of these words: most sentences are skipped at once. */
const MAYBE = /kill|dead|die|death|bodies|body|corpse|murder|assassin|execut|massacre|martyr|shahadat|wound|injur|hurt|lost|lives|perish|slain|shot|neutrali|eliminat|hell|casualt|toll|gunned|hospitali|sustained|suffered|harmed|fatalit|losses/i;

const NON_PEOPLE = /^\s*(?:km|kilomet|kilometre|miles?|hours?|days?|weeks?|months?|years?|percent|per\s+cent|%|pm|am|p\.m|a\.m|houses?|homes?|vehicles?|posts?|rounds?|shells?|tons?|metres?|meters?|rupees?|dollars?|times|birds?|animals?|cattle|cows?|goats?|sheep|camels?|dogs?|horses?|donkeys?|livestock|chickens?|fish)\b/i;

/**
 * A toll over a period rather than one event's: "since the war began, 5,000 have been killed", "403 people were
 * killed in November", "1,775 over the past 12 months", "a total of six engineers murdered this week".
 */
const PERIOD_AFTER = new RegExp(`^[^.;,]{0,60}?\\b(?:since\\s+(?:the\\s+)?(?:(?:start|beginning|outbreak|onset)\\s+of\\b|(?:\\w+\\s+){0,3}?(?:began|started|erupted|broke\\s+out)\\b|${MONTH}(?!\\s*\\d)|(?:19|20)\\d{2}\\b|last\\s+year\\b)|(?:in|during|throughout)\\s+(?:the\\s+month\\s+of\\s+)?${MONTH}(?![\\p{L}])(?!\\s*\\d{1,2}\\b)|in\\s+(?:19|20)\\d{2}\\b|(?:this|last|that)\\s+(?:week|month|year)\\b|(?:over|in|during|within)\\s+the\\s+(?:past|last|previous|first|second|third|fourth)\\s+(?:quarter|half|semester|trimester)\\b|so\\s+far\\s+this\\b|in\\s+(?:\\w+\\s+)?(?:violent\\s+acts|acts\\s+of\\s+violence|(?:political|terrorist|urban|rural)\\s+violence)\\b|(?:over|in|during|within)\\s+the\\s+(?:past|last|previous)\\s+(?:\\w+\\s+)?(?:weeks|months|years|decades)\\b|(?:over|in|during|within)\\s+the\\s+(?:past|last)\\s+(?:few\\s+|several\\s+)?hours\\b)`, 'iu');
const PERIOD_BEFORE = /\b(?:since\s+(?:the\s+)?(?:(?:start|beginning|outbreak|onset)\s+of\b[^.;]{0,40}|(?:\w+\s+){0,3}?(?:began|started|erupted|broke\s+out))|so\s+far\s+this\s+(?:year|month)|in\s+all|(?:in|during|over|within)\s+the\s+(?:past|last)\s+(?:few\s+|several\s+)?hours)\s*,?\s*(?:\w+\s+){0,4}$/i;
const DAY_OF_MONTH = new RegExp(`^\\s+${MONTH}(?![\\p{L}])`, 'iu');
const DAY_WORD = new RegExp(`\\b(?:${WEEKDAY}|today|yesterday|tonight|last\\s+night|\\d{1,2}\\s+${MONTH}|${MONTH}\\s+\\d{1,2}\\b)`, 'i');
/** A clause of what happens whenever ("when thousands are killed on the battlefield"): no report of an event. */
const GENERIC = /\b(?:when|whenever|if|unless|where)\b[^.;,]{0,60}$/i;

/** Whether a figure counts the dead or wounded of a period or a whole war, or of no event at all. */
function periodToll(sentence: string, index: number, text: string): boolean {
  const after = sentence.slice(index + text.length);
  const before = sentence.slice(Math.max(0, index - 80), index);
  const period = PERIOD_AFTER.exec(after);
  // (a figure dated to its day is an event's: "killed on Sunday in the third attack this month")
  if (period && !DAY_WORD.test(period[0])) return true;
  if (PERIOD_BEFORE.test(before)) return true;
  return /\b(?:are|is)\s+(?:\w+\s+)?(?:killed|wounded|injured|dead)\b/i.test(text) && GENERIC.test(before);
}

/**
 * Counted groups listed right before the last one or two a verb counts, each followed by a comma (the last maybe by
 * "and"): "One army lieutenant, four soldiers, and three civilians", "Four soldiers, two guerrillas and a civilian"
 * (not the object of a verb before them: "killed 3 soldiers, 2 civilians were wounded").
 */
const LISTED = (tail: string): RegExp => new RegExp(`(?<![\\p{L}\\d,.-])(?<!\\b(?:killed|killing|kill|wounded|wounding|injured|injuring|left|leaving)\\s+)(${QTY})\\s+(${DESCR}(?:${VICTIMS}))${tail}$`, 'iu');
const LISTED_LAST = LISTED('(?:\\s*,\\s*|\\s*,?\\s+and\\s+)');
const LISTED_MORE = LISTED('\\s*,\\s*');
function groupsBefore(before: string): { qty: string; victims: string; length: number }[] {
  const out: { qty: string; victims: string; length: number }[] = [];
  let rest = before;
  for (let m = LISTED_LAST.exec(rest); m && out.length < 6; m = LISTED_MORE.exec(rest)) {
    out.unshift({ qty: m[1]!, victims: m[2]!, length: m[0].length });
    rest = rest.slice(0, m.index);
  }
  return out;
}

/** The range a quantity expression means. */
export function parseQuantity(q: string): Range | null {
  const t = q.trim().toLowerCase().replace(/\s+/g, ' ');
  const between = new RegExp(`^between (${NUMBER_SRC}) and (${NUMBER_SRC})$`, 'i').exec(t);
  if (between) {
    const a = parseNumber(between[1]!);
    const b = parseNumber(between[2]!);
    return a !== null && b !== null ? { min: Math.min(a, b), max: Math.max(a, b) } : null;
  }
  const vague: Record<string, Range> = { 'half a dozen': { min: 6, max: 6 }, 'a handful': { min: 2, max: 5 }, dozens: { min: 24, max: 24, open: true }, scores: { min: 40, max: 40, open: true }, hundreds: { min: 200, max: 200, open: true }, thousands: { min: 2000, max: 2000, open: true }, tens: { min: 20, max: 20, open: true }, 'tens of thousands': { min: 20_000, max: 20_000, open: true }, 'hundreds of thousands': { min: 200_000, max: 200_000, open: true } };
  // "several", "a few", "many": no figure at all (as ACLED and the annotation guide read them)
  if (t in vague) return vague[t]!;
  if (/^(several|a few|a (?:large |small |significant |huge )?number|many|numerous)$/.test(t)) return null;
  const m = new RegExp(`^(?:(${QUAL}) )?(${NUMBER_SRC})(?: ?(?:-|–|to|or) ?(${NUMBER_SRC}))?$`, 'i').exec(t);
  if (!m) return null;
  const n = parseNumber(m[2]!);
  if (n === null) return null;
  if (m[3]) {
    const b = parseNumber(m[3]);
    if (b !== null && b > n) return { min: n, max: b };
  }
  const qual = (m[1] ?? '').replace(/\s+/g, ' ');
  if (/^(at least|no fewer than|a minimum of|at least another)$/.test(qual)) return { min: n, max: n, open: true };
  if (/^(more than|over)$/.test(qual)) return { min: n + 1, max: n + 1, open: true };
  if (/^(nearly|almost|close to)$/.test(qual)) return { min: Math.max(1, Math.floor(n * 0.9)), max: n };
  if (/^(up to)$/.test(qual)) return { min: 1, max: n };
  if (/^(fewer than|less than)$/.test(qual)) return { min: 1, max: Math.max(1, n - 1) };
  return { min: n, max: n };
}

/** Offices and trades of people not of a force, as wire copy names its victims. */
const CIVIL_ROLE = /\b(?:leader|mayor|judge|councilman|journalist|priest|lawyer|businessman|candidate|deputy|senator|official|activist|unionist|peasant|engineer|teacher|student|professor|magistrate|prosecutor|governor|prefect|doctor|nun|bishop|missionary)\b/i;
const CIVILIAN_RE = new RegExp(`\\b(?:${CIVILIAN})\\b`, 'i');
const COMBATANT_RE = new RegExp(`\\b(?:${COMBATANT})\\b`, 'i');

function victimKind(phrase: string, aside: string): VictimKind {
  if (COMBATANT_RE.test(phrase)) return 'combatant';
  if (/\bcivilians?\b/i.test(phrase) || (CIVILIAN_RE.test(phrase) && !/\b(?:people|persons?|individuals?|others|men|man)\b/i.test(phrase))) return 'civilian';
  if (/\b(?:women|woman|child|children|girls?|boys?)\b/i.test(aside)) return 'unknown';
  return 'unknown';
}

/** Whose people the victims are, when the phrase says: a demonym, or the words for militants. */
function sideOf(victims: string): string | undefined {
  const v = victims.toLowerCase();
  const named = /\b(\p{Lu}\p{L}+(?:ian|ani|ese|ish|i|an))\b/u.exec(victims)?.[1]?.toLowerCase();
  if (/\b(?:khawarij|khwarij|kharijis?|terrorists?|militants?|insurgents?|attackers?|assailants?|gunmen|suicide bombers?)\b/.test(v)) return 'militants';
  const demonym = named;
  if (/\btaliban\b/.test(v) && !/pakistani taliban/.test(v)) return 'afghan';
  return demonym && !/^(civilian|local|militan|afghan-taliban)$/.test(demonym) ? demonym : undefined;
}

export interface CasualtyContext {
  /** Who gives the figure: the speaker the sentence attributes it to, else the article's source. */
  readonly by: string;
  /** true when a speaker in the sentence gives it; false when the article states it. */
  readonly attributed?: boolean;
}

/** Which of findCasualties' expressions can match a sentence at all (sieve.ts): the others are not run. */
const SIEVED = [...BODIES, PUT, ONE_OF, LOST, LIST, ROLES_PASSIVE, NAMES_PASSIVE, IDENTIFIED, SUBJECT, OBJECT, NAMED, SINGLE, ONE_PASSIVE, THE_ONE, ONE_DIED, PRONOUN, PRONOUN_DIED, NONE, TOLL, RAISED];
const SIEVE = new Sieve(SIEVED);
const SIEVED_AT = new Map(SIEVED.map((re, k) => [re, k]));

/**
 * Every casualty figure in a sentence.
 * @example findCasualties('Two people, including a woman, were killed.', { by: 'Dawn' })
 *   // [{ kind: 'killed', range: { min: 2, max: 2 }, victims: 'unknown', ... }]
 */
export function findCasualties(sentence: string, ctx: CasualtyContext): Casualty[] {
  const out: Casualty[] = [];
  if (!MAYBE.test(sentence)) return out;
  const may = SIEVE.candidates(sentence);
  const can = (re: RegExp): boolean => {
    const k = SIEVED_AT.get(re);
    return k === undefined || may[k]!;
  };
  const taken: [number, number][] = [];
  /** Set while adding the second group of a pair ("… and 23 soldiers"): its span is the pair's, taken by the first. */
  let part = false;
  const add = (kind: CasualtyKind, qty: string, victims: string, text: string, index: number): void => {
    const range = parseQuantity(qty);
    // (no incident a report tells kills or wounds ten thousand: a figure that large is a war's or an era's toll, "the
    // problem of violence that has lasted 10 years and killed more than 70,000 people")
    if (!range || range.min >= 10_000) return;
    // (a number before "-year-old" is an age: "the killing of 42-year-old Josef Piescher")
    const at = text.indexOf(qty);
    if (at >= 0 && /^-?\s*years?-?\s*old\b/i.test(sentence.slice(index + at + qty.length))) return;
    if (periodToll(sentence, index, text)) return;
    // "three cricketers were killed along with other people": part of a toll, not one
    if (/^[^.;]{0,20}?\b(?:along|together)\s+with\s+(?:other|others|\w+\s+other)\b/i.test(sentence.slice(index + text.length))) return;
    if (!part) {
      if (taken.some(([a, b]) => index < b && index + text.length > a)) return;
      taken.push([index, index + text.length]);
    }
    const side = sideOf(victims);
    const group = victims.trim();
    // "was also murdered", "also killed two guards": victims besides those already counted
    const also = /\balso\b/i.test(text) || /\balso\s+$/i.test(sentence.slice(Math.max(0, index - 8), index));
    out.push({ kind, victims: victimKind(victims, text), range, text: text.trim(), by: ctx.by, attributed: Boolean(ctx.attributed), ...(side ? { side } : {}), ...(group ? { group } : {}), index, ...(also ? { also: true } : {}) });
  };
  /** Two groups stay two figures when they are of different kinds or sides ("201 Taliban and 23 soldiers"). */
  const fighters = (x: string): boolean => victimKind(x, '') === 'combatant';
  const apart = (a: string, b: string): boolean => fighters(a) !== fighters(b) || sideOf(a) !== sideOf(b);
  const sum = (a: string, b: string | undefined): string | null => {
    const x = parseQuantity(a);
    const y = b ? parseQuantity(b) : null;
    return x && y ? `${x.open || y.open ? 'at least ' : ''}${x.min + y.min}` : null;
  };
  // (most sentences tell no bodies: the patterns start at every figure, so they run only where they can match)
  for (const re of BODY_WORDS.test(sentence) ? BODIES : []) {
    re.lastIndex = 0;
    for (let m = can(re) ? re.exec(sentence) : null; m; m = re.exec(sentence)) if (!/^(?:a|an|one|the)$/i.test(m[1]!.trim()) || m[2]) add('killed', m[1]!, m[2] ?? '', m[0], m.index);
  }
  for (const re of [PUT, ONE_OF, LOST]) {
    re.lastIndex = 0;
    for (let m = can(re) ? re.exec(sentence) : null; m; m = re.exec(sentence)) add(re === ONE_OF && m[4] ? 'injured' : 'killed', m[1]!, m[2] ?? '', m[0], m.index);
  }
  for (const l of listedVictims(sentence, can)) add('killed', String(l.n), l.victims, l.text, l.index);
  SUBJECT.lastIndex = 0;
  for (let m = can(SUBJECT) ? SUBJECT.exec(sentence) : null; m; m = SUBJECT.exec(sentence)) {
    const g = m.groups!;
    const qty = g.q!;
    const victims = g.v ? (g.p ? `${g.p.trim()} ${g.v}` : g.v) : '';
    // (nor a span of time or a measure before the victims: "in 8 days many common people … have been killed")
    if (NON_PEOPLE.test(sentence.slice(m.index + m[0].indexOf(qty) + qty.length))) { if (victims) SUBJECT.lastIndex = m.index + m[0].indexOf(qty) + qty.length; continue; }
    if (!victims && /^(a|an|one|single|both|couple|pair|some|another)$/i.test(qty.trim())) continue;
    // "a large number of soldiers", "a lot of people": no figure
    if (/^(a|an)$/i.test(qty.trim()) && /^(?:\w+\s+)?(?:number|lot|host|handful|dozen|few)\b/i.test(victims)) continue;
    // "a 12-year-old" and years ("in 2021 killed") are not counts.
    if (/^\d{4}$/.test(qty.trim()) && Number(qty) > 1900) continue;
    // (a clause of their own tells counted people, not "a man who was killed" nor the dead a protest is about)
    if (g.rel && (!g.v || /^(?:a|an|one)$/i.test(qty.trim()) || PROTEST_BEFORE.test(sentence.slice(Math.max(0, m.index - 100), m.index)))) continue;
    // nor a day of the month ("on 24 May two U.S. citizens were murdered": 2, read from the figure after it)
    const at = m.index + m[0].indexOf(qty);
    if (/^\d{1,2}$/.test(qty.trim()) && DAY_OF_MONTH.test(sentence.slice(at + qty.length))) { SUBJECT.lastIndex = at + qty.length; continue; }
    // (a headline's "five killed" has no object: "five individuals shot to death a watchman" is who did it)
    if (!g.v2 && !/\b(?:were|was|been|are|is|had|have|has|got)\b/i.test(m[0]) && ACTIVE_OBJECT.test(sentence.slice(m.index + m[0].length))) continue;
    const kind = g.k ? 'killed' : 'injured';
    // "One army lieutenant, four soldiers, and three civilians were killed": the counted groups listed before the
    // last two are killed with them (each kind and side a figure of its own, as for two groups)
    const listed = victims ? groupsBefore(sentence.slice(0, m.index)) : [];
    if (listed.length) {
      // (a group in a pair told without a figure is one: "two guerrillas and a civilian")
      const second = g.v2 ? [{ qty: g.q2 ?? 'one', victims: g.v2 }] : [];
      const groups = [...listed, { qty, victims }, ...second];
      const parts: { qty: string; victims: string }[] = [];
      for (const x of groups) {
        const k = parts.findIndex((y) => !apart(y.victims, x.victims));
        if (k < 0) parts.push(x);
        else parts[k] = { qty: sum(parts[k]!.qty, x.qty) ?? parts[k]!.qty, victims: parts[k]!.victims };
      }
      const start = m.index - listed.reduce((n, x) => n + x.length, 0);
      const span = sentence.slice(start, m.index + m[0].length);
      parts.forEach((x, i) => {
        add(kind, x.qty, x.victims, span, start);
        part = i === 0 ? out.at(-1)?.index === start : part;
      });
      part = false;
      continue;
    }
    if (g.v2 && g.q2 && victims && apart(victims, g.v2)) {
      add(kind, qty, victims, m[0], m.index);
      part = out.at(-1)?.index === m.index;
      if (part) add(kind, g.q2, g.v2, m[0], m.index);
      part = false;
      continue;
    }
    // "a woman and a man were martyred": both count
    const both = g.v2 && /^(?:a|an|one)$/i.test(qty.trim()) && !g.q2 ? '2' : g.q2 ? sum(qty, g.q2) : null;
    add(kind, both ?? qty, victims, m[0], m.index);
  }
  // (a death "following" or "over" which no crowd reacted is the killing told: OBJECT_CALM; the sieve's words are the same)
  const object = CROWD.test(sentence) ? OBJECT : OBJECT_CALM;
  object.lastIndex = 0;
  for (let m = can(OBJECT) ? object.exec(sentence) : null; m; m = object.exec(sentence)) {
    const verb = m[1]!.toLowerCase();
    const qty = m[2]!;
    const victims = m[3] ?? '';
    const tail = (m[4] ?? '').toLowerCase();
    if ((!victims && !tail && NON_PEOPLE.test(sentence.slice(m.index + m[0].length))) || (victims && NON_PEOPLE.test(victims))) continue;
    if (!victims && !tail && /^(a|an|one|some|another)$/i.test(qty.trim())) continue;
    if (/^(left|leaving)$/.test(verb) && !tail) continue;
    const injured = /wound|injur/.test(verb) || /injured|wounded/.test(tail);
    // "killed 11 civilians, including children, and a soldier"
    // (not more of the same when a verb of their own follows: "killed 4 soldiers and 8 others were injured")
    const andMore = victims ? AND_MORE.exec(sentence.slice(m.index + m[0].length)) : null;
    const more = andMore && !/^\s+(?:were|was|are|have\s+been|had\s+been)\s/i.test(sentence.slice(m.index + m[0].length + andMore[0].length)) ? andMore : null;
    const kind = injured ? 'injured' : 'killed';
    if (more && apart(victims, more[2]!)) {
      add(kind, qty, victims, m[0] + more[0], m.index);
      part = out.at(-1)?.index === m.index;
      if (part) add(kind, more[1]!, more[2]!, m[0] + more[0], m.index);
      part = false;
      continue;
    }
    add(kind, (more && sum(qty, more[1])) ?? qty, victims, more ? m[0] + more[0] : m[0], m.index);
  }
  // (only when no figure of the dead was read: "killed 12 people, among them Mayor José Pérez" counts 12; "killed the
  // driver and injured two passengers" still counts the driver)
  if (!out.some((c) => c.kind === 'killed' && !c.also)) {
    NAMED.lastIndex = 0;
    for (let m = can(NAMED) ? NAMED.exec(sentence) : null; m; m = NAMED.exec(sentence)) {
      // (one named for an office or trade not of a force, before the name or set off after it: "killed Peasant leader
      // Jose Perez", "killed Jorge Luna, mayor of the district of Pichari": a civilian)
      const after = sentence.slice(m.index + m[0].length, m.index + m[0].length + 60);
      const civilian = CIVIL_ROLE.test(m[0]) || new RegExp(`^\\s*,\\s*(?:(?:the|a|an)\\s+)?(?:[\\p{L}-]+\\s+){0,2}?${CIVIL_ROLE.source}`, 'iu').test(after);
      add('killed', '1', civilian && !COMBATANT_RE.test(after.split(',').slice(0, 2).join(',')) ? 'civilian' : '', m[0], m.index);
    }
    NOMINAL.lastIndex = 0;
    for (let m = NOMINAL.exec(sentence); m; m = NOMINAL.exec(sentence)) {
      // (those "also killed" are besides the one named: "the assassination of X in an attack in which his bodyguard
      // and driver were also killed" is 3)
      if (out.some((c) => c.kind === 'killed' && !(c.also && (c.index ?? 0) > m!.index))) continue;
      // "the assassination of Hector Oqueli and of Gilda Flores": each "of" a name is one more
      const more = AND_OF.exec(sentence.slice(m.index + m[0].length));
      add('killed', String(1 + (more ? more[0].split(/\bof\s/).length - 1 : 0)), '', more ? m[0] + more[0] : m[0], m.index);
    }
    // "Pizarro's murder", "his abominable assassination": one dead, the one way capitals leave to tell a name's killing
    const possessed = out.some((c) => c.kind === 'killed') ? null : possessedKilling(sentence);
    if (possessed) add('killed', '1', '', possessed.text, possessed.index);
    APPOSED.lastIndex = 0;
    for (let m = APPOSED_GATE.test(sentence) ? APPOSED.exec(sentence) : null; m; m = APPOSED.exec(sentence)) {
      // (not one person: "the peasants, who lived near the river, were killed" has no name; "and" in the name is two)
      const who = m[1] ?? m[3]!;
      const aside = m[2] ?? m[4]!;
      if (out.some((c) => c.kind === 'killed') || /\band\s+\p{Lu}/u.test(who)) continue;
      add('killed', '1', COMBATANT_RE.test(aside) ? aside : 'civilian', m[0], m.index);
    }
    SINGLE.lastIndex = 0;
    for (let m = can(SINGLE) ? SINGLE.exec(sentence) : null; m; m = SINGLE.exec(sentence)) if (!out.some((c) => c.kind === 'killed')) add('killed', '1', `${m[1]}${m[2]}`, m[0], m.index);
    ONE_PASSIVE.lastIndex = 0;
    for (let m = can(ONE_PASSIVE) ? ONE_PASSIVE.exec(sentence) : null; m; m = ONE_PASSIVE.exec(sentence)) {
      const kind = m[1] ? 'killed' : 'injured';
      if (!out.some((c) => c.kind === kind)) add(kind, '1', '', m[0], m.index);
    }
    // (the patterns start at every capitalised word or "the": they run only where a death of one can be told)
    const first = FIRST_DIED.exec(sentence);
    if (first && !out.some((c) => c.kind === 'killed')) add('killed', '1', '', first[0], first.index);
    for (const re of ONE_GATE.test(sentence) ? [THE_ONE, ONE_DIED, PRONOUN, PRONOUN_DIED] : []) {
      re.lastIndex = 0;
      for (let m = can(re) ? re.exec(sentence) : null; m; m = re.exec(sentence)) {
        // (one person: "the engineers died" is no figure)
        if (m[1] && /(?:[^s]s|men|people|children|police)$/i.test(m[1])) continue;
        if (!out.some((c) => c.kind === 'killed')) add('killed', '1', m[1] ?? '', m[0], m.index);
      }
    }
  }
  NONE.lastIndex = 0;
  for (let m = can(NONE) ? NONE.exec(sentence) : null; m; m = NONE.exec(sentence)) {
    const t = m[0].toLowerCase();
    if (!/injur|hurt|harmed/.test(t) || /casualties|deaths/.test(t)) add('killed', '0', '', m[0], m.index);
    if (/casualties|injur|hurt|harmed/.test(t)) add('injured', '0', '', '', m.index + m[0].length);
  }
  TOLL.lastIndex = 0;
  for (let m = can(TOLL) ? TOLL.exec(sentence) : null; m; m = TOLL.exec(sentence)) add(/injured|wounded/i.test(m[1]!) ? 'injured' : 'killed', m[2]!, '', m[0], m.index);
  RAISED.lastIndex = 0;
  for (let m = can(RAISED) ? RAISED.exec(sentence) : null; m; m = RAISED.exec(sentence)) add(/injured|wounded/i.test(m[1]!) ? 'injured' : 'killed', m[2]!, '', m[0], m.index);
  // "Rodriguez Porth was killed near his home, along with two of his bodyguards": those with him died too
  for (const c of out.filter((x) => x.kind === 'killed' && x.range.max > 0)) {
    const m = ALONG.exec(sentence.slice((c.index ?? 0) + c.text.length));
    const n = out.length;
    if (m) add('killed', m[1]!, m[2]!, m[0], (c.index ?? 0) + c.text.length);
    if (out.length > n) out[n] = { ...out[n]!, also: true };
  }
  out.sort((a, b) => (a.index ?? 0) - (b.index ?? 0));
  // "23 soldiers were killed and 29 wounded": the wounded are the same group as the dead just before them
  for (let i = 1; i < out.length; i++) {
    const prev = out[i - 1]!;
    const c = out[i]!;
    if (c.group || !prev.group || c.kind === prev.kind) continue;
    const between = sentence.slice((prev.index ?? 0) + prev.text.length, c.index ?? 0);
    if (!/^(?:\s*,\s*(?:including|among\s+them)[^,.;]{1,60})?\s*,?\s*(?:and|while|with)?\s*(?:another\s+|a\s+further\s+)?$/i.test(between)) continue;
    out[i] = { ...c, victims: prev.victims, group: prev.group, ...(prev.side ? { side: prev.side } : {}) };
  }
  return out;
}
