// Month and weekday names and the regular-expression pieces the date parser is built from.

export const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11, november: 11,
  dec: 12, december: 12,
};
export const WEEKDAYS: Record<string, number> = {
  sunday: 0, sun: 0, monday: 1, mon: 1, tuesday: 2, tue: 2, tues: 2, wednesday: 3, wed: 3, thursday: 4, thu: 4, thur: 4, thurs: 4,
  friday: 5, fri: 5, saturday: 6, sat: 6,
};

/** A month name; "May" and "March" are words too, so callers pair it with a day or a year. */
export const MONTH = '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
export const WEEKDAY = '(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)';
export const DAY = '(?:[0-2]?\\d|3[01])(?:st|nd|rd|th)?';
export const YEAR = '(?:19|20)\\d{2}';
export const DASH = '\\s*(?:-|–|—|/|to|and|till|until|through)\\s*';

/** The month number of a name; 0 for a lower-case word ("may", "march" are verbs in running text). */
export function monthOf(s: string): number {
  if (!/^[A-Z]/.test(s)) return 0;
  return MONTHS[s.toLowerCase().replace(/\.$/, '')] ?? 0;
}
export function weekdayOf(s: string): number {
  return WEEKDAYS[s.toLowerCase()] ?? -1;
}
export function dayOf(s: string): number {
  return Number.parseInt(s, 10);
}

export function pad(n: number): string {
  return String(n).padStart(2, '0');
}
export function ymd(y: number, m: number, d: number): string {
  return `${y}-${pad(m)}-${pad(d)}`;
}
export function lastDayOfMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}
export function weekdayOfDay(day: string): number {
  return new Date(`${day}T00:00:00Z`).getUTCDay();
}

/** The year of a day-and-month without a year: the one that puts it nearest the reference day. */
export function inferYear(month: number, day: number, ref: string): number {
  const y = Number(ref.slice(0, 4));
  const refMs = Date.parse(`${ref}T00:00:00Z`);
  let best = y;
  let bestDist = Infinity;
  for (const cand of [y - 1, y, y + 1]) {
    const ms = Date.UTC(cand, month - 1, day);
    // News looks back more than forward: a date up to ~4 months ahead is still plausible (talks scheduled).
    const dist = ms > refMs ? (ms - refMs) * 1.5 : refMs - ms;
    if (dist < bestDist) { best = cand; bestDist = dist; }
  }
  return best;
}

/** Months of the Afghan solar (Solar Hijri) calendar in Latin transliteration, as Afghan broadcasters write them. */
export const SOLAR_MONTHS: Record<string, number> = {
  hamal: 1, sawr: 2, sur: 2, jawza: 3, jauza: 3, saratan: 4, asad: 5, sunbula: 6, sunbulah: 6, mizan: 7, aqrab: 8, qaws: 9, jadi: 10,
  dalw: 11, hut: 12, hoot: 12,
};
export const SOLAR_MONTH = '(?:Hamal|Sawr|Sur|Jawza|Jauza|Saratan|Asad|Sunbula|Sunbulah|Mizan|Aqrab|Qaws|Jadi|Dalw|Hut|Hoot)';

const PERSIAN = new Intl.DateTimeFormat('en-u-ca-persian-nu-latn', { timeZone: 'UTC', year: 'numeric', month: 'numeric', day: 'numeric' });

/**
 * The Gregorian day (YYYY-MM-DD) that one of ICU's calendars (a UTC Intl.DateTimeFormat with Latin digits) names
 * (year, month, day), searched within four days of a first guess (ms since 1970); null when that calendar has no
 * such day.
 * @example dayNamedBy(PERSIAN, Date.UTC(2025, 9, 15), 1404, 7, 23) // '2025-10-15'
 */
export function dayNamedBy(calendar: Intl.DateTimeFormat, guess: number, year: number, month: number, day: number): string | null {
  for (let k = -4; k <= 4; k++) {
    const t = guess + k * 86_400_000;
    const parts = calendar.formatToParts(new Date(t));
    const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value ?? NaN);
    if (get('year') === year && get('month') === month && get('day') === day) return new Date(t).toISOString().slice(0, 10);
  }
  return null;
}

/**
 * A Solar Hijri day (year, month 1–12, day) as YYYY-MM-DD, or null when there is no such day (31 Mizan). The
 * calendar itself is ICU's (Intl, the 'persian' calendar): a first guess is corrected until ICU names that day.
 * @example persianToGregorian(1404, 7, 23) // '2025-10-15'
 */
export function persianToGregorian(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > 31 || year < 1200 || year > 1500) return null;
  // Nowruz falls on 20 or 21 March of year + 621; months 1–6 have 31 days, 7–11 30: the guess is a day or two off
  return dayNamedBy(PERSIAN, Date.UTC(year + 621, 2, 21) + ((month - 1) * 31 - Math.max(0, month - 7) + day - 1) * 86_400_000, year, month, day);
}

/** A Solar Hijri day written with a Latin month name ("23 Mizan 1404") as YYYY-MM-DD. */
export function solarToGregorian(day: number, month: string, year: number): string | null {
  const m = SOLAR_MONTHS[month.toLowerCase()];
  return m ? persianToGregorian(year, m, day) : null;
}
