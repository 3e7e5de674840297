import { useEffect, useState } from 'preact/hooks';
import { useApp } from '../api/context.js';
import { TAXONOMY } from '../../domain/taxonomy.js';
import { STATUS_ORDER, statusInfo } from './status.js';

export const FILTER_KEYS = ['q', 'from', 'to', 'type', 'party', 'status', 'bbox'] as const;
export type Filters = Readonly<Record<(typeof FILTER_KEYS)[number], string>>;

/** The incident filters; every change goes to the address at once, except typing in the search box (debounced). */
export function IncidentFilters({ filters, onChange }: { filters: Filters; onChange(next: Partial<Filters>): void }) {
  const { members } = useApp();
  const [q, setQ] = useState(filters.q);
  useEffect(() => setQ(filters.q), [filters.q]);
  useEffect(() => {
    if (q === filters.q) return undefined;
    const t = setTimeout(() => onChange({ q }), 350);
    return () => clearTimeout(t);
  }, [q]);
  const parties = [...members.values()].filter((m) => m.role === 'party' && m.side);
  const value = (e: Event) => (e.currentTarget as HTMLInputElement | HTMLSelectElement).value;
  const active = FILTER_KEYS.some((k) => filters[k] !== '');

  return (
    <form class="card filters" role="search" aria-label="Filter incidents" onSubmit={(e) => { e.preventDefault(); onChange({ q }); }}>
      <div class="card-head">
        <h2>Filters</h2>
        {active && (
          <button type="button" class="link-button small" onClick={() => onChange({ q: '', from: '', to: '', type: '', party: '', status: '', bbox: '' })}>
            Clear all
          </button>
        )}
      </div>
      <div class="card-body filters-body">
        <div class="field filters-q">
          <label for="f-q">Search the accounts</label>
          <input id="f-q" type="search" value={q} placeholder="place, actor, words…" onInput={(e) => setQ(value(e))} />
        </div>
        <div class="field">
          <label for="f-from">From</label>
          <input id="f-from" type="date" value={filters.from} onChange={(e) => onChange({ from: value(e) })} />
        </div>
        <div class="field">
          <label for="f-to">To</label>
          <input id="f-to" type="date" value={filters.to} onChange={(e) => onChange({ to: value(e) })} />
        </div>
        <div class="field">
          <label for="f-type">Event type</label>
          <select id="f-type" value={filters.type} onChange={(e) => onChange({ type: value(e) })}>
            <option value="">Any type</option>
            {Object.keys(TAXONOMY).map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="f-party">Party alleged responsible</label>
          <select id="f-party" value={filters.party} onChange={(e) => onChange({ party: value(e) })}>
            <option value="">Any party</option>
            {parties.map((m) => (
              <option key={m.id} value={m.side ?? m.id}>
                {m.name}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="f-status">Case status</label>
          <select id="f-status" value={filters.status} onChange={(e) => onChange({ status: value(e) })}>
            <option value="">Any status</option>
            {STATUS_ORDER.map((s) => (
              <option key={s} value={s}>
                {statusInfo(s).label}
              </option>
            ))}
          </select>
        </div>
        {filters.bbox && (
          <p class="small muted filters-bbox">
            Limited to the map view ({filters.bbox.split(',').map((x) => Number(x).toFixed(1)).join(', ')}).{' '}
            <button type="button" class="link-button" onClick={() => onChange({ bbox: '' })}>
              Remove
            </button>
          </p>
        )}
      </div>
    </form>
  );
}
