// What happened, from the words of a sentence: ACLED's event_type and sub_event_type for incidents, and the kind of
// development (talks, ceasefire, agreement, statement, breakdown) for the political track. A trigger inside a
// denial, a threat or a condition ("rejected claims of a drone strike", "there will be open war") is marked hedged:
// it is a claim about an event, not the report of one.
import type { EventType } from './types.js';

interface Trigger {
  readonly re: RegExp;
  readonly type: Omit<EventType, 'trigger'>;
  /** Names who was hurt, not how: it gives way to any word that names the violence. */
  readonly weak?: boolean;
}

const inc = (eventType: string, subEventType: string): Omit<EventType, 'trigger'> => ({ kind: 'incident', eventType, subEventType });
const dev = (subEventType: string, development: string): Omit<EventType, 'trigger'> => ({ kind: 'development', eventType: 'Strategic developments', subEventType, development });

const EXPLOSIONS = 'Explosions/Remote violence';
/** Most specific first: a "suicide bomber" is a suicide bomb before it is an explosion. The last rule is the catch-all. */
const TRIGGERS: Trigger[] = [
  { re: /\bsuicide\s+(?:bomb(?:er|ing|s)?|attack(?:er)?s?|blast|vest|car\s+bomb)|explosives?-(?:laden|packed)\s+(?:vehicle|car|truck)|\bVBIED\b/i, type: inc(EXPLOSIONS, 'Suicide bomb') },
  { re: /\b(?:air\s*-?strikes?|airstrikes?|air\s+raids?|air\s+attacks?|aerial\s+(?:bombardment|strikes?|attacks?|bombing)|drone\s+(?:strikes?|attacks?)|(?:military\s+)?(?:aircraft|jets|drones?|warplanes?)\s+(?:\w+\s+){0,3}?(?:bombed|struck|attacked|hit|targeted|pounded)|warplanes?|fighter\s+jets|precision\s+strikes?|bombed|bombing\s+(?:of|raids?)|missiles?\s+(?:and\s+drone\s+)?(?:strikes?|attacks?)|(?:missile|drone)\s+and\s+(?:missile|drone)\s+attacks?|fired\s+missiles|launched\s+(?:\w+\s+){0,3}?(?:drones|missiles)|cruise\s+missiles?|ballistic\s+missiles?)\b/i, type: inc(EXPLOSIONS, 'Air/drone strike') },
  { re: /\b(?:shell(?:ing|ed|s)|artillery|mortars?(?:\s+(?:shells?|rounds?|fire))?|rockets?(?:\s+fire)?|missiles?|cross-border\s+(?:shelling|bombardment)|bombardment)\b/i, type: inc(EXPLOSIONS, 'Shelling/artillery/missile attack') },
  { re: /\b(?:IEDs?|improvised\s+explosive|roadside\s+bomb|landmines?|land\s+mines?|mines?\s+(?:exploded|blast)|explosive\s+device|car\s+bomb|magnetic\s+bomb|bomb\s+(?:blast|explosion|exploded|went\s+off)|stepped\s+on\s+an?\s+(?:land\s*)?mine)\b/i, type: inc(EXPLOSIONS, 'Remote explosive/landmine/IED') },
  { re: /\bgrenades?\b/i, type: inc(EXPLOSIONS, 'Grenade') },
  { re: /\b(?:abduct(?:ed|ion|s)|kidnap(?:ped|ping|s)?|taken\s+hostage|forcibly\s+disappeared|enforced\s+disappearance)\b/i, type: inc('Violence against civilians', 'Abduction/forced disappearance') },
  { re: /\b(?:massacred?|executed|executions|beheaded|ethnic\s+cleansing|shot\s+dead\s+(?:a|two|three|\w+)\s+(?:civilians?|villagers?|residents?|passengers?)|targeted\s+killings?|gunmen\s+(?:killed|shot|opened\s+fire)|killings?\s+of\s+(?:tourists|civilians|worshippers|patients|villagers|passengers)|killed\s+everyone)\b/i, type: inc('Violence against civilians', 'Attack') },
  { re: /\b(?:patients|civilians|villagers|worshippers|passengers|companions|health\s+workers)\s+(?:\w+\s+){0,4}?(?:were|had\s+been|have\s+been)\s+(?:\w+\s+)?(?:killed|shot|executed)\b/i, type: inc('Violence against civilians', 'Attack'), weak: true },
  { re: /\b(?:seiz(?:ed|es|ing)|seizure\s+of|t(?:ook|aken|akes)\s+control|overr?an|overrun|fall\s+of|fell\s+to|captured\s+the\s+(?:city|town|village|district|base|headquarters))\b/i, type: inc('Battles', 'Non-state actor overtakes territory') },
  { re: /\b(?:clash(?:es|ed)?|exchange[sd]?\s+(?:of\s+)?(?:heavy\s+)?fire|exchanged\s+(?:heavy\s+)?fire|traded?\s+(?:heavy\s+)?fire|gun\s*fights?|firefights?|gun\s+battles?|fighting|fought|skirmish(?:es)?|ambush(?:ed|es)?|repulsed|attack(?:ed|s)?\s+(?:on\s+)?(?:\w+\s+){0,3}(?:posts?|check\s*posts?|checkpoints?|camps?|bases?|convoys?|positions?|outposts?)|intelligence-based\s+operation|IBO|(?:military|security|retaliatory|counter-?terrorism)\s+operations?|retaliatory\s+(?:action|fire|attacks?)|open(?:s|ed|ing)?\s+(?:["“]?\w+["”]?\s+)?fire|cross-border\s+(?:fire|firing|attacks?)|firing|heavy\s+fire|offensive|assault(?:ed)?|stormed|gunfire|battles?\s+for|captured)\b/i, type: inc('Battles', 'Armed clash') },
  { re: /\b(?:riots?|rioters|mob\s+(?:attacked|violence)|torched)\b/i, type: inc('Riots', 'Violent demonstration') },
  { re: /\b(?:protest(?:s|ers|ed|ing)?|demonstrat(?:ion|ions|ors|ed)|rall(?:y|ies)|sit-ins?)\b/i, type: inc('Protests', 'Peaceful protest') },
  { re: /\b(?:arrested|detained|taken\s+into\s+custody|apprehended)\b/i, type: inc('Strategic developments', 'Arrests') },
  { re: /\b(?:explosions?|blasts?|exploded|detonat(?:ed|ion))\b/i, type: inc(EXPLOSIONS, 'Remote explosive/landmine/IED') },
  { re: /\b(?:attack(?:ed|s)?|strikes?|struck|raids?|killed|killing|martyred)\b/i, type: inc('Battles', 'Armed clash') },
];

const TALKS = '(?:talks|negotiations|dialogue|process)';
const DEVELOPMENTS: Trigger[] = [
  { re: new RegExp(`\\b${TALKS}\\s+(?:have\\s+|had\\s+|has\\s+)?(?:collapsed?|collapses|broke\\s+down|break\\s+down|broken\\s+down|failed|fail|ended|have\\s+ended|stalled|deadlocked)|\\b(?:breakdown|collapse|failure)\\s+of\\s+(?:the\\s+)?(?:\\w+\\s+)?${TALKS}|negotiations\\s+(?:are|were)\\s+over|indefinite\\s+phase|failed\\s+to\\s+(?:bring|produce|reach)|no\\s+workable\\s+solution|deadlock|suspend(?:ed|s|ing)?\\s+(?:the\\s+|its\\s+)?(?:\\w+\\s+){0,3}?(?:declaration|agreement|deal|accord|ceasefire|talks|implementation)|(?:round|talks)\\s+broke\\s+down|(?:ended|concluded|closed)\\s+(?:on\\s+\\w+(?:\\s+\\d{1,2})?\\s+)?without\\s+(?:an?\\s+)?(?:agreement|result|deal|breakthrough)`, 'i'), type: dev('Other', 'breakdown') },
  { re: /\b(?:cease-?fire|truce)s?\b/i, type: dev('Agreement', 'ceasefire') },
  { re: /\bjoint\s+(?:statement|declaration)\b/i, type: dev('Agreement', 'statement') },
  { re: /\b(?:peace\s+)?declaration\b|\b(?:agreed|agreement|accord|signed|memorandum\s+of\s+understanding|deal)\b/i, type: dev('Agreement', 'agreement') },
  { re: /\b(?:talks|negotiations|round\s+of|(?:second|third|fourth|first|next|new)\s+round|delegations?|mediat(?:ion|ed|ors?)|peace\s+process|principal-level\s+meeting|meeting|met\s+in|summit|dialogue)\b/i, type: dev('Other', 'talks') },
  { re: /\b(?:issued|released|published|read\s+out)\s+(?:a|an|its|the)\s+(?:\w+\s+){0,3}(?:statement|press\s+release|communiqu[eé])|\bstatement\s+(?:issued|released|published)\b|\b(?:statement|press\s+release)\s+(?:of|dated)\s+(?=\d|[A-Z][a-z]+\s+\d)/i, type: dev('Other', 'statement') },
];

/** Speech about an event that did not (or not yet) happen, or that someone denies. */
const HEDGE = /\b(?:if|unless|would|could|might|threat(?:en(?:ed|s)?)?|warn(?:ed|s)?|vow(?:ed|s)?|den(?:y|ied|ies)|reject(?:ed|s)?|dismiss(?:ed|es)?|refut(?:ed|es)|baseless|no\s+(?:attack|strike)|not\s+an?\s+(?:attack|strike)|claims?\s+of|allegations?\s+of|rumou?rs?\s+of|in\s+the\s+event|to\s+prevent|prevent(?:ing)?|against\s+(?:any|future)|will\s+(?:respond|retaliate|attack|strike)|right\s+to\s+respond|do\s+not|did\s+not|never)\b/i;

const RULES = [...TRIGGERS, ...DEVELOPMENTS];
const GLOBAL = RULES.map((t) => new RegExp(t.re.source, 'gi'));

export interface TypedTrigger extends EventType {
  readonly index: number;
  readonly hedged: boolean;
  /** A catch-all word ("attack", "killed", "strikes") rather than one that names the kind of violence. */
  readonly weak?: boolean;
}

function hedged(sentence: string, index: number): boolean {
  // The clause around the trigger: from the last clause break before it to the next one after it.
  const start = Math.max(sentence.lastIndexOf(',', index), sentence.lastIndexOf(';', index), sentence.lastIndexOf(':', index), 0);
  const endCands = [sentence.indexOf(',', index), sentence.indexOf(';', index)].filter((x) => x >= 0);
  const end = endCands.length ? Math.min(...endCands) : sentence.length;
  // "did not mention the exchange of fire": the negation is of the mention, not of the event
  if (/\b(?:did\s+not|does\s+not|made\s+no)\s+(?:mention|refer\s+to|address|discuss|comment\s+on)\b[^,;]{0,60}$/i.test(sentence.slice(Math.max(0, index - 80), index))) return false;
  return HEDGE.test(sentence.slice(start, end)) || HEDGE.test(sentence.slice(Math.max(0, index - 40), index));
}

/**
 * Every event type a sentence speaks of, each occurrence once, most specific first: incidents, then developments.
 * A word a more specific rule already took ("strikes" in "air strikes") is not counted again.
 * @example classify('Pakistani air strikes killed 10 civilians.')[0] // { eventType: 'Explosions/Remote violence', subEventType: 'Air/drone strike', ... }
 */
export function classify(sentence: string): TypedTrigger[] {
  const out: TypedTrigger[] = [];
  const taken: [number, number, string][] = [];
  RULES.forEach((t, i) => {
    const re = GLOBAL[i]!;
    re.lastIndex = 0;
    for (let m = re.exec(sentence); m; m = re.exec(sentence)) {
      const end = m.index + m[0].length;
      if (taken.some(([a, b, k]) => k === t.type.kind && m!.index < b && end > a)) continue;
      taken.push([m.index, end, t.type.kind]);
      out.push({ ...t.type, trigger: m[0], index: m.index, hedged: hedged(sentence, m.index), ...(i === TRIGGERS.length - 1 || t.weak ? { weak: true } : {}) });
    }
  });
  return out;
}

/** The incident type a sentence reports, if any: the most specific trigger not hedged. */
export function incidentType(sentence: string): TypedTrigger | null {
  return classify(sentence).find((t) => t.kind === 'incident' && !t.hedged) ?? null;
}
