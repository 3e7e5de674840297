import { href } from '../router.js';
import { t } from '../i18n/index.js';

/** "log #12", linking to that statement on the Log page. */
export function LogLink({ index }: { index: number }) {
  return (
    <a href={href(['log'], { at: String(index) })} class="nowrap" title={t('log.statementTitle', { index })}>
      {t('log.link', { index })}
    </a>
  );
}
