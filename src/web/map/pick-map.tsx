import { useEffect, useRef } from 'preact/hooks';
import type { MapPoint } from './engine.js';
import { useMap } from './use-map.js';
import { t } from '../i18n/index.js';

export interface PickedPoint {
  readonly lat: number;
  readonly lon: number;
}

interface Props {
  /** The point chosen so far (typed or clicked), or null. */
  readonly point: PickedPoint | null;
  /** The place's name, drawn beside the point. */
  readonly place: string;
  onPick(lat: number, lon: number, country: string | null): void;
  readonly height?: number;
}

const round = (x: number) => Math.round(x * 10_000) / 10_000;

/**
 * The offline basemap as a point picker: a click sets the report's coordinates (and suggests the country). The
 * latitude and longitude fields beside it are the keyboard way to give the same point.
 */
export function PickMap({ point, place, onPick, height = 300 }: Props) {
  const el = useRef<HTMLDivElement>(null);
  const pickRef = useRef(onPick);
  pickRef.current = onPick;
  // The last point clicked: the map stays where the member clicked; a point typed in the fields is centred on.
  const clicked = useRef<PickedPoint | null>(null);

  const points = (): MapPoint[] =>
    point ? [{ id: 'picked', lat: point.lat, lon: point.lon, colour: '#274a72', title: place || 'Chosen point', subtitle: '', href: '#', place: place || 'Chosen point' }] : [];
  const pointsRef = useRef(points);
  pointsRef.current = points;
  const { handle, state, error } = useMap(el, () => ({
    points: pointsRef.current(),
    highlight: [],
    onPick: (lon: number, lat: number, country: string | null) => {
      clicked.current = { lat: round(lat), lon: round(lon) };
      pickRef.current(round(lat), round(lon), country);
    },
  }));

  useEffect(() => {
    const h = handle.current;
    if (!h) return;
    const typed = point !== null && (point.lat !== clicked.current?.lat || point.lon !== clicked.current?.lon);
    h.setPoints(points(), typed, []);
  }, [point?.lat, point?.lon, place, state]);

  return (
    <div class="map-wrap pick-map">
      <div ref={el} class="map" dir="ltr" role="region" aria-label={t('map.pickLabel')} style={{ minHeight: `${height}px` }} data-testid="pick-map" data-state={state} />
      {state === 'loading' && (
        <div class="map-overlay" role="status">
          {t('map.loading')}
        </div>
      )}
      {state === 'error' && (
        <div class="map-overlay map-overlay-error" role="alert">
          {t('map.failedType', { error })}
        </div>
      )}
    </div>
  );
}
