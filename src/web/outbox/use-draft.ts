import { useEffect, useRef } from 'preact/hooks';

/**
 * Keep a form's draft in IndexedDB as it is typed (a reload, a closed tab or a night offline loses nothing) and
 * restore it once when the form opens. `undefined` stops saving (the draft was signed).
 * @example const saved = useDraftStore('report.file:…', draft, setDraft); await saved.clear();
 */
export function useDraftStore<T>(key: string, value: T | undefined, restore: (saved: T) => void): { clear(): Promise<void> } {
  const loaded = useRef(false);
  useEffect(() => {
    let live = true;
    import('./outbox-db.js')
      .then((db) => db.loadDraft<T>(key))
      .then((saved) => {
        if (live && saved !== undefined) restore(saved);
      })
      .catch(() => undefined)
      .finally(() => (loaded.current = true));
    return () => {
      live = false;
    };
  }, [key]);
  useEffect(() => {
    if (!loaded.current || value === undefined) return;
    const t = setTimeout(() => void import('./outbox-db.js').then((db) => db.saveDraft(key, value)), 300);
    return () => clearTimeout(t);
  }, [key, value]);
  return { clear: () => import('./outbox-db.js').then((db) => db.dropDraft(key)) };
}
