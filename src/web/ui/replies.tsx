import type { IncidentView } from '../api/types.js';
import { formatTime } from './format.js';
import { Member } from './members.js';
import { ProofBadge } from './proof-badge.js';
import { shortHash } from './format.js';

export const STANCE: Readonly<Record<string, string>> = {
  denies: 'Denied',
  admits: 'Admitted',
  disputes_facts: 'Facts disputed',
  disputes_attribution: 'Attribution disputed',
  other: 'Responded',
};

/** The accused party's replies: beside the report, never over it. */
export function Replies({ view }: { view: IncidentView }) {
  if (view.replies.length === 0) {
    return (
      <div class="card-body">
        <p class="muted">
          {view.report.accused.length === 0 ? (
            'The report accuses no party, so no reply is expected.'
          ) : (
            <>
              No reply has been filed.
              {view.replyDeadline && <> The accused party may reply; the agreement's reply period ends {formatTime(view.replyDeadline)}.</>}
            </>
          )}
        </p>
      </div>
    );
  }
  return (
    <ul class="list-plain divided">
      {view.replies.map((r) => (
        <li key={r.id} class="reply" data-testid="reply">
          <p class="reply-head">
            <strong>{STANCE[r.stance] ?? r.stance}</strong> by <Member id={r.side} />
          </p>
          <p class="small muted">
            Signed by {r.ref.by} on {formatTime(r.ref.at)}
            {r.withinDeadline === true && ' · within the reply period'}
            {r.withinDeadline === false && ' · after the reply period'}
          </p>
          <blockquote class="quote prose">{r.text}</blockquote>
          {r.evidence.length > 0 && (
            <p class="small">
              Cites evidence: {r.evidence.map((h) => <code key={h} title={h}>{shortHash(h)} </code>)}
            </p>
          )}
          <ProofBadge index={r.ref.index} id={r.ref.id} />
        </li>
      ))}
    </ul>
  );
}
