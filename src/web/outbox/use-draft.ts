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
  // The value as the form opened, as text: compared by content, not identity, since a re-render may build an equal
  // value anew, and a restore skipped for that would let the empty form be saved over the kept draft.
  const first = useRef<{ key: string; text: string } | null>(null);
  if (first.current?.key !== key) first.current = { key, text: JSON.stringify(value) };
  const latest = useRef(value);
  latest.current = value;
  useEffect(() => {
    let live = true;
    setReady(false);
    import('./outbox-db.js')
      .then((db) => db.loadDraft<T>(key))
      .then((saved) => {
        // Never over what was typed while the saved draft was loading: the newer words win.
        if (live && saved !== undefined && JSON.stringify(latest.current) === first.current?.text) restore(saved);
      })
      .catch(() => undefined)
      .finally(() => live && setReady(true));
    return () => {
      live = false;
    };
  }, [key]);
  useEffect(() => {
    if (!ready || value === undefined) return;
    const save = () => void import('./outbox-db.js').then((db) => db.saveDraft(key, value));
    // Saved shortly after the last keystroke, and at once when the page is hidden or left (a tab closed, the phone
    // locked, a reload) so the last words typed are not lost.
    const t = setTimeout(save, 300);
    const now = () => {
      clearTimeout(t);
      save();
    };
    const hidden = () => document.visibilityState === 'hidden' && now();
    addEventListener('pagehide', now);
    document.addEventListener('visibilitychange', hidden);
    return () => {
      clearTimeout(t);
      removeEventListener('pagehide', now);
      document.removeEventListener('visibilitychange', hidden);
    };
  }, [key, value, ready]);
  return { ready, clear: () => import('./outbox-db.js').then((db) => db.dropDraft(key)) };
}
