import { useEffect, useRef, useState } from 'preact/hooks';
import type { RefObject } from 'preact';
import type { MapHandle, MapOptions } from './engine.js';
import { useLocale } from '../i18n/index.js';

/**
 * Create the MapLibre map in `el` (loading the engine on first use), and destroy it on unmount. It is made again when
 * the reader changes language, so its credit and controls speak the new one. `options()` is read when the engine is
 * ready; `onReady` may push what changed while it loaded.
 */
export function useMap(el: RefObject<HTMLDivElement | null>, options: () => MapOptions, onReady?: (handle: MapHandle) => void) {
  const handle = useRef<MapHandle | null>(null);
  const [state, setState] = useState<'loading' | 'ready' | 'error'>('loading');
  const [error, setError] = useState('');
  const locale = useLocale();
  useEffect(() => {
    let cancelled = false;
    setState('loading');
    const container = el.current;
    if (!container) return undefined;
    import('./engine.js')
      .then((m) => m.createMap(container, options()))
      .then(
        (h) => {
          if (cancelled) return h.destroy();
          handle.current = h;
          onReady?.(h);
          setState('ready');
        },
        (e: Error) => {
          if (cancelled) return;
          setError(e.message);
          setState('error');
        },
      );
    return () => {
      cancelled = true;
      handle.current?.destroy();
      handle.current = null;
    };
    // Made once per language; later changes flow in through the handle.
  }, [locale]);
  return { handle, state, error };
}
