// The whole of ingest: inputs -> articles -> analysed sentences -> mentions -> clustered candidate events with
// their discrepancies, in design.md's JSON shape. Pure apart from reading the shipped data files once.
import './regexp-engine.js';
import { actorTable } from './actors.js';
import { analyzeArticle } from './analyze.js';
import { toArticles } from './articles.js';
import { clusterMentions } from './cluster.js';
import { findDates } from './dates.js';
import { findDiscrepancies } from './discrepancies.js';
import { extractMentions } from './events.js';
import type { Mention } from './events.js';
import { gazetteer } from './gazetteer.js';
import { detectLanguage } from './language.js';
import { arabicScriptLanguage } from './arabic-script/languages.js';
import { notConflict } from './not-conflict.js';
import { eventPlace, toEvent } from './present.js';
import type { AnalyzedSentence } from './analyze.js';
import { asWritten, isShouting, recase } from './recase.js';
import type { IngestResult, IngestedArticle } from './result.js';
import type { Article, ArticleInput, InputError } from './types.js';
import { addDays, isoDay } from './text.js';

export interface IngestOptions {
  /** Reference day for undated items (YYYY-MM-DD or RFC 3339); default: the latest publication date in the batch, else today. */
  readonly now?: string;
  /** Which alias table to use (data/actors.json); default: the file's default mechanism. */
  readonly mechanism?: string;
  /** Called after each article, for progress display. */
  readonly onProgress?: (done: number, total: number) => void;
  /** At most this many inputs are read; the rest are refused with an error. */
  readonly maxInputs?: number;
}

/** A year written in the text: 19xx or 20xx, not a time of day ("at 1900", "2030 hours", "1900 GMT"). */
const YEAR_WRITTEN = /(?<!\bat\s+)\b(20\d{2}|19\d{2})\b(?!\s*(?:hours|hrs|h\b|GMT|UTC|local\s+time))/gi;

/** Whether the year before a day holds a 29 February (so going back a year takes 366 days). */
function isLeapSpan(day: string): boolean {
  const y = Number(day.slice(0, 4));
  const leap = (n: number): boolean => n % 4 === 0 && (n % 100 !== 0 || n % 400 === 0);
  return day.slice(5) > '02-28' ? leap(y) : leap(y - 1);
}

/** Settles the publication day of an article that lacks one, and the day its relative dates count from. */
function dated(a: Article, batchRef0: string, batchKnown: boolean, given: boolean): { article: Article; ref: string | null; guessed: boolean } {
  if (a.published) return { article: a, ref: a.published, guessed: false };
  // With nothing in the batch to date it, an article's own latest year beats today's: an old article read today
  // is still of its own year.
  // (a time on the 24-hour clock is no year: wire copy writes "AT 1900 ON 13 AUGUST" and "at 2030 hours")
  const years = batchKnown ? [] : [...a.text.matchAll(YEAR_WRITTEN)].map((m) => m[1]!).sort();
  const batchRef = years.length && !years.includes(batchRef0.slice(0, 4)) ? `${years.at(-1)}-12-31` : batchRef0;
  if (a.datelineDate) {
    const d = findDates(a.datelineDate, { ref: batchRef })[0];
    // a dateline is the day the article was filed: never after the batch's reference day
    // (unless the reference is itself only the latest year the text names, which bounds the day from below)
    const day = d && d.start > batchRef && batchRef === batchRef0 ? addDays(d.start, -(isLeapSpan(d.start) ? 366 : 365)) : d?.start;
    if (day) return { article: { ...a, published: day, publishedFrom: 'dateline' }, ref: day, guessed: false };
  }
  // only dates written out ("October 20", "23 Mizan 1404"): relative ones would just echo the reference day back
  const mentioned = findDates(a.text, { ref: batchRef }).filter((d) => (d.precision === 'day' || d.precision === 'night' || d.precision === 'days') && /\d/.test(d.text));
  if (mentioned.length === 0) {
    // nothing dates it: another article's date is no date of this one, so only a reference the caller gave counts
    const note = given ? `undated, and the text writes out no date: relative dates count from ${batchRef0}, the reference day given` : 'undated: no publication date, and the text writes out no date, so its relative dates ("yesterday", "on Friday") are left unresolved';
    return { article: { ...a, notes: [...a.notes.filter((n) => !n.startsWith('no publication date')), note] }, ref: given ? batchRef0 : null, guessed: true };
  }
  const latest = mentioned.map((d) => d.end).sort().at(-1)!;
  const window = { start: latest, end: addDays(latest, 7), precision: 'inferred' as const };
  // (a day and month with no year anywhere: the year is a guess the reader must be told of)
  const yearless = a.text.search(YEAR_WRITTEN) < 0 ? `; the text writes no year, so each date is taken as the last such day up to ${batchRef}` : '';
  return {
    article: { ...a, publishedFrom: 'inferred', publishedWindow: window, notes: [...a.notes.filter((n) => !n.startsWith('no publication date')), `undated: written on or after ${latest}, the latest day the text mentions; relative dates count from that day${yearless}`] },
    ref: latest,
    guessed: true,
  };
}

/** Why an article's story is not a conflict event, as the output says it. */
function notConflictReason(sentences: readonly { text: string }[], article: Article): NonNullable<IngestedArticle['not_extracted']> | undefined {
  const why = notConflict(sentences.slice(0, 3).map((s) => s.text).join(' '), `${article.title}\n${article.text}`);
  return why ? { code: 'not_conflict', reason: `the story is ${why}, not a conflict event` } : undefined;
}

/** The dates and places read in an article whose events are not read (another language): what a reviewer can use. */
function foundIn(sentences: readonly AnalyzedSentence[]): NonNullable<IngestedArticle['found']> {
  const dates = sentences.flatMap((s) => s.dates.filter((d) => d.precision !== 'inferred').map((d) => ({ start: d.start, end: d.end, precision: d.precision, text: d.text, sentence: s.index })));
  const seen = new Set<string>();
  const places = sentences.flatMap((s) => s.places.filter((p) => p.place.kind !== 'unresolved' && !seen.has(p.place.id) && seen.add(p.place.id)).map((p) => ({ ...eventPlace(p.place), text: p.text, sentence: s.index })));
  return { dates, places };
}

/** Why an article in another language gives no events, and what was read in it all the same. */
function languageReason(name: string, code: string, found: NonNullable<IngestedArticle['found']>): NonNullable<IngestedArticle['not_extracted']> {
  const n = (k: number, what: string): string => `${k} ${what}${k === 1 ? '' : 's'}`;
  const read = found.dates.length || found.places.length ? `${n(found.dates.length, 'date')} and ${n(found.places.length, 'place')} read in it are listed under found` : 'no date or place was recognised in it';
  return { code: 'language', reason: `written in ${name} (${code}): events are read in English, Urdu, Pashto, Dari/Persian and Arabic only; ${read}` };
}

function presentArticle(a: Article, language: string, skipped: IngestedArticle['not_extracted'], found?: IngestedArticle['found']): IngestedArticle {
  return {
    id: a.id, source: a.source, title: a.title, published: a.published, published_from: a.publishedFrom, language, ...(skipped ? { not_extracted: skipped } : {}), ...(found ? { found } : {}),
    ...(a.publishedWindow ? { published_window: a.publishedWindow } : {}),
    ...(a.url ? { url: a.url } : {}), ...(a.dateline ? { dateline: a.dateline.place } : {}), notes: [...a.notes],
  };
}

/**
 * Turns news articles into candidate events. The function POST /v1/ingest and `truce ingest` both call.
 * @example const r = ingest([{ id: 'a', text: 'Two killed in Chaman\nDawn\n\nCHAMAN: Two people were killed on Friday…', published: '2025-11-08' }]);
 *   r.events[0].where[0].name // 'Chaman'
 */
export function ingest(inputs: readonly ArticleInput[], opts: IngestOptions = {}): IngestResult {
  const errors: InputError[] = [];
  const raw: Article[] = [];
  const max = opts.maxInputs ?? 10_000;
  inputs.forEach((input, i) => {
    if (i >= max) return void errors.push({ input: input.id ?? `input-${i + 1}`, code: 'too_large', message: `more than ${max} inputs in one call` });
    const r = toArticles(input, i);
    raw.push(...r.articles);
    errors.push(...r.errors);
  });
  const stated = raw.map((a) => a.published).filter((d): d is string => !!d).sort();
  const batchRef = (opts.now ? isoDay(new Date(opts.now)) : undefined) ?? stated.at(-1) ?? isoDay(new Date());
  const gaz = gazetteer();
  const table = actorTable(opts.mechanism);
  const articles: Article[] = [];
  const mentions: Mention[] = [];
  const sentenceText = new Map<string, string[]>();
  const languages = new Map<string, string>();
  const skipped = new Map<string, NonNullable<IngestedArticle['not_extracted']>>();
  const founds = new Map<string, NonNullable<IngestedArticle['found']>>();
  raw.forEach((a00, i) => {
    const a0 = isShouting(a00.text) ? { ...a00, title: recase(a00.title, gaz, table), text: recase(a00.text, gaz, table), recased: true, notes: [...a00.notes, 'written in capitals: read in sentence case, names found through the gazetteer and the alias table'] } : a00;
    const { article, ref, guessed } = dated(a0, batchRef, Boolean(opts.now) || stated.length > 0, Boolean(opts.now));
    const lang = detectLanguage(`${article.title}\n${article.text}`);
    // Urdu, Pashto, Dari/Persian and Arabic are read by the keyword rules of arabic-script/
    const script = arabicScriptLanguage(lang.code) ?? undefined;
    const sentences = analyzeArticle(article, { gazetteer: gaz, actors: table, ref: ref ?? batchRef, refGuessed: guessed, ...(ref ? {} : { unresolved: true }), ...(script ? { script } : {}) });
    // a text recased to be read is quoted as it was written
    const quote = a0 !== a00 ? asWritten(`${a0.title}\n${a0.text}`, `${a00.title}\n${a00.text}`) : null;
    sentenceText.set(article.id, sentences.map((s) => (quote ? quote(s.text) : s.text)));
    const other = lang.code !== 'eng' && lang.code !== 'und' && !script;
    const found = other ? foundIn(sentences) : undefined;
    if (found) founds.set(article.id, found);
    const why = found ? languageReason(lang.name, lang.code, found) : script ? undefined : notConflictReason(sentences, article);
    languages.set(article.id, lang.code);
    const asTitled = a0 !== a00 ? { title: a00.title } : {};
    if (why) {
      articles.push({ ...article, ...asTitled, notes: [...article.notes, `not extracted: ${why.reason}`] });
      skipped.set(article.id, why);
    } else {
      const own = extractMentions(article, sentences);
      // what the reader of another script should know: which rules read it, and why it gave nothing if it did
      const how = script ? [`read in ${lang.name} (${lang.code}) by the Arabic-script keyword rules (event words, actors' names, figures, attributions)${own.length ? '' : ': no dated or counted event was recognised in it'}`] : [];
      articles.push(how.length ? { ...article, ...asTitled, notes: [...article.notes, ...how] } : { ...article, ...asTitled });
      for (const m of own) mentions.push(m);
    }
    opts.onProgress?.(i + 1, raw.length);
  });
  const clusters = clusterMentions(mentions);
  const events = clusters.map((c, i) => toEvent(`ev-${i + 1}`, c, sentenceText));
  const discrepancies = clusters.flatMap((c, i) => findDiscrepancies(`ev-${i + 1}`, c));
  return { articles: articles.map((a) => presentArticle(a, languages.get(a.id) ?? 'und', skipped.get(a.id), founds.get(a.id))), events, discrepancies, errors, mechanism: table.mechanism };
}
