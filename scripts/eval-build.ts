// Builds the two evaluation sets that are not kept in this repository (docs/ingest.md, "Real reporting"): the
// MUC-4 TST4 wire copy with its answer keys, and ACLED coders' notes. Their terms keep them out of the repository
// (ACLED's forbid redistribution), so the sets are written to a directory of their own, which
// `npm run eval:ingest` reads from $TRUCE_EVAL_DATA (default ../shared/eval).
//   node --import tsx scripts/eval-build.ts muc <tst4-muc4.mixed-case> <key-tst4.v2> <out-dir>
//   node --import tsx scripts/eval-build.ts muc <tst1-muc3> <key-tst1.v7> <tst2-muc4> <key-tst2.v4> … <out-dir>
// (several text and key pairs make one set: the capitals-only TST1-TST3, whose ids differ by their prefix)
//   node --import tsx scripts/eval-build.ts acled <acled.csv>… <out-dir> [--region <regular expression>]
// (several ACLED exports make one set; --region keeps the rows whose ACLED region matches, e.g. 'Africa')
// Each set is split by a fixed rule: odd message or event numbers are the development half, even ones held out.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const MONTHS: Record<string, string> = { JAN: '01', FEB: '02', MAR: '03', APR: '04', MAY: '05', JUN: '06', JUL: '07', AUG: '08', SEP: '09', OCT: '10', NOV: '11', DEC: '12' };

/** "09 JAN 90" -> "1990-01-09". */
function mucDay(s: string): string | null {
  const m = /(\d{1,2}) ([A-Z]{3}) (\d{2})/.exec(s);
  if (!m || !MONTHS[m[2]!]) return null;
  return `19${m[3]}-${MONTHS[m[2]!]}-${m[1]!.padStart(2, '0')}`;
}

/** A key's date slot: each alternative as an interval; "- X" is "on or before X" (start left open). */
export function mucDates(v: string): { start: string | null; end: string }[] {
  const out: { start: string | null; end: string }[] = [];
  for (const alt of v.replace(/[()?]/g, ' ').split(' / ')) {
    const days = [...alt.matchAll(/\d{1,2} [A-Z]{3} \d{2}/g)].map((m) => mucDay(m[0])).filter((d): d is string => d !== null);
    if (days.length === 0) continue;
    if (days.length >= 2) out.push({ start: days[0]!, end: days.at(-1)! });
    else if (/^\s*-\s*\d/.test(alt)) out.push({ start: null, end: days[0]! });
    else out.push({ start: days[0]!, end: days[0]! });
  }
  return out;
}

interface Slot { n: number; lines: string[] }
function templates(key: string): Map<number, Slot>[] {
  const out: Map<number, Slot>[] = [];
  let cur: Map<number, Slot> | null = null;
  let last: Slot | null = null;
  for (const line of key.split('\n')) {
    const m = /^(\d+)\.\s+[A-Z ]+:[A-Z ]+?\s{2,}(.*)$/.exec(line);
    if (m) {
      const n = Number(m[1]);
      if (n === 0) { cur = new Map(); out.push(cur); }
      last = { n, lines: [m[2]!.trim()] };
      cur?.set(n, last);
    } else if (/^\s{20,}\S/.test(line) && last) last.lines.push(line.trim());
  }
  return out;
}

/** Killed in a template: the targets whose effect is DEATH, summed over their numbers; null when a number is not given. */
function killed(t: Map<number, Slot>): number | null {
  const dead = new Set<string>();
  for (const l of t.get(23)?.lines ?? []) for (const m of l.matchAll(/(?:^|\/ )DEATH: ("[^"]*")/g)) dead.add(m[1]!);
  if (dead.size === 0) return 0;
  let sum = 0;
  for (const name of dead) {
    const line = (t.get(21)?.lines ?? []).find((l) => l.includes(`: ${name}`));
    const n = line ? /^-?\s*(\d+)/.exec(line.replace(/^- /, '')) : null;
    if (!n) return null;
    sum += Number(n[1]);
  }
  return sum;
}

/** Text and key files in pairs ([text, key, text, key…]): one set, each story under its own message id. */
function buildMuc(pairs: string[], outDir: string): void {
  const texts = new Map<string, string>();
  for (let i = 0; i < pairs.length; i += 2) {
    const raw = readFileSync(pairs[i]!, 'latin1');
    // TST1-TST4 head each story with its id alone; DEV adds the source in brackets: "DEV-MUC3-0001 (NOSC)"
    for (const part of raw.split(/^(?=(?:TST\d|DEV)-MUC\d-\d{4}(?: +\([A-Z ]+\))?\s*$)/m)) {
      const head = /^((?:TST\d|DEV)-MUC\d-\d{4})(?: +\([A-Z ]+\))?/.exec(part);
      if (head) texts.set(head[1]!, part.slice(head[0].length).trim());
    }
  }
  const docs = new Map<string, { id: string; text: string; incidents: unknown[] }>();
  for (const [id, text] of texts) docs.set(id, { id, text, incidents: [] });
  for (const t of pairs.filter((_, i) => i % 2 === 1).flatMap((k) => templates(readFileSync(k, 'latin1')))) {
    const id = t.get(0)!.lines[0]!.replace(/ +\([A-Z ,]+\)$/, '');
    const tmpl = t.get(1)!.lines[0]!;
    if (tmpl === '*') continue;
    const loc = t.get(3)!.lines.join(' ');
    const alts = loc.replace(/[()]/g, (c) => (c === '(' ? '(' : ')')).split(/ \/ (?![^(]*\))/);
    const country = (/^\(?([A-Z ]+?)(?::|\)|$)/.exec(loc)?.[1] ?? '').trim();
    const names = new Set<string>();
    // the older keys may give a place several kinds: "SAN SALVADOR (CITY / DEPARTMENT)"
    for (const a of alts) for (const m of a.matchAll(/:\s*([A-Z][A-Z .'-]+?) \(([A-Z ]+(?: \/ [A-Z ]+)*)\)/g)) names.add(m[1]!.trim());
    const hum = (t.get(20)?.lines ?? []).join(' ');
    docs.get(id)?.incidents.push({
      optional: /OPTIONAL/.test(tmpl),
      dates: mucDates(t.get(2)!.lines.join(' ')),
      country: country === '-' ? null : country,
      places: [...names],
      types: t.get(4)!.lines.join(' ').split(' / ').map((s) => s.trim()),
      killed: killed(t),
      civilianTargets: hum !== '' && hum !== '-' && !/MILITARY|LAW ENFORCEMENT|SECURITY GUARD/.test(hum),
    });
  }
  write(outDir, [...docs.values()], (d) => Number(d.id.slice(-4)));
}

/** A CSV with quoted fields (RFC 4180). */
function csv(text: string): Record<string, string>[] {
  const rows: string[][] = [];
  let row: string[] = []; let f = ''; let q = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (q) {
      if (c === '"' && text[i + 1] === '"') { f += '"'; i++; } else if (c === '"') q = false; else f += c;
    } else if (c === '"') q = true;
    else if (c === ',') { row.push(f); f = ''; } else if (c === '\n') { row.push(f); rows.push(row); row = []; f = ''; } else if (c !== '\r') f += c;
  }
  if (f || row.length) { row.push(f); rows.push(row); }
  const [head, ...body] = rows;
  return body.map((r) => Object.fromEntries(head!.map((h, i) => [h, r[i] ?? ''])));
}

const ACLED_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
/** ACLED's date forms over the years: "27 December 2022", "9-May-20" (a spreadsheet's), "2025-04-01". */
function acledDay(s: string): string {
  const month = (name: string): string => String(ACLED_MONTHS.findIndex((x) => x.startsWith(name)) + 1).padStart(2, '0');
  const m = /^(\d{1,2})[ -]([A-Za-z]+)[ -](\d{4}|\d{2})$/.exec(s.trim());
  if (!m) return s.trim();
  const year = m[3]!.length === 2 ? `20${m[3]}` : m[3]!;
  return `${year}-${month(m[2]!.slice(0, 3))}-${m[1]!.padStart(2, '0')}`;
}

function buildAcled(files: string[], outDir: string, region: RegExp | null): void {
  const na = (s: string | undefined): string => (s && s !== 'NA' ? s : '');
  const all = files.flatMap((f) => csv(readFileSync(f, 'utf8'))).filter((r) => !region || region.test(r.region ?? ''));
  const rows = all.map((r) => ({
    id: r.event_id_cnty!, text: r.notes!, date: acledDay(r.event_date!), time_precision: Number(r.time_precision),
    event_type: r.event_type!, sub_event_type: r.sub_event_type!, country: r.country!, admin1: na(r.admin1), admin2: na(r.admin2),
    admin3: na(r.admin3), location: r.location!, lat: Number(r.latitude), lon: Number(r.longitude), geo_precision: Number(r.geo_precision),
    fatalities: Number(r.fatalities) || 0,
  })).filter((r) => r.text);
  write(outDir, rows, (r) => Number(/\d+$/.exec(r.id)?.[0] ?? 0));
}

function write<T>(outDir: string, items: T[], num: (t: T) => number): void {
  mkdirSync(outDir, { recursive: true });
  for (const [half, parity] of [['dev', 1], ['heldout', 0]] as const) {
    const part = items.filter((t) => num(t) % 2 === parity);
    writeFileSync(join(outDir, `${half}.jsonl`), part.map((t) => JSON.stringify(t)).join('\n') + '\n');
    console.log(`${join(outDir, half)}.jsonl: ${part.length}`);
  }
}

const [kind, ...rest] = process.argv.slice(2);
const at = rest.indexOf('--region');
const region = at >= 0 && rest[at + 1] ? new RegExp(rest[at + 1]!) : null;
const args = at >= 0 ? rest.filter((_, i) => i !== at && i !== at + 1) : rest;
if (kind === 'muc' && args.length >= 3 && args.length % 2 === 1) buildMuc(args.slice(0, -1), args.at(-1)!);
else if (kind === 'acled' && args.length >= 2) buildAcled(args.slice(0, -1), args.at(-1)!, region);
else {
  console.error('usage: eval-build.ts muc <tst4-muc4.mixed-case> <key-tst4.v2> [<text> <key>…] <out-dir> | acled <acled.csv>… <out-dir> [--region <regular expression>]');
  process.exit(2);
}
