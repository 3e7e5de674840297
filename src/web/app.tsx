import { useEffect, useMemo, useState } from 'preact/hooks';
import { App, type AppContext } from './api/context.js';
import { getJson } from './api/http.js';
import type { LogInfo, MemberInfo, Page } from './api/types.js';
import { useRoute } from './router.js';
import { loadStoredKey, type StoredKey } from './session/keystore.js';
import { KeyDialog, SessionButton } from './session/session-ui.js';
import { DemoNotice } from './ui/demo-notice.js';
import { Masthead } from './ui/masthead.js';
import { Footer } from './ui/footer.js';
import { Pages } from './pages/index.js';

/** The shell: loads the log's identity and the members once, keeps the signed-in key, routes to a page. */
export function Root() {
  const route = useRoute();
  const [log, setLog] = useState<LogInfo | null>(null);
  const [logError, setLogError] = useState<Error | null>(null);
  const [members, setMembers] = useState<ReadonlyMap<string, MemberInfo>>(new Map());
  const [session, setSession] = useState<StoredKey | null>(null);
  const [keyDialog, setKeyDialog] = useState(false);

  useEffect(() => {
    getJson<LogInfo>('/v1/log').then(setLog, (e: Error) => setLogError(e));
    getJson<Page<MemberInfo>>('/v1/members').then(
      (p) => setMembers(new Map(p.items.map((m) => [m.id, m]))),
      () => setMembers(new Map()),
    );
  }, []);

  useEffect(() => {
    if (!log) return;
    loadStoredKey(log.origin).then((k) => setSession(k ?? null), () => setSession(null));
  }, [log?.origin]);

  useEffect(() => {
    const label = log?.mechanism ? ` — ${log.mechanism}` : '';
    const page = route.segments[0] ?? '';
    const titles: Record<string, string> = { '': 'Overview', incidents: 'Incidents', agreement: 'Agreement', compliance: 'Compliance', review: 'Review queue', log: 'Log', report: 'File a report' };
    document.title = `${titles[page] ?? 'Truce'} · Truce${label}${log?.demo ? ' (demo)' : ''}`;
  }, [route, log?.mechanism, log?.demo]);

  const ctx: AppContext = useMemo(
    () => ({ log, members, session, setSession, openKeyDialog: () => setKeyDialog(true) }),
    [log, members, session],
  );

  return (
    <App.Provider value={ctx}>
      <a class="skip-link" href="#main" onClick={(e) => { e.preventDefault(); document.getElementById('main')?.focus(); }}>
        Skip to content
      </a>
      <Masthead route={route} tools={<SessionButton />} />
      {log?.demo && <DemoNotice label={log.label} />}
      <main id="main" tabIndex={-1}>
        {logError && (
          <div class="alert alert-error" role="alert" style={{ marginBottom: '16px' }}>
            <strong>The mechanism's server did not answer.</strong> {logError.message}
          </div>
        )}
        <Pages route={route} />
      </main>
      <Footer />
      {keyDialog && <KeyDialog onClose={() => setKeyDialog(false)} />}
    </App.Provider>
  );
}
