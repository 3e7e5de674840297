// The mechanism's area as its record has it: the places of the incidents on file. A draft read from an article about
// somewhere else (a town of the same name on another continent, another conflict) lies far from all of them, and the
// monitor is asked to check the place before signing. No area is drawn by hand: the record is the reference.
import { distanceKm } from '../../domain/geo-distance.js';

/** Farther than this from every incident on record, a place is worth a second look (the case's whole border is ~2,600 km). */
export const FAR_FROM_RECORD_KM = 500;

interface Point {
  readonly lat: number;
  readonly lon: number;
}

/**
 * The distance in km from `place` to the nearest incident on record, when it is farther than FAR_FROM_RECORD_KM;
 * null when it is near one, when nothing is on record yet, or when the place has no coordinates.
 * @example farFromRecord({ lat: 50.45, lon: 30.52 }, [{ lat: 30.92, lon: 66.45 }]) // 3,700-odd
 */
export function farFromRecord(place: Point | null, recorded: readonly Point[]): number | null {
  const known = recorded.filter((p) => Number.isFinite(p.lat) && Number.isFinite(p.lon));
  if (!place || !Number.isFinite(place.lat) || !Number.isFinite(place.lon) || known.length === 0) return null;
  const nearest = Math.min(...known.map((p) => distanceKm(place, p)));
  return nearest > FAR_FROM_RECORD_KM ? Math.round(nearest) : null;
}
