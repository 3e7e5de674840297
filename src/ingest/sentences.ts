// Text -> sentences, keeping paragraph numbers. Wire copy is full of abbreviations ("Lt. Gen.", "U.N.", "Nov. 7")
// and quotes that close after the full stop, so a full stop ends a sentence only when what follows starts one.
// Urdu's full stop (۔) and the Arabic question mark (؟) end sentences too; Arabic script has no capitals, so any
// letter of it may start the next one.
import type { Sentence } from './types.js';

const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'gen', 'lt', 'col', 'maj', 'brig', 'capt', 'cpt', 'sgt', 'cpl', 'pvt', 'adm', 'cmdr', 'gov', 'sen', 'rep', 'prof', 'rev',
  'st', 'jr', 'sr', 'no', 'nos', 'vs', 'etc', 'approx', 'inc', 'ltd', 'co', 'corp', 'dept', 'est', 'fig', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul',
  'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'mon', 'tue', 'tues', 'wed', 'thu', 'thur', 'thurs', 'fri', 'sat', 'sun', 'govt', 'mt', 'ft',
  'hon', 'amb', 'pres', 'supt', 'insp', 'const', 'hq', 'al', 'e.g', 'i.e', 'u.s', 'u.n', 'u.k', 'd.i', 'a.m', 'p.m', 'www',
]);

const CLOSERS = `"'”’)]`;

function endsSentence(text: string, dot: number): boolean {
  if (text[dot] !== '.') return true;
  const before = /([\p{L}.]+)$/u.exec(text.slice(Math.max(0, dot - 12), dot))?.[1] ?? '';
  const word = before.toLowerCase();
  if (ABBREVIATIONS.has(word)) return false;
  if (/^\p{Lu}$/u.test(before)) return false; // an initial: "A. Khan"
  if (/^(\p{L}\.)+\p{L}$/u.test(before)) return false; // "U.S", "D.I"
  return true;
}

/** Splits one paragraph into sentences. */
export function splitParagraph(p: string): string[] {
  const out: string[] = [];
  let start = 0;
  const re = /[.!?۔؟]+/g;
  for (let m = re.exec(p); m; m = re.exec(p)) {
    let end = m.index + m[0].length;
    while (end < p.length && CLOSERS.includes(p[end]!)) end++;
    const rest = p.slice(end);
    if (!/^\s+["'“‘(«[]?[\p{Lu}\d\p{Script=Arabic}]/u.test(rest)) continue;
    if (!endsSentence(p, m.index + m[0].length - 1)) continue;
    const s = p.slice(start, end).trim();
    if (s) out.push(s);
    start = end;
  }
  const tail = p.slice(start).trim();
  if (tail) out.push(tail);
  return out;
}

/** A line that stands alone: a heading, a byline, a photo credit — not part of the next line's sentence. */
function standsAlone(line: string): boolean {
  return line.length < 120 && !/[.,;:!?"”’۔؟،]$/.test(line);
}

/**
 * The sentences of an article, numbered from 0 in reading order.
 * @example splitSentences('Lt. Gen. Ahmed spoke. He said "no."\n\nNext para.').length // 3
 */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  const paragraphs = text.split(/\n\s*\n/);
  let pIndex = 0;
  for (const para of paragraphs) {
    // Within a paragraph, short unpunctuated lines are their own units; wrapped lines join back together.
    const units: string[] = [];
    let cur = '';
    const lines = para.split('\n').map((l) => l.trim()).filter(Boolean);
    // Hard-wrapped text (most lines long and unpunctuated) is one flow, not a list of headings.
    const open = lines.filter((l) => !/[.!?"”’۔؟]$/.test(l));
    const wrapped = lines.length > 1 && open.length * 2 >= lines.length && open.reduce((n, l) => n + l.length, 0) / open.length > 50;
    for (const [i, line] of lines.entries()) {
      // (Arabic script has no capitals: a short unpunctuated line in it is a heading too)
      // (a line the next one carries on in lower case is no heading: "who won election" / "by a landslide, was …")
      const carriedOn = /^\p{Ll}/u.test(lines[i + 1] ?? '');
      if (!wrapped && !carriedOn && standsAlone(line) && !cur && /^[\p{Lu}\p{Script=Arabic}]/u.test(line)) {
        units.push(line);
        continue;
      }
      cur = cur ? `${cur} ${line}` : line;
      if (/[.!?"”’۔؟]$/.test(line) && !carriedOn) { units.push(cur); cur = ''; }
    }
    if (cur) units.push(cur);
    if (units.length === 0) continue;
    for (const unit of units) for (const s of splitParagraph(unit)) out.push({ index: out.length, text: s, paragraph: pIndex });
    pIndex++;
  }
  return out;
}
