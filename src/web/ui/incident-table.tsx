import type { IncidentView } from '../api/types.js';
import { href } from '../router.js';
import { Attribution, casualtyText, incidentTitle, whenText } from './incident-bits.js';
import { StatusBadge } from './status.js';
import { t, tEnum } from '../i18n/index.js';

/** The result list: one row per report, each attributed to its filer. */
export function IncidentTable({ items }: { items: readonly IncidentView[] }) {
  return (
    <ul class="list-plain divided incident-list" data-testid="incident-list">
      {items.map((i) => (
        <li key={i.id} class="incident-row">
          <div class="incident-when">{whenText(i.report.when)}</div>
          <div class="incident-main">
            <a class="incident-title" href={href(['incidents', i.id])}>
              {incidentTitle(i.report)}
            </a>
            <div class="small">
              <Attribution view={i} />
            </div>
            <div class="small muted">
              {tEnum('event', i.report.event_type)}
              {casualtyText(i.report) && <> · {t('incList.casualties', { text: casualtyText(i.report) })}</>}
              {i.replies.length > 0 && <> · {t('incList.replies', { count: i.replies.length })}</>}
              {i.evidence.length > 0 && <> · {t('incList.evidence', { count: i.evidence.length })}</>}
            </div>
          </div>
          <div class="incident-status">
            <StatusBadge status={i.status} />
            <span class="small muted">{t('log.link', { index: i.logIndex })}</span>
          </div>
        </li>
      ))}
    </ul>
  );
}
