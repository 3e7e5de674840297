// Scores for the two sets built by scripts/eval-build.ts (kept outside the repository, see docs/ingest.md):
// 1989-90 wire copy against the MUC-4 answer keys, and ACLED coders' one-paragraph notes against their own coding.
// Every article or note is ingested alone, as a user would, with no reference date ("now" is today).
import { readFileSync } from 'node:fs';
import { ingest } from '../src/ingest/index.js';
import type { CandidateEvent, Score } from '../src/ingest/index.js';
import { gazetteer } from '../src/ingest/gazetteer.js';
import { addDays, dayDiff, fold } from '../src/ingest/text.js';

const sc = (tp: number, sys: number, gold: number): Score => ({ tp, sys, gold, precision: sys ? tp / sys : 1, recall: gold ? tp / gold : 1 });
type Tally = Record<string, [number, number, number, number]>; // recall tp, precision tp, sys, gold
const add = (t: Tally, f: string, [rtp, ptp, sys, gold]: readonly [number, number, number, number]): void => {
  const x = (t[f] ??= [0, 0, 0, 0]);
  x[0] += rtp; x[1] += ptp; x[2] += sys; x[3] += gold;
};
/** Precision counts system values that match some gold one, recall gold values matched by some system one. */
function scores(t: Tally): Record<string, Score> {
  return Object.fromEntries(Object.entries(t).map(([f, [rtp, ptp, sys, gold]]) => {
    const s = sc(rtp, sys, gold);
    return [f, { ...s, precision: sys ? ptp / sys : 1 }];
  }));
}
const jsonl = <T>(file: string): T[] => readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as T);
const km = (a: { lat: number; lon: number }, b: { lat: number; lon: number }): number => {
  const r = Math.PI / 180;
  const x = (b.lon - a.lon) * r * Math.cos(((a.lat + b.lat) / 2) * r);
  return 6371 * Math.hypot(x, (b.lat - a.lat) * r);
};
const byPosition = (es: readonly CandidateEvent[]): CandidateEvent[] => [...es].sort((a, b) => (a.sources[0]?.index ?? 0) - (b.sources[0]?.index ?? 0));
const span = (w: CandidateEvent['when']): number => (w ? dayDiff(w.start, w.end) : 1e9);
const debug = (half: string): boolean => half === 'dev' && process.env.EVAL_DEBUG === '1';

// ---- MUC-4 wire copy -------------------------------------------------------------------------------------------

interface MucIncident { optional: boolean; dates: { start: string | null; end: string }[]; country: string | null; places: string[]; types: string[]; killed: number | null; civilianTargets: boolean }
interface MucDoc { id: string; text: string; incidents: MucIncident[] }

/** MUC incident types as ACLED event types (an attack on people is a battle or violence against civilians). */
const MUC_TYPES: Record<string, string[]> = {
  ATTACK: ['Violence against civilians', 'Battles', 'Explosions/Remote violence'],
  BOMBING: ['Explosions/Remote violence'],
  KIDNAPPING: ['Violence against civilians'],
  ARSON: ['Strategic developments', 'Riots', 'Violence against civilians'],
  ROBBERY: ['Strategic developments', 'Violence against civilians'],
  'FORCED WORK STOPPAGE': ['Strategic developments', 'Protests'],
};

function mucDateOk(w: CandidateEvent['when'], g: MucIncident): boolean {
  if (!w || span(w) > 7) return false;
  return g.dates.some((d) => (d.start === null ? w.start <= d.end && w.start >= addDays(d.end, -31) : w.start <= d.end && d.start <= w.end));
}

export function evalWire(file: string, half: string): Record<string, Score> {
  const gaz = gazetteer();
  const t: Tally = {};
  const iso = (name: string | null): string | null => (name ? gaz.countryWords.get(fold(name)) ?? null : null);
  for (const doc of jsonl<MucDoc>(file)) {
    const r = ingest([{ id: doc.id, text: doc.text }]);
    const S = r.events;
    const G = doc.incidents;
    const need = G.filter((g) => !g.optional);
    add(t, 'incidents found', [Math.min(S.length, need.length), Math.min(S.length, G.length), S.length, need.length]);
    const field = (name: string, has: (g: MucIncident) => boolean, sysHas: (s: CandidateEvent) => boolean, ok: (s: CandidateEvent, g: MucIncident) => boolean): void => {
      const gs = need.filter(has);
      const ss = S.filter(sysHas);
      const rtp = gs.filter((g) => ss.some((s) => ok(s, g))).length;
      const ptp = ss.filter((s) => G.filter(has).some((g) => ok(s, g))).length;
      add(t, name, [rtp, ptp, ss.length, gs.length]);
      if (debug(half) && rtp < gs.length) console.error(`MUC ${doc.id} ${name}: gold ${JSON.stringify(gs.map((g) => name === 'date' ? g.dates : name === 'killed' ? g.killed : name === 'type' ? g.types : [g.country, ...g.places]))} system ${JSON.stringify(ss.map((s) => name === 'date' ? s.when : name === 'killed' ? s.fatalities : name === 'type' ? s.event_type : s.where.map((p) => `${p.name}/${p.country}`)))}`);
    };
    field('date', (g) => g.dates.length > 0, (s) => s.when !== null, (s, g) => mucDateOk(s.when, g));
    field('place: country', (g) => iso(g.country) !== null, (s) => s.where.length > 0, (s, g) => s.where.some((p) => p.country === iso(g.country)));
    field('place: town or city', (g) => g.places.length > 0, (s) => s.where.some((p) => p.precision < 3), (s, g) => {
      const names = new Set(g.places.map(fold));
      const at = g.places.flatMap((n) => gaz.lookup(fold(n))).filter((p) => p.country === iso(g.country));
      return s.where.some((p) => names.has(fold(p.name)) || names.has(fold(p.admin2 ?? '')) || at.some((q) => km(p, q) <= 15));
    });
    field('type', () => true, () => true, (s, g) => g.types.some((x) => MUC_TYPES[x]?.includes(s.event_type) && (!(x === 'ATTACK' && g.civilianTargets) || s.event_type !== 'Battles')));
    field('killed', (g) => (g.killed ?? 0) > 0, (s) => (s.fatalities?.max ?? 0) > 0, (s, g) => !!s.fatalities && s.fatalities.min <= g.killed! && (s.fatalities.open || g.killed! <= s.fatalities.max));
    if (debug(half) && S.length !== need.length) console.error(`MUC ${doc.id} events: gold ${need.length} (${G.length}) system ${S.length}: ${S.map((s) => `${s.sub_event_type}@${s.sources[0]?.sentence.slice(0, 80)}`).join(' | ')}`);
  }
  return scores(t);
}

// ---- ACLED coders' notes ---------------------------------------------------------------------------------------

interface AcledRow { id: string; text: string; date: string; time_precision: number; event_type: string; sub_event_type: string; country: string; admin1: string; admin2: string; admin3: string; location: string; lat: number; lon: number; geo_precision: number; fatalities: number }

export function evalNotes(file: string, half: string): Record<string, Score> {
  const gaz = gazetteer();
  const t: Tally = {};
  const confusion = new Map<string, number>();
  for (const row of jsonl<AcledRow>(file)) {
    const r = ingest([{ id: row.id, text: row.text }]);
    const s = byPosition(r.events)[0];
    const got = !!s;
    const one = (f: string, sysHas: boolean, goldHas: boolean, ok: boolean): void => add(t, f, [goldHas && sysHas && ok ? 1 : 0, goldHas && sysHas && ok ? 1 : 0, sysHas ? 1 : 0, goldHas ? 1 : 0]);
    one('event found', got, true, got);
    one('event type', got, true, s?.event_type === row.event_type);
    one('sub-event type', got, true, s?.sub_event_type === row.sub_event_type);
    const dateOk = !!s?.when && s.when.start <= row.date && row.date <= s.when.end && span(s.when) <= 7;
    one('date', !!s?.when, true, dateOk);
    const iso = gaz.countryWords.get(fold(row.country));
    one('place: country', (s?.where.length ?? 0) > 0, true, !!s?.where.some((p) => p.country === iso));
    const names = new Set([row.location, row.admin3, row.admin2].filter(Boolean).map(fold));
    // a place named as coded counts whatever its precision; otherwise it must be a town or district near the point
    const placeOk = !!s?.where.some((p) => names.has(fold(p.name)) || (p.precision < 3 && km(p, row) <= 25));
    one('place: town or district', !!s?.where.some((p) => !gaz.countryWords.has(fold(p.name))), row.geo_precision < 3, placeOk);
    const f = s?.fatalities ?? null;
    one('fatalities', (f?.max ?? 0) > 0, row.fatalities > 0, !!f && f.min <= row.fatalities && (f.open || row.fatalities <= f.max));
    if (debug(half)) {
      if (s?.sub_event_type !== row.sub_event_type) confusion.set(`${row.sub_event_type} -> ${s?.sub_event_type ?? 'none'}`, (confusion.get(`${row.sub_event_type} -> ${s?.sub_event_type ?? 'none'}`) ?? 0) + 1);
      const bad = [!got && 'event', got && s.sub_event_type !== row.sub_event_type && `type ${s.sub_event_type}≠${row.sub_event_type}`, got && !dateOk && `date ${JSON.stringify(s.when)}≠${row.date}`,
        got && !placeOk && row.geo_precision < 3 && `place ${s.where.map((p) => `${p.name}/${p.country}/${p.precision}`).join(',')}≠${row.location}`,
        got && (f?.max ?? 0) !== row.fatalities && `fat ${JSON.stringify(f)}≠${row.fatalities}`].filter(Boolean);
      if (bad.length && process.env.EVAL_ROWS === '1') console.error(`ACLED ${row.id}: ${bad.join('; ')} :: ${row.text.slice(0, 300)}`);
    }
  }
  if (debug(half)) console.error([...confusion].sort((a, b) => b[1] - a[1]).slice(0, 30).map(([k, v]) => `${v} ${k}`).join('\n'));
  return scores(t);
}

/** One figure per set: the mean over its fields of F1. */
export function meanF1(s: Record<string, Score>): number {
  const f = Object.values(s).map((x) => (x.precision + x.recall ? (2 * x.precision * x.recall) / (x.precision + x.recall) : 0));
  return f.reduce((a, b) => a + b, 0) / f.length;
}
