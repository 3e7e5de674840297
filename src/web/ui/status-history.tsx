import type { AgreementView } from '../api/types.js';
import { formatTime } from './format.js';
import { Member } from './members.js';
import { ProofBadge } from './proof-badge.js';
import { t, tEnum, tRich } from '../i18n/index.js';

/** Every recorded change of the ceasefire's standing, each a signed, dated statement. */
export function StatusHistory({ history }: { history: AgreementView['history'] }) {
  if (history.length === 0) return <p class="card-body muted">{t('statusHist.none')}</p>;
  return (
    <ol class="list-plain divided status-history">
      {[...history].reverse().map((h) => (
        <li key={h.id} data-testid="status-change">
          <div class="row" style={{ justifyContent: 'space-between' }}>
            <strong>{tEnum('statusChange', h.status)}</strong>
            <span class="small">{t('statusHist.effective', { time: formatTime(h.effective) })}</span>
          </div>
          {h.expires && <div class="small">{t('statusHist.until', { time: formatTime(h.expires) })}</div>}
          <p class="small prose" dir="auto">
            {h.reason}
          </p>
          <div class="small muted">
            {tRich('statusHist.recordedBy', { by: () => <Member id={h.ref.by} /> })}
            {h.meeting && <> · {t('statusHist.atMeeting')}</>}
          </div>
          <ProofBadge index={h.ref.index} id={h.ref.id} />
        </li>
      ))}
    </ol>
  );
}
