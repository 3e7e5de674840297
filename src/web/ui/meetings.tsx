import type { MeetingView } from '../api/types.js';
import { formatDay } from './format.js';
import { Member, MemberList } from './members.js';
import { ProofBadge } from './proof-badge.js';
import { Empty } from './states.js';
import { lazy } from './lazy.js';
import type { Signer } from '../session/rights.js';
import { t, tEnum, tRich } from '../i18n/index.js';

// The joint-signing form loads only for an attendee who has not signed a joint statement yet.
const JointSignForm = lazy(() => import('../meetings/joint-sign.js').then((m) => m.JointSignForm), () => t('lazy.jointForm'));

const OUTCOME: Readonly<Record<string, string>> = { agreed: 'badge-ok', adjourned: 'badge-warn', failed: 'badge-bad' };

function dates(m: MeetingView): string {
  const a = formatDay(m.start);
  const b = formatDay(m.end);
  return a === b ? a : t('meetings.dates', { from: a, to: b });
}

/** With a signer, an attendee who has not signed a joint statement is offered to sign it (then `onSigned`). */
export function Meetings({ items, signer = null, onSigned }: { items: readonly MeetingView[]; signer?: Signer | null; onSigned?(): void }) {
  const mayJoin = !!signer && signer.can('joint.sign');
  if (items.length === 0) return <Empty title={t('meetings.none')} />;
  return (
    <ol class="list-plain divided meetings">
      {items.map((m) => (
        <li key={m.id} class="meeting" data-testid="meeting">
          <div class="meeting-when">
            <div class="meeting-date">{dates(m)}</div>
            <div class="small muted">
              <bdi>{m.place.name}</bdi>
            </div>
          </div>
          <div class="meeting-main">
            <div class="row">
              <strong dir="auto">{m.title}</strong>
              <span class={`badge ${OUTCOME[m.outcome] ?? 'badge-neutral'}`}>{tEnum('mtgOutcome', m.outcome)}</span>
              <span class="small muted">
                {tEnum('mtgKind', m.kind)}
                {m.round !== undefined && <> · {t('meetings.round', { round: m.round })}</>}
              </span>
            </div>
            <p class="small">
              {tRich('meetings.attended', { list: () => <MemberList ids={m.attendees} />, by: () => <Member id={m.recordedBy} /> })}
            </p>
            {m.agenda.length > 0 && (
              <p class="small">
                <span class="muted">{t('meetings.agenda')}</span>{' '}
                <span dir="auto">{m.agenda.join('; ')}</span>
              </p>
            )}
            {m.summary && (
              <p class="small prose" dir="auto">
                {m.summary}
              </p>
            )}
            {m.joint && (
              <div class="joint">
                <p class="eyebrow">{t('meetings.joint')}</p>
                <blockquote class="quote prose" dir="auto">
                  {m.joint.text}
                </blockquote>
                <p class="small">
                  {tRich('meetings.inForceFor', { list: () => <MemberList ids={m.joint!.inForceFor} empty={t('meetings.nobodyYet')} /> })}
                  {m.joint.unsigned.length > 0 && (
                    <>
                      {' '}
                      · {tRich('meetings.notSignedBy', { list: () => <MemberList ids={m.joint!.unsigned} /> })}
                    </>
                  )}
                </p>
                {mayJoin && signer && m.joint.unsigned.includes(signer.me.id) && <JointSignForm meeting={m} signer={signer} onDone={() => onSigned?.()} />}
              </div>
            )}
            <ProofBadge index={m.ref.index} id={m.ref.id} />
          </div>
        </li>
      ))}
    </ol>
  );
}
