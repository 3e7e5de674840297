// Dates and numbers as the portal writes them: en-GB day-month-year, times in UTC and said so, because readers
// sit in different time zones and a record's time must read the same for all of them.

const dayFmt = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const dayTimeFmt = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'UTC' });
const monthDayFmt = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });
const numberFmt = new Intl.NumberFormat('en-GB');

function parse(value: string): Date | null {
  const t = Date.parse(value.length === 10 ? `${value}T00:00:00Z` : value);
  return Number.isNaN(t) ? null : new Date(t);
}

/** "7 Nov 2025" for a YYYY-MM-DD date or any RFC 3339 time (UTC). */
export function formatDay(value: string | null | undefined): string {
  const d = value ? parse(value) : null;
  return d ? dayFmt.format(d) : '—';
}

/** "7 Nov 2025, 14:05 UTC" */
export function formatTime(value: string | null | undefined): string {
  const d = value ? parse(value) : null;
  return d ? `${dayTimeFmt.format(d)} UTC` : '—';
}

/** "7 Nov" */
export function formatMonthDay(value: string): string {
  const d = parse(value);
  return d ? monthDayFmt.format(d) : value;
}

/** The local calendar date written in a time with an offset ("2025-11-06T18:00:00+05:00" → 6 Nov 2025). */
export function formatLocalDay(value: string): string {
  return formatDay(value.slice(0, 10));
}

export const formatNumber = (n: number): string => numberFmt.format(n);

/** "2 people" / "1 person"; a range "2–3". */
export function formatRange(r: { min: number; best?: number; max?: number } | null | undefined): string {
  if (!r) return '—';
  if (r.max === undefined) return r.min === 0 ? 'unknown' : `${formatNumber(r.min)}+`;
  if (r.max === r.min) return formatNumber(r.min);
  return `${formatNumber(r.min)}–${formatNumber(r.max)}`;
}

/** A hash shortened for display: the first 12 hex characters. */
export const shortHash = (hex: string): string => (hex.length > 16 ? `${hex.slice(0, 12)}…` : hex);

/** "3 days" from milliseconds. */
export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return '—';
  const hours = ms / 3_600_000;
  if (hours < 48) return `${Math.round(hours)} h`;
  return `${Math.round(hours / 24)} days`;
}

/** Sentence case for enum values: "under_investigation" → "Under investigation". */
export function humanize(value: string): string {
  const s = value.replace(/[_-]+/g, ' ').trim();
  return s.charAt(0).toUpperCase() + s.slice(1);
}
