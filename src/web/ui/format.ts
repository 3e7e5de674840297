import { currentLocale, t, tEnum } from '../i18n/index.js';
import { LOCALE_INFO, intlLocale, type Locale } from '../i18n/locales.js';

// Dates and numbers in the reader's language and digits. Times are shown in UTC and said so, because readers sit in
// different time zones and a record's time must read the same for all of them; the record itself stays ISO 8601.
// Readers with a calendar of their own (Solar Hijri for Dari and Pashto, Hijri for Arabic) see it beside the Gregorian.

interface Formatters {
  readonly day: Intl.DateTimeFormat;
  readonly dayTime: Intl.DateTimeFormat;
  readonly monthDay: Intl.DateTimeFormat;
  readonly local: Intl.DateTimeFormat | null;
  readonly number: Intl.NumberFormat;
}

const made = new Map<Locale, Formatters>();
function formatters(): Formatters {
  const locale = currentLocale();
  const found = made.get(locale);
  if (found) return found;
  const info = LOCALE_INFO[locale];
  // en-GB's day-month-year for English; every other language in its own order.
  const greg = `${locale === 'en' ? 'en-GB' : locale}-u-ca-gregory-nu-${info.digits}`;
  // Arabic-script languages have no abbreviated month names, and CLDR's Dari pattern for the short form falls back
  // to "MMM d, y" with a Latin comma: the long form is the same month name in each language's own order.
  const month = info.dir === 'rtl' ? 'long' : 'short';
  const f: Formatters = {
    day: new Intl.DateTimeFormat(greg, { day: 'numeric', month, year: 'numeric', timeZone: 'UTC' }),
    dayTime: new Intl.DateTimeFormat(greg, { day: 'numeric', month, year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'UTC' }),
    monthDay: new Intl.DateTimeFormat(greg, { day: 'numeric', month: 'short', timeZone: 'UTC' }),
    local: info.calendar ? new Intl.DateTimeFormat(`${locale}-u-ca-${info.calendar}-nu-${info.digits}`, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }) : null,
    number: new Intl.NumberFormat(intlLocale(locale)),
  };
  made.set(locale, f);
  return f;
}

function parse(value: string): Date | null {
  const t = Date.parse(value.length === 10 ? `${value}T00:00:00Z` : value);
  return Number.isNaN(t) ? null : new Date(t);
}

/** The date in the reader's own calendar, day month year (CLDR puts an era first for Pashto's Solar Hijri). */
function localDate(d: Date): string | null {
  const f = formatters().local;
  if (!f) return null;
  const parts = f.formatToParts(d);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return currentLocale() === 'ps' ? `${part('day')} ${part('month')} ${part('year')}` : f.format(d);
}

/** "7 Nov 2025" for a YYYY-MM-DD date or any RFC 3339 time (UTC); "۷ نومبر ۲۰۲۵ (۱۶ عقرب ۱۴۰۴)" in Dari. */
export function formatDay(value: string | null | undefined): string {
  const d = value ? parse(value) : null;
  if (!d) return '—';
  const local = localDate(d);
  return local ? t('format.dayWithLocal', { gregorian: formatters().day.format(d), local }) : formatters().day.format(d);
}

/** "7 Nov 2025, 14:05 UTC", with the reader's calendar beside it where there is one. */
export function formatTime(value: string | null | undefined): string {
  const d = value ? parse(value) : null;
  if (!d) return '—';
  const time = t('format.utc', { time: formatters().dayTime.format(d) });
  const local = localDate(d);
  return local ? t('format.dayWithLocal', { gregorian: time, local }) : time;
}

/** "7 Nov" */
export function formatMonthDay(value: string): string {
  const d = parse(value);
  return d ? formatters().monthDay.format(d) : value;
}

/** The local calendar date written in a time with an offset ("2025-11-06T18:00:00+05:00" → 6 Nov 2025). */
export function formatLocalDay(value: string): string {
  return formatDay(value.slice(0, 10));
}

export const formatNumber = (n: number): string => formatters().number.format(n);

/** "2–3", "2+", or "unknown". */
export function formatRange(r: { min: number; best?: number; max?: number } | null | undefined): string {
  if (!r) return '—';
  if (r.max === undefined) return r.min === 0 ? t('format.unknown') : t('format.atLeast', { n: r.min });
  if (r.max === r.min) return formatNumber(r.min);
  return t('format.range', { min: r.min, max: r.max });
}

/** A hash shortened for display: the first 12 hex characters. */
export const shortHash = (hex: string): string => (hex.length > 16 ? `${hex.slice(0, 12)}…` : hex);

/** "3 days" from milliseconds. */
export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return '—';
  const hours = ms / 3_600_000;
  if (hours < 48) return t('format.hours', { n: Math.round(hours) });
  return t('format.days', { n: Math.round(hours / 24) });
}

/** An enumerated value in words ("under_investigation" → "Under investigation"), from the catalog's `enum.*`. */
export function humanize(value: string): string {
  return tEnum('enum', value);
}

/** "November 2025", for a report dated to the month. */
export function formatMonth(value: string): string {
  const d = parse(value);
  if (!d) return value;
  const info = LOCALE_INFO[currentLocale()];
  return new Intl.DateTimeFormat(`${currentLocale()}-u-ca-gregory-nu-${info.digits}`, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(d);
}
