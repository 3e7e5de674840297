import type { AgreementView } from '../api/types.js';
import { formatTime } from './format.js';
import { Member } from './members.js';
import { ProofBadge } from './proof-badge.js';

const LABEL: Readonly<Record<string, string>> = { in_force: 'Took effect', extended: 'Extended', suspended: 'Suspended', resumed: 'Resumed', ended: 'Ended' };

/** Every recorded change of the ceasefire's standing, each a signed, dated statement. */
export function StatusHistory({ history }: { history: AgreementView['history'] }) {
  if (history.length === 0) return <p class="card-body muted">No status change has been recorded.</p>;
  return (
    <ol class="list-plain divided status-history">
      {[...history].reverse().map((h) => (
        <li key={h.id} data-testid="status-change">
          <div class="row" style={{ justifyContent: 'space-between' }}>
            <strong>{LABEL[h.status] ?? h.status}</strong>
            <span class="small">effective {formatTime(h.effective)}</span>
          </div>
          {h.expires && <div class="small">Temporary, until {formatTime(h.expires)}</div>}
          <p class="small prose">{h.reason}</p>
          <div class="small muted">
            Recorded by <Member id={h.ref.by} />
            {h.meeting && <> · agreed at a recorded meeting</>}
          </div>
          <ProofBadge index={h.ref.index} id={h.ref.id} />
        </li>
      ))}
    </ol>
  );
}
