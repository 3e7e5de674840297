import { currentLocale, t } from '../i18n/index.js';

/** Shown on every page when the API says the mechanism is the demo; the server's label is shown as it is worded. */
export function DemoNotice({ label }: { label?: string | undefined }) {
  // The server's own wording in English; the catalog's in every other language.
  const text = (currentLocale() === 'en' && label?.trim()) || t('demo.text');
  return (
    <div class="demo-notice" role="note" aria-label={t('demo.label')} data-testid="demo-notice">
      <div class="demo-notice-inner">
        <strong>{t('demo.title')}</strong>
        <span class="demo-notice-long">{text}</span>
        <span class="demo-notice-short">{t('demo.short')}</span>
      </div>
    </div>
  );
}
