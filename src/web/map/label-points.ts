import type { MultiPolygon, Polygon, Position } from 'geojson';

export interface LabelPoint {
  readonly name: string;
  readonly lon: number;
  readonly lat: number;
  /** Width and height in degrees of the polygon the label sits in, to hide labels of shapes too small on screen. */
  readonly width: number;
  readonly height: number;
  /** west, south, east, north of that polygon */
  readonly bbox: readonly [number, number, number, number];
}

function ringArea(ring: readonly Position[]): number {
  let a = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) a += ring[j]![0]! * ring[i]![1]! - ring[i]![0]! * ring[j]![1]!;
  return a / 2;
}

function ringCentroid(ring: readonly Position[]): [number, number] {
  let x = 0;
  let y = 0;
  let a = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [x0, y0] = ring[j] as [number, number];
    const [x1, y1] = ring[i] as [number, number];
    const f = x0 * y1 - x1 * y0;
    x += (x0 + x1) * f;
    y += (y0 + y1) * f;
    a += f;
  }
  if (a === 0) return ring[0] as [number, number];
  return [x / (3 * a), y / (3 * a)];
}

/** A label point for a country: the centroid of its largest polygon (so France is labelled in Europe). */
export function labelPoint(name: string, geometry: Polygon | MultiPolygon): LabelPoint | null {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  let best: readonly Position[] | null = null;
  let bestArea = 0;
  for (const p of polygons) {
    const outer = p[0];
    if (!outer) continue;
    const area = Math.abs(ringArea(outer));
    if (area > bestArea) {
      bestArea = area;
      best = outer;
    }
  }
  if (!best) return null;
  const [lon, lat] = ringCentroid(best);
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  for (const [x, y] of best as [number, number][]) {
    minX = Math.min(minX, x);
    maxX = Math.max(maxX, x);
    minY = Math.min(minY, y);
    maxY = Math.max(maxY, y);
  }
  return { name, lon, lat, width: maxX - minX, height: maxY - minY, bbox: [minX, minY, maxX, maxY] };
}
