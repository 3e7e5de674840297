import type { IncidentView } from '../api/types.js';
import { formatTime } from './format.js';
import { Member } from './members.js';
import { ProofBadge } from './proof-badge.js';
import { shortHash } from './format.js';
import { t, tEnum, tRich } from '../i18n/index.js';
import { MemberText } from './member-text.js';

/** "Denied", "Admitted"... for a reply's stance. */
export const stanceLabel = (stance: string): string => tEnum('stance', stance);

/** The accused party's replies: beside the report, never over it. */
export function Replies({ view }: { view: IncidentView }) {
  if (view.replies.length === 0) {
    return (
      <div class="card-body">
        <p class="muted">
          {view.report.accused.length === 0 ? (
            t('replies.noneExpected')
          ) : (
            <>
              {t('replies.none')}
              {view.replyDeadline && <> {t('replies.period', { time: formatTime(view.replyDeadline) })}</>}
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
            {tRich('replies.head', { stance: stanceLabel(r.stance), b: (c) => <strong>{c}</strong>, side: () => <Member id={r.side} /> })}
          </p>
          <p class="small muted">
            {t('replies.signed', { by: r.ref.by, time: formatTime(r.ref.at) })}
            {r.withinDeadline === true && ` · ${t('replies.within')}`}
            {r.withinDeadline === false && ` · ${t('replies.after')}`}
          </p>
          <MemberText class="quote prose" quote text={r.text} />
          {r.evidence.length > 0 && (
            <p class="small">
              {t('replies.evidence')} {r.evidence.map((h) => <code key={h} title={h}>{shortHash(h)} </code>)}
            </p>
          )}
          <ProofBadge index={r.ref.index} id={r.ref.id} />
        </li>
      ))}
    </ul>
  );
}
