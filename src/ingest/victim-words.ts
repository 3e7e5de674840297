// The words casualty figures are made of: quantities, who the victims are, and the verbs of killing and wounding.
// Shared by casualties.ts (figures) and victim-lists.ts (victims listed one by one).
import { NUMBER_SRC } from './numbers.js';

export const QUAL = '(?:at\\s+least|no\\s+fewer\\s+than|a\\s+minimum\\s+of|more\\s+than|over|nearly|almost|close\\s+to|about|around|some|roughly|approximately|an\\s+estimated|up\\s+to|as\\s+many\\s+as|fewer\\s+than|less\\s+than|a\\s+total\\s+of|another|at\\s+least\\s+another|a\\s+further)';
export const VAGUE = '(?:half\\s+a\\s+dozen|a\\s+handful|(?:tens|hundreds)\\s+of\\s+thousands|dozens|scores|hundreds|thousands|several|a\\s+few|a\\s+(?:large\\s+|small\\s+|significant\\s+|huge\\s+)?number|tens)';
/** Vague quantities that start like a number ("a handful", "half a dozen") go first, so "a" alone does not win. */
export const QTY = `(?:half\\s+a\\s+dozen|a\\s+handful|between\\s+${NUMBER_SRC}\\s+and\\s+${NUMBER_SRC}|(?:${QUAL}\\s+)?${NUMBER_SRC}(?:\\s*(?:-|–|to|or)\\s*${NUMBER_SRC})?|${VAGUE})`;

export const CIVILIAN = 'civilians?|people|persons?|residents?|villagers?|women|woman|children|child|girls?|boys?|men|man|passers-?by|worshippers?|students?|labou?rers?|workers?|traders?|shopkeepers?|companions|family\\s+members|members\\s+of\\s+(?:a|one|the\\s+same)\\s+family|pilgrims?|refugees?|cricketers?|journalists?|drivers?|farmers?|teachers?|infants?|toddlers?|minors?|adults?|individuals?|others|guests|mourners|patients|peasants?|engineers?|professors?|priests?|nuns?|judges?|mayors?|councill?ors?|pastoralists?|herders?|herdsm[ae]n|merchants?|pedestrians?|hunters?|fishermen|miners?|doctors?|nurses?' +
  // the people wire copy of Latin America's wars counts ("two hostages were killed", "five Americans died")
  '|hostages?|passengers?|youths?|missionar(?:y|ies)|aides?|leaders?|unionists?|activists?|employees?|tourists?|foreigners?|diplomats?|businessm[ae]n|landowners?|ranchers?|campesinos?|Indians?|inhabitants?|relatives?|informers?|councilm[ae]n|deputies|senators?|magistrates?|prosecutors?|politicians?|candidates?|technicians?|nationals' +
  // (and the church's people: "the six Jesuits and two more persons", "6 clergymen, a maid, and her daughter")
  '|Jesuits?|clergym[ae]n|clerics?|seminarians?|catechists?|friars?|monks?|maids?|housekeepers?|cooks?|watchm[ae]n' +
  // (and those in custody: "1 prisoner was killed")
  '|prisoners?|inmates?|detainees?' +
  // (coders' notes' bystanders, collectors and suspects, and a family told by its members: "a civilian bystander was
  // killed", "killed a tax collector", "a drug suspect was shot dead", "a mother and her 3 children were killed")
  '|bystanders?|collectors?|suspects?|traffickers?|mothers?|fathers?|daughters?|wives|wife|husbands?' +
  '|citizens?|Americans?|Colombians?|Peruvians?|Salvadorans?|Salvadoreans?|Chileans?|Bolivians?|Guatemalans?|Hondurans?|Nicaraguans?|Ecuadoreans?|Ecuadorians?|Venezuelans?|Mexicans?|Panamanians?|Cubans?|Spaniards?|Frenchm[ae]n|Germans?|Italians?|Britons?|Canadians?|Swiss|Belgians?|Japanese';
export const COMBATANT = 'soldiers?|troops|personnel|servicemen|militants?|fighters?|terrorists?|khawarij|khwarij|kharijis?|insurgents?|attackers?|assailants?|gunmen|rebels?|policem[ae]n|police\\s*officers?|officers?|cops|guards?|security\\s+officials|commandos?|sepoys?|jawans?|recruits|cadets|suicide\\s+bombers?|bombers?|members|operatives|combatants|Taliban|mujahideen|paramilitaries|militiamen|sailors|pilots|corporals?|sergeants?|lieutenants?|captains?|colonels?|commanders?|sons\\s+of\\s+(?:the\\s+)?soil' +
  // (not the rebels' own dead, "three guerrillas were killed": wire copy tells them of clashes with the army, which
  // the MUC keys leave out, and a count of them beside an attack's victims is no count of the victims)
  '|bodyguards?|escorts?|guardsm[ae]n|agents?|sentr(?:y|ies)|detectives?|hitm[ae]n|paramilitar(?:y|ies)|militiam[ae]n|carabineros?|marines?' +
  // (coders' notes count militias and a group's members by the group: "1 clan militia was killed", "1 senior IS
  // member was killed", "2 Al Shabaab were killed")
  '|militias?|member|Shabaab';
export const VICTIM = `(?:${CIVILIAN}|${COMBATANT})`;
/** A victim word and the noun it may qualify: "six Jesuit priests", "two peasant leaders" (the group is the whole). */
export const VICTIMS = `(?:${VICTIM})(?:\\s+(?:${VICTIM})(?![\\p{L}]))?`;
export const BE = '(?:\\s+(?:were|was|have\\s+been|has\\s+been|had\\s+been|had|have|has|are|is|been|got|reportedly|reported|confirmed|feared|believed|now|also|allegedly|later|subsequently|all|both|were\\s+all|critically|seriously|severely|fatally|badly|mortally|gravely|so\\s+far|(?:kidnapped|abducted|seized|captured|tortured|shot|stabbed|beaten|ambushed|machine-?gunned|raped|mutilated)\\s+and))*';
export const KILL = '(?:killed|dead|died|lost\\s+their\\s+lives|lost\\s+his\\s+life|lost\\s+her\\s+life|martyred|embraced\\s+martyrdom|embraced\\s+shahadat|laid\\s+down\\s+their\\s+lives|perished|slain|shot\\s+dead|neutrali[sz]ed|eliminated|sent\\s+to\\s+hell|gunned\\s+down|lost\\s+lives|murdered|assassinated|executed|massacred|(?:shot|stabbed|hacked|beaten|burned|burnt|clubbed)\\s+to\\s+death)';
export const HURT = '(?:injured|wounded|hurt|sustained\\s+(?:serious\\s+)?injuries|suffered\\s+(?:serious\\s+)?injuries|hospitali[sz]ed)';
// (any count of them: "six Jesuit priests, five of them Spaniards, who were killed")
export const ASIDE = `(?:\\s*,?\\s*(?:including|among\\s+them|(?:${NUMBER_SRC})\\s+of\\s+(?:them|whom)|most\\s+of\\s+(?:them|whom)|all\\s+of\\s+(?:them|whom)|mostly|many\\s+of\\s+(?:them|whom)|some\\s+of\\s+(?:them|whom)|both|among\\s+whom)(?:(?!\\band\\s+(?:wounded|injured|killed|left|leaving))[^.;:]){1,80}?,?)?`;
// (initials too: "two U.S. citizens"; an age too, "two 14-year-old boys", but no other figure; and the Islamic
// State's "IS" before its members, not the verb: "1 senior IS member was killed", "4 IS fighters were killed")
export const DESCR = `(?:(?:IS|ISIS|ISIL|ISS)\\s+(?=(?:members?|fighters?|militants?|operatives?|elements)\\b)|(?!(?:was|were|is|are|had|has|have|been|be|said|says|told|saying|that|who|which|while|when|left|leaving)\\s|and\\s+${NUMBER_SRC}\\s|\\d(?!\\d{0,2}-years?-old\\s))(?:\\p{Lu}\\.(?:\\p{Lu}\\.)+|[\\p{L}\\p{N}'’-]+)\\s+){0,5}?`;
export const DESCR2 = "(?:(?!(?:was|were|is|are|had|has|have|been|be|said|says|and|who)\\s)[\\p{L}\\p{N}'’-]+\\s+){0,2}?";

/** Words a killing noun must not follow: a protest or a demand is about those dead ("protested against the murder of …"). */
export const NOT_AFTER_PROTEST = '(?<!\\b(?:against|over|protest(?:s|ed|ing)?|demand(?:s|ed|ing)?|justice|punishment|involved|relation|memory|memoriam|wake|avenge|revenge)\\b[^.;]{0,40})';
/**
 * `noun` where the look-back `back` allows it, the noun looked for first: a look-back placed first is tried at every
 * position of the text (four such patterns were a twentieth of ingestion's time), a look-ahead fails at once.
 */
export const nounFirst = (noun: string, back: string): string => `(?=${noun})${back}${noun}`;
