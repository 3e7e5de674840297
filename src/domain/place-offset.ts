// The UTC offset of a place at a moment, daylight saving included: the IANA zone from the coordinates (a maintained
// offline lookup, no request leaves the browser) or, with only a country, from a maintained table of each country's
// zones; then the platform's Intl for that zone's offset at that moment.
import tzlookup from '@photostructure/tz-lookup';
import { getAllCountries, getCountry } from 'countries-and-timezones';

/**
 * The offset of an IANA zone at a moment: "+04:30", "-03:00" or "Z"; null for a zone the platform does not know.
 * @example offsetInZone('Asia/Kolkata', new Date('2025-10-12T00:00:00Z')) // '+05:30'
 */
export function offsetInZone(zone: string, at: Date = new Date()): string | null {
  let name: string;
  try {
    name = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' }).formatToParts(at).find((p) => p.type === 'timeZoneName')?.value ?? '';
  } catch {
    return null;
  }
  const m = /^GMT([+-]\d{2}:\d{2})?$/.exec(name);
  if (!m) return null;
  return m[1] && m[1] !== '+00:00' && m[1] !== '-00:00' ? m[1] : 'Z';
}

/**
 * "+04:30", "-03:00" or "Z"; null when the coordinates are not a place on Earth.
 * @example offsetAt(34.1, 71.09, new Date('2025-10-12T00:00:00Z')) // '+05:00' (Asia/Karachi)
 */
export function offsetAt(lat: number, lon: number, at: Date = new Date()): string | null {
  let zone: string;
  try {
    zone = tzlookup(lat, lon);
  } catch {
    return null;
  }
  return offsetInZone(zone, at);
}

const regionNames = typeof Intl.DisplayNames === 'function' ? new Intl.DisplayNames(['en'], { type: 'region' }) : null;
let codesByName: Map<string, string> | null = null;
// Former English names still in common use (and in older map data), which neither the table nor Intl knows.
const FORMER_NAMES: Readonly<Record<string, string>> = { turkey: 'TR', burma: 'MM', swaziland: 'SZ', 'czech republic': 'CZ', macedonia: 'MK', 'east timor': 'TL', 'cape verde': 'CV', "cote d'ivoire": 'CI' };

/** A country's ISO code from its code or its English name (the table's, or the platform's: "Türkiye" and "Turkey"). */
function countryCode(country: string): string | null {
  const text = country.trim();
  if (/^[A-Za-z]{2}$/.test(text)) return text.toUpperCase();
  codesByName ??= new Map(
    Object.values(getAllCountries()).flatMap((c) => {
      let shown: string | undefined;
      try {
        shown = regionNames?.of(c.id);
      } catch {
        shown = undefined;
      }
      return [c.name, shown].filter((n): n is string => !!n).map((n) => [n.toLowerCase(), c.id] as [string, string]);
    }),
  );
  return codesByName.get(text.toLowerCase()) ?? FORMER_NAMES[text.toLowerCase()] ?? null;
}

/**
 * A country's offset at a moment when all its zones agree on it (Germany's two zones do; the United States' do not,
 * and then the coordinates must decide): null otherwise, or for a country not known.
 * @example countryOffset('India', new Date('2025-10-12T00:00:00Z')) // '+05:30'
 */
export function countryOffset(country: string, at: Date = new Date()): string | null {
  const code = countryCode(country);
  const offsets = new Set((code ? getCountry(code)?.timezones ?? [] : []).map((zone) => offsetInZone(zone, at)));
  const [only] = offsets;
  return offsets.size === 1 && only ? only : null;
}
