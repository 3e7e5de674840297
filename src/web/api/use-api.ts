import { useCallback, useEffect, useState } from 'preact/hooks';
import { getJson } from './http.js';
import type { StoredKey } from '../session/keystore.js';
import { signedReadHeaders } from '../session/signed-read.js';

export type Loadable<T> =
  | { readonly state: 'loading' }
  | { readonly state: 'error'; readonly error: Error }
  | { readonly state: 'ok'; readonly data: T };

/**
 * Fetch a JSON document for a screen, with loading and error states and a `reload`.
 * A null path fetches nothing (stays loading), for documents that depend on another one. With `signedBy`, the read is
 * signed by that member's key (what the terms stage is answered by who asks), and fetched again when the key changes.
 * @example const incidents = useApi<IncidentPage>('/v1/incidents?limit=50', session);
 */
export function useApi<T>(path: string | null, signedBy: StoredKey | null = null): Loadable<T> & { reload(): void } {
  const [value, setValue] = useState<Loadable<T>>({ state: 'loading' });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    if (path === null) return undefined;
    const ctl = new AbortController();
    setValue((v) => (v.state === 'ok' && tick > 0 ? v : { state: 'loading' }));
    const headers = signedBy ? signedReadHeaders(signedBy, path) : Promise.resolve({});
    headers.then((h) => getJson<T>(path, ctl.signal, h)).then(
      (data) => setValue({ state: 'ok', data }),
      (error: unknown) => {
        if (ctl.signal.aborted) return;
        setValue({ state: 'error', error: error instanceof Error ? error : new Error(String(error)) });
      },
    );
    return () => ctl.abort();
  }, [path, tick, signedBy?.key]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { ...value, reload };
}
