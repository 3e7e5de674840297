import { PublicationRules } from '../staging/rules-card.js';
import { useState } from 'preact/hooks';
import type { AgreementVersionView, AgreementView, MeetingView } from '../api/types.js';
import { useApi } from '../api/use-api.js';
import { CeasefireStatus } from '../ui/ceasefire.js';
import { Clauses, PenaltySchedule } from '../ui/clauses.js';
import { formatDay, formatTime } from '../ui/format.js';
import { Meetings } from '../ui/meetings.js';
import { Member, MemberList } from '../ui/members.js';
import { ProofBadge } from '../ui/proof-badge.js';
import { Empty, ErrorBox, Loading, Show } from '../ui/states.js';
import { StatusHistory } from '../ui/status-history.js';
import { Terms } from '../ui/terms.js';
import { useSigner } from '../session/rights.js';
import { lazy } from '../ui/lazy.js';
import { t, tEnum, tRich } from '../i18n/index.js';
import { PendingDecisions } from '../mediator/pending-decisions.js';

// The mediators' status form loads only for a mediator named in the agreement.
const StatusForm = lazy(() => import('../mediator/status-form.js').then((m) => m.StatusForm), () => t('lazy.statusForm'));
// The amendment and meeting forms load only for a member whose role may sign them.
const AmendAgreementForm = lazy(() => import('../mediator/amend-agreement.js').then((m) => m.AmendAgreementForm), () => t('lazy.amendForm'));
const RecordMeetingForm = lazy(() => import('../meetings/record-meeting.js').then((m) => m.RecordMeetingForm), () => t('lazy.meetingForm'));

const VERSION_BADGE: Readonly<Record<string, string>> = { proposed: 'badge-warn', in_force: 'badge-ok', superseded: 'badge-neutral' };

export function AgreementPage() {
  const agreement = useApi<AgreementView>('/v1/agreement');
  const meetings = useApi<{ items: readonly MeetingView[] }>('/v1/meetings');
  const signer = useSigner();
  return (
    <div class="stack">
      {agreement.state === 'loading' && <Loading what={t('agrPage.loading')} />}
      {agreement.state === 'error' && <ErrorBox error={agreement.error} retry={agreement.reload} />}
      {agreement.state === 'ok' &&
        (agreement.data.versions.length === 0 ? (
          <div class="card">
            <Empty title={t('agrPage.noneTitle')}>{t('agrPage.noneText')}</Empty>
          </div>
        ) : (
          <Agreement view={agreement.data} reload={agreement.reload} />
        ))}
      <section class="card" aria-labelledby="meetings-title">
        <div class="card-head">
          <h2 id="meetings-title">{t('agrPage.meetings')}</h2>
          <span class="small muted">{t('agrPage.meetingsSub')}</span>
        </div>
        {signer && signer.can('meeting.record') && <RecordMeetingForm signer={signer} onDone={meetings.reload} />}
        <Show value={meetings} what={t('agrPage.meetingsLoading')}>
          {(m) => <Meetings items={m.items} signer={signer} onSigned={meetings.reload} />}
        </Show>
      </section>
    </div>
  );
}

function Agreement({ view, reload }: { view: AgreementView; reload(): void }) {
  const signer = useSigner();
  // Rights follow the rules in force, not the latest version proposed.
  const recordsStatus = !!signer && signer.can('agreement.status') && view.rules.mediators.includes(signer.me.id);
  const proposes = !!signer && signer.can('agreement.propose');
  const initial = view.versions.find((v) => v.state === 'in_force') ?? view.versions.at(-1)!;
  const [selected, setSelected] = useState(initial.version);
  const v = view.versions.find((x) => x.version === selected) ?? initial;
  return (
    <>
      <div class="page-head">
        <div>
          <div class="row">
            <span class={`badge ${VERSION_BADGE[v.state] ?? 'badge-neutral'}`}>{tEnum('versionState', v.state)}</span>
            <span class="small muted">{t('agrPage.version', { agreement: view.agreement, version: v.version })}</span>
          </div>
          <h1 style={{ marginTop: '6px' }} dir="auto">
            {v.title}
          </h1>
          <p>{tRich('agrPage.between', { parties: () => <MemberList ids={v.parties} />, mediators: () => <MemberList ids={v.mediators} /> })}</p>
        </div>
        {view.versions.length > 1 && (
          <div class="field" style={{ minWidth: '220px' }}>
            <label for="version">{t('agrPage.versionLabel')}</label>
            <select id="version" value={String(v.version)} onChange={(e) => setSelected(Number((e.currentTarget as HTMLSelectElement).value))}>
              {view.versions.map((x) => (
                <option key={x.version} value={String(x.version)}>
                  {t('agrPage.versionOption', { version: x.version, state: tEnum('versionState', x.state) })}
                </option>
              ))}
            </select>
          </div>
        )}
      </div>
      <CeasefireStatus agreement={view} />
      <PendingDecisions view={view} signer={signer} onDone={reload} />
      <section class="card" aria-labelledby="terms-title">
        <div class="card-head">
          <h2 id="terms-title">{t('agrPage.terms')}</h2>
          <span class="small muted">{t('agrPage.termsSub')}</span>
        </div>
        <div class="card-body">
          <Terms terms={view.terms} />
        </div>
      </section>
      <div class="grid grid-main-side">
        <div class="stack">
          <section class="card" aria-labelledby="text-title">
            <div class="card-head">
              <h2 id="text-title">{t('agrPage.text')}</h2>
              <span class="small muted">{tRich('agrPage.proposedBy', { by: () => <Member id={v.ref.by} />, date: formatDay(v.ref.at) })}</span>
            </div>
            <div class="card-body">
              <p class="prose preamble" dir="auto">
                {v.preamble}
              </p>
              <Clauses version={v} />
            </div>
            {proposes && signer && (
              <AmendAgreementForm
                view={view}
                signer={signer}
                onDone={(n) => {
                  setSelected(n);
                  reload();
                }}
              />
            )}
          </section>
        </div>
        <div class="stack">
          <Signatures v={v} />
          <PublicationRules rules={view.rules} />
          <section class="card" aria-labelledby="penalties-title">
            <div class="card-head">
              <h2 id="penalties-title">{t('agrPage.penalties')}</h2>
            </div>
            <div class="card-body">
              {v.penalties ? <PenaltySchedule penalties={v.penalties} /> : <p class="small muted">{t('agrPage.noPenalties')}</p>}
            </div>
          </section>
          <section class="card" aria-labelledby="history-title">
            <div class="card-head">
              <h2 id="history-title">{t('agrPage.history')}</h2>
            </div>
            <StatusHistory history={view.history} />
            {recordsStatus && signer && <StatusForm view={view} signer={signer} onDone={reload} />}
          </section>
        </div>
      </div>
    </>
  );
}

function Signatures({ v }: { v: AgreementVersionView }) {
  const complete = v.missing.parties.length === 0 && v.missing.mediators === 0;
  return (
    <section class="card" aria-labelledby="sig-title" data-testid="signatures">
      <div class="card-head">
        <h2 id="sig-title">{t('agrPage.signatures')}</h2>
        <span class="small muted">{t('agrPage.signatureCount', { count: v.signatures.length })}</span>
      </div>
      <ul class="list-plain divided signature-list">
        {v.signatures.map((s) => (
          <li key={s.ref.id} data-testid="signature">
            <div class="row" style={{ justifyContent: 'space-between' }}>
              <Member id={s.member} />
              <span class="small muted">{tEnum('role', s.role === 'party' ? 'party' : 'mediator')}</span>
            </div>
            <div class="small muted">{t('agrPage.signedAt', { time: formatTime(s.ref.at) })}</div>
            <ProofBadge index={s.ref.index} id={s.ref.id} />
          </li>
        ))}
      </ul>
      <div class="card-foot">
        {complete ? (
          <span>
            {t('agrPage.complete', { quorum: v.quorum })}
            {v.inForceFrom && <> · {t('agrPage.inForceFrom', { time: formatTime(v.inForceFrom.at) })}</>}
          </span>
        ) : (
          <span>
            {v.missing.parties.length > 0 && tRich('agrPage.awaitingParties', { list: () => <MemberList ids={v.missing.parties} /> })}
            {v.missing.parties.length > 0 && v.missing.mediators > 0 && ' · '}
            {v.missing.mediators > 0 && t('agrPage.awaitingMediators', { count: v.missing.mediators })}
          </span>
        )}
        <div class="hash" title={t('agrPage.hashTitle')}>{t('agrPage.hash', { hash: v.hash })}</div>
      </div>
    </section>
  );
}
