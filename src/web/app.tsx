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
import { t, useLocale, type MessageKey } from './i18n/index.js';

/** The shell: loads the log's identity and the members once, keeps the signed-in key, routes to a page. */
const TITLES: Readonly<Record<string, MessageKey>> = { '': 'nav.overview', incidents: 'nav.incidents', agreement: 'nav.agreement', compliance: 'nav.compliance', review: 'nav.review', log: 'nav.log', report: 'nav.report', patrol: 'jf.planTitle', 'access-denied': 'jf.deniedTitle', 'public-report': 'nav.publicReport' };

export function Root() {
  const route = useRoute();
  // Every component reads its words at render time: a new language re-renders the tree from here.
  const locale = useLocale();
  const [log, setLog] = useState<LogInfo | null>(null);
  const [logError, setLogError] = useState<Error | null>(null);
  const [members, setMembers] = useState<ReadonlyMap<string, MemberInfo>>(new Map());
  const [session, setSession] = useState<StoredKey | null>(null);
  const [keyDialog, setKeyDialog] = useState(false);

  const [membersVersion, setMembersVersion] = useState(0);
  // The log's size (in the footer) is read again on every page change and every half minute while the page is seen,
  // so the count follows what was appended since; members are read again with it (a new member's name, not its id).
  useEffect(() => {
    const read = () =>
      getJson<LogInfo>('/v1/log').then((next) => {
        setLogError(null);
        setLog((prev) => {
          if (prev && prev.origin === next.origin && prev.size === next.size && prev.checkpointSize === next.checkpointSize) return prev;
          if (prev && prev.size !== next.size) setMembersVersion((v) => v + 1);
          return next;
        });
      }, (e: Error) => setLogError(e));
    void read();
    const timer = setInterval(() => document.visibilityState === 'visible' && void read(), 30_000);
    return () => clearInterval(timer);
  }, [route]);
  useEffect(() => {
    getJson<Page<MemberInfo>>('/v1/members').then(
      (p) => setMembers(new Map(p.items.map((m) => [m.id, m]))),
      () => setMembers(new Map()),
    );
  }, [membersVersion]);

  // Statements signed offline go out as soon as the network is back.
  useEffect(() => {
    if (!log) return;
    let stop = () => {};
    void import('./outbox/outbox.js').then((o) => (stop = o.startOutbox(log.origin)));
    return () => stop();
  }, [log?.origin]);

  useEffect(() => {
    if (!log) return;
    loadStoredKey(log.origin).then((k) => setSession(k ?? null), () => setSession(null));
  }, [log?.origin]);

  useEffect(() => {
    const key = TITLES[route.segments[0] ?? ''];
    document.title = t('shell.title', { page: key ? t(key) : t('shell.brand'), mechanism: log?.mechanism ? ` — ${log.mechanism}` : '', demo: String(Boolean(log?.demo)) });
  }, [route, log?.mechanism, log?.demo, locale]);

  const ctx: AppContext = useMemo(
    () => ({ log, members, session, setSession, openKeyDialog: () => setKeyDialog(true), reloadMembers: () => setMembersVersion((v) => v + 1) }),
    [log, members, session],
  );

  return (
    <App.Provider value={ctx}>
      <a class="skip-link" href="#main" onClick={(e) => { e.preventDefault(); document.getElementById('main')?.focus(); }}>
        {t('shell.skip')}
      </a>
      <Masthead route={route} tools={<SessionButton />} />
      {log?.demo && <DemoNotice label={log.label} />}
      <main id="main" tabIndex={-1}>
        {logError && (
          <div class="alert alert-error" role="alert" style={{ marginBlockEnd: '16px' }}>
            <strong>{t('shell.noServer')}</strong> {logError.message}
          </div>
        )}
        <Pages route={route} />
      </main>
      <Footer />
      {keyDialog && <KeyDialog onClose={() => setKeyDialog(false)} />}
    </App.Provider>
  );
}
