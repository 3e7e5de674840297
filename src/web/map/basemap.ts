// The offline basemap: country polygons and borders from world-atlas (Natural Earth 1:50m, TopoJSON) drawn as
// fill and line layers. No tiles, no glyphs, no sprites: nothing is fetched from outside the mechanism's server.
// Country names are HTML markers placed by label-points.ts, since a style without glyphs cannot draw text.
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { FeatureCollection, MultiLineString, MultiPolygon, Polygon } from 'geojson';
import countriesUrl from 'world-atlas/countries-50m.json?url';
import { t } from '../i18n/index.js';

export interface Basemap {
  readonly countries: FeatureCollection<Polygon | MultiPolygon, { name: string }>;
  readonly borders: MultiLineString;
  readonly coasts: MultiLineString;
}

let cached: Promise<Basemap> | null = null;

/** Fetch and convert the world once per page load. */
export function loadBasemap(): Promise<Basemap> {
  cached ??= fetch(countriesUrl)
    .then((r) => {
      if (!r.ok) throw new Error(t('map.basemapFailed', { status: r.status }));
      return r.json() as Promise<Topology<{ countries: GeometryCollection<{ name: string }> }>>;
    })
    .then((topo) => {
      const obj = topo.objects.countries;
      return {
        countries: feature(topo, obj) as Basemap['countries'],
        borders: mesh(topo, obj, (a, b) => a !== b),
        coasts: mesh(topo, obj, (a, b) => a === b),
      };
    });
  cached.catch(() => {
    cached = null;
  });
  return cached;
}

export const COLOURS = {
  sea: '#dde6ee',
  land: '#f8f7f3',
  landHighlight: '#efece3',
  border: '#8e99a5',
  coast: '#a9b8c6',
} as const;

/** Land colour: the countries named are tinted slightly warmer than the rest. */
export function landColour(highlight: readonly string[]): import('maplibre-gl').ExpressionSpecification {
  return ['case', ['in', ['get', 'name'], ['literal', [...highlight]]], COLOURS.landHighlight, COLOURS.land];
}

/** A style with no external resources; `highlight` names the countries to tint (those the agreement covers). */
export function basemapStyle(b: Basemap, highlight: readonly string[]): import('maplibre-gl').StyleSpecification {
  return {
    version: 8,
    sources: {
      countries: { type: 'geojson', data: b.countries },
      borders: { type: 'geojson', data: { type: 'Feature', properties: {}, geometry: b.borders } },
      coasts: { type: 'geojson', data: { type: 'Feature', properties: {}, geometry: b.coasts } },
    },
    layers: [
      { id: 'sea', type: 'background', paint: { 'background-color': COLOURS.sea } },
      {
        id: 'land',
        type: 'fill',
        source: 'countries',
        paint: { 'fill-color': landColour(highlight) },
      },
      { id: 'coasts', type: 'line', source: 'coasts', paint: { 'line-color': COLOURS.coast, 'line-width': 0.8 } },
      {
        id: 'borders',
        type: 'line',
        source: 'borders',
        paint: { 'line-color': COLOURS.border, 'line-width': ['interpolate', ['linear'], ['zoom'], 2, 0.6, 7, 1.4], 'line-dasharray': [3, 1.5] },
      },
    ],
  };
}
