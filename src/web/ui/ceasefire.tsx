import type { AgreementView } from '../api/types.js';
import { formatDay, formatTime } from './format.js';
import { Member } from './members.js';
import { LogLink } from './log-link.js';

const STATE_LABEL: Readonly<Record<string, string>> = {
  none: 'No agreement recorded',
  proposed: 'Agreement proposed, not yet in force',
  in_force: 'In force',
  extended: 'In force (extended)',
  resumed: 'In force (resumed)',
  suspended: 'Suspended',
  ended: 'Ended',
  lapsed: 'Lapsed: its term expired',
};

/**
 * "Does the ceasefire still stand?" The answer is the log's: the latest agreement.status statement effective on the
 * date, with who recorded it and where it sits in the log.
 */
export function CeasefireStatus({ agreement }: { agreement: AgreementView }) {
  const c = agreement.ceasefire;
  const change = c.change;
  const current = agreement.versions.find((v) => v.state === 'in_force');
  return (
    <section class={`ceasefire ${c.stands ? 'ceasefire-on' : 'ceasefire-off'}`} aria-labelledby="ceasefire-q" data-testid="ceasefire">
      <div class="ceasefire-main">
        <h2 id="ceasefire-q" class="eyebrow">
          Does the ceasefire still stand?
        </h2>
        <p class="ceasefire-answer">
          <span class="ceasefire-mark" aria-hidden="true">
            {c.stands ? '●' : '○'}
          </span>
          {c.stands ? 'Yes, the ceasefire stands' : 'No, the ceasefire does not stand'}
        </p>
        <p class="ceasefire-state">
          {STATE_LABEL[c.state] ?? c.state}
          {change && <> since {formatDay(change.effective)}</>}
          {c.stands && <> · {c.expires ? `temporary, until ${formatTime(c.expires)}` : 'open-ended'}</>}
          <span class="muted"> · as recorded by the mediators, as of {formatTime(c.asOf)}</span>
        </p>
      </div>
      <div class="ceasefire-basis">
        {change ? (
          <>
            <p class="small">
              <strong>Basis:</strong> status change “{change.status.replace('_', ' ')}” recorded by <Member id={change.ref.by} /> on {formatDay(change.ref.at)}{' '}
              (<LogLink index={change.ref.index} />).
            </p>
            <p class="small muted clamp-3">{change.reason}</p>
          </>
        ) : (
          <p class="small muted">The mediators have recorded no status change yet.</p>
        )}
        {current && (
          <p class="small">
            Agreement <a href="#/agreement">version {current.version}</a> in force, signed by {current.signatures.length} member
            {current.signatures.length === 1 ? '' : 's'}.
          </p>
        )}
      </div>
    </section>
  );
}
