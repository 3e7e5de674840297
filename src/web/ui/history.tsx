import type { IncidentView } from '../api/types.js';
import { formatTime } from './format.js';
import { ProofBadge } from './proof-badge.js';

function changedFields(a: object, b: object): string[] {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].filter((k) => JSON.stringify((a as Record<string, unknown>)[k]) !== JSON.stringify((b as Record<string, unknown>)[k]));
}

const FIELD: Readonly<Record<string, string>> = { when: 'date', where: 'place', event_type: 'event type', sub_event_type: 'event sub-type', narrative: 'account', accused: 'party accused' };

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
                Version {h.version}
                {i === 0 ? ': filed' : ': amended'}
              </strong>
              <span class="small muted">{formatTime(h.ref.at)}</span>
            </div>
            {prev && <p class="small">Changed: {changed.length ? changed.map((f) => FIELD[f] ?? f).join(', ') : 'nothing visible'}</p>}
            {h.reason && <p class="small quote">{h.reason}</p>}
            <ProofBadge index={h.ref.index} id={h.ref.id} />
          </li>
        );
      })}
    </ol>
  );
}
