// The report's two figures as inline SVG, so the HTML is one self-contained file that prints: a map of the incidents
// (an equirectangular frame fitted to them, country outlines when given) and a timeline of incidents per day.

export interface MapPoint {
  readonly lat: number;
  readonly lon: number;
  readonly label: string;
}

/** A country outline as rings of [lon, lat] (GeoJSON Polygon / MultiPolygon coordinates, flattened to rings). */
export type Outline = readonly (readonly (readonly [number, number])[])[];

export const esc = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export interface Frame {
  readonly west: number;
  readonly south: number;
  readonly east: number;
  readonly north: number;
}

/** The bounding box of a ring of [lon, lat]. */
export function boxOf(ring: readonly (readonly [number, number])[]): Frame {
  const box = { west: Infinity, east: -Infinity, south: Infinity, north: -Infinity };
  for (const [lon, lat] of ring) {
    if (lon < box.west) box.west = lon;
    if (lon > box.east) box.east = lon;
    if (lat < box.south) box.south = lat;
    if (lat > box.north) box.north = lat;
  }
  return box;
}

/** Whether two boxes overlap. */
export const meets = (a: Frame, b: Frame): boolean => a.west <= b.east && a.east >= b.west && a.south <= b.north && a.north >= b.south;

/** The points' bounding box, padded, never smaller than about 2° so a single incident still shows its region. */
export function frameOf(points: readonly MapPoint[]): Frame {
  const lats = points.map((p) => p.lat);
  const lons = points.map((p) => p.lon);
  const pad = (lo: number, hi: number) => Math.max(1, (hi - lo) * 0.15);
  const [s, n, w, e] = [Math.min(...lats), Math.max(...lats), Math.min(...lons), Math.max(...lons)];
  return { west: w - pad(w, e), east: e + pad(w, e), south: s - pad(s, n), north: n + pad(s, n) };
}

/**
 * The incidents on a map. Longitude is scaled by cos(mid-latitude) so shapes keep their proportions at these scales.
 * @example svgMap([{ lat: 30.92, lon: 66.45, label: 'Chaman' }], [], 'map') // '<svg ...>'
 */
export function svgMap(points: readonly MapPoint[], outlines: readonly Outline[], title: string, width = 640): string {
  if (points.length === 0) return '';
  const f = frameOf(points);
  const k = Math.cos((((f.north + f.south) / 2) * Math.PI) / 180);
  const height = Math.round((width * (f.north - f.south)) / ((f.east - f.west) * k));
  const xy = (v: number, axis: 'x' | 'y') => (axis === 'x' ? ((v - f.west) / (f.east - f.west)) * width : ((f.north - v) / (f.north - f.south)) * height);
  const x = (lon: number) => xy(lon, 'x').toFixed(1);
  const y = (lat: number) => xy(lat, 'y').toFixed(1);
  // Only what can be seen is written: rings whose box meets the frame's surroundings, each vertex held within them
  // (a margin of a tenth of the frame, at least 2°, past any straight stretch of a 1:50m border, so no visible edge
  // moves), and none within half a pixel of the vertex before. The file was a quarter of a megabyte of coasts off the map.
  const [mx, my] = [Math.max(2, (f.east - f.west) / 10), Math.max(2, (f.north - f.south) / 10)];
  const near = { west: f.west - mx, east: f.east + mx, south: f.south - my, north: f.north + my };
  const rings = outlines
    .flat()
    .filter((ring) => meets(boxOf(ring), near))
    .map((ring) => {
      const path: string[] = [];
      let [px, py] = [NaN, NaN];
      for (const [lon, lat] of ring) {
        const [cx, cy] = [xy(Math.min(near.east, Math.max(near.west, lon)), 'x'), xy(Math.min(near.north, Math.max(near.south, lat)), 'y')];
        if (Math.abs(cx - px) + Math.abs(cy - py) < 0.5) continue;
        [px, py] = [cx, cy];
        path.push(`${cx.toFixed(1)},${cy.toFixed(1)}`);
      }
      return path.length > 2 ? `M${path.join('L')}Z` : '';
    })
    .join('');
  const dots = points.map((p) => `<circle cx="${x(p.lon)}" cy="${y(p.lat)}" r="5"><title>${esc(p.label)}</title></circle>`).join('');
  return (
    `<svg class="map" role="img" viewBox="0 0 ${width} ${height}" width="100%" aria-label="${esc(title)}">` +
    `<rect width="${width}" height="${height}" class="sea"/><path class="land" d="${rings}"/><g class="dots">${dots}</g></svg>`
  );
}

/**
 * Incidents per day over the period, one bar a day (time runs left to right in every language, like the map).
 * @example svgTimeline({ '2025-11-06': 1 }, '2025-11-01', '2025-11-07', 'timeline')
 */
export function svgTimeline(perDay: Readonly<Record<string, number>>, from: string, to: string, title: string, width = 640): string {
  const days: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`) && days.length < 400; t += 86_400_000) days.push(new Date(t).toISOString().slice(0, 10));
  const max = Math.max(1, ...Object.values(perDay));
  const bar = width / Math.max(1, days.length);
  const height = 80;
  const bars = days
    .map((d, i) => {
      const n = perDay[d] ?? 0;
      const h = (n / max) * (height - 16);
      return `<rect x="${(i * bar + 1).toFixed(1)}" y="${(height - 14 - h).toFixed(1)}" width="${Math.max(1, bar - 2).toFixed(1)}" height="${h.toFixed(1)}"><title>${d}: ${n}</title></rect>`;
    })
    .join('');
  const labels = `<text x="0" y="${height - 2}">${esc(days[0] ?? from)}</text><text x="${width}" y="${height - 2}" text-anchor="end">${esc(days.at(-1) ?? to)}</text>`;
  return `<svg class="timeline" role="img" viewBox="0 0 ${width} ${height}" width="100%" direction="ltr" aria-label="${esc(title)}">${bars}${labels}</svg>`;
}
