import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { useApp } from '../api/context.js';
import { query } from '../api/http.js';
import type { IncidentView, Page } from '../api/types.js';
import { useApi } from '../api/use-api.js';
import { IncidentMap } from '../map/incident-map.js';
import { incidentCountries, incidentPoints } from '../map/points.js';
import { type Route, replaceParams } from '../router.js';
import { useSigner } from '../session/rights.js';
import { IncidentFilters, type Filters, FILTER_KEYS } from '../ui/incident-filters.js';
import { IncidentTable } from '../ui/incident-table.js';
import { Empty, ErrorBox, Loading } from '../ui/states.js';
import { StatusLegend } from '../ui/status.js';
import { t } from '../i18n/index.js';
import { readerError } from '../api/error-text.js';
import { NotPublicNotice } from '../staging/not-public.js';
import { SummaryList } from '../staging/summaries.js';

const PAGE = 25;

/** The map may show more than one world's width; the API takes longitudes within ±180 and latitudes within ±90. */
function clampBbox([w, s, e, n]: readonly number[]): string {
  const c = (x: number | undefined, m: number) => Math.max(-m, Math.min(m, x ?? 0)).toFixed(3);
  return [c(w, 180), c(s, 90), c(e, 180), c(n, 90)].join(',');
}

function filtersOf(route: Route): Filters {
  const f: Record<string, string> = {};
  for (const k of FILTER_KEYS) f[k] = route.params.get(k) ?? '';
  return f as unknown as Filters;
}

/** "12 results", "25+ results, page 2": how many reports this page lists, and which page it is. */
function resultCount(count: number, more: boolean, page: number): string {
  const n = more ? t('incList.countMore', { count }) : t('incList.count', { count });
  return page > 1 ? t('incList.onPage', { count: n, page }) : n;
}

/** Incidents: filters (kept in the address, so a view can be shared), a map of the results, and a paged list. */
export function IncidentsPage({ route }: { route: Route }) {
  const { members, session } = useApp();
  const signer = useSigner();
  const filters = filtersOf(route);
  const [cursors, setCursors] = useState<readonly string[]>([]);
  const filterKey = FILTER_KEYS.map((k) => filters[k]).join('|');
  useEffect(() => setCursors([]), [filterKey]);

  const cursor = cursors.at(-1);
  const path = `/v1/incidents${query({ ...filters, limit: PAGE, cursor })}`;
  const page = useApi<Page<IncidentView>>(path, session);
  const items = page.state === 'ok' ? page.data.items : [];
  const points = useMemo(() => incidentPoints(items, members), [items, members]);
  const countries = useMemo(() => incidentCountries(items), [items]);

  const set = (next: Partial<Filters>) => replaceParams(['incidents'], { ...filters, ...next });
  const following = filters.bbox !== '';
  const lastBounds = useRef('');

  return (
    <div>
      <div class="page-head">
        <div>
          <h1>{t('nav.incidents')}</h1>
          <p>{t('incList.intro')}</p>
        </div>
        <div class="row">
          {signer?.can('report.file') && (
            <a class="btn btn-primary" href="#/report/new" data-testid="file-report">
              {t('nav.report')}
            </a>
          )}
          {signer?.can('patrol.plan') && (
            <a class="btn" href="#/patrol/new" data-testid="plan-patrol">
              {t('jf.linkPlan')}
            </a>
          )}
          {signer?.can('access.denied') && (
            <a class="btn" href="#/access-denied/new" data-testid="report-denied">
              {t('jf.linkDenied')}
            </a>
          )}
        </div>
      </div>
      <div class="incidents-layout">
        <IncidentFilters filters={filters} onChange={set} />
        <div class="stack">
          <section class="card" aria-label={t('incList.mapLabel')}>
            <IncidentMap
              points={points}
              highlight={countries}
              label={t('incList.mapLabel')}
              height={300}
              refit={!following}
              onMove={(b) => {
                lastBounds.current = clampBbox(b);
                if (following && lastBounds.current !== filters.bbox) set({ bbox: lastBounds.current });
              }}
            />
            {page.state === 'ok' && (
              <div class="card-body">
                <NotPublicNotice notPublic={page.data.notPublic} />
              </div>
            )}
            <div class="card-foot row" style={{ justifyContent: 'space-between' }}>
              <StatusLegend />
              <label class="check">
                <input type="checkbox" checked={following} onChange={(e) => set({ bbox: (e.currentTarget as HTMLInputElement).checked ? lastBounds.current || '-180,-90,180,90' : '' })} />
                {t('incList.inView')}
              </label>
            </div>
          </section>
          {page.state === 'ok' && <SummaryList summaries={page.data.summaries} />}
          <section class="card" aria-labelledby="results-title" aria-busy={page.state === 'loading'}>
            <div class="card-head">
              <h2 id="results-title">{t('incList.results')}</h2>
              <span class="small muted" role="status">
                {page.state === 'ok' && resultCount(items.length, !!page.data.next, cursors.length + 1)}
              </span>
            </div>
            {page.state === 'loading' && <Loading what={t('incList.loading')} />}
            {page.state === 'error' && (
              <div class="card-body">
                <ErrorBox error={readerError(page.error)} retry={page.reload} />
              </div>
            )}
            {page.state === 'ok' &&
              (items.length === 0 ? (
                <Empty title={t('incList.noMatch')}>
                  <button type="button" class="link-button" onClick={() => replaceParams(['incidents'], {})}>
                    {t('incList.clear')}
                  </button>
                </Empty>
              ) : (
                <IncidentTable items={items} />
              ))}
            {page.state === 'ok' && (cursors.length > 0 || page.data.next) && (
              <nav class="pager" aria-label={t('incList.pages')}>
                <button type="button" class="btn btn-small" disabled={cursors.length === 0} onClick={() => setCursors(cursors.slice(0, -1))}>
                  <span class="flip-rtl" aria-hidden="true">
                    ←
                  </span>{' '}
                  {t('incList.previous')}
                </button>
                <span class="muted">{t('incList.page', { page: cursors.length + 1 })}</span>
                <button type="button" class="btn btn-small" disabled={!page.data.next} onClick={() => page.data.next && setCursors([...cursors, page.data.next])}>
                  {t('incList.next')}{' '}
                  <span class="flip-rtl" aria-hidden="true">
                    →
                  </span>
                </button>
              </nav>
            )}
          </section>
        </div>
      </div>
    </div>
  );
}
