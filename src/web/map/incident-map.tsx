import { useEffect, useRef, useState } from 'preact/hooks';
import type { MapPoint } from './engine.js';
import { useMap } from './use-map.js';
import { t } from '../i18n/index.js';

export type { MapPoint };

interface Props {
  readonly points: readonly MapPoint[];
  readonly highlight: readonly string[];
  readonly label: string;
  readonly height?: number;
  readonly onMove?: (bbox: [number, number, number, number]) => void;
  /** Refit the view when the points change (false when the user's own view drives the points, as in bbox filtering). */
  readonly refit?: boolean;
}

/**
 * The incident map. MapLibre loads on first use; keyboard and screen-reader users get the same incidents as a list of
 * links inside the map region, and focusing one opens its popup on the map.
 */
export function IncidentMap({ points, highlight, label, height = 420, onMove, refit = true }: Props) {
  const el = useRef<HTMLDivElement>(null);
  const moveRef = useRef(onMove);
  moveRef.current = onMove;
  const pointsRef = useRef(points);
  pointsRef.current = points;
  const highlightRef = useRef(highlight);
  highlightRef.current = highlight;
  const [rendered, setRendered] = useState(0);
  const { handle, state, error } = useMap(
    el,
    () => ({ points, highlight, onMove: (b) => moveRef.current?.(b), onRendered: setRendered }),
    // Points may have arrived while the map was loading.
    (h) => {
      if (pointsRef.current !== points) h.setPoints(pointsRef.current, refit, highlightRef.current);
    },
  );

  useEffect(() => {
    handle.current?.setPoints(points, refit, highlight);
  }, [points, highlight.join('|')]);

  return (
    <div class="map-wrap" role="region" aria-label={label}>
      <div ref={el} class="map" dir="ltr" style={{ minHeight: `${height}px` }} data-testid="incident-map" data-state={state} data-rendered={rendered} />
      {state === 'loading' && (
        <div class="map-overlay" role="status">
          {t('map.loading')}
        </div>
      )}
      {state === 'error' && (
        <div class="map-overlay map-overlay-error" role="alert">
          {t('map.failedList', { error })}
        </div>
      )}
      <ul class="map-keys" aria-label={t('map.incidents')}>
        {points.slice(0, 300).map((p) => (
          <li key={p.id}>
            <a href={p.href} onFocus={() => handle.current?.focus(p.id)} data-testid="map-incident">
              {p.title}, {p.place}. {p.subtitle}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
