// Date expressions in a sentence -> intervals of days with a precision, resolved against the article's date.
// "the night of October 11" spans midnight (11th to 12th); "on Friday" is the Friday on or before the reference
// day unless the sentence speaks of the future; "last month" is the whole previous month.
import type { DateMention, DatePrecision } from './types.js';
import { addDays } from './text.js';
import { Sieve } from './sieve.js';
import { findArabicScriptDates, findArabicScriptRelative } from './arabic-dates.js';
import { findHijriDates } from './hijri-dates.js';
import { DASH, DAY, MONTH, SOLAR_MONTH, WEEKDAY, YEAR, dayOf, solarToGregorian, inferYear, lastDayOfMonth, monthOf, weekdayOf, weekdayOfDay, ymd } from './date-words.js';

interface Ctx {
  readonly ref: string;
  readonly future: boolean;
  /** The last date resolved in the article, for "the next day" and "two days later". */
  readonly anchor: string | null;
}
type Hit = { start: string; end: string; precision: DatePrecision } | null;
type Rule = { re: RegExp; resolve: (m: RegExpExecArray, ctx: Ctx) => Hit };

const RELATIVE_OFFSETS: Record<string, number> = { today: 0, yesterday: -1, tomorrow: 1, 'the day before yesterday': -2 };
const NUMBER_WORDS = ['a', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];
const PARTS = '(?:morning|afternoon|evening|night|early hours)';

function dayHit(day: string, precision: DatePrecision = 'day'): Hit {
  return { start: day, end: precision === 'night' ? addDays(day, 1) : day, precision };
}
function validDay(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || d > lastDayOfMonth(y, m)) return null;
  return ymd(y, m, d);
}
function dated(monthName: string, day: string, year: string | undefined, ref: string, weekday?: string): string | null {
  const m = monthOf(monthName);
  const d = dayOf(day);
  if (!year && weekday) {
    // "Thursday, November 6" pins the year: the nearest year in which that day is that weekday.
    const wd = weekdayOf(weekday);
    const y0 = inferYear(m, d, ref);
    for (const y of [y0, y0 - 1, y0 + 1, y0 - 2, y0 + 2]) {
      const day = validDay(y, m, d);
      if (day && weekdayOfDay(day) === wd) return day;
    }
  }
  return validDay(year ? Number(year) : inferYear(m, d, ref), m, d);
}
/** The weekday on or before the reference day (past) or after it (future). */
export function weekdayNear(wd: number, ref: string, future: boolean, last = false): string {
  const delta = weekdayOfDay(ref) - wd;
  if (future) return addDays(ref, ((wd - weekdayOfDay(ref) + 7) % 7) || 7);
  const back = ((delta % 7) + 7) % 7;
  return addDays(ref, last && back === 0 ? -7 : -back);
}
function monthHit(y: number, m: number): Hit {
  if (m < 1) return null;
  return { start: ymd(y, m, 1), end: ymd(y, m, lastDayOfMonth(y, m)), precision: 'month' };
}
function shiftMonth(ref: string, by: number): [number, number] {
  const idx = Number(ref.slice(0, 4)) * 12 + Number(ref.slice(5, 7)) - 1 + by;
  return [Math.floor(idx / 12), (idx % 12) + 1];
}
function weekOf(ref: string, weeksBack: number): Hit {
  const monday = addDays(ref, -((weekdayOfDay(ref) + 6) % 7) - 7 * weeksBack);
  return { start: monday, end: weeksBack === 0 ? ref : addDays(monday, 6), precision: 'week' };
}

const DM = `(${DAY})(?:\\s+of)?\\s+(${MONTH})(?:,?\\s+(${YEAR}))?`;
const MD = `(${MONTH})(?:\\s+|(?<=\\.))(${DAY})(?!\\d|:)(?:,?\\s+(${YEAR}))?`;
const WD = `(?:(${WEEKDAY}),?\\s+(?:the\\s+)?)?`;
const NIGHT = '(?:the\\s+)?(?:night|late\\s+hours|late\\s+evening)\\s+(?:of|between)\\s+';
const EARLY = '(?:the\\s+)?(?:early|small|wee)\\s+hours\\s+(?:of\\s+)?';

const RULES: Rule[] = [
  // the night of 11-12 October / the night between October 11 and 12
  { re: new RegExp(`${NIGHT}(${DAY})${DASH}(${DAY})\\s+(${MONTH})(?:,?\\s+(${YEAR}))?`, 'gi'), resolve: (m, c) => {
    const a = dated(m[3]!, m[1]!, m[4], c.ref);
    const b = dated(m[3]!, m[2]!, m[4], c.ref);
    return a && b ? { start: a, end: b, precision: 'night' } : null;
  } },
  { re: new RegExp(`${NIGHT}(${MONTH})\\s+(${DAY})${DASH}(${DAY})(?:,?\\s+(${YEAR}))?`, 'gi'), resolve: (m, c) => {
    const a = dated(m[1]!, m[2]!, m[4], c.ref);
    const b = dated(m[1]!, m[3]!, m[4], c.ref);
    return a && b ? { start: a, end: b, precision: 'night' } : null;
  } },
  { re: new RegExp(`${NIGHT}${WD}${DM}`, 'gi'), resolve: (m, c) => { const d = dated(m[3]!, m[2]!, m[4], c.ref, m[1]); return d ? dayHit(d, 'night') : null; } },
  { re: new RegExp(`${NIGHT}${WD}${MD}`, 'gi'), resolve: (m, c) => { const d = dated(m[2]!, m[3]!, m[4], c.ref, m[1]); return d ? dayHit(d, 'night') : null; } },
  // the early hours of Wednesday / of October 19: that day
  { re: new RegExp(`${EARLY}${WD}${DM}`, 'gi'), resolve: (m, c) => { const d = dated(m[3]!, m[2]!, m[4], c.ref, m[1]); return d ? dayHit(d) : null; } },
  { re: new RegExp(`${EARLY}${WD}${MD}`, 'gi'), resolve: (m, c) => { const d = dated(m[2]!, m[3]!, m[4], c.ref, m[1]); return d ? dayHit(d) : null; } },
  { re: new RegExp(`${EARLY}(${WEEKDAY})`, 'gi'), resolve: (m, c) => dayHit(weekdayNear(weekdayOf(m[1]!), c.ref, false)) },
  // the night between Saturday and Sunday / the night of Friday / Friday night / overnight into Sunday
  { re: new RegExp(`${NIGHT}(${WEEKDAY})(?:\\s+(?:and|to|into)\\s+${WEEKDAY})?`, 'gi'), resolve: (m, c) => dayHit(weekdayNear(weekdayOf(m[1]!), addDays(c.ref, -1), false), 'night') },
  { re: new RegExp(`\\b(last\\s+)?(${WEEKDAY})\\s+(?:night|late\\s+night)`, 'gi'), resolve: (m, c) => dayHit(weekdayNear(weekdayOf(m[2]!), c.ref, c.future, Boolean(m[1])), 'night') },
  { re: new RegExp(`\\bovernight\\s+(?:into|to)\\s+(${WEEKDAY})`, 'gi'), resolve: (m, c) => dayHit(addDays(weekdayNear(weekdayOf(m[1]!), c.ref, false), -1), 'night') },
  // ranges: October 11-15, 11 to 15 October, from 18 to 19 October, between October 11 and 15
  { re: new RegExp(`(${MONTH})(?:\\s+|(?<=\\.))(${DAY})${DASH}(?:(${MONTH})\\s+)?(${DAY})(?!\\d)(?:,?\\s+(${YEAR}))?`, 'gi'), resolve: (m, c) => {
    const a = dated(m[1]!, m[2]!, m[5], c.ref);
    const b = dated(m[3] ?? m[1]!, m[4]!, m[5], c.ref);
    return a && b && b >= a ? { start: a, end: b, precision: 'days' } : null;
  } },
  { re: new RegExp(`(${DAY})(?:\\s+(${MONTH}))?${DASH}(${DAY})\\s+(${MONTH})(?:,?\\s+(${YEAR}))?`, 'gi'), resolve: (m, c) => {
    const a = dated(m[2] ?? m[4]!, m[1]!, m[5], c.ref);
    const b = dated(m[4]!, m[3]!, m[5], c.ref);
    return a && b && b >= a ? { start: a, end: b, precision: 'days' } : null;
  } },
  // Afghan solar calendar: 23 Mizan 1404
  { re: new RegExp(`\\b(${DAY})\\s+(${SOLAR_MONTH})(?:\\s+(1[34]\\d{2}))?\\b`, 'g'), resolve: (m, c) => {
    const year = m[3] ? Number(m[3]) : Number(c.ref.slice(0, 4)) - 621;
    const d = solarToGregorian(dayOf(m[1]!), m[2]!, year);
    return d ? dayHit(d) : null;
  } },
  // one day: 11 October 2025, October 11, Friday, November 7, 2025-10-11
  { re: /\b((?:19|20)\d{2})-(\d{2})-(\d{2})\b/g, resolve: (m) => { const d = validDay(Number(m[1]), Number(m[2]), Number(m[3])); return d ? dayHit(d) : null; } },
  { re: new RegExp(`\\b${WD}${DM}`, 'gi'), resolve: (m, c) => { const d = dated(m[3]!, m[2]!, m[4], c.ref, m[1]); return d ? dayHit(d) : null; } },
  { re: new RegExp(`\\b${WD}${MD}`, 'gi'), resolve: (m, c) => { const d = dated(m[2]!, m[3]!, m[4], c.ref, m[1]); return d ? dayHit(d) : null; } },
  // months: October 2025, in October, last month, earlier this month
  { re: new RegExp(`\\b(?:(?:early|late|mid)[- ])?(${MONTH})(?:,)?\\s+(${YEAR})\\b`, 'gi'), resolve: (m) => monthHit(Number(m[2]), monthOf(m[1]!)) },
  { re: new RegExp(`\\b(?:in|during|since|until|by|through|of)\\s+(?:(?:early|late|mid)[- ])?(${MONTH})(?![\\w-])`, 'gi'), resolve: (m, c) => { const mo = monthOf(m[1]!); return monthHit(inferYear(mo, 15, c.ref), mo); } },
  // "Last April, the Cinchoneros bombed a bus": the latest such month before the report's (a year back when it is
  // the report's own month); capitalised only, so "the last march of the strikers" is no month
  { re: new RegExp(`\\b(?:[Ll]ast|this\\s+past)\\s+(${MONTH})(?![\\w-])`, 'g'), resolve: (m, c) => {
    const mo = monthOf(m[1]!);
    const [y, refMo] = [Number(c.ref.slice(0, 4)), Number(c.ref.slice(5, 7))];
    return monthHit(mo < refMo ? y : y - 1, mo);
  } },
  { re: /\b(last|this|next|earlier this|later this|previous)\s+month\b/gi, resolve: (m, c) => {
    const w = m[1]!.toLowerCase();
    const [y, mo] = shiftMonth(c.ref, w === 'last' || w === 'previous' ? -1 : w === 'next' ? 1 : 0);
    const hit = monthHit(y, mo)!;
    return w === 'earlier this' ? { ...hit, end: c.ref } : hit;
  } },
  // weeks
  { re: /\b(last|this|earlier this|previous|past)\s+(week|weekend)\b/gi, resolve: (m, c) => {
    const w = m[1]!.toLowerCase();
    if (m[2]!.toLowerCase() === 'weekend') { const sat = weekdayNear(6, c.ref, false, w === 'last'); return { start: sat, end: addDays(sat, 1), precision: 'days' }; }
    if (w === 'past') return { start: addDays(c.ref, -7), end: c.ref, precision: 'week' };
    // "earlier this week": from Monday to the day before the reference day
    if (w === 'earlier this') { const hit = weekOf(c.ref, 0)!; return hit.start < c.ref ? { ...hit, end: addDays(c.ref, -1) } : hit; }
    return weekOf(c.ref, w === 'last' || w === 'previous' ? 1 : 0);
  } },
  // weekdays: on Friday, last Friday, next Monday, Tuesday evening
  { re: new RegExp(`\\b(?:(last|this|next|on|late|early|from|since)\\s+)?(${WEEKDAY})(?:\\s+${PARTS})?(?!,?\\s+(?:the\\s+)?\\d)`, 'gi'), resolve: (m, c) => {
    const w = (m[1] ?? '').toLowerCase();
    return dayHit(weekdayNear(weekdayOf(m[2]!), c.ref, w === 'next' || (c.future && w !== 'last'), w === 'last'));
  } },
  // relative days
  { re: /\b(last night|overnight|tonight|late last night)\b/gi, resolve: (m, c) => dayHit(addDays(c.ref, m[1]!.toLowerCase() === 'tonight' ? 0 : -1), 'night') },
  { re: /\b(today|yesterday|tomorrow|the day before yesterday)\b/gi, resolve: (m, c) => dayHit(addDays(c.ref, RELATIVE_OFFSETS[m[1]!.toLowerCase()] ?? 0)) },
  // "early this morning", "this afternoon": the day of the report
  { re: /\bthis\s+(?:morning|afternoon|evening)\b/gi, resolve: (_m, c) => dayHit(c.ref) },
  { re: /\b(a|one|two|three|four|five|six|seven|\d+)\s+days?\s+(ago|earlier|later|before)\b/gi, resolve: (m, c) => {
    const n = /^\d+$/.test(m[1]!) ? Number(m[1]) : ['a', 'one', 'two', 'three', 'four', 'five', 'six', 'seven'].indexOf(m[1]!.toLowerCase()) || 1;
    const dir = m[2]!.toLowerCase();
    const base = dir === 'ago' ? c.ref : (c.anchor ?? c.ref);
    return dayHit(addDays(base, dir === 'later' ? n : -n));
  } },
  // "Romero was killed 10 years ago": that year (an incident recalled from years before is of its own time, not of
  // the day of the report; months and weeks ago are left to the words around them: "seized by the group two months
  // ago" is when the town fell, not when it was retaken)
  { re: /\b(a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,3})\s+years?\s+ago\b/gi, resolve: (m, c) => {
    const y = Number(c.ref.slice(0, 4)) - (/^\d+$/.test(m[1]!) ? Number(m[1]) : Math.max(1, NUMBER_WORDS.indexOf(m[1]!.toLowerCase())));
    return { start: `${y}-01-01`, end: `${y}-12-31`, precision: 'year' };
  } },
  { re: /\bthe\s+(next|following|previous)\s+day\b|\bthe\s+day\s+(before|after)\b/gi, resolve: (m, c) => {
    const back = (m[1] ?? m[2] ?? '').toLowerCase();
    return c.anchor ? dayHit(addDays(c.anchor, back === 'previous' || back === 'before' ? -1 : 1)) : null;
  } },
  { re: new RegExp(`\\b(?:in|since|during)\\s+(${YEAR})\\b`, 'gi'), resolve: (m) => ({ start: `${m[1]}-01-01`, end: `${m[1]}-12-31`, precision: 'year' }) },
];

/** A day and month without a year, in a sentence not about the future, more than a month after the reference day: the year before (news tells the past; an announcement is rarely that far ahead without "will"). */
function pastYear(hit: NonNullable<Hit>, ref: string): NonNullable<Hit> {
  if (hit.start <= addDays(ref, 31) || hit.precision === 'week' || hit.precision === 'year') return hit;
  const back = (d: string): string => `${Number(d.slice(0, 4)) - 1}${d.slice(4)}`;
  return { ...hit, start: back(hit.start), end: back(hit.end) };
}

/** Which rules can match a sentence at all, in one pass over it (sieve.ts): the others are not run. */
const SIEVE = new Sieve(RULES.map((r) => r.re));

const FUTURE = /\b(will|shall|is scheduled|are scheduled|scheduled for|is due|are due|is set to|are set to|is expected to|are expected to|plans? to|next)\b/i;

export interface DateOptions {
  /** The reference day (YYYY-MM-DD): the article's publication date, or the best guess for it. */
  readonly ref: string;
  readonly anchor?: string | null;
  /** true when ref is itself a guess, so every relative date is marked as such. */
  readonly refGuessed?: boolean;
}

/**
 * Every date expression in a sentence, resolved to an interval.
 * @example findDates('Two people were killed on the night of October 11.', { ref: '2025-10-13' })
 *   // [{ start: '2025-10-11', end: '2025-10-12', precision: 'night', ... }]
 */
export function findDates(sentence: string, opts: DateOptions): DateMention[] {
  const ctx: Ctx = { ref: opts.ref, future: FUTURE.test(sentence), anchor: opts.anchor ?? null };
  const taken: [number, number][] = [];
  const out: DateMention[] = [];
  const may = SIEVE.candidates(sentence);
  for (const [k, rule] of RULES.entries()) {
    if (!may[k]) continue;
    rule.re.lastIndex = 0;
    for (let m = rule.re.exec(sentence); m; m = rule.re.exec(sentence)) {
      const s = m.index;
      const e = s + m[0].length;
      if (taken.some(([a, b]) => s < b && e > a)) continue;
      const hit = rule.resolve(m, ctx);
      if (!hit) continue;
      taken.push([s, e]);
      const absolute = /\d{4}/.test(m[0]);
      out.push({ ...(absolute || ctx.future ? hit : pastYear(hit, ctx.ref)), text: m[0].trim(), index: s, relative: !absolute && Boolean(opts.refGuessed) });
    }
  }
  // Arabic script: Solar Hijri, lunar Hijri (with its year) and Gregorian months in Dari, Persian, Pashto, Urdu and Arabic
  for (const d of [...findArabicScriptDates(sentence, opts.ref), ...findHijriDates(sentence), ...findArabicScriptRelative(sentence, opts.ref)]) if (!taken.some(([a, b]) => d.index < b && d.index + d.text.length > a)) out.push({ ...d, relative: d.relative && Boolean(opts.refGuessed) });
  return out.sort((a, b) => a.index - b.index);
}
