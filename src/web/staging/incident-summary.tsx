import type { IncidentSummary } from '../../domain/views/publication.js';
import { formatDay, formatTime } from '../ui/format.js';
import { t, tEnum } from '../i18n/index.js';

/** What a party reads of a staged report before the terms' delay passes: the same summary for every party. */
export function IncidentSummaryView({ summary }: { summary: IncidentSummary }) {
  return (
    <article class="card" data-testid="incident-summary">
      <div class="card-head">
        <h1>{tEnum('event', summary.subEventType)}</h1>
        <span class="small muted">{t('staging.summaryFrom', { time: formatTime(summary.partiesFrom) })}</span>
      </div>
      <div class="card-body stack">
        <p>{t('staging.summaryIntro')}</p>
        <p>
          {formatDay(summary.day)} · {summary.country} · {summary.attribution}
        </p>
        {summary.accused.length > 0 && <p>{t('staging.summaryAccused', { sides: summary.accused.join(t('list.separator')) })}</p>}
        {summary.evidence.length > 0 && <p class="small">{t('staging.summaryEvidence', { titles: summary.evidence.map((e) => e.title).join(t('list.separator')) })}</p>}
      </div>
    </article>
  );
}
