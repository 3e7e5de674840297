// What happened, from the words of a sentence: ACLED's event_type and sub_event_type for incidents, and the kind of
// development (talks, ceasefire, agreement, statement, breakdown) for the political track. A trigger inside a
// denial, a threat or a condition ("rejected claims of a drone strike", "there will be open war") is marked hedged:
// it is a claim about an event, not the report of one.
import type { EventType } from './types.js';

interface Trigger {
  readonly re: RegExp;
  readonly type: Omit<EventType, 'trigger'>;
}

const inc = (eventType: string, subEventType: string): Omit<EventType, 'trigger'> => ({ kind: 'incident', eventType, subEventType });
const dev = (subEventType: string, development: string): Omit<EventType, 'trigger'> => ({ kind: 'development', eventType: 'Strategic developments', subEventType, development });

const EXPLOSIONS = 'Explosions/Remote violence';
/** Most specific first: a "suicide bomber" is a suicide bomb before it is an explosion. */
const TRIGGERS: Trigger[] = [
  { re: /\bsuicide\s+(?:bomb(?:er|ing|s)?|attack(?:er)?s?|blast|vest|car\s+bomb)|explosives?-(?:laden|packed)\s+(?:vehicle|car|truck)|\bVBIED\b/i, type: inc(EXPLOSIONS, 'Suicide bomb') },
  { re: /\b(?:air\s*-?strikes?|airstrikes?|air\s+raids?|air\s+attacks?|aerial\s+(?:bombardment|strikes?|attacks?|bombing)|drone\s+(?:strikes?|attacks?)|(?:military\s+)?aircraft\s+(?:bombed|struck|attacked)|warplanes?|fighter\s+jets|jets\s+(?:struck|bombed|hit)|precision\s+strikes?|bombed|bombing\s+(?:of|raids?)|missiles?\s+(?:and\s+drone\s+)?(?:strikes?|attacks?)|(?:missile|drone)\s+and\s+(?:missile|drone)\s+attacks?|fired\s+missiles)\b/i, type: inc(EXPLOSIONS, 'Air/drone strike') },
  { re: /\b(?:shell(?:ing|ed|s)|artillery|mortars?(?:\s+(?:shells?|rounds?|fire))?|rockets?(?:\s+fire)?|heavy\s+weapons|missiles?|cross-border\s+(?:shelling|bombardment))\b/i, type: inc(EXPLOSIONS, 'Shelling/artillery/missile attack') },
  { re: /\b(?:IEDs?|improvised\s+explosive|roadside\s+bomb|landmines?|land\s+mines?|mines?\s+(?:exploded|blast)|explosive\s+device|car\s+bomb|magnetic\s+bomb|bomb\s+(?:blast|explosion|exploded|went\s+off)|stepped\s+on\s+a\s+mine)\b/i, type: inc(EXPLOSIONS, 'Remote explosive/landmine/IED') },
  { re: /\bgrenades?\b/i, type: inc(EXPLOSIONS, 'Grenade') },
  { re: /\b(?:abduct(?:ed|ion|s)|kidnap(?:ped|ping|s)?|taken\s+hostage|forcibly\s+disappeared|enforced\s+disappearance)\b/i, type: inc('Violence against civilians', 'Abduction/forced disappearance') },
  { re: /\b(?:massacred?|executed|beheaded|shot\s+dead\s+(?:a|two|three|\w+)\s+(?:civilians?|villagers?|residents?|passengers?)|targeted\s+killing|gunmen\s+(?:killed|shot|opened\s+fire)|killing\s+of\s+(?:tourists|civilians|worshippers))\b/i, type: inc('Violence against civilians', 'Attack') },
  { re: /\b(?:clash(?:es|ed)?|exchange[sd]?\s+(?:of\s+)?(?:heavy\s+)?fire|exchanged\s+(?:heavy\s+)?fire|gun\s*fights?|firefights?|gun\s+battles?|fighting|fought|skirmish(?:es)?|ambush(?:ed|es)?|repulsed|attack(?:ed|s)?\s+(?:on\s+)?(?:\w+\s+){0,3}(?:posts?|check\s*posts?|checkpoints?|camps?|bases?|convoys?|positions?|outposts?)|intelligence-based\s+operation|IBO|(?:military|security)\s+operations?|opened\s+fire|cross-border\s+(?:fire|firing|attacks?)|firing|heavy\s+fire|offensive|assault(?:ed)?|stormed|gunfire|battles?\s+for|overran|captured)\b/i, type: inc('Battles', 'Armed clash') },
  { re: /\b(?:riots?|rioters|mob\s+(?:attacked|violence)|torched)\b/i, type: inc('Riots', 'Violent demonstration') },
  { re: /\b(?:protest(?:s|ers|ed|ing)?|demonstrat(?:ion|ions|ors|ed)|rall(?:y|ies)|sit-ins?)\b/i, type: inc('Protests', 'Peaceful protest') },
  { re: /\b(?:arrested|detained|taken\s+into\s+custody|apprehended)\b/i, type: inc('Strategic developments', 'Arrests') },
  { re: /\b(?:explosions?|blasts?|exploded|detonat(?:ed|ion))\b/i, type: inc(EXPLOSIONS, 'Remote explosive/landmine/IED') },
  { re: /\b(?:attack(?:ed|s)?|strikes?|struck|raids?|killed|killing)\b/i, type: inc('Battles', 'Armed clash') },
];

const DEVELOPMENTS: Trigger[] = [
  { re: /\b(?:talks|negotiations|dialogue)\s+(?:have\s+|had\s+)?(?:collapsed|broke\s+down|broken\s+down|failed|ended\s+(?:without|in\s+failure)|stalled|deadlocked)|\b(?:breakdown|collapse|failure)\s+of\s+(?:the\s+)?(?:talks|negotiations|dialogue)|negotiations\s+(?:are|were)\s+over|indefinite\s+phase|failed\s+to\s+(?:bring|produce|reach)|no\s+workable\s+solution|deadlock/i, type: dev('Other', 'breakdown') },
  { re: /\b(?:cease-?fire|truce)s?\b/i, type: dev('Agreement', 'ceasefire') },
  { re: /\bjoint\s+statement|\b(?:agreed|agreement|accord|signed|memorandum\s+of\s+understanding|deal)\b/i, type: dev('Agreement', 'agreement') },
  { re: /\b(?:talks|negotiations|round\s+of|delegations?|mediat(?:ion|ed|ors?)|peace\s+process|principal-level\s+meeting|meeting|met\s+in|summit|dialogue)\b/i, type: dev('Other', 'talks') },
  { re: /\b(?:issued|released|published|read\s+out)\s+(?:a|an|its|the)\s+(?:\w+\s+){0,3}(?:statement|press\s+release|communiqu[eé])|\bstatement\s+(?:issued|released|published)\b/i, type: dev('Other', 'statement') },
];

/** Speech about an event that did not (or not yet) happen, or that someone denies. */
const HEDGE = /\b(?:if|unless|would|could|might|threat(?:en(?:ed|s)?)?|warn(?:ed|s)?|vow(?:ed|s)?|den(?:y|ied|ies)|reject(?:ed|s)?|dismiss(?:ed|es)?|refut(?:ed|es)|baseless|no\s+(?:attack|strike)|not\s+an?\s+(?:attack|strike)|claims?\s+of|allegations?\s+of|rumou?rs?\s+of|in\s+the\s+event|to\s+prevent|prevent(?:ing)?|against\s+(?:any|future)|will\s+(?:respond|retaliate|attack|strike)|right\s+to\s+respond|do\s+not|did\s+not|never)\b/i;

export interface TypedTrigger extends EventType {
  readonly index: number;
  readonly hedged: boolean;
}

function hedged(sentence: string, index: number): boolean {
  // The clause around the trigger: from the last clause break before it to the next one after it.
  const start = Math.max(sentence.lastIndexOf(',', index), sentence.lastIndexOf(';', index), sentence.lastIndexOf(':', index), 0);
  const endCands = [sentence.indexOf(',', index), sentence.indexOf(';', index)].filter((x) => x >= 0);
  const end = endCands.length ? Math.min(...endCands) : sentence.length;
  return HEDGE.test(sentence.slice(start, end)) || HEDGE.test(sentence.slice(Math.max(0, index - 40), index));
}

/**
 * Every event type a sentence speaks of, most specific first: incidents, then developments.
 * @example classify('Pakistani air strikes killed 10 civilians.')[0] // { eventType: 'Explosions/Remote violence', subEventType: 'Air/drone strike', ... }
 */
export function classify(sentence: string): TypedTrigger[] {
  const out: TypedTrigger[] = [];
  for (const t of [...TRIGGERS, ...DEVELOPMENTS]) {
    const m = t.re.exec(sentence);
    if (!m) continue;
    if (out.some((o) => o.subEventType === t.type.subEventType && o.development === t.type.development)) continue;
    out.push({ ...t.type, trigger: m[0], index: m.index, hedged: hedged(sentence, m.index) });
  }
  return out;
}

/** The incident type a sentence reports, if any: the most specific trigger not hedged. */
export function incidentType(sentence: string): TypedTrigger | null {
  return classify(sentence).find((t) => t.kind === 'incident' && !t.hedged) ?? null;
}
