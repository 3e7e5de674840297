import { useEffect, useState } from 'preact/hooks';

// A hash router: `#/incidents/<id>?q=...`. Hash routes work behind any static mirror of the UI (a party may
// serve dist/web from its own host next to its copy of the tiles), with no server-side fallback needed.

export interface Route {
  /** Path segments after `#/`, e.g. ['incidents', 'abc…']. */
  readonly segments: readonly string[];
  readonly params: URLSearchParams;
}

export function parseHash(hash: string): Route {
  const raw = hash.replace(/^#\/?/, '');
  const [path = '', search = ''] = raw.split('?', 2);
  const segments = path.split('/').filter(Boolean).map((s) => {
    try {
      return decodeURIComponent(s);
    } catch {
      return s;
    }
  });
  return { segments, params: new URLSearchParams(search) };
}

/** The current route, updated on every hash change. */
export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseHash(location.hash));
  useEffect(() => {
    const on = () => setRoute(parseHash(location.hash));
    addEventListener('hashchange', on);
    return () => removeEventListener('hashchange', on);
  }, []);
  return route;
}

/** An href for a route, e.g. href(['incidents', id]) or href(['incidents'], { q: 'Chaman' }). */
export function href(segments: readonly string[], params?: Readonly<Record<string, string | undefined>>): string {
  const path = segments.map(encodeURIComponent).join('/');
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params ?? {})) if (v) q.set(k, v);
  const s = q.toString();
  return `#/${path}${s ? `?${s}` : ''}`;
}

/** Replace the query of the current route without adding a history entry (filters typed into a form). */
export function replaceParams(segments: readonly string[], params: Readonly<Record<string, string | undefined>>): void {
  const next = href(segments, params);
  if (next !== location.hash) {
    history.replaceState(null, '', next);
    dispatchEvent(new HashChangeEvent('hashchange'));
  }
}
