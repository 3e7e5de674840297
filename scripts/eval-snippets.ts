// Sub-event typing on real news snippets labelled by CASE 2021 task 2's coders (ACLED's 25 sub-types plus kinds
// that are not conflict events). Each snippet is ingested alone; its type is the first event the pipeline reports.
import { readFileSync } from 'node:fs';
import { ingest } from '../src/ingest/index.js';
import type { Score } from '../src/ingest/index.js';

/** CASE 2021 label -> ACLED sub_event_type; NOT_CONFLICT: the pipeline must report no event. */
const NOT_CONFLICT = 'not a conflict event';
export const LABELS: Record<string, string> = {
  ABDUCT_DISSAP: 'Abduction/forced disappearance', AGREEMENT: 'Agreement', AIR_STRIKE: 'Air/drone strike',
  ARMED_CLASH: 'Armed clash', ARREST: 'Arrests', ART_MISS_ATTACK: 'Shelling/artillery/missile attack', ATTACK: 'Attack',
  CHANGE_TO_GROUP_ACT: 'Change to group/activity', CHEM_WEAP: 'Chemical weapon', DISR_WEAP: 'Disrupted weapons use',
  FORCE_AGAINST_PROTEST: 'Excessive force against protesters', GOV_REGAINS_TERIT: 'Government regains territory',
  GRENADE: 'Grenade', HQ_ESTABLISHED: 'Headquarters or base established', MOB_VIOL: 'Mob violence',
  NON_STATE_ACTOR_OVERTAKES_TER: 'Non-state actor overtakes territory', NON_VIOL_TERRIT_TRANSFER: 'Non-violent transfer of territory',
  OTHER: 'Other', PEACE_PROTEST: 'Peaceful protest', PROPERTY_DISTRUCT: 'Looting/property destruction',
  PROTEST_WITH_INTER: 'Protest with intervention', REM_EXPLOS: 'Remote explosive/landmine/IED', SEX_VIOL: 'Sexual violence',
  SUIC_BOMB: 'Suicide bomb', VIOL_DEMONSTR: 'Violent demonstration',
  NATURAL_DISASTER: NOT_CONFLICT, MAN_MADE_DISASTER: NOT_CONFLICT, ORG_CRIME: NOT_CONFLICT,
};

export interface SnippetScores { subType: Score; events: Score; notConflict: Score; perLabel: Map<string, [number, number]>; confusion: Map<string, number> }

const sc = (tp: number, sys: number, gold: number): Score => ({ tp, sys, gold, precision: sys ? tp / sys : 1, recall: gold ? tp / gold : 1 });

/** Scores one TSV file (id, snippet, label). DIPLO and ATTRIB are outside ACLED's taxonomy and are not scored. */
export function evalSnippets(file: string): SnippetScores {
  const rows = readFileSync(file, 'utf8').split('\n').slice(1).filter(Boolean).map((l) => l.split('\t') as [string, string, string]);
  let tp = 0; let sys = 0; let gold = 0; let evTp = 0; let evSys = 0; let evGold = 0; let ncTp = 0; let ncSys = 0; let ncGold = 0;
  const perLabel = new Map<string, [number, number]>();
  const confusion = new Map<string, number>();
  for (const [id, text, label] of rows) {
    const want = LABELS[label];
    if (!want) continue;
    const r = ingest([{ id: `snippet-${id}`, text, published: '2020-01-01' }], { now: '2020-01-01' });
    const first = [...r.events].sort((a, b) => (a.sources[0]?.index ?? 0) - (b.sources[0]?.index ?? 0))[0];
    const got = first ? first.sub_event_type : NOT_CONFLICT;
    const ok = got === want;
    const pl = perLabel.get(label) ?? [0, 0];
    perLabel.set(label, [pl[0] + (ok ? 1 : 0), pl[1] + 1]);
    if (!ok) confusion.set(`${label} -> ${got}`, (confusion.get(`${label} -> ${got}`) ?? 0) + 1);
    if (want !== NOT_CONFLICT) { gold += 1; evGold += 1; } else ncGold += 1;
    if (got !== NOT_CONFLICT) { sys += 1; evSys += 1; if (want !== NOT_CONFLICT) evTp += 1; } else { ncSys += 1; if (want === NOT_CONFLICT) ncTp += 1; }
    if (ok && want !== NOT_CONFLICT) tp += 1;
  }
  return { subType: sc(tp, sys, gold), events: sc(evTp, evSys, evGold), notConflict: sc(ncTp, ncSys, ncGold), perLabel, confusion };
}
