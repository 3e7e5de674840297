import type { ComponentChildren } from 'preact';
import { useApp } from '../api/context.js';
import type { Route } from '../router.js';
import { t, type MessageKey } from '../i18n/index.js';
import { LanguagePicker } from './language-picker.js';

const TABS: readonly { path: string; label: MessageKey }[] = [
  { path: '', label: 'nav.overview' },
  { path: 'incidents', label: 'nav.incidents' },
  { path: 'agreement', label: 'nav.agreement' },
  { path: 'compliance', label: 'nav.compliance' },
  { path: 'review', label: 'nav.review' },
  { path: 'log', label: 'nav.log' },
  { path: 'public-report', label: 'nav.publicReport' },
];

function Mark() {
  return (
    <svg class="brand-mark" width="34" height="34" viewBox="0 0 34 34" aria-hidden="true">
      <rect x="0.5" y="0.5" width="33" height="33" rx="6" fill="#f4f6f9" stroke="#f4f6f9" />
      <path d="M8 12h18M8 17h18M8 22h11" stroke="#1b3350" stroke-width="2.2" stroke-linecap="round" />
      <path d="M21 23l2.6 2.6L28.5 20" stroke="#2c6a4a" stroke-width="2.4" fill="none" stroke-linecap="round" stroke-linejoin="round" />
    </svg>
  );
}

export function Masthead({ route, tools }: { route: Route; tools: ComponentChildren }) {
  const { log } = useApp();
  // Filing a report belongs to the incidents section.
  const current = route.segments[0] === 'report' ? 'incidents' : (route.segments[0] ?? '');

  return (
    <header class="masthead">
      <div class="masthead-inner">
        <a class="brand" href="#/">
          <Mark />
          <span class="brand-text">
            <span class="brand-name">{t('shell.brand')}</span>
            <span class="brand-sub">
              <span class="brand-sub-long">{log?.mechanism ? t('shell.subWithName') : t('shell.sub')}</span>
              {log?.mechanism}
            </span>
          </span>
        </a>
        <div class="masthead-tools">
          <LanguagePicker />
          {tools}
        </div>
      </div>
      <nav class="tabs" aria-label={t('nav.sections')}>
        {TABS.map((tab) => (
          <a key={tab.path} href={`#/${tab.path}`} aria-current={current === tab.path ? 'page' : undefined}>
            {t(tab.label)}
          </a>
        ))}
      </nav>
    </header>
  );
}
