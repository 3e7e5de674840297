import { useMemo } from 'preact/hooks';
import { NotPublicNotice } from '../staging/not-public.js';
import { useApp } from '../api/context.js';
import type { AgreementView, ComplianceView, IncidentView, MeetingView, Page } from '../api/types.js';
import { useApi } from '../api/use-api.js';
import { IncidentMap } from '../map/incident-map.js';
import { incidentCountries, incidentPoints } from '../map/points.js';
import { href } from '../router.js';
import { CeasefireStatus } from '../ui/ceasefire.js';
import { ComplianceSummary } from '../ui/compliance-summary.js';
import { Attribution, incidentTitle, whenText } from '../ui/incident-bits.js';
import { Empty, ErrorBox, Loading, Show } from '../ui/states.js';
import { StatusBadge, StatusLegend } from '../ui/status.js';
import { Timeline } from '../ui/timeline.js';
import { t } from '../i18n/index.js';

const byDateDesc = (a: IncidentView, b: IncidentView) => Date.parse(b.report.when.start) - Date.parse(a.report.when.start) || b.logIndex - a.logIndex;

export function OverviewPage() {
  const { members, session } = useApp();
  const agreement = useApi<AgreementView>('/v1/agreement');
  const incidents = useApi<Page<IncidentView>>('/v1/incidents?limit=500', session);
  const compliance = useApi<ComplianceView>('/v1/compliance');
  const meetings = useApi<{ items: readonly MeetingView[] }>('/v1/meetings');

  const items = incidents.state === 'ok' ? incidents.data.items : [];
  const points = useMemo(() => incidentPoints(items, members), [items, members]);
  const countries = useMemo(() => incidentCountries(items), [items]);
  const recent = useMemo(() => [...items].sort(byDateDesc).slice(0, 6), [items]);

  return (
    <div class="stack">
      <h1 class="visually-hidden">{t('nav.overview')}</h1>
      <Show value={agreement} what={t('overview.loadingStatus')}>
        {(a) => <CeasefireStatus agreement={a} />}
      </Show>

      <div class="grid grid-main-side overview-top">
        <section class="card" aria-labelledby="map-title">
          <div class="card-head">
            <h2 id="map-title">{t('overview.alleged')}</h2>
            <span class="small muted">
              {incidents.state === 'ok' ? t('overview.reportedCount', { count: items.length, more: String(Boolean(incidents.data.next)) }) : ''}
              <a href="#/incidents">{t('overview.searchFilter')}</a>
            </span>
          </div>
          {incidents.state === 'error' ? (
            <div class="card-body">
              <ErrorBox error={incidents.error} retry={incidents.reload} />
            </div>
          ) : (
            <IncidentMap points={points} highlight={countries} label={t('overview.mapLabel')} height={468} />
          )}
          <div class="card-foot">
            {incidents.state === 'ok' && <NotPublicNotice notPublic={incidents.data.notPublic} />}
            <StatusLegend />
          </div>
        </section>

        <section class="card" aria-labelledby="compliance-title">
          <div class="card-head">
            <h2 id="compliance-title">{t('nav.compliance')}</h2>
            <a class="small" href="#/compliance">
              {t('overview.byClause')}
            </a>
          </div>
          <Show value={compliance} what={t('nav.compliance')}>
            {(c) => <ComplianceSummary view={c} />}
          </Show>
        </section>
      </div>

      <section class="card" aria-labelledby="timeline-title">
        <div class="card-head">
          <h2 id="timeline-title">{t('overview.timeline')}</h2>
          <span class="small muted">{t('overview.timelineSub')}</span>
        </div>
        <div class="card-body">
          {incidents.state === 'loading' || agreement.state === 'loading' ? (
            <Loading what={t('overview.timeline')} />
          ) : (
            <Timeline incidents={items} agreement={agreement.state === 'ok' ? agreement.data : null} meetings={meetings.state === 'ok' ? meetings.data.items : []} />
          )}
        </div>
      </section>

      <section class="card" aria-labelledby="recent-title">
        <div class="card-head">
          <h2 id="recent-title">{t('overview.latest')}</h2>
        </div>
        {incidents.state === 'loading' ? (
          <Loading what={t('nav.incidents')} />
        ) : recent.length === 0 ? (
          <Empty title={t('overview.noIncident')} />
        ) : (
          <ul class="list-plain recent-grid">
            {recent.map((i) => (
              <li key={i.id}>
                <a href={href(['incidents', i.id])}>{incidentTitle(i.report)}</a>
                <div class="small muted">
                  {whenText(i.report.when)} · <Attribution view={i} />
                </div>
                <StatusBadge status={i.status} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
