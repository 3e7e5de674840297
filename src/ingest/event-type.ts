// What happened, from the words of a sentence: ACLED's event_type and sub_event_type for incidents, and the kind of
// development (talks, ceasefire, agreement, statement, breakdown) for the political track. A trigger inside a
// denial, a threat or a condition ("rejected claims of a drone strike", "there will be open war") is marked hedged:
// it is a claim about an event, not the report of one.
import type { EventType } from './types.js';
import { Sieve } from './sieve.js';
import { protestGrievance } from './protest-grievance.js';
import { CIVILIAN_TARGET } from './civilian-targets.js';

interface Trigger {
  readonly re: RegExp;
  readonly type: Omit<EventType, 'trigger'>;
  /** Names who was hurt, not how: it gives way to any word that names the violence. */
  readonly weak?: boolean;
  /** The rule holds only when the sentence also says this ("tear gas" only at a protest). */
  readonly requires?: RegExp;
  /** The match holds only if the text after it passes this test, case-sensitively ("captured Palmyra", not "captured alive"). */
  readonly next?: RegExp;
}

const inc = (eventType: string, subEventType: string): Omit<EventType, 'trigger'> => ({ kind: 'incident', eventType, subEventType });
const dev = (subEventType: string, development: string): Omit<EventType, 'trigger'> => ({ kind: 'development', eventType: 'Strategic developments', subEventType, development });

const EXPLOSIONS = 'Explosions/Remote violence';
const VAC = 'Violence against civilians';
const SD = 'Strategic developments';
const PROTEST = /\b(?:protest(?:s|ers?|ed|ing)?|demonstrat(?:ion|ions|ors?|ed|ing)|rall(?:y|ies|ied)|marche(?:s|d|rs)|sit-ins?|strikers|students|(?:took|taken|take|taking)\s+to\s+the\s+streets?|(?:to\s+)?disperse\s+(?:the\s+)?(?:crowds?|gatherings?|anti-government|mobs?))\b/i;
const STATE = String.raw`(?<!rebel\s|opposition\s|militant\s|insurgent\s|Democratic\s|Popular\s|Rapid\s|Support\s|White\s|Liberation\s|Salvation\s|Free\s|Resistance\s|Islamic\s|Mahdi\s|Red\s|Arakan\s|Kachin\s|Independence\s)\b(?:army|troops|troopers|government|regime|armed\s+forces|military|soldiers|security\s+forces|federal\s+forces|pro-government\s+forces|police)\b`;
const WEAPONS = String.raw`(?:weapons?|weaponry|arms|ammunitions?|ammo|munitions|explosives?|IEDs?|bombs?|(?:explosive\s+)?devices?|grenades?|rifles?|firearms|guns|pistols?|revolvers?|shotguns?|carbines?|muskets?|machine\s*-?guns?|Kalashnikovs?|AK-?47s?|cartridges|magazines|(?:\w+\s+)?rounds\s+of|mines|rockets|mortars|missiles|cache|stash|suicide\s+vests?|packages?|dynamite|arsenals?)`;
/** What is seized that is not ground: weapons, drugs, vehicles, money ("the army seized an arsenal", "police seized 2.2 tons of cocaine"; "the largest seizure of the year"). */
const GOODS = String.raw`(?!\s+(?:[\w.,-]+\s+){0,5}?(?:${WEAPONS}|cocaine|drugs?|narcotics|marijuana|heroin|opium|kg|kilos?|kilograms?|tons?|tonnes|pounds|grams|boats?|vessels?|ships?|vehicles?|cars?|trucks?|documents?|equipment|materi[ae]l|cash|money|dollars|property|goods|contraband|barrels|cargo|shipments?|amounts?|quantit(?:y|ies)|year|month|week)\b)`;
/**
 * Goods seized that are not arms (drugs, boats, vehicles, money): ACLED's looting or property destruction, not ground
 * taken; beside violence ("killed two soldiers and seized a vehicle") they are part of it, so the rule is weak.
 */
const LOOT = String.raw`(?:cocaine|drugs?|narcotics|marijuana|heroin|opium|kg|kilos?|kilograms?|tons?|tonnes|pounds|grams|boats?|vessels?|ships?|vehicles?|cars?|trucks?|motorbikes?|motorcycles?|livestock|cattle|goats|camels|equipment|cash|money|dollars|property|goods|contraband|cargo|shipments?)`;
/** The labels ACLED's coders put before a strategic development's note, as their sub-event types. */
const LABELS: Trigger[] = ([
  ['Movement\\s+of\\s+forces|Change\\s+to\\s+(?:armed\\s+)?group|Recruitment|Training|Security\\s+measures?', 'Change to group/activity'],
  ['Property\\s+destruction|Looting|Land\\s+seizure|Interception', 'Looting/property destruction'],
  ['Defusal|Detonation|Weapons?\\s+seizure|Weapons?\\s+cache', 'Disrupted weapons use'],
  ['Arrests?', 'Arrests'],
  ['(?:Peace\\s+)?Agreement', 'Agreement'],
  ['Non-violent\\s+transfer\\s+of\\s+territory', 'Non-violent transfer of territory'],
  ['Headquarters\\s+or\\s+base\\s+established', 'Headquarters or base established'],
  ['Non-violent\\s+activity|Displacement|Curfew|Other', 'Other'],
] as const).map(([label, sub]) => ({ re: new RegExp(`^(?:${label}):\\s`, 'i'), type: inc(SD, sub) }));
/** Most specific first: a "suicide bomber" is a suicide bomb before it is an explosion. The last rule is the catch-all. */
const TRIGGERS: Trigger[] = [
  // coders' notes open with the kind of development they record ("Movement of forces: On 27 December …")
  ...LABELS,
  // a weapon found, defused or seized is not a weapon used
  { re: new RegExp(String.raw`\b(?:defus(?:ed|ing|es)|disarm(?:ed|ing)|dismantl(?:ed|ing)|seiz(?:ed|ing)|confiscat(?:ed|ing)|recover(?:ed|ing)|f(?:ou|i)nd(?:ing)?|discover(?:ed|ing|y)|destroy(?:ed(?!\s+by\b)|ing)|intercept(?:ed|ing)|unearth(?:ed)|foil(?:ed|ing)|thwart(?:ed|ing)|seizures?\s+of|haul\s+of|caches?\s+of|stash(?:es)?\s+of)\b[^.;]{0,60}?\b${WEAPONS}\b|\b(?:bomb\s+(?:disposal|squad)|suspicious\s+(?:package|object|device)s?|(?:cleared|removed|demined)\s+(?:\w+\s+){0,4}?(?:land\s*)?mines)\b`, 'i'), type: inc(SD, 'Disrupted weapons use') },
  { re: new RegExp(String.raw`\b${WEAPONS}\s+(?:\w+\s+){0,6}?(?:were|was|have\s+been|had\s+been|has\s+been)\s+(?:\w+\s+)?(?:found|seized|recovered|discovered|defused|confiscated|intercepted|destroyed|removed|dismantled|unearthed|identified)\b`, 'i'), type: inc(SD, 'Disrupted weapons use') },
  { re: new RegExp(String.raw`\b(?:seiz(?:ed|es|ing)|seizures?\s+of|confiscat(?:ed|ing|ion\s+of)|impound(?:ed|ing))\s+(?:[\w.,-]+\s+){0,5}?${LOOT}\b`, 'i'), type: inc(SD, 'Looting/property destruction'), weak: true },
  { re: /\b(?:chemical(?:ly)?\s+(?:armed\s+)?(?:weapons?|attacks?|agents?|munitions)|chlorine|sarin|mustard\s+gas|nerve\s+agents?|toxic\s+gas|poison(?:ous)?\s+gas|gas\s+attacks?|(?:breathing|respiratory)\s+(?:difficulties|problems)|symptoms\s+of\s+(?:poisoning|suffocation))\b/i, type: inc(EXPLOSIONS, 'Chemical weapon') },
  { re: /\bsuicide\s+(?:bomb(?:er|ing|s)?|attack(?:er)?s?|blast|vest|car\s+bomb)|explosives?-(?:laden|packed)\s+(?:vehicle|car|truck)|\bS?VBIEDs?\b|blew\s+(?:himself|herself|themselves)\s+up|(?:detonated|exploded)\s+(?:\w+\s+){0,3}?(?:explosives?|bombs?|vests?|belts?),?\s+killing\s+(?:himself|herself|themselves)|detonated\s+(?:his|her|their)\s+(?:explosive|suicide)/i, type: inc(EXPLOSIONS, 'Suicide bomb') },
  { re: /\b(?:air\s*-?strikes?|airstrikes?|air\s+raids?|air\s+attacks?|aerial\s+(?:bombardment|strikes?|attacks?|bombing)|drone\s+(?:strikes?|attacks?)|(?:military\s+)?(?:aircraft|jets|drones?|warplanes?|helicopters?|gunships?|unmanned\s+aerial\s+vehicles?|UAVs?)\s+(?:\w+\s+){0,3}?(?:bomb(?:ed|s)?|struck|strike|attack(?:ed|s)?|hit|targets?|targeted|pound(?:ed|s)?|drop(?:ped|s)|fired)|(?:targeted|struck|hit|attacked)\s+(?:[\w-]+\s+){0,5}?with\s+(?:armed\s+|attack\s+|suicide\s+|kamikaze\s+)?drones|warplanes?|fighter\s+jets|helicopter\s+gunships?|precision\s+strikes?|bombed|bombing\s+(?:of|raids?)|missiles?\s+(?:and\s+drone\s+)?(?:strikes?|attacks?)|(?:missile|drone)\s+and\s+(?:missile|drone)\s+attacks?|fired\s+missiles|launched\s+(?:\w+\s+){0,3}?(?:drones|missiles)|cruise\s+missiles?|ballistic\s+missiles?|barrel\s+bombs?|strafed|strafing)\b/i, type: inc(EXPLOSIONS, 'Air/drone strike') },
  // a ceasefire monitor's count of what it observed ("observed a total of 24 shots involving small arms near …"):
  // shots are a clash, explosions, projectiles and bursts of fire a shelling (small arms make that a clash too)
  { re: /\b(?:observed|recorded|registered|heard|counted)\s+(?:a\s+total\s+of\s+|at\s+least\s+|about\s+|some\s+)?\d+\s+(?:(?:undetermined\s+)?(?:projectiles|explosions|bursts\s+of\s+fire)\s*\/\s*)*shots\b/i, type: inc('Battles', 'Armed clash') },
  { re: /\b(?:observed|recorded|registered|heard|counted)\s+(?:a\s+total\s+of\s+|at\s+least\s+|about\s+|some\s+)?\d+\s+(?:undetermined\s+)?(?:projectiles|explosions|bursts\s+of\s+fire)\b/i, type: inc(EXPLOSIONS, 'Shelling/artillery/missile attack') },
  // a launched grenade (grenade launcher, under-barrel) is a shelling; only a thrown one is a grenade attack
  { re: /\b(?:(?<!\btear[\s-]?gas\s)shell(?:ing|ed|s)|shell(?=\s+(?:\w+\s+)?(?:villages?|towns?|positions?|areas?|cit(?:y|ies)|posts?|districts?|neighbou?rhoods?))|bombard(?:ed|ing)|artillery|RPGs?|rocket-propelled\s+grenades?|(?:(?:automatic|under-?barrel)\s+)?grenade[\s-]+launchers?|under-?barrel\s+grenades?|mortars?(?:\s+(?:shells?|rounds?|fire))?|rockets?(?:\s+fire)?|missiles?|cross-border\s+(?:shelling|bombardment)|bombardment|projectiles?|Katyushas?)\b/i, type: inc(EXPLOSIONS, 'Shelling/artillery/missile attack') },
  { re: /\b(?:IEDs?|improvised\s+explosive|roadside\s+bombs?|landmines?|land\s+mines?|mines?\s+(?:exploded|blast)|explosive\s+devices?|car\s+bombs?|magnetic\s+bombs?|parcel\s+bombs?|bomb\s+(?:blast|explosion|exploded|went\s+off|attack)|bombs?\s+(?:\w+\s+){0,5}?(?:exploded|went\s+off|detonated)|(?:bombs?|explosives?|dynamite(?:\s+charges?)?|explosive\s+charges?)\s+(?:(?:planted|placed|set|left|hidden|hurled|thrown)\s+by\s+(?:\w+\s+){1,4}?|(?:\w+\s+){0,2}?)(?:destroyed|damaged|wrecked|demolished|shattered)|stepped\s+on\s+an?\s+(?:land\s*)?mine|(?:claymore|anti-?tank|anti-?personnel|anti-?vehicle)\s+mines?|booby-?trap(?:ped)?|(?:planted|placed|hurled|threw|detonated|set\s+off)\s+(?:\w+\s+){0,3}?(?:bombs?|explosives?|dynamite|charges?)|bombs?\s+(?:\w+\s+){0,2}?set\s+off|bombs?\s+(?:\w+\s+){0,3}?(?:was|were|had\s+been|has\s+been)\s+(?:planted|placed|hurled|thrown|detonated)|dynamit(?:e|ed|ing)(?:\s+(?:attacks?|charges?|sticks?))?|explosive\s+charges?|bomb\s+attacks?|bombings|(?:a|the|terrorist)\s+bombing|(?:blew|blown|blowing)\s+up(?!\s+(?:him|her|them)sel(?:f|ves)))\b/i, type: inc(EXPLOSIONS, 'Remote explosive/landmine/IED') },
  // (not one of a list of what an arsenal held: "various types of grenades")
  { re: /(?<!\b(?:types?|kinds?|boxes|cases|crates|suppl(?:y|ies)|stocks?|shipments?|caches?)\s+of\s+(?:\w+\s+)?)\bgrenades?\b/i, type: inc(EXPLOSIONS, 'Grenade') },
  { re: /\b(?:rap(?:ed|es|ing)|rape|gang-?raped|sexual(?:ly)?\s+(?:violence|assault(?:ed)?|abuse[ds]?|exploit(?:ed|ation)|slavery|harass(?:ed|ment))|abused\s+(?:women|girls)|molest(?:ed|ing)|forced\s+(?:marriage|prostitution))\b/i, type: inc(VAC, 'Sexual violence') },
  { re: /\b(?:abduct(?:ed|ion|ions|s|ing)?|kidnap(?:ped|ping|pings|s)?|taken\s+hostage|held\s+hostage|hostages?|forcibly\s+disappeared|enforced\s+disappearances?|went\s+missing\s+after)\b/i, type: inc(VAC, 'Abduction/forced disappearance') },
  // people taken away by force ("security forces picked up three students", "have taken at least five people",
  // "gunmen seized 12 passengers"), not taken to hospital or to safety
  { re: /\b(?:(?:picked\s+up|whisked\s+away|dragged\s+away)\s+(?:the|a|an)\s+(?:[\w-]+\s+)?(?:journalist|activist|student|leader|lawyer|teacher|man|woman|boy|girl|farmer|trader|cleric|politician|official|reporter|blogger)\b(?!\s+(?:[\w-]+\s+){0,3}?(?:to|at)\s+(?:the\s+|a\s+)?(?:\w+\s+)?(?:hospitals?|clinics?|airport|station|school))|(?:was|were)\s+taken\s+away\s+by\s+(?:[\w-]+\s+){0,3}?(?:men|gunmen|police|soldiers|agents|officers|militants|security|forces|people)|(?:picked\s+up|whisked\s+away|t(?:ook|aken)(?:\s+away)?|seiz(?:ed|es?)|snatched|dragged\s+away)\s+(?:at\s+least\s+|more\s+than\s+|some\s+|about\s+)?(?:a|an|two|three|four|five|six|seven|eight|nine|ten|\d+|several|dozens\s+of|scores\s+of)\s+(?:[\w-]+\s+){0,2}?(?:people|persons|men|women|students|activists|youths|villagers|passengers|traders|civilians|workers|children|girls|boys|teachers|journalists|farmers))\b(?![^.;]{0,40}?\bto\s+(?:the\s+|a\s+|nearby\s+)?(?:\w+\s+)?(?:hospitals?|clinics?|safety|shelters?|health))/i, type: inc(VAC, 'Abduction/forced disappearance') },
  // violence at protests, most specific first: force against protesters, an intervention, a violent demonstration
  { re: /\b(?:(?:opened\s+fire|fired\s+(?:live\s+(?:rounds|bullets|ammunition)|(?:rounds|bullets|shots)\b|on\b|into\b)|shot(?:\s+dead)?|killed|killing|beat(?:en|ing)?|attacked|crack(?:ed)?\s*down|live\s+(?:ammunition|bullets|fire)|brutally\s+(?:attacked|beat))\b[^.;]{0,60}?\b(?:protesters|demonstrators|marchers|students|a\s+(?:peaceful\s+)?(?:\w+\s+)?(?:protest|demonstration|rally))|(?:protesters|demonstrators)\s+(?:were|had\s+been|have\s+been)\s+(?:\w+\s+)?(?:killed|shot|beaten)|(?:protesters|demonstrators)\s+(?:\w+\s+){0,2}?(?:died|killed)\s+(?:from|by|in|after)|excessive\s+force|violently\s+(?:suppress|disperse|crush)\w*|suppress(?:ed|ing)\s+(?:\w+\s+){0,3}?(?:protests?|demonstrations?|rally|rallies|marches)|(?:shot|fired|used)\s+live\s+(?:rounds|bullets|ammunition|fire))\b/i, type: inc('Protests', 'Excessive force against protesters'), requires: PROTEST },
  { re: /\b(?:occup(?:ied|ying)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:buildings?|offices?|campus|square|airport|premises|parliament|headquarters|ministry|hall|roads?|streets?|highways?|bridges?))\b/i, type: inc('Protests', 'Peaceful protest'), requires: PROTEST },
  { re: /\b(?:tear\s*-?gas(?:sed)?|water\s+cannons?|pepper[\s-]spray(?:ed)?|rubber\s+bullets|baton(?:s|-charged|\s+charge)?|lathi[\s-]?charg(?:ed|es?|ing)|dispers(?:ed|e|ing)|broke\s+up|cordoned\s+off|(?:police|officers)\s+(?:\w+\s+){0,3}?(?:detained|arrested|blocked|stopped)|forcefully\s+suspended|(?:police|gendarmes|gendarmerie|security\s+forces|soldiers)\s+(?:\w+\s+){0,2}?intervened)\b/i, type: inc('Protests', 'Protest with intervention'), requires: PROTEST },
  // (told in a sentence of its own after the protest: "Police dispersed them and arrested nearly 60 of them")
  { re: /\b(?:police|policemen|officers|security\s+(?:forces|personnel)|riot\s+police|gendarmes|gendarmerie)\s+(?:\w+\s+){0,2}?(?:dispersed\s+(?:them|the\s+(?:crowd|gathering|group|blockade|protest|sit-in))|broke\s+up\s+(?:the\s+)?(?:crowd|gathering|protest|sit-in|blockade)|resorted\s+to\s+(?:a\s+)?(?:baton|lathi)|baton-?charged|lathi-?charged)\b/i, type: inc('Protests', 'Protest with intervention') },
  // (a protest obstructed, intercepted or foiled by the police or a rival party's members met an intervention, notes7)
  { re: /\b(?:police|policemen|forces|officers|lawyers|members\s+of\s+(?:the\s+)?[\w-]+(?:\s+[\w-]+)?)\s+(?:\w+\s+){0,2}?(?:obstructed|intercepted|foiled|thwarted)\s+(?:the\s+|their\s+|a\s+)?(?:[\w-]+\s+){0,2}?(?:rall(?:y|ies)|protests?|protesters|protestors|demonstrat(?:ion|ions|ors)|processions?|march(?:es)?|human\s+chains?|sit-ins?)\b/i, type: inc('Protests', 'Protest with intervention') },
  // demonstrators assaulted by others ("members of BCL assaulted the BNP demonstrators", "assaulted members of BNP
  // during BNP's demonstration", "… who were staging a protest"): the protest met an intervention, it was not violent
  { re: /\bassaulted\s+(?:and\s+injured\s+)?(?:(?:at\s+least\s+)?(?:the\s+|\d+\s+)?(?:[\w-]+\s+){0,3}?(?:demonstrators|protesters|protestors|demonstrating|protesting)\b|[^.;]{0,80}?\b(?:during\s+(?:the\s+(?:demonstration|protest|rally)\s+of\b|[\w-]+['’]s\s+(?:[\w-]+\s+){0,2}?(?:demonstration|protest|rally|road\s+march))|who\s+were\s+(?:staging|holding)\s+(?:a\s+)?(?:[\w-]+\s+)?(?:protest|demonstration|rally)))/i, type: inc('Protests', 'Protest with intervention'), requires: PROTEST },
  { re: /\b(?:riots?|rioters|rioting|turn(?:ed|s)?\s+(?:very\s+)?violent|violent\s+(?:protests?|demonstrations?|clashes)|street\s+violence|clash(?:es|ed)?|(?:pull(?:ed)?|tore|tear(?:ing)?)\s+down|(?:threw|throws?|throwing)\s+(?:\w+\s+){0,3}?(?:into\s+(?:a|the)\s+fire|at\s+(?:the\s+)?police)|burning\s+(?:tyres|tires)|(?:hurled|threw|pelted)\s+(?:\w+\s+){0,2}?(?:stones|rocks|petrol\s+bombs|molotov|bricks|objects)|stone-?pelting|barricad(?:ed|ing)\s+(?:\w+\s+){0,2}?(?:roads?|streets?|entrances?|highways?)|assault(?:ed|ing)|clashed\s+with\s+(?:the\s+)?(?:police|security\s+forces|riot\s+police)|set\s+(?:fire\s+to|ablaze|on\s+fire)|torched|burn(?:ed|t|ing)\s+(?:tyres|tires|cars|vehicles|buildings)|vandali[sz](?:ed|ing)|smashed)\b/i, type: inc('Riots', 'Violent demonstration'), requires: PROTEST },
  // burning tyres or barricading roads is the street's violence whether or not a protest word is written
  { re: /\b(?:(?:burn(?:ed|t|ing)|set\s+(?:fire\s+to|alight)|torched)\s+(?:\w+\s+)?(?:tyres|tires)|barricad(?:ed|ing)\s+(?:\w+\s+){0,2}?(?:roads?|streets?|highways?)|(?:roads?|streets?|highways?)\s+(?:\w+\s+){0,2}?barricaded)\b/i, type: inc('Riots', 'Violent demonstration') },
  // a place or people attacked with explosives ("attacked the Salvadoran embassy in Lima with explosives"): the
  // explosives tell the violence, whoever used them (before a crowd's violence: "a group of unidentified persons attacked")
  { re: /\battack(?:ed|ing|s)?\s+(?:[\w'-]+\s+){0,8}?with\s+(?:(?:a|an|several|two|three|\d+)\s+)?(?:(?:powerful|homemade|high-powered)\s+)?(?:explosives?|dynamite(?:\s+charges?|\s+sticks?)?|bombs?|explosive\s+(?:charges?|devices?))\b/i, type: inc(EXPLOSIONS, 'Remote explosive/landmine/IED') },
  { re: /\b(?:a\s+(?:group|number|crowd)\s+of\s+(?!(?:\w+\s+){0,2}?(?:farmers|herders|herdsmen|pastoralists|militi|gunmen|armed|fighters|militants|assailants|bandits|soldiers|police|terrorists?|guerrillas?|rebels?|insurgents?|extremists?|subversives?|commandos?|paramilitar(?:y|ies))\b)[^.;]{0,60}?\b(?:beat|lynched|assaulted|attacked|burned|burnt|stoned|clashed|fought|killed|expelled|tied\s+up|set\s+fire|destroyed|ransacked|wounded|injured|chased)\b|(?:angry\s+)?(?:residents|villagers|locals|youths|families)\s+(?:[\w(),-]+\s+){0,4}?(?:beat|lynched|assaulted|attacked|burned|burnt|stoned|clashed|fought|expelled|tied\s+up|ransacked|wounded|threw\s+stones)\b|clash(?:es)?\s+between\s+(?:the\s+)?(?:\w+\s+){0,2}?(?:police|residents|villagers|youths|locals|families|rioters)\s+and\s+(?:\w+\s+){0,2}?(?:rioters|residents|villagers|youths|locals|families|police)\b|mobs?|lynch(?:ed|ing|ings)?|vigilant(?:es?|ism)|fist\s*-?fights?|fisticuffs|angry\s+(?:crowd|villagers|residents)|(?:villagers|residents|communities|groups|clans|tribes|supporters|farmers|pastoralists|herders|families|camps|youths|students|nationals|sellers|vendors|traders|workers|inhabitants|locals|journalists|migrants)\s+(?:\w+\s+){0,3}?(?:clashed|fought\s+each\s+other)|(?:clash(?:es)?|scuffles?|fights?)\s+(?:\w+\s+){0,2}?between\s+(?:the\s+)?two\s+(?:\w+\s+)?groups|(?:supporters|activists|followers|cadres|factions?|rival\s+groups|two\s+groups)\s+(?:[\w()'-]+\s+){0,5}?(?:clashed|fought|assaulted|beat|attacked|stabbed|vandali[sz]ed|(?:engaged|enaged|involved)\s+in\s+(?:a\s+)?(?:\w+\s+)?(?:clash(?:es)?|fights?|scuffles?))|factional\s+(?:clash(?:es)?|fights?|violence)|(?:clash(?:es)?|scuffles?)\s+between\s+(?:the\s+)?(?:\w+\s+){0,2}?(?:supporters|activists|followers|factions)|communal\s+(?:clash(?:es)?|violence)|sectarian\s+clash(?:es)?|(?:armed\s+with|with)\s+(?:\w+\s+){0,2}?(?:sticks|clubs|iron\s+rods|stones))\b/i, type: inc('Riots', 'Mob violence') },
  { re: /\b(?:massacred?|executed|executions|behead(?:ed|s|ing)?|(?:flogg|whipp|lash)(?:ed|ing)\s+(?:\w+\s+){0,3}?(?:people|men|women|residents|villagers|civilians|youths|a\s+(?:man|woman|girl|boy))|public(?:ly)?\s+(?:flogg(?:ed|ing)|lashing|whipping)|ethnic\s+cleansing|shot\s+dead\s+(?:a|two|three|\w+)\s+(?:civilians?|villagers?|residents?|passengers?)|targeted\s+killings?|gunmen\s+(?:killed|shot|opened\s+fire|attacked|stormed)|killings?\s+of\s+(?:tourists|civilians|worshippers|patients|villagers|passengers)|killed\s+everyone|gun\s+attacks?|shooting\s+attack|drive-by\s+shooting|stabb(?:ed|ing)|(?:hacked|bludgeoned|clubbed)\s+(?:[\w-]+\s+){0,4}?to\s+death|assassinat(?:ed|ions?)|(?:attacked|shot|killed)\s+(?:\w+\s+){0,3}?(?:civilians|villagers|worshippers|passengers|farmers|herders|journalists|aid\s+workers|tourists|pilgrims)|(?:tortur(?:ed|e)|mutilat(?:ed|ion))|burned\s+(?:\w+\s+){0,2}alive|(?:opened|opening)\s+(?:heavy\s+)?(?:gun)?fire\s+(?:on|at|against)\s+(?:\w+\s+)?(?:civilians?|motorists|passengers|travell?ers|worshippers|pastoralists|traders|(?:commercial\s+)?(?:trucks|vehicles|buses|minibuses))|attacked\s+(?:a\s+|an\s+)?civilian|found\s+dead|human\s+remains|(?:body|bodies|corpses?)\s+(?:of\s+[^.;]{0,40}?)?(?:was|were|had\s+been|has\s+been|have\s+been)\s+found|(?:gunshot|bullet|stab)\s+wounds|firearm\s+injuries|(?:was|were)\s+(?:severely\s+|brutally\s+|badly\s+)?(?:beaten|stabbed|assaulted)\s+(?:\w+\s+){0,3}?by|murder(?:ed|s|ing)?|assassins?|machine-?gunned|riddled\s+(?:\w+\s+){0,2}?with\s+bullets|(?:shot|hacked|beaten|stabbed|burned|clubbed)\s+(?:\w+\s+){0,2}?to\s+death|(?:attacked|shot|killed|kidnapped|abducted|beat|injured|wounded|assaulted|ambushed|opened\s+fire\s+(?:on|at|against))\s+(?:and\s+(?:killed|injured|wounded|mutilated|beheaded|harassed)\s+)?(?:by\s+\w+\s+)?(?:at\s+least\s+|more\s+than\s+|about\s+|some\s+|over\s+)?(?:a|an|the|two|three|four|five|six|seven|eight|nine|ten|\d+|one|several|many|dozens\s+of|scores\s+of|numerous)\s+(?:[\w-]+\s+){0,3}?(?:members?\s+of\s+the\s+\w+\s+community|youths?|famil(?:y|ies)|relatives|travell?ers|motorists|(?:local\s+)?population|(?:\w+\s+)?conference|wedding|funeral|buse?s?|civilians?|m[ae]n|wom[ae]n|boys?|girls?|child(?:ren)?|pastoralists?|herd(?:er|sm[ae]n)s?|farmers?|merchants?|traders?|villagers?|residents?|chiefs?|teachers?|students?|drivers?|workers?|professors?|engineers?|peasants?|priests?|imams?|pastors?|judges?|mayors?|journalists?|hunters?|fishermen|passers-?by|pedestrians?|cattle\s+sellers?|shopkeepers?|elders?|(?:tax\s+)?collectors?|clerics?|sheikhs?|businessm[ae]n|doctors?|nurses?))\b/i, type: inc(VAC, 'Attack') },
  // fire or an ambush aimed at civilians, their vehicles, or people off duty (civilian-targets.ts)
  { re: CIVILIAN_TARGET, type: inc(VAC, 'Attack') },
  // an attack on a village or on the people living there, not on an armed force, is violence against civilians
  { re: /\b(?:attack(?:s|ed|ing)?\s+(?:on\s+)?(?:the\s+)?(?:\w+\s+){0,2}?(?:villages?\s+of|(?:local\s+)?population|villagers|worshippers|travell?ers|passengers|displaced)|raid(?:s|ed)?\s+(?:on\s+)?the\s+villages?\s+of)\b/i, type: inc(VAC, 'Attack') },
  { re: /\b(?:patients|civilians|villagers|worshippers|passengers|companions|health\s+workers|farmers)\s+(?:\w+\s+){0,4}?(?:were|had\s+been|have\s+been)\s+(?:\w+\s+)?(?:killed|shot|executed)\b/i, type: inc(VAC, 'Attack'), weak: true },
  // the dead told by their bodies ("the bodies of three policemen were found", "police found the bodies of",
  // "five peasants were found dead", "three dead women … were found"): people killed, the violence unnamed, so any word that names it gives it way
  { re: /\b(?:(?:bodies|corpses)\s+of(?=\s+(?:[\w-]+,?\s+){0,10}?(?:were|have\s+been|had\s+been)\s+(?:\w+\s+)?(?:found|discovered|recovered)\b)|(?:found|discovered|recovered)\s+the\s+(?:\w+\s+)?(?:bodies|corpses)\s+of|(?:were|was|had\s+been|have\s+been)\s+found\s+dead|dead\s+(?:men|women|people|persons|youths|children|boys|girls)\b(?=[^.;]{0,60}?\b(?:were|have\s+been|had\s+been)\s+(?:\w+\s+)?(?:found|discovered|recovered|dumped)\b))\b/i, type: inc(VAC, 'Attack'), weak: true },
  // someone, not of a force, wounded by a shot ("Sipi Mayor Manuel Cruz was seriously wounded by a gunshot to the
  // head"): a shooting, an attack (a policeman or a soldier so hit is rather in a fight)
  { re: /(?<!\b(?:police|policem[ae]n|officers?|soldiers?|troops|guards?|guardsm[ae]n|servicem[ae]n|militiam[ae]n|fighters?|rebels?|guerrillas?)\b[^.;]{0,80})\b(?:wounded|injured|hit)\s+by\s+(?:a\s+|several\s+|two\s+|three\s+)?(?:gunshots?|bullets?|shots)\b/i, type: inc(VAC, 'Attack') },
  // ("a man was shot by two armed individuals": people, not fighters, shot)
  { re: /\b(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+(?:[\w-]+\s+)?(?:man|men|woman|women|boys?|girls?|civilians?|persons?|people|villagers?|residents?|farmers?|traders?|drivers?)\s+(?:was|were|had\s+been|have\s+been)\s+(?:shot|gunned\s+down|hacked)\b/i, type: inc(VAC, 'Attack'), weak: true },
  // "killed two people": people rather than fighters, but the word names no kind of violence, so any other gives it way
  { re: /\b(?:attacked|shot|killed|injured|wounded|assaulted|ambushed|opened\s+fire\s+(?:on|at|against))\s+(?:and\s+(?:killed|injured|wounded)\s+)?(?:at\s+least\s+|more\s+than\s+|about\s+|some\s+|over\s+)?(?:two|three|four|five|six|seven|eight|nine|ten|\d+|one|several|many|dozens\s+of|scores\s+of|numerous)\s+(?:[\w-]+\s+)?(?:people|persons|individuals)\b/i, type: inc(VAC, 'Attack'), weak: true },
  // territory: a state taking it back, a non-state actor taking it, or a place changing hands without a fight
  { re: /\b(?:withdr(?:ew|awn|awal|awing|aw)\s+(?:\w+\s+){0,3}?(?:from|out\s+of)|pull(?:ed|ing)?\s+out\s+(?:of|from)|handed\s+(?:over\s+)?(?:\w+\s+){0,3}?(?:control|over)|hand(?:ed|ing)?\s+over|hand-?over\s+of|vacat(?:ed|ing)|abandon(?:ed|ing)\s+(?:their\s+|its\s+)?(?:positions?|bases?|posts?|the\s+(?:town|city|village|area))|(?:captured|seized|took(?:\s+over)?|entered)\s+(?:\w+\s+){0,6}?(?:deserted|abandoned|empty)|without\s+(?:a\s+)?(?:fight|resistance|firing\s+a\s+shot)|(?:encountered|met|meeting|facing|faced)\s+no\s+resistance|(?:had|did)\s+not\s+(?:encounter(?:ed)?|meet|met|face)\s+any\s+resistance)\b/i, type: inc(SD, 'Non-violent transfer of territory'), weak: true },
  { re: new RegExp(String.raw`${STATE}[^.;,]{0,80}?(?<!\b(?:were|was|been|being|are|is)\s)\b(?:freed\s+(?:[\w-]+\s+){0,4}?(?:areas?|villages?|towns?|cit(?:y|ies)|districts?|neighbou?rhoods?|regions?|territor(?:y|ies))\s+(?:[\w-]+\s+){0,4}?from|regain(?:ed|s)?|recaptur(?:ed|es|ing)|retook|retaken|retake|liberat(?:ed|ing)|t(?:ook|akes?|aking)\s+back|(?:took|taken|seized|gained|wrest(?:ed)?|restored|established|regained)\s+(?:full\s+|complete\s+|total\s+)?control|controlling\s+the\s+(?:entire|whole)|captured${GOODS}|seized${GOODS}|cleared|overr?an|overrun|(?:pushed|drove|driven|forced|expelled)\s+(?:[\w-]+\s+){0,4}?out|drove\s+(?:[\w-]+\s+){0,4}?(?:from|away))\b|\b(?:recaptured|retaken|liberated|regained)\s+(?:by|from)\s+(?:\w+\s+){0,2}?(?:rebels?|militants?|insurgents?|jihadists?|terrorists?)|\b(?:recaptur(?:ed|e)|retook|retake|liberat(?:ed|ion)\s+of)\b(?=[^.;]{0,120}\bfrom\s+(?:the\s+)?(?:\w+\s+){0,3}?(?:rebels?|militants?|insurgents?|jihadists?|terrorists?|Islamic\s+State|ISIS|ISIL|al-Shabaab|Boko\s+Haram))`, 'i'), type: inc('Battles', 'Government regains territory') },
  // (told from the side that lost it: "the terrorists were pushed back from the area", in a story of state forces)
  { re: /\b(?:rebels|militants|insurgents|jihadists|terrorists|extremists|fighters|gunmen|Islamic\s+State|ISIS|ISIL|Shabaab|Boko\s+Haram)\s+(?:\w+\s+){0,2}?(?:were|was|have\s+been|had\s+been|has\s+been)\s+(?:\w+\s+)?(?:pushed|driven|forced|chased|expelled|flushed)\s+(?:back|out|away)\b/i, type: inc('Battles', 'Government regains territory'), requires: new RegExp(STATE, 'i') },
  { re: new RegExp(String.raw`\b(?:seiz(?:ed|es|ing)${GOODS}|seize(?=\s+(?:control|(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:city|town|village|district|base|headquarters|area|territory|region|province|airport|port|positions?|capital|crossing)s?\b))|gain(?:ed|s)?\s+control|seizure\s+of${GOODS}|t(?:ook|aken|akes)\s+(?:the\s+)?(?:full\s+)?control|retook|retaken|regain(?:ed|s)?\s+(?:full\s+)?control|overr?an|overrun|fall\s+of|fell\s+to|(?:re)?captur(?:ed|ing)\s+(?:\w+\s+){0,3}?(?:city|town|village|villages|district|base|headquarters|area|areas|territory|region|province|airport|port|positions?))\b`, 'i'), type: inc('Battles', 'Non-state actor overtakes territory') },
  // ("the crossings recaptured by the fighters", "rebel fighters took over the Bahi and Mabrouk fields")
  { re: /\b(?:(?:re)?captured\s+by\s+(?:the\s+)?(?:[\w-]+\s+)?(?:fighters|rebels|militants|insurgents|jihadists|militias?|guerrillas)|(?:rebels?|rebel\s+fighters|militants|insurgents|jihadists|militias?|guerrillas|Taliban|Houthis|Shabaab|Islamic\s+State|ISIS|ISIL)\s+(?:\w+\s+){0,2}?took\s+over)\b/i, type: inc('Battles', 'Non-state actor overtakes territory') },
  // "captured Palmyra", not "captured alive" or "captured two fighters"
  { re: /\b(?:re)?captured\b/i, type: inc('Battles', 'Non-state actor overtakes territory'), next: /^\s+[A-Z]/ },
  // an armed group's advance into an area takes ground ("after rebel fighters advanced in the area")
  { re: /\b(?:rebels?|rebel\s+fighters|militants|insurgents|jihadists|fighters|militias?|guerrillas|Taliban|Houthis|Shabaab|Islamic\s+State|ISIS|ISIL)\s+(?:\w+\s+){0,2}?advanc(?:ed|ing)\s+(?:in|into|on|upon|towards?|to)\b/i, type: inc('Battles', 'Non-state actor overtakes territory') },
  { re: /\b(?:posts?|positions?|bases?|check\s*points?|outposts?|towns?|city|village|areas?|districts?)\b[^.;]{0,40}?\b(?:were|was|had\s+been|have\s+been|has\s+been)\s+(?:re)?captured\b/i, type: inc('Battles', 'Non-state actor overtakes territory') },
  // (who "fought alongside" an army served with it: a record of service, not a battle, unless told against whom)
  // shots fired on a vehicle ("unidentified persons fired on their vehicle"): a shooting whose kind the victims tell
  { re: /\bfired\s+(?:on|upon)\s+(?:a|an|the|their|his|her|its)\s+(?:[\w-]+\s+){0,2}?(?:vehicles?|cars?|trucks?|jeeps?|bus(?:es)?|pickups?|patrols?|convoys?)\b/i, type: inc('Battles', 'Armed clash'), weak: true },
  { re: /\b(?:(?:heavy|fierce|intense|bloody|violent)\s+combats?|combats?\s+between|clash(?:es|ed)?|exchange[sd]?\s+(?:of\s+)?(?:heavy\s+)?fire|exchanged\s+(?:heavy\s+)?fire|fire\s+exchange|traded?\s+(?:heavy\s+)?fire|gun\s*fights?|fire\s*-?fights?|gun\s+battles?|battl(?:ed|ing)(?!\s+(?:against\s+)?(?:the\s+)?(?:virus|disease|illness|cancer|covid|coronavirus|pandemic|flames|fire|blaze|poverty|corruption|floods?|heat|odds))|snipers?|(?:fighting|fought)(?!\s+(?:alongside|side\s+by\s+side\s+with|on\s+the\s+side\s+of|in\s+the\s+ranks\s+of)\b(?![^.;]{0,80}?\bagainst\b))|skirmish(?:es)?|ambush(?:ed|es)?|repulsed|repelled|(?:pushed|drove|beat)\s+(?:them|(?:the\s+)?(?:attackers|militants|rebels|insurgents|terrorists|fighters|enemy|assailants))\s+back|attack(?:ed|s)?\s+(?:on\s+)?(?:\w+\s+){0,3}(?:posts?|check\s*posts?|checkpoints?|camps?|bases?|convoys?|positions?|outposts?|patrols?|barracks)|fired\s+(?:[\w(),+.-]+\s+){1,10}?(?:on|at|upon|towards?)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:positions?|posts?|troops|soldiers|forces|patrols?|check\s*points?|bases?|convoys?)|bursts?\s+of\s+(?:\w+\s+)?fire|shoot-?outs?|intelligence-based\s+operation|IBO|operations?\s+(?:targeting|against)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:militants|rebels|insurgents|guerrillas|terrorists|jihadists|fighters|gunmen|bandits|Shabaab|Taliban|Boko\s+Haram|Islamic\s+State|ISIS|ISIL|JNIM|NPA|FARC|ELN|FMLN|Shining\s+Path)\b|(?:military|security|retaliatory|counter-?terrorism|counter-?insurgency|mop-?up|clearance)\s+operations?|retaliatory\s+(?:action|fire|attacks?)|open(?:s|ed|ing)?\s+(?:["“]?\w+["”]?\s+)?fire|cross-border\s+(?:fire|firing|attacks?)|firing|heavy\s+fire|offensive|assault(?:ed)?|stormed|storms?\b(?<=\b(?:gunmen|militants|fighters|rebels|troops|soldiers|attackers|insurgents|terrorists|assailants|commandos|jihadists|Taliban|Shabaab|extremists)\s+storms?)|encounters?(?<=\b(?:an?|the|fierce|armed|brief|heavy|gun|fresh|separate)\s+encounters?)(?=\s+(?:with|between|in|at|near|that|which|broke|took|erupted|ensued|on)\b)|encounters?\s+(?:with|between)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:forces|troops|police|army|militants|rebels|soldiers|insurgents|terrorists|Maoists|NPA|naxals?|guerrillas)|gunfire|battles?\s+for|engaged\s+in\s+(?:\w+\s+){0,2}?combat|close\s+quarter\s+combat|counter-?attack(?:ed)?|raided|laid\s+siege\s+to)\b/i, type: inc('Battles', 'Armed clash') },
  { re: /\b(?:riots?|rioted|rioters|mob\s+(?:attacked|violence))\b/i, type: inc('Riots', 'Violent demonstration') },
  // (a government's note of protest is diplomacy, not a protest in the street)
  { re: /(?<!\b(?:note\s+of|notes\s+of|diplomatic|formal|official|strong|lodged?\s+(?:a|an)|sent\s+(?:a|an)|filed\s+(?:a|an)|delivered\s+(?:a|an))\s+)\b(?:protest(?:s|ers|ed|ing)?(?!\s+(?:note|notes|from\s+(?:our|the|its)\s+government))|demonstrat(?:ion|ions|ors|ed(?!\s+(?:that|how|what|its|his|her|their|our|an?|the\s+(?:capacity|ability|need|will|importance|strength|power|resolve|failure))\b))|rall(?:y|ies|ied)|sit-ins?|marched|(?:peaceful|protest|silent)\s+march(?:es)?|(?:hunger\s+)?strik(?:e|es|ers)\s+(?:by|over|against|at)|boycott(?:ed)?|picket(?:ed|s)?|vigils?|took\s+to\s+the\s+streets?|chant(?:ed|ing)\s+(?:[\w-]+\s+){0,3}?slogans|(?:raised|raising|shouted|shouting)\s+(?:[\w-]+\s+){0,3}?slogans|(?:held|holding|carr(?:ying|ied)|wav(?:ing|ed))\s+(?:[\w-]+\s+){0,2}?(?:placards|banners|boards|posters|signs)\s+(?:that\s+read|reading|with|saying|demanding|against|calling)|(?:held|holding|carr(?:ying|ied)|wav(?:ing|ed))\s+(?:[\w-]+\s+){0,2}?(?:placards|banners)|march(?:es|ing)?\b(?<=\b(?:thousands|hundreds|dozens|people|protesters|demonstrators|students|workers|women|supporters|activists|residents|farmers|teachers|crowds?)\s+(?:[\w-]+\s+)?march(?:es|ing)?)|(?:held|staged|organi[sz]ed|led|took\s+out|joined|participated\s+in|took\s+part\s+in)\s+(?:a|the)\s+(?:[\w-]+\s+){0,2}?march(?:es)?\b|bandhs?|hartals?|dharnas?|gherao(?:ed|s|ing)?|agitation|(?:went|go|going|goes|are|were|remained|remain)\s+on\s+(?:an?\s+)?(?:[\w-]+\s+)?strike|downed\s+tools|(?:staged|held|observed|began|launched)\s+(?:a|an)\s+(?:[\w-]+\s+){0,2}?strike|(?:staged|mounted|set\s+up)\s+(?:a\s+|an\s+)?(?:[\w-]+\s+)?blockades?|human\s+chains?|burn(?:ed|t|ing)\s+(?:an?\s+|the\s+)?effig(?:y|ies)|staged\s+(?:a\s+)?walk-?outs?|booed|heckled|(?<!\b(?:police|policemen|soldiers|troops|army|forces|authorities|officers|militants|rebels|insurgents|gunmen|fighters)\s+(?:\w+\s+)?)(?:blocked|blockaded)\s+(?:off\s+)?(?:the\s+|a\s+)?(?:[\w-]+\s+){0,3}?(?:roads?|highways?|traffic|entrances?)|(?:did|held|staged|organi[sz]ed|carried\s+out|joined)\s+(?:a\s+|the\s+)?(?:\w+\s+)?motorcades?|(?:gathered|assembled|converged|massed)\b[^.;]{0,120}?\b(?:to\s+(?:demand|denounce|oppose|protest|condemn|voice|express\s+(?:their\s+)?(?:anger|opposition|solidarity)|call\s+for|press\s+for)|demanding|denouncing|opposing|condemning|protesting|calling\s+for|in\s+(?:solidarity|support)\s+(?:with|of)|chant(?:ed|ing)|shout(?:ed|ing))|staged\s+(?:a\s+|an\s+)?(?:\w+\s+)?(?:processions?|sit-ins?|marches|march|rall(?:y|ies)|demonstrations?)|(?:took|went\s+(?:down\s+)?(?:in|into|on|to))\s+the\s+streets?|(?:poured|came\s+out)\s+(?:on)?to\s+the\s+streets?)\b/i, type: inc('Protests', 'Peaceful protest') },
  { re: /\b(?:arrest(?:ed|s|ing)?|detain(?:ed|s|ing)?|detention\s+of|(?:taken|placed|put|remanded)\s+(?:in|into|under)\s+(?:police\s+|military\s+|judicial\s+|pre-?trial\s+|preventive\s+)?(?:custody|detention)|t(?:ook|akes?|aking)\s+(?:[\w-]+\s+){0,5}?into\s+(?:police\s+|military\s+|preventive\s+)?custody|jailed|locked\s+up|apprehended|rounded\s+up|nabbed|held\s+for\s+questioning)\b/i, type: inc(SD, 'Arrests') },
  { re: /\b(?:loot(?:ed|ing|ers)?|plunder(?:ed|ing)?|ransack(?:ed|ing)?|pillag(?:ed|ing)|torched|burn(?:ed|t)\s+(?:down\s+)?(?:\w+\s+){0,2}?(?:homes?|houses?|huts?|shops?|villages?|church(?:es)?|mosques?|schools?|crops|granar(?:y|ies)|markets?|bus(?:es)?|cars|trucks|offices?|warehouses?|stores?|tractors|machinery|temples?|(?:police\s+)?(?:stations?|posts?))|set\s+(?:fire\s+to|ablaze|on\s+fire)|set\s+(?:a|an|the|their|his|her|several|two|three|\d+)\s+(?:[\w-]+\s+){0,3}?(?:on\s+fire|ablaze|alight)|desecrat(?:ed|ing)|(?:destroy(?:ed|ing)|demolish(?:ed|ing)|razed|damag(?:ed|ing)|vandali[sz]ed)\s+(?:(?:\w+|\[[^\]]{1,60}\])\s+){0,3}?(?:homes?|houses?|property|properties|shops?|buildings|church(?:es)?|mosques?|schools|temples?|shrines?|statues?|monuments?|graves|tombs?|crops|infrastructure|mast|towers?|pylons?|pipelines?|bridges?|school|installations|facilities|(?:administrative\s+|government\s+)?offices|(?:power\s+|sub)?stations|substations|power\s+(?:poles?|lines?|plants?))|stole|stolen|made\s+away\s+with|carted\s+(?:away|off)|extort(?:ed|ion)|(?:was|were|had\s+been|have\s+been)\s+burn(?:ed|t)\s+down|fire-?bomb(?:ed|ing)|sabotag(?:ed|ing)\s+(?:\w+\s+){0,3}?(?:pipelines?|lines?|towers?|pylons?|railways?|tracks?|trains?|bridges?|power|installations?)|(?:insurgents|guerrillas|rebels|terrorists|militants|saboteurs|subversives)\s+(?:\w+\s+){0,2}?derailed|torch(?:es)?(?=\s+(?:\w+\s+)?(?:police|homes?|houses?|vehicles?|cars?|buses?|shops?|offices?|church(?:es)?|mosques?|schools?|villages?|posts?|stations?|buildings?|trucks?)\b))\b/i, type: inc(SD, 'Looting/property destruction') },
  { re: /\b(?:set\s+up|established|establish(?:ing)?|open(?:ed|s)\s+(?:a\s+)?new|opened|buil(?:t|ding)|erect(?:ed|ing)|construct(?:ed|ing)|install(?:ed|ing))\s+(?:\w+\s+){0,4}?(?:base|bases|headquarters|HQ|camps?|outposts?|(?:observation|military|security)\s+posts?|garrisons?|command\s+(?:post|centre|center)|checkpoints?|military\s+(?:post|facility|positions?)|new\s+positions|foothold|stronghold|office)\b|\b(?:bases|headquarters|HQ|camps?|outposts?|garrisons?|checkpoints?|(?:observation|military|security)\s+posts?)\s+(?:\w+\s+){0,2}?(?:has|have|had|was|were)\s+(?:been\s+)?(?:set\s+up|established|erected|built|constructed|installed)\b/i, type: inc(SD, 'Headquarters or base established') },
  { re: /\b(?:surrender(?:ed|s)?\s+(?:themselves\s+)?(?:[\w-]+\s+){0,2}?to|turned\s+themselves\s+in)\b/i, type: inc(SD, 'Agreement') },
  // a curfew or martial law imposed (ACLED's Other strategic development; not a state of emergency, which a flood or
  // a wildfire brings as often as unrest)
  { re: /\b(?:(?:imposed|declared|announced|extended|clamped|enforced|slapped)\s+(?:a\s+|an\s+)?(?:[\w-]+\s+){0,2}?curfews?|curfews?\s+(?:was|were|has\s+been|had\s+been|have\s+been)\s+(?:imposed|declared|clamped|extended|enforced)|(?:declared|imposed)\s+martial\s+law|martial\s+law\s+(?:was|has\s+been)\s+(?:declared|imposed))\b/i, type: inc(SD, 'Other') },
  // people driven from their homes or a country by force (ACLED's displacement, coded Other)
  { re: /\b(?:mass\s+expulsions?|expulsions?\s+of|expell?(?:ed|ing)\s+(?:at\s+least\s+|more\s+than\s+|some\s+|about\s+|over\s+)?(?:[\w,-]+\s+){0,3}?(?:nationals|migrants|refugees|families|residents|villagers|civilians|inhabitants)|forcibly\s+(?:displaced|evicted|relocated|expelled))\b/i, type: inc(SD, 'Other') },
  { re: /\b(?:dispatch(?:ed|ing)|dispatch\s+of\s+(?:[\w-]+\s+)?(?:forces|troops|reinforcements|soldiers|units)|(?:security|military)\s+reinforcements?|(?:troops|forces|soldiers|fighters|tanks|reinforcements)\s+(?:[\w-]+\s+){0,6}?(?:had|have|has)\s+moved\s+(?:[\w-]+\s+){0,5}?(?:to|into|towards)|reinforc(?:ed|ing)\s+(?:their|its|the)\s+(?:\w+\s+)?(?:presence|positions?|deployments?|defen[cs]es|security|ranks)|fortif(?:y|ied|ying|ications?)|(?:moving|moved|sent|sending|forwarded|brought|bringing|amass(?:ed|ing))\s+(?:[\w-]+\s+){0,4}?(?:troops|fighters|forces|reinforcements|soldiers|military\s+equipment|tanks|units)|defect(?:ed|ion|ions|ors)|mutin(?:y|ied|ous)|merg(?:ed|er|ing)|pledged\s+allegiance|join(?:ed)?\s+forces|formed\s+(?:a\s+)?(?:new\s+)?(?:\w+\s+)?(?:group|alliance|coalition|militia|front|force|unit|brigade|battalion)|(?:were|was|have\s+been|has\s+been)\s+formed|(?:re)?deploy(?:ed|ment|ing|s)?|(?:troops|forces|soldiers|officers|units|policemen|guardsmen|agents)\s+(?:were|was|have\s+been|had\s+been)\s+(?:moved|transferred|relocated)\s+(?:to|into|towards)\b|(?:troops|forces|units|garrisons?|contingents?)\s+(?:have|has|had)\s+been\s+reinforced\b|reinforcements\s+(?:\w+\s+){0,8}?(?:arrived|reached)|recruit(?:ed|ment|ing)|disband(?:ed|ing)|dissolved|split\s+from|splinter|renamed|rebranded|demobili[sz](?:ed|ation)|surrender(?:ed)?|laid\s+down\s+(?:their\s+)?(?:arms|weapons)|mobili[sz](?:ed|ation))\b/i, type: inc(SD, 'Change to group/activity') },
  { re: /\b(?:explosions?|blasts?|exploded|detonat(?:ed|ion))\b/i, type: inc(EXPLOSIONS, 'Remote explosive/landmine/IED') },
  // someone not of a force shot, or an attempt on someone's life ("UP legal advisor Abelardo Daza was shot", "two
  // reporters who were shot by soldiers", "admitted to the emergency room after having been shot several times", "an
  // attempt on the life of Judge Valencia"): an attack on that person, told
  // in words any that name the violence override ("shot and killed" is told by its toll: civilians' make it an attack)
  { re: /(?<!\b(?:police|policem[ae]n|officers?|soldiers?|troops|guards?|guardsm[ae]n|servicem[ae]n|militiam[ae]n|fighters?|rebels?|guerrillas?|terrorists?|subversives?|insurgents?|militants?|gunm[ae]n|attackers?|assailants?|agents?|sergeants?|corporals?|privates?|lieutenants?|captains?|commanders?|members|personnel|suspects?|militias?|criminals?)\b[^.;]{0,40})\b(?:was|were|had\s+been|has\s+been|have\s+been|having\s+been|after\s+being)\s+(?:\w+\s+)?shot(?!\s+(?:down|at|dead|to\s+death|and\s+(?:killed|injured|wounded|died))\b)/i, type: inc(VAC, 'Attack'), weak: true },
  // shots fired at people not of a force ("an air force member fired at photographers Roberto Navas and Luis
  // Galdamez", "gunmen fired at a group of peasants"): an attack on them, after every rule that names the violence
  // (not "fired on civilian populations" or "civilian areas": places shelled, which the rules of shelling read)
  { re: /\b(?:fired|shot|opened\s+fire)\s+(?:at|on|upon)\s+(?:(?:the|a|an|two|three|four|five|several|some|a\s+group\s+of)\s+)?(?:[\w-]+\s+){0,2}?(?:photographers?|journalists?|reporters?|newsm[ae]n|cameram[ae]n|civilians?|people|persons|passers-?by|pedestrians?|peasants?|students?|workers?|women|children|residents?|villagers?|motorists?|passengers?|families|worshippers?|parishioners?|priests?)\b(?!\s+(?:populations?|areas?|targets?|zones?|neighbou?rhoods?|settlements?|houses|homes|positions?))/i, type: inc(VAC, 'Attack'), weak: true },
  { re: /\b(?:attempts?|attempted)\s+on\s+(?:the\s+)?(?:\w+\s+)?li(?:fe|ves)\s+of\b|\bassassination\s+attempts?\b|\battempted\s+(?:murder|assassination)\b/i, type: inc(VAC, 'Attack'), weak: true },
  { re: /\b(?:attack(?:ed|s)?|strikes?|struck|raids?|killed|killing|kills|kill(?<!\bto\skill)(?=\s+(?:at\s+least\s+|more\s+than\s+|over\s+|about\s+|up\s+to\s+)?(?:\d+|two|three|four|five|six|seven|eight|nine|ten|dozens|scores|several|many|hundreds)\b)|neutrali[sz](?:ed|es|ing)|martyred|shot\s+dead|gunned\s+down|shot\s+at|(?:sprayed|pumped)\s+(?:\w+\s+){0,2}?bullets)\b/i, type: inc('Battles', 'Armed clash') },
];

const TALKS = '(?:talks|negotiations|dialogue|process)';
const DEVELOPMENTS: Trigger[] = [
  { re: new RegExp(`\\b${TALKS}\\s+(?:have\\s+|had\\s+|has\\s+)?(?:collapsed?|collapses|broke\\s+down|break\\s+down|broken\\s+down|failed|fail|ended|have\\s+ended|stalled|deadlocked)|\\b(?:breakdown|collapse|failure)\\s+of\\s+(?:the\\s+)?(?:\\w+\\s+)?${TALKS}|negotiations\\s+(?:are|were)\\s+over|indefinite\\s+phase|failed\\s+to\\s+(?:bring|produce|reach)|no\\s+workable\\s+solution|deadlock|suspend(?:ed|s|ing)?\\s+(?:the\\s+|its\\s+)?(?:\\w+\\s+){0,3}?(?:declaration|agreement|deal|accord|ceasefire|talks|implementation)|(?:round|talks)\\s+broke\\s+down|(?:ended|concluded|closed)\\s+(?:on\\s+\\w+(?:\\s+\\d{1,2})?\\s+)?without\\s+(?:an?\\s+)?(?:agreement|result|deal|breakthrough)`, 'i'), type: dev('Other', 'breakdown') },
  { re: /\b(?:cease-?fire|truce)s?\b/i, type: dev('Agreement', 'ceasefire') },
  { re: /\bjoint\s+(?:statement|declaration)\b/i, type: dev('Agreement', 'statement') },
  // (a document signed by someone, a sworn or alleged declaration, is no accord: "the communique, which was signed by",
  // "a sworn declaration by the president")
  { re: /(?<!\b(?:sworn|alleged|written|personal)\s)\b(?:peace\s+)?declaration\b(?!\s+by\b)|\b(?:agreed|agreement|accord|(?<!\[)signed(?!\s+by\b|\s*[\]:])|memorandum\s+of\s+understanding|(?:peace|ceasefire|truce|power-sharing|security)\s+deal|deal(?!\s+with\b)|(?:released|freed)\s+(?:\w+\s+){0,4}?in\s+exchange\s+for|(?:prisoner|hostage)s?\s+(?:exchange|swap|release)|(?:exchange|swap)(?:ed)?\s+(?:of\s+)?(?:\w+\s+){0,3}?(?:prisoners|detainees|bodies)|swapped|released\s+(?:\w+\s+){0,3}?(?:prisoners|hostages|detainees))\b/i, type: dev('Agreement', 'agreement') },
  { re: /\b(?:talks|negotiations|round\s+of|(?:second|third|fourth|first|next|new)\s+round|delegations?|mediat(?:ion|ed|ors?)|peace\s+process|principal-level\s+meeting|(?<!\b(?:cabinet|ministers'?|council|board|party|committee|staff|plenary|press|news|editorial)\s)meeting|met\s+in|summit|dialogue)\b/i, type: dev('Agreement', 'talks') },
  { re: /\b(?:issued|released|published|read\s+out)\s+(?:a|an|its|the)\s+(?:\w+\s+){0,3}(?:statement|press\s+release|communiqu[eé])|\bstatement\s+(?:issued|released|published)\b|\b(?:statement|press\s+release)\s+(?:of|dated)\s+(?=\d|[A-Z][a-z]+\s+\d)/i, type: dev('Other', 'statement') },
];

/**
 * Talks, a truce or an accord someone proposes, calls for, insists on or works towards ("proposed
 * beginning a dialogue", "has repeatedly called for a peace dialogue", "its efforts to form a commission for a
 * dialogue", "in order to hold a dialogue", "the prospects for the dialogue"): what is sought, not what took place.
 * (Not a truce that stands: "seeking to turn last week's ceasefire into", "efforts to preserve the truce".)
 */
const SOUGHT = /\b(?:propos(?:ed|es|ing|als?)(?:\s+(?:for|of))?|call(?:ed|s|ing)?\s+for|insist(?:ed|s|ing|ence)?\s+(?:\w+\s+)?on|prospects?\s+(?:of|for)|(?:willing(?:ness)?|ready|efforts?|in\s+order|wants?|wanted|invit(?:ed|es|ation))\s+to\s+(?:\w+\s+){0,4}?(?:hold|begin|start|open|resume|reach|attend|form|establish|sign|negotiate|conclude|achieve|agree\s+on|continue|engage\s+in|participate\s+in|take\s+part\s+in|join|meet))\s+(?:[\w'"“”-]+\s+){0,8}?["“]?$/i;
/** Talks or a truce asked for, offered or thought possible, a few words before ("a request for a 6-hour truce", "urged some type of dialogue", "offered their mediation", "the possible resumption of dialogue", "is considering not going to the dialogue meetings"). */
const ASKED = /\b(?:possibilit(?:y|ies)\s+(?:of|for)|possible|requests?\s+for|(?:urg|demand|offer)(?:ed|es|s|ing)?|considering)\s+(?:[\w'"“”-]+\s+){0,4}?["“]?$/i;
/** Speech about an event that did not (or not yet) happen, or that someone denies. */
const PREVENT = /\b(?:to\s+prevent|prevent(?:ing)?)\b/i;
/**
 * Violence someone plans, prepares, intends or stands ready to commit, or that may come ("the guerrillas are planning
 * a major offensive against the capital", "intends to sabotage the elections with attacks on", "is prepared to attack
 * the capital", "may attempt to blow up", "the police will arrest those responsible", "its operation aimed at murdering the judge"): a possibility, not a report, when the word stands a few words before the
 * trigger. (Not "a carefully planned ambush", nor "attempted to take the town", which happened; "may" in lower case only.)
 */
const PLANNED = /\b(?:[Pp]lan(?:s|ning)?\s+(?:to|an?|for|new)|planned\s+to|[Pp]repar(?:e|es|ing)\s+(?:to|an?|for|new)|(?:is|are|was|were|be|stand|stands)\s+prepared\s+to|[Ii]ntend(?:s|ed|ing)?\s+to|[Ii]ntention\s+(?:to|of)|ready\s+to|may|might|seek(?:s|ing)?\s+to|(?:is|are|was|were)\s+trying\s+to|about\s+to)\s+(?:[\w'-]+\s+){0,5}?$|\b(?:will|shall)\s+(?:[\w'-]+\s+){0,3}?$|\baim(?:ed|s|ing)?\s+at\s+$|\bplot(?:s|ted|ting)?\s+to\s+$/;
const HEDGE = /\b(?:if|unless|would|could|might|threat(?:en(?:ed|s)?)?|warn(?:ed|s)?|vow(?:ed|s)?|den(?:y|ied|ies)|reject(?:ed|s)?|dismiss(?:ed|es)?|refut(?:ed|es)|baseless|unfounded|groundless|untrue|no\s+(?:attack|strike|clash(?:es)?)|not\s+an?\s+(?:attack|strike)|claims?\s+of|allegations?\s+of|rumou?rs?\s+of|in\s+the\s+event|against\s+(?:any|future)|will\s+(?:respond|retaliate|attack|strike)|right\s+to\s+respond|do\s+not|did\s+not|never|neither)\b/i;

/**
 * Violence named as what a court, the police or an accuser deals with ("sentenced three members … for the bombing",
 * "convicted of the assassination of", "the trial of six soldiers accused of the massacre", "implicated in the
 * murder of", "those responsible for the massacre", "an investigation into the attack"): the trial, the accusation
 * or the search is the news, and the violence is an incident of its own only when the words after the frame give it
 * a day ("accused of murdering 10 peasants on 21 January"); the day of the telling is not its day.
 */
const FRAMED = /\b(?:sentenc(?:ed|es|ing)\s+(?:[\w'-]+\s+){0,12}?(?:for|over)|convict(?:ed|ions?)?\s+(?:\w+\s+){0,3}?(?:of|for)|(?:accus(?:ed|es|ing)|suspected|guilty|acquitted)\s+(?:(?:him|her|them|it|the\s+[\w-]+)\s+)?(?:of|for)|(?:accusations?|acquittal)\s+(?:\w+\s+){0,3}?(?:of|for)|charg(?:ed|es|ing)\s+(?:\w+\s+){0,3}?with|(?:trial|prosecuted|prosecution|indicted)\s+(?:\w+\s+){0,5}?(?:of|for|over)|implicated\s+in|(?:those|the\s+(?:people|persons|men|individuals|ones))\s+responsible\s+for|investigat(?:e|es|ed|ing|ions?)\s+(?:into\s+)?|in\s+connection\s+with|(?:reward|bounty)\s+(?:[\w'-]+\s+){0,8}?for)\s+(?:(?:the|a|an|his|her|their|its)\s+)?(?:[\w'-]+\s+){0,2}?$/i;
/** Where the frame around a trigger opens, if one does. */
function frameAt(text: string, index: number): number | null {
  const from = Math.max(0, index - 140);
  const m = FRAMED.exec(text.slice(from, index));
  return m ? from + m.index : null;
}
const VIOLENT = new Set(['Battles', EXPLOSIONS, VAC]);
const YIELDS = new Set(['Disrupted weapons use', 'Non-violent transfer of territory', 'Change to group/activity']);
const TAKEN = new Set(['Non-state actor overtakes territory', 'Government regains territory']);
const OPERATION = /operations?$|^IBO$/i;
const DEVICE = /^(?:IEDs?|improvised\s+explosive|explosive\s+devices?|(?:land\s*)?mines?|bombs?|grenades?|(?:\w+\s+)?grenade[\s-]+launchers?|rockets?|mortars?|missiles?|projectiles?|shells|artillery)$/i;
const DELIVERY = new Set(['Air/drone strike', 'Shelling/artillery/missile attack']);
/** Explosives set, thrown or worn: the means a killing told beside them was done by. */
const BOMBS = new Set(['Remote explosive/landmine/IED', 'Suicide bomb', 'Grenade']);
// (not machine guns: ACLED codes heavy weapons fired with heavy machine guns as the shelling they are)
const SMALL_ARMS = /\b(?:small\s+arms|automatic\s+(?:weapons|rifles)|assault\s+rifles)\b/i;
/** Fire traded by both sides, heavy or not, is a clash ("exchanged artillery fire", "in both directions of the frontline"). */
const EXCHANGE = /\b(?:in\s+both\s+directions\s+of\s+the\s+(?:front\s*-?line|front|contact\s+line|line\s+of\s+contact)|exchang(?:ed|es?|ing)\s+(?:of\s+)?(?:heavy\s+)?(?:artillery|shell(?:ing|s)?|mortars?|rockets?)|(?:artillery|shelling|mortar|rocket)\s+(?:fire\s+)?exchanges?|responded\s+to\s+(?:[\w-]+\s+){0,2}?shelling)\b/i;
/** A place that falls after a siege or a battle was taken by force, whoever withdrew. */
const SIEGE = /\b(?:sieges?|besieg\w*|blockade|battles?|fighting|under\s+fire)\b/i;
const RULES = [...TRIGGERS, ...DEVELOPMENTS];
const GLOBAL = RULES.map((t) => new RegExp(t.re.source, 'gi'));

export interface TypedTrigger extends EventType {
  readonly index: number;
  readonly hedged: boolean;
  /** A catch-all word ("attack", "killed", "strikes") rather than one that names the kind of violence. */
  readonly weak?: boolean;
  /** Where a frame of a court, the police or an accuser opens before this incident ("convicted of the assassination"). */
  readonly frame?: number;
}

/** What makes a protest one that did not happen: it is planned, threatened, called for or off. */
const PROTEST_HEDGE = /\b(?:threat(?:en(?:ed|s)?)?\s+to|plan(?:s|ned|ning)?\s+to|will|would|call(?:ed|s|ing)?\s+(?:for|off)|vow(?:ed|s)?\s+to|cancel(?:led|ed|s)?|postpon(?:ed|es)|if|unless|den(?:y|ied|ies))\b/i;

function hedged(sentence: string, index: number, protest = false): boolean {
  if (protest) return PROTEST_HEDGE.test(sentence.slice(Math.max(0, index - 40), index));
  // The clause around the trigger: from the last clause break before it to the next one after it.
  const start = Math.max(sentence.lastIndexOf(',', index), sentence.lastIndexOf(';', index), sentence.lastIndexOf(':', index), 0);
  const endCands = [sentence.indexOf(',', index), sentence.indexOf(';', index)].filter((x) => x >= 0);
  const end = endCands.length ? Math.min(...endCands) : sentence.length;
  // "did not mention the exchange of fire": the negation is of the mention, not of the event
  if (/\b(?:did\s+not|does\s+not|made\s+no)\s+(?:mention|refer\s+to|address|discuss|comment\s+on)\b[^,;]{0,60}$/i.test(sentence.slice(Math.max(0, index - 80), index))) return false;
  // (what is prevented comes after the word: "beaten by a mob for preventing the rites" is no hedge of the beating)
  return HEDGE.test(sentence.slice(start, end)) || HEDGE.test(sentence.slice(Math.max(0, index - 40), index)) || PREVENT.test(sentence.slice(start, index));
}

/**
 * Every event type a sentence speaks of, each occurrence once, most specific first: incidents, then developments.
 * A word a more specific rule already took ("strikes" in "air strikes") is not counted again.
 * @example classify('Pakistani air strikes killed 10 civilians.')[0] // { eventType: 'Explosions/Remote violence', subEventType: 'Air/drone strike', ... }
 */
/** A strike that is a stoppage of work, not of violence ("the strike by coca growers", "a general strike"). */
const LABOUR_STRIKE = /\b(?:general|national|nationwide|labou?r|workers'?|hunger|transport|indefinite|civic|teachers'?|doctors'?|drivers'?|peasants'?|\d+-(?:hour|day))\s+strikes?\b|\bstrikes?\s+(?:by|of)\s+(?:\w+\s+){0,4}?(?:workers|peasants|teachers|drivers|employees|unions?|growers|farmers|students|miners|doctors|nurses|staff|traders|transporters)\b|\bon\s+strike\b|\bstrike\s+(?:action|call|committee|leaders?)\b|\b(?:call(?:ed|s)?|declared?|stag(?:ed|e)|organi[sz]ed?|observ(?:ed|e)|end(?:ed)?|lift(?:ed)?|join(?:ed)?|support(?:ed|s)?)\s+(?:a|the)\s+(?:\w+\s+)?strike\b|\bthe\s+strike\s+(?:is|was|has|had|continues|continued)\s+(?!carried|launched|conducted)/i;
/** Acts that are no gathering in the street, done "to protest" something. */
const NO_STREET = /\b(?:resign(?:ed|s|ations?)?|suspend(?:ed|s)?|withdr(?:ew|awn|aws)|broke\s+off|recall(?:ed|s)?|cancel(?:l?ed|s)?)\b[^.;]{0,80}$/i;
/** Violence ordered to stop ("order all units to cease firing", "the suspension of all military operations"). */
const HALTED = /\b(?:cease|suspen(?:d|ds|ded|sion\s+of)|halt(?:ed)?)\s+(?:all\s+|the\s+|its\s+|their\s+)?(?:[\w-]+\s+){0,2}[\w-]*$/i;
/** A death on the road or in an accident: no violence, whatever the catch-all word ("killed when her car was hit"). */
const ACCIDENT = /\b(?:(?:car|road|traffic|bus|train|plane|air)\s+(?:accident|crash|collision)s?|(?:hit|struck|run\s+over|knocked\s+down)\s+by\s+(?:a|an|another)\s+(?:\w+\s+)?(?:car|truck|lorry|bus|train|vehicle|motorcycle)|drowned|electrocuted)\b/i;

/** Which rules (and the five tests after them) can match a sentence at all, in one pass over it (sieve.ts): the others are not run. */
const SIEVE = new Sieve([...GLOBAL, LABOUR_STRIKE, ACCIDENT, SMALL_ARMS, SIEGE, EXCHANGE]);
const [LABOUR_AT, ACCIDENT_AT, SMALL_ARMS_AT, SIEGE_AT, EXCHANGE_AT] = [0, 1, 2, 3, 4].map((k) => GLOBAL.length + k) as [number, number, number, number, number];

export function classify(sentence: string): TypedTrigger[] {
  const out: TypedTrigger[] = [];
  const may = SIEVE.candidates(sentence);
  const labour = may[LABOUR_AT]! && LABOUR_STRIKE.test(sentence);
  const accident = may[ACCIDENT_AT]! && ACCIDENT.test(sentence);
  const taken: [number, number, string][] = [];
  RULES.forEach((t, i) => {
    if (!may[i] || (t.requires && !t.requires.test(sentence))) return;
    const re = GLOBAL[i]!;
    re.lastIndex = 0;
    for (let m = re.exec(sentence); m; m = re.exec(sentence)) {
      const end = m.index + m[0].length;
      if (t.next && !t.next.test(sentence.slice(end))) continue;
      if (taken.some(([a, b, k]) => k === t.type.kind && m!.index < b && end > a)) continue;
      // (violence a protest is about is no violence of the protest: "staged a protest against the prior clash")
      if (t.type.kind === 'incident' && t.type.eventType !== 'Protests' && protestGrievance(sentence, m.index)) continue;
      taken.push([m.index, end, t.type.kind]);
      const weak = i === TRIGGERS.length - 1 || t.weak;
      if (weak && t.type.kind === 'incident' && (accident || (labour && /^strikes?$/i.test(m[0])))) continue;
      const halted = t.type.kind === 'incident' && HALTED.test(sentence.slice(Math.max(0, m.index - 60), end));
      const frame = t.type.kind === 'incident' ? frameAt(sentence, m.index) : null;
      out.push({ ...t.type, trigger: m[0], index: m.index, ...(frame !== null ? { frame } : {}), hedged: halted || hedged(sentence, m.index, t.type.eventType === 'Protests') || (t.type.kind === 'incident' && PLANNED.test(sentence.slice(Math.max(0, m.index - 70), m.index))) || (t.type.kind === 'development' && (SOUGHT.test(sentence.slice(Math.max(0, m.index - 70), m.index)) || ASKED.test(sentence.slice(Math.max(0, m.index - 50), m.index)))), ...(weak ? { weak: true } : {}) });
    }
  });
  // "protesters clashed with police": the protest is told by its violence, not as a peaceful one
  // (violence a court or an accuser deals with is not what the sentence reports: "staged a human chain protest …
  // and accused him of vandalizing shops" is a peaceful protest)
  const live = out.filter((t) => t.frame === undefined);
  const protest = live.some((t) => t.eventType === 'Riots' || (t.eventType === 'Protests' && t.subEventType !== 'Peaceful protest'));
  // (and protesters who pelted stones while the police fired tear gas: the demonstration was a violent one)
  const rioting = live.some((t) => t.subEventType === 'Violent demonstration' && !t.hedged);
  // "seized the town after the army withdrew", without a word of fighting: the place changed hands without violence
  const fight = live.some((t) => !t.weak && !t.hedged && VIOLENT.has(t.eventType) && !TAKEN.has(t.subEventType));
  const handover = !fight && !(may[SIEGE_AT]! && SIEGE.test(sentence)) && out.some((t) => t.subEventType === 'Non-violent transfer of territory' && !t.hedged) && out.some((t) => TAKEN.has(t.subEventType));
  // weapons taken in a battle, a withdrawal under fire, a deployment to a fight: the violence is the event
  // (a search or mop-up "operation" that finds weapons is not a fight)
  // (nor is the name of the weapon found: "destroyed 342 mines and 288 improvised explosive devices")
  const violent = live.some((t) => !t.weak && !t.hedged && VIOLENT.has(t.eventType) && !OPERATION.test(t.trigger) && !DEVICE.test(t.trigger) && !(handover && TAKEN.has(t.subEventType)));
  // a chemical weapon is one however delivered; a suicide bomb is one before it is a bomb
  const chemical = live.some((t) => !t.hedged && t.subEventType === 'Chemical weapon');
  const suicide = live.some((t) => !t.hedged && t.subEventType === 'Suicide bomb');
  // heavy weapons fired with small arms: the fight is an armed clash (as ACLED codes it)
  // (and fire traded both ways, whatever the weapon)
  const close = (may[SMALL_ARMS_AT]! && SMALL_ARMS.test(sentence)) || (may[EXCHANGE_AT]! && EXCHANGE.test(sentence));
  // violence done "to protest" or "in protest" of something is that violence, its purpose no protest in the street
  // ("carried out terrorist attacks in southern Cauca to protest the candidate's murder")
  // (nor is an office resigned or talks suspended "to protest" a murder: "the magistrates resigned today to protest the
  // murder of Justice Valencia", "the FMLN suspended its dialogue with the government to protest a dynamite attack")
  const purpose = (t: TypedTrigger): boolean => t.subEventType === 'Peaceful protest' && /^protest$/i.test(t.trigger) && /\b(?:to|in)\s+$/i.test(sentence.slice(Math.max(0, t.index - 4), t.index)) &&
    (live.some((u) => u.index < t.index && VIOLENT.has(u.eventType) && !u.hedged) || NO_STREET.test(sentence.slice(Math.max(0, t.index - 100), t.index)));
  // a killing done with a bomb is the explosion ("blamed the army for the murder of 10 union members in a dynamite
  // attack", "an assassination with a car bomb"): ACLED codes violence by its means, so the killing word gives way
  const bombed = live.some((t) => !t.hedged && BOMBS.has(t.subEventType));
  return out
    .filter((t) => !purpose(t))
    .map((t) => (bombed && t.eventType === VAC && t.subEventType === 'Attack' && !t.weak ? { ...t, weak: true } : t))
    .map((t) => (close && t.subEventType === 'Shelling/artillery/missile attack' ? { ...t, eventType: 'Battles', subEventType: 'Armed clash' } : t))
    // (a coder's label says what the note records: "Detonation: an IED exploded while it was being planted")
    .filter((t) => !(protest && t.subEventType === 'Peaceful protest') && !(rioting && t.subEventType === 'Protest with intervention') && !(violent && YIELDS.has(t.subEventType) && !/:\s$/.test(t.trigger)))
    .filter((t) => !(handover && TAKEN.has(t.subEventType)))
    .filter((t) => !(chemical && DELIVERY.has(t.subEventType)) && !(suicide && t.subEventType === 'Remote explosive/landmine/IED'))
    .map((t) => (handover && t.subEventType === 'Non-violent transfer of territory' ? { ...t, weak: false } : t));
}

/** The incident type a sentence reports, if any: the most specific trigger not hedged, one outside a court's or an accuser's frame first. */
export function incidentType(sentence: string): TypedTrigger | null {
  const ts = classify(sentence).filter((t) => t.kind === 'incident' && !t.hedged);
  return ts.find((t) => t.frame === undefined) ?? ts[0] ?? null;
}
