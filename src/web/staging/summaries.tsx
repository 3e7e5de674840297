import type { IncidentSummary } from '../../domain/views/publication.js';
import { formatDay, formatTime } from '../ui/format.js';
import { t, tEnum } from '../i18n/index.js';

/** For a party: the staged reports it reads in full only after the terms' delay, each as the same summary both parties see. */
export function SummaryList({ summaries }: { summaries: readonly IncidentSummary[] | undefined }) {
  if (!summaries || summaries.length === 0) return null;
  return (
    <section class="card" aria-labelledby="summaries-title" data-testid="summaries">
      <div class="card-head">
        <h2 id="summaries-title">{t('staging.summaries')}</h2>
        <span class="small muted">{t('staging.summaryIntro')}</span>
      </div>
      <ul class="card-body stack">
        {summaries.map((s) => (
          <li key={s.id}>
            <a href={`#/incidents/${s.id}`}>
              {formatDay(s.day)} · {s.country} · {tEnum('event', s.subEventType)}
            </a>{' '}
            <span class="small muted">{t('staging.fullFrom', { time: formatTime(s.partiesFrom) })}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
