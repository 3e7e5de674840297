import { useEffect, useRef, useState } from 'preact/hooks';
import type { RefObject } from 'preact';
import type { MapHandle, MapOptions } from './engine.js';

/**
 * Create the MapLibre map once in `el` (loading the engine on first use), and destroy it on unmount.
 * `options()` is read when the engine is ready; `onReady` may push what changed while it loaded.
 */
export function useMap(el: RefObject<HTMLDivElement | null>, options: () => MapOptions, onReady?: (handle: MapHandle) => void) {
  const handle = useRef<MapHandle | null>(null);
  const [state, setState] = useState<'loading' | 'ready' | 'error'>('loading');
  const [error, setError] = useState('');
  useEffect(() => {
    let cancelled = false;
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
    // The map is created once; later changes flow in through the handle.
  }, []);
  return { handle, state, error };
}
