// The UTC offset of a place at a moment, daylight saving included: the IANA zone from the coordinates (a maintained
// offline lookup, no request leaves the browser), then the platform's Intl for that zone's offset at that moment.
import tzlookup from '@photostructure/tz-lookup';

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
  const name = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' }).formatToParts(at).find((p) => p.type === 'timeZoneName')?.value ?? '';
  const m = /^GMT([+-]\d{2}:\d{2})?$/.exec(name);
  if (!m) return null;
  return m[1] && m[1] !== '+00:00' && m[1] !== '-00:00' ? m[1] : 'Z';
}
