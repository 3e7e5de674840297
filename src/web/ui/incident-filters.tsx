import { useEffect, useState } from 'preact/hooks';
import { useApp } from '../api/context.js';
import { TAXONOMY } from '../../domain/taxonomy.js';
import { STATUS_ORDER, statusInfo } from './status.js';
import { t, tEnum } from '../i18n/index.js';

export const FILTER_KEYS = ['q', 'from', 'to', 'type', 'party', 'status', 'bbox'] as const;
export type Filters = Readonly<Record<(typeof FILTER_KEYS)[number], string>>;

/** The incident filters; every change goes to the address at once, except typing in the search box (debounced). */
export function IncidentFilters({ filters, onChange }: { filters: Filters; onChange(next: Partial<Filters>): void }) {
  const { members } = useApp();
  const [q, setQ] = useState(filters.q);
  useEffect(() => setQ(filters.q), [filters.q]);
  useEffect(() => {
    if (q === filters.q) return undefined;
    const timer = setTimeout(() => onChange({ q }), 350);
    return () => clearTimeout(timer);
  }, [q]);
  const parties = [...members.values()].filter((m) => m.role === 'party' && m.side);
  const value = (e: Event) => (e.currentTarget as HTMLInputElement | HTMLSelectElement).value;
  const active = FILTER_KEYS.some((k) => filters[k] !== '');

  return (
    <form class="card filters" role="search" aria-label={t('filters.label')} onSubmit={(e) => { e.preventDefault(); onChange({ q }); }}>
      <div class="card-head">
        <h2>{t('filters.title')}</h2>
        {active && (
          <button type="button" class="link-button small" onClick={() => onChange({ q: '', from: '', to: '', type: '', party: '', status: '', bbox: '' })}>
            {t('filters.clearAll')}
          </button>
        )}
      </div>
      <div class="card-body filters-body">
        <div class="field filters-q">
          <label for="f-q">{t('filters.q')}</label>
          <input id="f-q" type="search" value={q} placeholder={t('filters.qHint')} onInput={(e) => setQ(value(e))} />
        </div>
        <div class="field">
          <label for="f-from">{t('filters.from')}</label>
          <input id="f-from" type="date" value={filters.from} onChange={(e) => onChange({ from: value(e) })} />
        </div>
        <div class="field">
          <label for="f-to">{t('filters.to')}</label>
          <input id="f-to" type="date" value={filters.to} onChange={(e) => onChange({ to: value(e) })} />
        </div>
        <div class="field">
          <label for="f-type">{t('filters.type')}</label>
          <select id="f-type" value={filters.type} onChange={(e) => onChange({ type: value(e) })}>
            <option value="">{t('filters.anyType')}</option>
            {Object.keys(TAXONOMY).map((type) => (
              <option key={type} value={type}>
                {tEnum('event', type)}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="f-party">{t('filters.party')}</label>
          <select id="f-party" value={filters.party} onChange={(e) => onChange({ party: value(e) })}>
            <option value="">{t('filters.anyParty')}</option>
            {parties.map((m) => (
              <option key={m.id} value={m.side ?? m.id}>
                {m.name}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="f-status">{t('filters.status')}</label>
          <select id="f-status" value={filters.status} onChange={(e) => onChange({ status: value(e) })}>
            <option value="">{t('filters.anyStatus')}</option>
            {STATUS_ORDER.map((s) => (
              <option key={s} value={s}>
                {statusInfo(s).label}
              </option>
            ))}
          </select>
        </div>
        {filters.bbox && (
          <p class="small muted filters-bbox">
            {t('filters.bbox', { bbox: filters.bbox.split(',').map((x) => Number(x).toFixed(1)).join(', ') })}{' '}
            <button type="button" class="link-button" onClick={() => onChange({ bbox: '' })}>
              {t('filters.remove')}
            </button>
          </p>
        )}
      </div>
    </form>
  );
}
