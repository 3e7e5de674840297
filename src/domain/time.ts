import type { TimePrecision } from './taxonomy.js';

/**
 * Time in reports. A report's `when` is a half-open interval [start, end) of RFC 3339 date-times written in the
 * place's own UTC offset (e.g. "2025-10-11T18:00:00+05:00"), so the calendar date a reader sees is the local one, as
 * ACLED's event_date is. The precision says how precisely the time is known; a report may give any interval up to
 * the precision's longest span (taxonomy.ts MAX_SPAN_MS). The canonical intervals (intervalFor) are:
 *   exact  a moment or a span of at most 6 hours, as reported
 *   day    local 00:00 to the next day's 00:00
 *   night  "the night of 11 Oct": 11 Oct 18:00 to 12 Oct 06:00 local (an interval over midnight)
 *   week   the ISO week (Monday 00:00 to the next Monday 00:00) holding the date
 *   month  the 1st 00:00 to the next month's 1st 00:00
 */
export const dateTimeWithOffset = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function shiftDate(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** The local calendar date of a date-time as written, e.g. "2025-10-11T23:00:00+05:00" → "2025-10-11". */
export function localDate(dateTime: string): string {
  return dateTime.slice(0, 10);
}

/** The last local date an interval [start, end) covers: an end at local midnight belongs to the day before. */
export function lastLocalDate(start: string, end: string): string {
  const m = dateTimeWithOffset.exec(end);
  if (!m || end === start) return localDate(end);
  const midnight = m[2] === '00' && m[3] === '00' && (m[4] ?? '00') === '00';
  return midnight && Date.parse(end) > Date.parse(start) ? shiftDate(m[1] as string, -1) : localDate(end);
}

/**
 * The interval a precision gives a local date, in the given UTC offset.
 * @example intervalFor('night', '2025-10-11', '+05:00')
 * // { start: '2025-10-11T18:00:00+05:00', end: '2025-10-12T06:00:00+05:00', precision: 'night' }
 */
export function intervalFor(precision: Exclude<TimePrecision, 'exact'>, date: string, offset = 'Z'): { start: string; end: string; precision: TimePrecision } {
  if (!DATE.test(date)) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  const at = (d: string, hh: string) => `${d}T${hh}:00:00${offset}`;
  switch (precision) {
    case 'day':
      return { start: at(date, '00'), end: at(shiftDate(date, 1), '00'), precision };
    case 'night':
      return { start: at(date, '18'), end: at(shiftDate(date, 1), '06'), precision };
    case 'week': {
      const weekday = (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7; // Monday = 0
      const monday = shiftDate(date, -weekday);
      return { start: at(monday, '00'), end: at(shiftDate(monday, 7), '00'), precision };
    }
    case 'month': {
      const first = `${date.slice(0, 8)}01`;
      const next = new Date(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)), 1)).toISOString().slice(0, 10);
      return { start: at(first, '00'), end: at(next, '00'), precision };
    }
  }
}

/** The middle local date of an interval (ACLED codes a week or a month by its middle day). */
export function middleLocalDate(start: string, end: string): string {
  const first = localDate(start);
  const last = lastLocalDate(start, end);
  const days = Math.round((Date.parse(`${last}T00:00:00Z`) - Date.parse(`${first}T00:00:00Z`)) / 86_400_000);
  return shiftDate(first, Math.floor(days / 2));
}
