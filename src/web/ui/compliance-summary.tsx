import type { ComplianceView } from '../api/types.js';
import { formatDuration, formatNumber } from './format.js';
import { Member } from './members.js';
import { Empty } from './states.js';
import { t } from '../i18n/index.js';

/** Per party: what is alleged (claims), what the mediators found (facts), and what the party reported doing. */
export function ComplianceSummary({ view }: { view: ComplianceView }) {
  if (view.parties.length === 0) return <Empty title={t('compliance.noParty')} />;
  return (
    <div class="compliance-summary divided">
      {view.parties.map((p) => (
        <div key={p.side} class="cs-party" data-testid={`compliance-${p.side}`}>
          <div class="cs-name">
            <Member id={p.side} />
          </div>
          <dl class="cs-figures">
            <div>
              <dt>{t('compliance.alleged')}</dt>
              <dd>{formatNumber(p.alleged)}</dd>
            </div>
            <div>
              <dt>{t('status.under_investigation')}</dt>
              <dd>{formatNumber(p.underInvestigation)}</dd>
            </div>
            <div class={p.findings.violation > 0 ? 'cs-fact cs-bad' : 'cs-fact'}>
              <dt>{t('compliance.violations')}</dt>
              <dd>{formatNumber(p.findings.violation)}</dd>
            </div>
            <div>
              <dt>{t('compliance.penalties')}</dt>
              <dd>{formatNumber(p.penalties)}</dd>
            </div>
          </dl>
          <p class="small muted cs-note">
            {p.actions.reported > 0
              ? t('compliance.actions', { count: p.actions.reported, verified: p.actions.verified })
              : t('compliance.noActions')}
            {p.medianHoursToFinding !== null && ` ${t('compliance.median', { time: formatDuration(p.medianHoursToFinding * 3_600_000) })}`}
          </p>
        </div>
      ))}
      <p class="small muted cs-legend">
        {t('compliance.legend')}
      </p>
    </div>
  );
}
