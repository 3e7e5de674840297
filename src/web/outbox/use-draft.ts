import { useEffect, useRef, useState } from 'preact/hooks';

/**
 * Keep a form's draft in IndexedDB as it is typed (a reload, a closed tab or a night offline loses nothing) and
 * restore it once when the form opens. `undefined` stops saving (the draft was signed). `ready` is true once the
 * saved draft was read (forms show it, and tests wait on it).
 * @example const saved = useDraftStore('report.file:…', draft, setDraft); await saved.clear();
 */
export function useDraftStore<T>(key: string, value: T | undefined, restore: (saved: T) => void): { ready: boolean; clear(): Promise<void> } {
  // State, not a ref: whatever was typed while the saved draft was still loading is saved as soon as it has loaded.
  const [ready, setReady] = useState(false);
  const first = useRef<{ key: string; value: T | undefined } | null>(null);
  if (first.current?.key !== key) first.current = { key, value };
  const latest = useRef(value);
  latest.current = value;
  useEffect(() => {
    let live = true;
    setReady(false);
    import('./outbox-db.js')
      .then((db) => db.loadDraft<T>(key))
      .then((saved) => {
        // Never over what was typed while the saved draft was loading: the newer words win.
        if (live && saved !== undefined && latest.current === first.current?.value) restore(saved);
      })
      .catch(() => undefined)
      .finally(() => live && setReady(true));
    return () => {
      live = false;
    };
  }, [key]);
  useEffect(() => {
    if (!ready || value === undefined) return;
    const t = setTimeout(() => void import('./outbox-db.js').then((db) => db.saveDraft(key, value)), 300);
    return () => clearTimeout(t);
  }, [key, value, ready]);
  return { ready, clear: () => import('./outbox-db.js').then((db) => db.dropDraft(key)) };
}
