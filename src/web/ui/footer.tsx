import { useApp } from '../api/context.js';
import { t, tRich } from '../i18n/index.js';

export function Footer() {
  const { log } = useApp();
  return (
    <footer class="site-footer">
      <div class="site-footer-inner">
        <div>
          {log?.demo && <strong>{t('footer.demo')} </strong>}
          {log ? (
            tRich('footer.log', {
              origin: log.origin,
              size: log.size,
              code: (chunks) => <code dir="ltr">{chunks}</code>,
              verify: (chunks) => <a href="#/log">{chunks}</a>,
            })
          ) : (
            t('footer.about')
          )}
        </div>
        <div class="row" style={{ gap: '16px' }}>
          <a href="/docs">{t('footer.apiDocs')}</a>
          <a href="/openapi.json">{t('footer.openapi')}</a>
          <a href="/checkpoint">{t('footer.checkpoint')}</a>
        </div>
      </div>
    </footer>
  );
}
