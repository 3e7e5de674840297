import { useMemo, useState } from 'preact/hooks';
import { useApp } from '../api/context.js';
import type { AgreementView } from '../api/types.js';
import { useApi } from '../api/use-api.js';
import { IncidentMap } from '../map/incident-map.js';
import { useSigner } from '../session/rights.js';
import { incidentPoints } from '../map/points.js';
import { EvidenceList } from '../ui/evidence-list.js';
import { CaseRecord } from '../ui/findings.js';
import { History } from '../ui/history.js';
import { Attribution, incidentTitle, placeText, whenText } from '../ui/incident-bits.js';
import { Member, roleLabel } from '../ui/members.js';
import { ProofBadge } from '../ui/proof-badge.js';
import { type IncidentWithArrivals, SignedArrived } from '../ui/arrival.js';
import { SealedCard } from '../seal/sealed-card.js';
import { Replies } from '../ui/replies.js';
import { ReplyForm } from '../ui/reply-form.js';
import { ReportFacts } from '../ui/report-facts.js';
import { ErrorBox, Loading } from '../ui/states.js';
import { formatNumber } from '../ui/format.js';
import { StatusBadge } from '../ui/status.js';
import { lazy } from '../ui/lazy.js';
import { t, tEnum, tRich } from '../i18n/index.js';
import { MemberText } from '../ui/member-text.js';
import type { IncidentSummary } from '../../domain/views/publication.js';
import { PublicationCard } from '../staging/publication-card.js';
import { JointCard } from '../staging/joint-card.js';
import { IncidentSummaryView } from '../staging/incident-summary.js';

const NO_REGION: readonly string[] = [];

// The mediators' actions load only for a member who may take them.
const CaseActions = lazy(() => import('../mediator/case-actions.js').then((m) => m.CaseActions), () => t('lazy.mediatorActions'));
const FindingActions = lazy(() => import('../mediator/finding-actions.js').then((m) => m.FindingActions), () => t('lazy.findingActions'));
// So do the forms to attach evidence and to amend a report, for those who may sign them.
const AttachEvidence = lazy(() => import('../evidence/attach-evidence.js').then((m) => m.AttachEvidence), () => t('lazy.evidenceForm'));
const AmendReportForm = lazy(() => import('../report/amend-form.js').then((m) => m.AmendReportForm), () => t('lazy.amendForm'));

export function IncidentPage({ id }: { id: string }) {
  // Signed by the member signed in here, if any: what the terms stage is answered by who asks.
  const { session } = useApp();
  const incident = useApi<IncidentWithArrivals | IncidentSummary>(`/v1/incidents/${encodeURIComponent(id)}`, session);
  return (
    <div>
      <nav class="breadcrumb" aria-label={t('common.breadcrumb')}>
        <a href="#/incidents">{t('nav.incidents')}</a> › <span aria-current="page">{t('incident.crumb')}</span>
      </nav>
      {incident.state === 'loading' && <Loading what={t('incident.loading')} />}
      {incident.state === 'error' && <ErrorBox error={incident.error} retry={incident.reload} title={t('incident.loadFailed')} />}
      {incident.state === 'ok' &&
        ('access' in incident.data ? <IncidentSummaryView summary={incident.data} /> : <Incident view={incident.data} reload={incident.reload} />)}
    </div>
  );
}

function Incident({ view, reload }: { view: IncidentWithArrivals; reload(): void }) {
  const { members } = useApp();
  const signer = useSigner();
  const r = view.report;
  const points = useMemo(() => incidentPoints([view], members), [view, members]);
  // The agreement (clauses, parties, penalty schedule) is needed only for the mediators' actions.
  const mediates = !!signer && (signer.can('investigation.open') || signer.can('finding.sign') || signer.can('penalty.apply'));
  const reviewing = !!view.publication?.review && !view.publication.published;
  const agreement = useApi<AgreementView>(mediates || reviewing ? '/v1/agreement' : null);
  const agreementData = agreement.state === 'ok' ? agreement.data : undefined;
  const inForce = agreementData ? (agreementData.versions.find((v) => v.state === 'in_force') ?? null) : undefined;
  // Only the filer amends its report; parties, monitors and mediators register evidence.
  const mayAmend = !!signer && signer.can('report.amend') && signer.me.id === view.filedBy.id;
  const mayAttach = !!signer && signer.can('evidence.register');
  const [amending, setAmending] = useState(false);
  return (
    <article class="stack" data-testid="incident">
      <header class="incident-head">
        <div class="row">
          <StatusBadge status={view.status} />
          <span class="small muted">{tEnum('event', r.event_type)}</span>
        </div>
        <h1>{incidentTitle(r)}</h1>
        <p class="incident-sub">
          {whenText(r.when)} · {placeText(r)}
        </p>
        <p class="incident-attr">
          <Attribution view={view} />
        </p>
      </header>

      <div class="grid grid-2 report-and-replies">
        <section class="card" aria-labelledby="report-title">
          <div class="card-head">
            <h2 id="report-title">{t('incident.report')}</h2>
            <span class="small muted">
              {tRich('incident.filedBy', { role: roleLabel(view.filedBy.role), by: () => <Member id={view.filedBy.id} /> })} · <SignedArrived view={view} index={view.filed.index} at={view.filed.at} />
            </span>
          </div>
          <div class="card-body">
            <p class="eyebrow">{t('incident.account')}</p>
            <MemberText class="prose narrative" text={r.narrative} />
            {view.candidate && <p class="small muted">{t('incident.promoted')}</p>}
            <ReportFacts r={r} />
          </div>
          <div class="card-foot row" style={{ justifyContent: 'space-between' }}>
            <ProofBadge index={view.filed.index} id={view.filed.id} />
            {mayAmend && !amending && (
              <button type="button" class="btn btn-small" onClick={() => setAmending(true)} data-testid="amend-open">
                {t('incident.amend')}
              </button>
            )}
          </div>
        </section>

        <div class="stack">
          <section class="card" aria-labelledby="replies-title">
            <div class="card-head">
              <h2 id="replies-title">{t('incident.replies')}</h2>
              <span class="small muted">{view.replies.length === 0 ? t('incident.noneYet') : formatNumber(view.replies.length)}</span>
            </div>
            <Replies view={view} />
            <ReplyForm view={view} onReplied={reload} />
          </section>
          {points.length > 0 && (
            <section class="card" aria-label={t('incident.location')}>
              <IncidentMap points={points} highlight={NO_REGION} label={t('incident.locationMap')} height={240} />
            </section>
          )}
        </div>
      </div>

      <PublicationCard view={view} quorum={agreementData?.rules.quorum ?? null} reload={reload} />
      <JointCard view={view} reload={reload} />

      <SealedCard sealed={view.sealed ?? []} reload={reload} />

      {mayAmend && amending && signer && (
        <section class="card" aria-label={t('incident.amendReport')}>
          <div class="card-body">
            <AmendReportForm
              view={view}
              signer={signer}
              onCancel={() => setAmending(false)}
              onDone={() => {
                setAmending(false);
                reload();
              }}
            />
          </div>
        </section>
      )}

      <section class="card" aria-labelledby="case-title">
        <div class="card-head">
          <h2 id="case-title">{t('incident.case')}</h2>
          <span class="small muted">{t('incident.caseSub')}</span>
        </div>
        <CaseRecord view={view} findingActions={mediates ? (f) => <FindingActions f={f} view={view} agreement={agreementData} onDone={reload} /> : undefined} />
        {mediates && agreement.state === 'error' && (
          <div class="card-body">
            <ErrorBox error={agreement.error} retry={agreement.reload} title={t('incident.agreementFailed')} />
          </div>
        )}
        {mediates && <CaseActions view={view} inForce={inForce} onDone={reload} />}
      </section>

      <div class="grid grid-2">
        <section class="card" aria-labelledby="evidence-title">
          <div class="card-head">
            <h2 id="evidence-title">{t('incident.evidence')}</h2>
            <span class="small muted">{t('incident.evidenceSub')}</span>
          </div>
          <EvidenceList items={view.evidence} onAccessed={reload} />
          {mayAttach && signer && <AttachEvidence view={view} signer={signer} onDone={reload} />}
        </section>
        <section class="card" aria-labelledby="history-title">
          <div class="card-head">
            <h2 id="history-title">{t('incident.history')}</h2>
            <span class="small muted">
              {t('incident.versions', { count: view.history.length })}
            </span>
          </div>
          <History view={view} />
        </section>
      </div>
    </article>
  );
}
