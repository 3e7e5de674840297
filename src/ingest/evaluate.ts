// Scores an ingest result against a hand annotation (test/fixtures/news/gold.json's shape): events matched to gold
// mentions article by article, then precision and recall per field. Names are compared through the gazetteer and
// the alias table, never as raw strings, so "Argun" and "Urgun", "FaK" and "TTP" count as the same.
import type { ActorTable } from './actors.js';
import { findActors, resolveActorName } from './actors.js';
import type { Gazetteer } from './gazetteer.js';
import type { IngestResult } from './result.js';
import { fold } from './text.js';
import type { Range } from './types.js';

export interface GoldMention {
  article: string; when: { start: string; end: string } | null; where: string[]; country: string | null;
  fatalities: Range | null; injured: Range | null; actors: string[]; speakers: string[];
}
export interface Gold {
  articles: { file: string; source: string; published: string | null; title: string }[];
  events: { cluster: string; kind: string; event_type: string; mentions: GoldMention[] }[];
  discrepancies: { cluster: string; field: string; articles: string[] }[];
}
export interface Score { readonly tp: number; readonly sys: number; readonly gold: number; readonly precision: number; readonly recall: number }
export type Scores = Record<string, Score>;

interface SysMention { event: string; kind: string; eventType: string; article: string; when: { start: string; end: string } | null; where: string[]; fatalities: Range | null; injured: Range | null; actors: string[]; speakers: string[] }
interface GoldM extends GoldMention { cluster: string; kind: string; eventType: string }

const score = (tp: number, sys: number, gold: number): Score => ({ tp, sys, gold, precision: sys ? tp / sys : 1, recall: gold ? tp / gold : 1 });

function placeKey(name: string, gaz: Gazetteer): string {
  const p = gaz.lookup(fold(name))[0];
  return p ? fold(p.name) : fold(name);
}
function actorKey(name: string, table: ActorTable): string {
  const a = resolveActorName(name, table) ?? findActors(name, table)[0]?.actor;
  return a ? a.id : fold(name);
}
const sameRange = (a: Range | null, b: Range | null): boolean => !!a && !!b && a.min === b.min && a.max === b.max;
const overlapDays = (a: SysMention['when'], b: GoldMention['when']): boolean => !!a && !!b && a.start <= b.end && b.start <= a.end;

function pairScore(s: SysMention, g: GoldM, gaz: Gazetteer): number {
  if (s.kind !== g.kind) return -1;
  let x = 0;
  if (s.eventType === g.eventType) x += 1;
  if (overlapDays(s.when, g.when)) x += 1.5;
  const gp = new Set(g.where.map((n) => placeKey(n, gaz)));
  if (s.where.some((n) => gp.has(placeKey(n, gaz)))) x += 1;
  return x >= 1.5 ? x : -1;
}

function setCount(sys: string[], gold: string[]): [number, number, number] {
  const gs = new Set(gold);
  const ss = new Set(sys);
  return [[...ss].filter((x) => gs.has(x)).length, ss.size, gs.size];
}

/**
 * Precision and recall per field of `result` against `gold`.
 * @example evaluate(ingest(inputs), gold, gazetteer(), actorTable()).date.recall
 */
export function evaluate(result: IngestResult, gold: Gold, gaz: Gazetteer, table: ActorTable): { scores: Scores; matched: [string, string][] } {
  const sys: SysMention[] = result.events.flatMap((e) => e.mentions.map((m) => ({
    event: e.id, kind: e.kind, eventType: e.event_type, article: m.article, when: m.when ? { start: m.when.start, end: m.when.end } : null,
    where: m.where, fatalities: m.fatalities, injured: m.injured, actors: m.actors,
    speakers: e.claims.filter((c) => c.article === m.article && (c.sentence === undefined || m.sentences.includes(c.sentence))).map((c) => c.speaker),
  })));
  const goldMs: GoldM[] = gold.events.flatMap((e) => e.mentions.map((m) => ({ ...m, cluster: e.cluster, kind: e.kind, eventType: e.event_type })));
  // match within each article, best pairs first
  const pairs: { s: SysMention; g: GoldM; x: number }[] = [];
  for (const s of sys) for (const g of goldMs) if (s.article === g.article) {
    const x = pairScore(s, g, gaz);
    if (x > 0) pairs.push({ s, g, x });
  }
  pairs.sort((a, b) => b.x - a.x);
  const usedS = new Set<SysMention>();
  const usedG = new Set<GoldM>();
  const match: { s: SysMention; g: GoldM }[] = [];
  for (const p of pairs) if (!usedS.has(p.s) && !usedG.has(p.g)) { usedS.add(p.s); usedG.add(p.g); match.push(p); }
  const c = { date: [0, 0, 0], place: [0, 0, 0], casualties: [0, 0, 0], actors: [0, 0, 0], speakers: [0, 0, 0] };
  c.date = [match.filter(({ s, g }) => s.when && g.when && s.when.start === g.when.start && s.when.end === g.when.end).length, sys.filter((s) => s.when).length, goldMs.filter((g) => g.when).length];
  const cas = (s: SysMention | null, g: GoldM | null): [number, number, number] => {
    let tp = 0;
    for (const f of ['fatalities', 'injured'] as const) if (s && g && sameRange(s[f], g[f])) tp++;
    return [tp, s ? Number(!!s.fatalities) + Number(!!s.injured) : 0, g ? Number(!!g.fatalities) + Number(!!g.injured) : 0];
  };
  const add = (k: keyof typeof c, v: [number, number, number]): void => void (c[k] = [c[k][0]! + v[0], c[k][1]! + v[1], c[k][2]! + v[2]]);
  const matchedS = new Map(match.map((m) => [m.s, m.g]));
  const matchedG = new Set(match.map((m) => m.g));
  for (const s of sys) {
    const g = matchedS.get(s) ?? null;
    add('casualties', cas(s, g));
    add('place', g ? setCount(s.where.map((n) => placeKey(n, gaz)), g.where.map((n) => placeKey(n, gaz))) : [0, new Set(s.where).size, 0]);
    add('actors', g ? setCount(s.actors.map((n) => actorKey(n, table)), g.actors.map((n) => actorKey(n, table))) : [0, new Set(s.actors).size, 0]);
    add('speakers', g ? setCount(s.speakers.map((n) => actorKey(n, table)), g.speakers.map((n) => actorKey(n, table))) : [0, new Set(s.speakers).size, 0]);
  }
  for (const g of goldMs) if (!matchedG.has(g)) {
    add('casualties', cas(null, g));
    add('place', [0, 0, new Set(g.where).size]);
    add('actors', [0, 0, new Set(g.actors).size]);
    add('speakers', [0, 0, new Set(g.speakers).size]);
  }
  // clustering: pairs of mentions placed together
  let tpPairs = 0, sysPairs = 0, goldPairs = 0;
  for (let i = 0; i < match.length; i++) for (let j = i + 1; j < match.length; j++) {
    const a = match[i]!, b = match[j]!;
    const ss = a.s.event === b.s.event;
    if (ss) sysPairs++;
    if (ss && a.g.cluster === b.g.cluster) tpPairs++;
  }
  for (let i = 0; i < goldMs.length; i++) for (let j = i + 1; j < goldMs.length; j++) if (goldMs[i]!.cluster === goldMs[j]!.cluster) goldPairs++;
  // discrepancies: (cluster, field, article) triples, system events named by the gold cluster most of their mentions match
  const clusterOf = new Map<string, string>();
  const votes = new Map<string, Map<string, number>>();
  for (const { s, g } of match) {
    const v = votes.get(s.event) ?? new Map<string, number>();
    v.set(g.cluster, (v.get(g.cluster) ?? 0) + 1);
    votes.set(s.event, v);
  }
  for (const [ev, v] of votes) clusterOf.set(ev, [...v.entries()].sort((a, b) => b[1] - a[1])[0]![0]);
  const fieldName: Record<string, string> = { date: 'when', place: 'where' };
  const sysD = new Set(result.discrepancies.flatMap((d) => d.values.map((v) => `${clusterOf.get(d.event) ?? d.event}|${fieldName[d.field] ?? d.field}|${v.article}`)));
  const goldD = new Set(gold.discrepancies.flatMap((d) => d.articles.map((a) => `${d.cluster}|${d.field}|${a}`)));
  const tpD = [...sysD].filter((x) => goldD.has(x)).length;
  const scores: Scores = {
    events: score(match.length, sys.length, goldMs.length),
    date: score(c.date[0]!, c.date[1]!, c.date[2]!),
    place: score(c.place[0]!, c.place[1]!, c.place[2]!),
    casualties: score(c.casualties[0]!, c.casualties[1]!, c.casualties[2]!),
    actors: score(c.actors[0]!, c.actors[1]!, c.actors[2]!),
    speakers: score(c.speakers[0]!, c.speakers[1]!, c.speakers[2]!),
    clustering: score(tpPairs, sysPairs, goldPairs),
    discrepancies: score(tpD, sysD.size, goldD.size),
  };
  return { scores, matched: match.map(({ s, g }) => [s.event, g.cluster]) };
}

/** The scores as a Markdown table. */
export function scoreTable(scores: Scores): string {
  const rows = Object.entries(scores).map(([k, s]) => `| ${k} | ${s.precision.toFixed(2)} | ${s.recall.toFixed(2)} | ${s.tp} | ${s.sys} | ${s.gold} |`);
  return ['| field | precision | recall | correct | system | gold |', '|---|---|---|---|---|---|', ...rows].join('\n');
}
