import type { ComplianceView } from '../api/types.js';
import { formatDuration } from './format.js';
import { Member } from './members.js';
import { Empty } from './states.js';

/** Per party: what is alleged (claims), what the mediators found (facts), and what the party reported doing. */
export function ComplianceSummary({ view }: { view: ComplianceView }) {
  if (view.parties.length === 0) return <Empty title="No party is bound by an agreement in force yet" />;
  return (
    <div class="compliance-summary divided">
      {view.parties.map((p) => (
        <div key={p.side} class="cs-party" data-testid={`compliance-${p.side}`}>
          <div class="cs-name">
            <Member id={p.side} />
          </div>
          <dl class="cs-figures">
            <div>
              <dt>Alleged breaches</dt>
              <dd>{p.alleged}</dd>
            </div>
            <div>
              <dt>Under investigation</dt>
              <dd>{p.underInvestigation}</dd>
            </div>
            <div class={p.findings.violation > 0 ? 'cs-fact cs-bad' : 'cs-fact'}>
              <dt>Violations found</dt>
              <dd>{p.findings.violation}</dd>
            </div>
            <div>
              <dt>Penalties</dt>
              <dd>{p.penalties}</dd>
            </div>
          </dl>
          <p class="small muted cs-note">
            {p.actions.reported > 0
              ? `${p.actions.reported} action${p.actions.reported === 1 ? '' : 's'} reported on commitments, ${p.actions.verified} verified by the mediators.`
              : 'No action reported on commitments yet.'}
            {p.medianHoursToFinding !== null && ` Median time to a finding: ${formatDuration(p.medianHoursToFinding * 3_600_000)}.`}
          </p>
        </div>
      ))}
      <p class="small muted cs-legend">
        “Alleged” counts reports filed against a party: claims of their filers. Only “violations found” are final findings signed by the mediators'
        quorum.
      </p>
    </div>
  );
}
