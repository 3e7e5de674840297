import type { Feature, FeatureCollection, Point } from 'geojson';
import { casualtyTotal } from './taxonomy.js';
import { lastLocalDate, localDate } from './time.js';
import type { IncidentView } from './views/incident.js';

/** The properties of one incident feature: enough to draw, filter and link back; the full record is at `url`. */
export interface IncidentProperties {
  readonly id: string;
  readonly logIndex: number;
  readonly attribution: string;
  readonly status: string;
  readonly eventType: string;
  readonly subEventType: string;
  readonly start: string;
  readonly end: string;
  readonly startDate: string;
  readonly endDate: string;
  readonly timePrecision: string;
  readonly place: string;
  readonly country: string;
  readonly geoPrecision: number;
  readonly accused: readonly string[];
  readonly clauses: readonly string[];
  readonly killed: number;
  readonly injured: number;
  readonly replies: number;
  readonly url: string;
}

/**
 * One GeoJSON (RFC 7946) feature for an incident; its geometry is null when the report gives no point.
 * Coordinates are [longitude, latitude], as RFC 7946 orders them.
 */
export function incidentFeature(view: IncidentView): Feature<Point | null, IncidentProperties> {
  const r = view.report;
  const geometry: Point | null = r.where.lat !== undefined && r.where.lon !== undefined ? { type: 'Point', coordinates: [r.where.lon, r.where.lat] } : null;
  return {
    type: 'Feature',
    id: view.id,
    geometry,
    properties: {
      id: view.id,
      logIndex: view.logIndex,
      attribution: view.attribution,
      status: view.status,
      eventType: r.event_type,
      subEventType: r.sub_event_type,
      start: r.when.start,
      end: r.when.end,
      startDate: localDate(r.when.start),
      endDate: lastLocalDate(r.when.start, r.when.end),
      timePrecision: r.when.precision,
      place: r.where.place,
      country: r.where.country,
      geoPrecision: r.where.geo_precision,
      accused: r.accused,
      clauses: r.clauses,
      killed: casualtyTotal(r.casualties, 'killed'),
      injured: casualtyTotal(r.casualties, 'injured'),
      replies: view.replies.length,
      url: `/v1/incidents/${view.id}`,
    },
  };
}

/**
 * A FeatureCollection of incidents, in the order given.
 * @example incidentsToGeoJson([view]).features[0]?.geometry // { type: 'Point', coordinates: [66.45, 30.92] }
 */
export function incidentsToGeoJson(views: readonly IncidentView[]): FeatureCollection<Point | null, IncidentProperties> {
  return { type: 'FeatureCollection', features: views.map(incidentFeature) };
}
