// The top of a plain-text article: a headline, a header block (outlet, byline, date) and the wire dateline that
// opens the first paragraph ("ISLAMABAD, Nov 7 (Reuters) -", "KABUL —", "CHAMAN:", "PESHAWAR, Pakistan (AP) —").
import { MONTH, YEAR } from './date-words.js';
import { findDates } from './dates.js';

export interface Dateline {
  readonly place: string;
  /** The country or region written beside the place: "PANAMA CITY (PANAMA)", "Peshawar, Pakistan". */
  readonly region?: string;
  readonly agency?: string;
  /** The date as written ("Nov 7"); resolved later against a year. */
  readonly date?: string;
}

export interface TextHeader {
  readonly title: string;
  readonly source: string;
  /** A full date (with a year) from the header block, YYYY-MM-DD. */
  readonly published: string | null;
  readonly dateline: Dateline | null;
  readonly body: string;
}

// Place in capitals ("ISLAMABAD", "SAN SALVADOR"), or in title case when a date follows ("San Salvador, 23 Aug 88");
// an optional region ("Pakistan"); a date, with a two- or four-digit year or none ("23 Aug 88", "Nov 7", "Jun.19");
// the agency in brackets or parentheses; a dash, a double hyphen or a colon.
const CAPS_PLACE = `(?:[A-Z][A-Z'’.\\-]+)(?:[ /][A-Z][A-Z'’.\\-]+){0,3}`;
const TITLE_PLACE = `(?:[A-Z][\\p{Ll}'’.\\-]+)(?:[ /-](?:[A-Z][\\p{Ll}'’.\\-]+|de|del|la|el|al|es)){0,3}`;
const YY = `(?:${YEAR}|'?\\d{2})`;
const MON = `(?:${MONTH}|${MONTH.toUpperCase()})`;
const WHEN = `(?:${MON}\\s*\\d{1,2}(?:,?\\s+${YY})?|\\d{1,2}\\s+${MON}(?:\\s+${YY})?)`;
// (a teleprinter's typo may close one kind of bracket with the other: "27 APR 90 [INRAVISION TELEVISION CADENA 1) --")
const AGENCY = `(?:\\(([^)\\]]{2,40})[)\\]]|\\[([^\\])]{2,40})[\\])])`;
const END = `\\s*(?:-{1,2}|–|—|:)\\s+`;
// (teleprinter copy brackets the country in capitals too, before a date: "CARACAS (VENEZUELA), 15 JUL 89 (DPA) --")
const CAPS_REGION = `(?:\\s*\\(([A-Z][A-Z.'’\\- ]{1,30})\\)(?=,\\s*${WHEN}))`;
const DATELINE = new RegExp(`^(${CAPS_PLACE})${CAPS_REGION}?(?:,\\s*([A-Z][a-z]+(?:\\s[A-Z][a-z]+)?))?(?:,?\\s*(${WHEN}))?\\s*${AGENCY}?${END}`, 'u');
// (the region may stand in brackets when a date follows: "Managua (Nicaragua), 27 Aug 88 (Radio Sandino) --")
const REGION = `([A-Z][a-z]+(?:\\s[A-Z][a-z]+)?)`;
const TITLED_DATELINE = new RegExp(`^(${TITLE_PLACE})(?:,\\s*${REGION}|\\s*\\(${REGION}\\))?,\\s*(${WHEN})\\s*${AGENCY}?${END}`, 'u');
/** Bracketed tags a translation service puts after the dateline: "[Report]", "[Text]", "[Excerpts]", "[Armed Forces Press Committee]". */
const TAGS = /^(?:\s*\[[^\]]{1,120}\])+\s*/;

/** Urdu, Pashto, Dari and Arabic papers open with the place and a colon ("کوئٹہ:", "جلال آباد:", "الحديدة:"). */
const ARABIC_SCRIPT_DATELINE = /^((?:\p{Script=Arabic}+[\s\u200c]?){1,3}?)\s*:\s+/u;

/** Strips and returns the dateline at the start of a paragraph. */
export function parseDateline(paragraph: string): { dateline: Dateline; rest: string } | null {
  const arabic = ARABIC_SCRIPT_DATELINE.exec(paragraph);
  if (arabic) return { dateline: { place: arabic[1]!.trim() }, rest: paragraph.slice(arabic[0].length) };
  const caps = DATELINE.exec(paragraph);
  const titled = caps ? null : TITLED_DATELINE.exec(paragraph);
  // the same groups from both forms: place, region (bracketed, or after a comma), date, agency in brackets or parentheses
  const m = caps ? [caps[0], caps[1], caps[2] ?? caps[3], caps[4], caps[5], caps[6]] : titled ? [titled[0], titled[1], titled[2] ?? titled[3], titled[4], titled[5], titled[6]] : null;
  if (!m) return null;
  const place = m[1]!.trim();
  // An all-capitals word that is really the start of a sentence ("THE", "A") is not a dateline.
  if (place.length < 3 || /^(THE|A|AN|IN|ON|BY|UPDATE|BREAKING|EXCLUSIVE|WATCH|LIVE|OPINION|ANALYSIS|EDITORIAL)$/.test(place)) return null;
  const agency = (m[4] ?? m[5])?.trim();
  const region = m[2]?.trim();
  const dateline: Dateline = { place: titleCase(place), ...(region ? { region: titleCase(region) } : {}), ...(agency ? { agency } : {}), ...(m[3] ? { date: fullYear(m[3].trim()) } : {}) };
  const rest = paragraph.slice(m[0]!.length);
  const tags = TAGS.exec(rest);
  return { dateline, rest: tags ? rest.slice(tags[0].length) : rest };
}

/** "23 Aug 88" -> "23 Aug 1988": a wire service's two-digit year, read within 1950-2049. */
export function fullYear(date: string): string {
  const yyyy = (yy: string): string => `${Number(yy) >= 50 ? 19 : 20}${yy}`;
  const dm = new RegExp(`^(\\d{1,2}\\s+${MON})\\s+'?(\\d{2})$`).exec(date);
  if (dm) return `${dm[1]} ${yyyy(dm[2]!)}`;
  const md = new RegExp(`^(${MON})\\s*(\\d{1,2}),?\\s+'?(\\d{2})$`).exec(date);
  return md ? `${md[1]} ${md[2]}, ${yyyy(md[3]!)}` : date;
}

function titleCase(s: string): string {
  return s.toLowerCase().replace(/(^|[\s/-])(\p{L})/gu, (_, a: string, b: string) => a + b.toUpperCase());
}

/** A full date with a year somewhere in a line, or null. */
function fullDate(line: string): string | null {
  const d = findDates(line, { ref: '2000-01-01' }).find((x) => /\b(1[34]|19|20)\d{2}\b/.test(x.text) && x.precision === 'day');
  return d ? d.start : null;
}

interface HeaderMeta { source: string; published: string | null; dateline: Dateline | null }

/** One header or footer line: "The Frontier Dispatch | Staff Report | November 10, 2025", "Source: Dawn". */
function readHeaderLine(line: string, meta: HeaderMeta): void {
  const kv = /^(source|publisher|outlet|date|published|updated|by|author|dateline)\s*:\s*(.+)$/i.exec(line);
  if (kv) {
    const key = kv[1]!.toLowerCase();
    if (/^(source|publisher|outlet)$/.test(key)) meta.source ||= kv[2]!.trim();
    if (/^(date|published|updated|dateline)$/.test(key)) meta.published ??= fullDate(kv[2]!);
    return;
  }
  for (const part of line.split(/\s+[|—–]\s+|\s+-\s+/).map((p) => p.trim()).filter(Boolean)) {
    const date = fullDate(part);
    if (date) {
      meta.published ??= date;
      continue;
    }
    if (/^[A-Z][A-Z .'/-]+$/.test(part) && part.length < 40) {
      meta.dateline ??= { place: titleCase(part) };
      continue;
    }
    if (/^(translated|broadcast|original|staff|our correspondent|reportage|commentary|analysis|opinion|weekend|news desk|monitoring desk)\b/i.test(part)) continue;
    if (/^by\s+/i.test(part)) {
      if (!meta.source && /\b(service|agency|wire|press|news|desk|staff)\b/i.test(part)) meta.source = part.replace(/^by\s+/i, '').replace(/\s+staff$/i, '').trim();
      continue;
    }
    meta.source ||= part;
  }
}

/**
 * Splits a plain-text article into headline, header block and body, and reads the dateline.
 * @example parseTextHeader('Talks collapse\nMeridian Press Agency\n\nISTANBUL, Nov 7 (MPA) - Talks ended.')
 */
export function parseTextHeader(text: string): TextHeader {
  const blocks = text.split(/\n\s*\n/);
  const first = (blocks[0] ?? '').split('\n').map((l) => l.trim()).filter(Boolean);
  let title = '';
  const meta: HeaderMeta = { source: '', published: null, dateline: null };
  let bodyBlocks = blocks;
  // A header block is short lines before the first blank line, the first of them the headline.
  // A first paragraph that opens with a wire dateline ("Lima, 22 Sep 88 (AFP) -- …", hard-wrapped) is the story.
  const isHeader = first.length >= 1 && first.length <= 6 && !parseDateline(first.join(' ')) && first.every((l) => l.length <= 220) && blocks.length > 1 && !(first.length === 1 && /[.!?"”]$/.test(first[0]!) && first[0]!.length > 140);
  if (isHeader) {
    title = first[0]!;
    for (const line of first.slice(1)) readHeaderLine(line, meta);
    bodyBlocks = blocks.slice(1);
  }
  // A footer line ("Afghan Wire Agency | Wednesday, 15 October 2025") also counts, then leaves the body.
  const metaLine = (b: string): boolean => b.trim().length < 160 && !b.trim().includes('\n') && /\||—/.test(b) && fullDate(b) !== null && !/[.!?]$/.test(b.trim());
  const at = bodyBlocks.findIndex((b, i) => (i < 3 || i === bodyBlocks.length - 1) && bodyBlocks.length > 1 && metaLine(b));
  if (at >= 0) {
    readHeaderLine(bodyBlocks[at]!.trim(), meta);
    bodyBlocks = bodyBlocks.filter((_, i) => i !== at);
  }
  const dl = parseDateline(bodyBlocks[0] ?? '');
  if (dl) {
    meta.dateline = dl.dateline;
    let rest = dl.rest;
    // "JAMMU, India (AGN) — May 7, 2025 — India fired…": a date right after the dateline.
    const dated = new RegExp(`^((?:${MONTH}\\s+\\d{1,2},?\\s+${YEAR})|(?:\\d{1,2}\\s+${MONTH}\\s+${YEAR}))\\s*(?:—|–|-|:)\\s+`).exec(rest);
    if (dated) {
      meta.published ??= fullDate(dated[1]!);
      rest = rest.slice(dated[0].length);
    }
    if (!meta.published && dl.dateline.date) meta.published = fullDate(dl.dateline.date);
    bodyBlocks = [rest, ...bodyBlocks.slice(1)];
  }
  return { title, source: meta.source, published: meta.published, dateline: meta.dateline, body: bodyBlocks.join('\n\n').trim() };
}
