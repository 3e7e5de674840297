import { useEffect, useState } from 'preact/hooks';

/**
 * Keep a form's draft in IndexedDB as it is typed (a reload, a closed tab or a night offline loses nothing) and
 * restore it once when the form opens. `undefined` stops saving (the draft was signed).
 * @example const saved = useDraftStore('report.file:…', draft, setDraft); await saved.clear();
 */
export function useDraftStore<T>(key: string, value: T | undefined, restore: (saved: T) => void): { clear(): Promise<void> } {
  // State, not a ref: whatever was typed while the saved draft was still loading is saved as soon as it has loaded.
  const [loaded, setLoaded] = useState(false);
  useEffect(() => {
    let live = true;
    setLoaded(false);
    import('./outbox-db.js')
      .then((db) => db.loadDraft<T>(key))
      .then((saved) => {
        if (live && saved !== undefined) restore(saved);
      })
      .catch(() => undefined)
      .finally(() => live && setLoaded(true));
    return () => {
      live = false;
    };
  }, [key]);
  useEffect(() => {
    if (!loaded || value === undefined) return;
    const t = setTimeout(() => void import('./outbox-db.js').then((db) => db.saveDraft(key, value)), 300);
    return () => clearTimeout(t);
  }, [key, value, loaded]);
  return { clear: () => import('./outbox-db.js').then((db) => db.dropDraft(key)) };
}
