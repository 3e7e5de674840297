// MapLibre, loaded lazily (it is most of the bundle's weight) by incident-map.tsx. The worker is served from our own
// origin (a Vite asset URL), and the style uses no network resources at all: see basemap.ts.
import * as maplibregl from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import type { FeatureCollection, Point } from 'geojson';
import { basemapStyle, landColour, loadBasemap } from './basemap.js';
import { type LabelPoint, labelPoint } from './label-points.js';
import { t } from '../i18n/index.js';

maplibregl.setWorkerUrl(workerUrl);

export interface MapPoint {
  readonly id: string;
  readonly lon: number;
  readonly lat: number;
  readonly colour: string;
  readonly title: string;
  /** e.g. "6 Nov 2025 · Alleged by Pakistan" */
  readonly subtitle: string;
  readonly href: string;
  readonly place: string;
}

export interface MapHandle {
  /** New points, and the countries to tint and keep in view (Natural Earth names). */
  setPoints(points: readonly MapPoint[], fit: boolean, highlight: readonly string[]): void;
  /** Open the popup of one point and centre on it (keyboard users reach points through the list). */
  focus(id: string): void;
  /** west, south, east, north */
  bounds(): [number, number, number, number];
  destroy(): void;
}

export interface MapOptions {
  readonly points: readonly MapPoint[];
  /** Country names (as Natural Earth spells them) to tint: the parties' countries. */
  readonly highlight: readonly string[];
  readonly onMove?: (bbox: [number, number, number, number]) => void;
  /** Called after each render with the number of points drawn (used by tests and the screen-reader summary). */
  readonly onRendered?: (count: number) => void;
  /**
   * Pick mode (the report form): a click anywhere calls this with the point and the country clicked (its Natural
   * Earth name, or null at sea), and points open no popup.
   */
  readonly onPick?: (lon: number, lat: number, country: string | null) => void;
}

const toCollection = (points: readonly MapPoint[]): FeatureCollection<Point> => ({
  type: 'FeatureCollection',
  features: points.map((p) => ({ type: 'Feature', id: undefined, properties: { id: p.id, colour: p.colour }, geometry: { type: 'Point', coordinates: [p.lon, p.lat] } })),
});

function popupContent(p: MapPoint): HTMLElement {
  // Titles and places are written by members: build the popup with textContent, never innerHTML.
  const root = document.createElement('div');
  root.className = 'map-popup';
  const a = document.createElement('a');
  a.href = p.href;
  a.textContent = p.title;
  const meta = document.createElement('div');
  meta.className = 'map-popup-meta';
  meta.textContent = p.subtitle;
  root.append(a, meta);
  return root;
}

/** Fit the view to the points and the countries they lie in, so a few close incidents still show their region. */
function fitTo(map: maplibregl.Map, points: readonly MapPoint[], region: readonly LabelPoint[]): void {
  const coords: [number, number][] = [
    ...points.map((p): [number, number] => [p.lon, p.lat]),
    ...region.flatMap((l) => [[l.bbox[0], l.bbox[1]], [l.bbox[2], l.bbox[3]]] as [number, number][]),
  ];
  if (coords.length === 0) return;
  const b = new maplibregl.LngLatBounds(coords[0], coords[0]);
  for (const c of coords) b.extend(c);
  map.fitBounds(b, { padding: 40, maxZoom: 6, duration: 0 });
}

export async function createMap(container: HTMLElement, options: MapOptions): Promise<MapHandle> {
  const basemap = await loadBasemap();
  const labels = basemap.countries.features.map((f) => labelPoint(f.properties.name, f.geometry)).filter((l): l is LabelPoint => l !== null);
  let highlighted = labels.filter((l) => options.highlight.includes(l.name));
  const map = new maplibregl.Map({
    container,
    style: basemapStyle(basemap, options.highlight),
    center: [67, 31],
    zoom: 4,
    minZoom: 1,
    maxZoom: 11,
    attributionControl: false,
    dragRotate: false,
    pitchWithRotate: false,
    renderWorldCopies: false,
    fadeDuration: 0,
    // MapLibre's own control labels, in the reader's language.
    locale: {
      'NavigationControl.ZoomIn': t('map.zoomIn'),
      'NavigationControl.ZoomOut': t('map.zoomOut'),
      'AttributionControl.ToggleAttribution': t('map.toggleCredit'),
      'Map.Title': t('map.title'),
    },
  });
  map.touchZoomRotate.disableRotation();
  map.keyboard.disableRotation();
  map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
  map.addControl(new maplibregl.AttributionControl({ compact: true, customAttribution: t('map.credit') }), 'bottom-right');
  let points = options.points;

  const countryMarkers = labels.map((l) => {
    const el = document.createElement('div');
    el.className = 'map-country';
    el.textContent = l.name;
    el.setAttribute('aria-hidden', 'true');
    return { l, shown: false, marker: new maplibregl.Marker({ element: el }).setLngLat([l.lon, l.lat]) };
  });
  let placeMarkers: maplibregl.Marker[] = [];

  const placeLabels = () => {
    for (const m of placeMarkers) m.remove();
    const seen = new Set<string>();
    placeMarkers = [];
    for (const p of points.slice(0, 40)) {
      if (seen.has(p.place)) continue;
      seen.add(p.place);
      const el = document.createElement('div');
      el.className = 'map-place';
      el.textContent = p.place;
      el.setAttribute('aria-hidden', 'true');
      placeMarkers.push(new maplibregl.Marker({ element: el, anchor: 'left', offset: [10, 0] }).setLngLat([p.lon, p.lat]).addTo(map));
    }
  };

  // Labels are DOM markers, which MapLibre does not keep apart: after each move, a place label that would overlap one
  // already shown is hidden (incidents first, in their order; then countries), so no two labels collide at any size.
  const declutter = () => {
    const shown: DOMRect[] = [];
    const overlaps = (a: DOMRect, b: DOMRect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
    const place = (el: HTMLElement) => {
      el.style.visibility = '';
      const box = el.getBoundingClientRect();
      if (shown.some((s) => overlaps(s, box))) el.style.visibility = 'hidden';
      else shown.push(box);
    };
    for (const m of placeMarkers) place(m.getElement());
    for (const c of countryMarkers) if (c.shown) place(c.marker.getElement());
  };

  const updateCountryLabels = () => {
    const pxPerDegree = (512 * 2 ** map.getZoom()) / 360;
    const b = map.getBounds();
    for (const c of countryMarkers) {
      const visible = c.l.width * pxPerDegree > 70 && c.l.height * pxPerDegree > 24 && b.contains([c.l.lon, c.l.lat]);
      if (visible && !c.shown) c.marker.addTo(map);
      else if (!visible && c.shown) c.marker.remove();
      c.shown = visible;
    }
  };

  const popup = new maplibregl.Popup({ closeButton: true, closeOnClick: true, maxWidth: '280px', offset: 10 });
  const showPopup = (id: string) => {
    const p = points.find((x) => x.id === id);
    if (!p) return;
    popup.setLngLat([p.lon, p.lat]).setDOMContent(popupContent(p)).addTo(map);
  };

  await new Promise<void>((resolve) => map.once('load', () => resolve()));
  map.addSource('incidents', { type: 'geojson', data: toCollection(points) });
  map.addLayer({ id: 'incident-halo', type: 'circle', source: 'incidents', paint: { 'circle-radius': 11, 'circle-color': ['get', 'colour'], 'circle-opacity': 0.18 } });
  map.addLayer({
    id: 'incident',
    type: 'circle',
    source: 'incidents',
    paint: { 'circle-radius': 6.5, 'circle-color': ['get', 'colour'], 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 1.8 },
  });
  const pick = options.onPick;
  if (pick) {
    map.getCanvas().style.cursor = 'crosshair';
    map.on('click', (e) => {
      const name = map.queryRenderedFeatures(e.point, { layers: ['land'] })[0]?.properties?.['name'];
      pick(e.lngLat.lng, e.lngLat.lat, typeof name === 'string' ? name : null);
    });
  } else {
    map.on('click', 'incident', (e) => {
      const id = e.features?.[0]?.properties?.['id'];
      if (typeof id === 'string') showPopup(id);
    });
    map.on('mouseenter', 'incident', () => (map.getCanvas().style.cursor = 'pointer'));
    map.on('mouseleave', 'incident', () => (map.getCanvas().style.cursor = ''));
  }
  map.on('moveend', () => {
    updateCountryLabels();
    declutter();
    const b = map.getBounds();
    options.onMove?.([b.getWest(), b.getSouth(), b.getEast(), b.getNorth()]);
  });
  map.on('idle', () => options.onRendered?.(map.queryRenderedFeatures({ layers: ['incident'] }).length));

  fitTo(map, points, highlighted);
  placeLabels();
  updateCountryLabels();
  declutter();
  map.on('resize', declutter);

  return {
    setPoints(next, fit, highlight) {
      points = next;
      highlighted = labels.filter((l) => highlight.includes(l.name));
      map.setPaintProperty('land', 'fill-color', landColour(highlight));
      (map.getSource('incidents') as maplibregl.GeoJSONSource | undefined)?.setData(toCollection(next));
      placeLabels();
      if (fit) fitTo(map, next, highlighted);
      updateCountryLabels();
      declutter();
    },
    focus(id) {
      const p = points.find((x) => x.id === id);
      if (!p) return;
      map.easeTo({ center: [p.lon, p.lat], duration: matchMedia('(prefers-reduced-motion: reduce)').matches ? 0 : 300 });
      showPopup(id);
    },
    bounds() {
      const b = map.getBounds();
      return [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()];
    },
    destroy() {
      map.remove();
    },
  };
}
