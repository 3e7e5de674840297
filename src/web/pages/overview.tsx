import { useMemo } from 'preact/hooks';
import { useApp } from '../api/context.js';
import type { AgreementView, ComplianceView, IncidentView, MeetingView, Page } from '../api/types.js';
import { useApi } from '../api/use-api.js';
import { IncidentMap } from '../map/incident-map.js';
import { incidentCountries, incidentPoints } from '../map/points.js';
import { href } from '../router.js';
import { CeasefireStatus } from '../ui/ceasefire.js';
import { ComplianceSummary } from '../ui/compliance-summary.js';
import { formatNumber } from '../ui/format.js';
import { Attribution, incidentTitle, whenText } from '../ui/incident-bits.js';
import { Empty, ErrorBox, Loading, Show } from '../ui/states.js';
import { StatusBadge, StatusLegend } from '../ui/status.js';
import { Timeline } from '../ui/timeline.js';

const byDateDesc = (a: IncidentView, b: IncidentView) => Date.parse(b.report.when.start) - Date.parse(a.report.when.start) || b.logIndex - a.logIndex;

export function OverviewPage() {
  const { members } = useApp();
  const agreement = useApi<AgreementView>('/v1/agreement');
  const incidents = useApi<Page<IncidentView>>('/v1/incidents?limit=500');
  const compliance = useApi<ComplianceView>('/v1/compliance');
  const meetings = useApi<{ items: readonly MeetingView[] }>('/v1/meetings');

  const items = incidents.state === 'ok' ? incidents.data.items : [];
  const points = useMemo(() => incidentPoints(items, members), [items, members]);
  const countries = useMemo(() => incidentCountries(items), [items]);
  const recent = useMemo(() => [...items].sort(byDateDesc).slice(0, 6), [items]);

  return (
    <div class="stack">
      <h1 class="visually-hidden">Overview</h1>
      <Show value={agreement} what="the agreement's status">
        {(a) => <CeasefireStatus agreement={a} />}
      </Show>

      <div class="grid grid-main-side overview-top">
        <section class="card" aria-labelledby="map-title">
          <div class="card-head">
            <h2 id="map-title">Alleged incidents</h2>
            <span class="small muted">
              {incidents.state === 'ok' ? `${formatNumber(items.length)}${incidents.data.next ? '+' : ''} reported · ` : ''}
              <a href="#/incidents">search and filter</a>
            </span>
          </div>
          {incidents.state === 'error' ? (
            <div class="card-body">
              <ErrorBox error={incidents.error} retry={incidents.reload} />
            </div>
          ) : (
            <IncidentMap points={points} highlight={countries} label="Map of alleged incidents" height={468} />
          )}
          <div class="card-foot">
            <StatusLegend />
          </div>
        </section>

        <section class="card" aria-labelledby="compliance-title">
          <div class="card-head">
            <h2 id="compliance-title">Compliance</h2>
            <a class="small" href="#/compliance">
              by clause
            </a>
          </div>
          <Show value={compliance} what="compliance">
            {(c) => <ComplianceSummary view={c} />}
          </Show>
        </section>
      </div>

      <section class="card" aria-labelledby="timeline-title">
        <div class="card-head">
          <h2 id="timeline-title">Timeline</h2>
          <span class="small muted">incidents by the date reported, rounds of talks, and the ceasefire's recorded status</span>
        </div>
        <div class="card-body">
          {incidents.state === 'loading' || agreement.state === 'loading' ? (
            <Loading what="the timeline" />
          ) : (
            <Timeline incidents={items} agreement={agreement.state === 'ok' ? agreement.data : null} meetings={meetings.state === 'ok' ? meetings.data.items : []} />
          )}
        </div>
      </section>

      <section class="card" aria-labelledby="recent-title">
        <div class="card-head">
          <h2 id="recent-title">Latest reports</h2>
        </div>
        {incidents.state === 'loading' ? (
          <Loading what="incidents" />
        ) : recent.length === 0 ? (
          <Empty title="No incident has been reported" />
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
