import type { NotPublic } from '../../domain/views/publication.js';
import { t } from '../i18n/index.js';

/**
 * "3 reports not yet public in this area": counted from the log, the same for every reader, so both parties can
 * prove they were shown the same record even where it is not yet published.
 */
export function NotPublicNotice({ notPublic }: { notPublic: NotPublic | undefined }) {
  if (!notPublic || notPublic.count === 0) return null;
  return (
    <p class="small muted" role="note" data-testid="not-public" data-count={notPublic.count}>
      {/* The reason in words, not behind an icon: a tooltip never shows on a phone, and the icon's glyph is in no font shipped. */}
      <strong>{t('staging.notPublic', { count: notPublic.count })}</strong> · {t('staging.notPublicHelp')}
    </p>
  );
}
