import type { IncidentView } from '../api/types.js';
import { formatTime } from './format.js';
import { ProofBadge } from './proof-badge.js';
import { MemberText } from './member-text.js';
import { t, tEnum } from '../i18n/index.js';

function changedFields(a: object, b: object): string[] {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].filter((k) => JSON.stringify((a as Record<string, unknown>)[k]) !== JSON.stringify((b as Record<string, unknown>)[k]));
}


/** Every version of the report, oldest first: an amendment adds a version, never rewrites one. */
export function History({ view }: { view: IncidentView }) {
  return (
    <ol class="list-plain divided history">
      {view.history.map((h, i) => {
        const prev = view.history[i - 1];
        const changed = prev ? changedFields(prev.body, h.body) : [];
        return (
          <li key={h.ref.id} data-testid="history-version">
            <div class="row" style={{ justifyContent: 'space-between' }}>
              <strong>
                {t(i === 0 ? 'history.filed' : 'history.amended', { version: h.version })}
              </strong>
              <span class="small muted">{formatTime(h.ref.at)}</span>
            </div>
            {prev && <p class="small">{t('history.changed', { fields: changed.length ? changed.map((f) => tEnum('reportField', f)).join(t('list.separator')) : t('history.nothing') })}</p>}
            {h.reason && <MemberText class="small quote" text={h.reason} />}
            <ProofBadge index={h.ref.index} id={h.ref.id} />
          </li>
        );
      })}
    </ol>
  );
}
