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
import { Replies } from '../ui/replies.js';
import { ReplyForm } from '../ui/reply-form.js';
import { ReportFacts } from '../ui/report-facts.js';
import { ErrorBox, Loading } from '../ui/states.js';
import { StatusBadge } from '../ui/status.js';
import { lazy } from '../ui/lazy.js';

const NO_REGION: readonly string[] = [];

// The mediators' actions load only for a member who may take them.
const CaseActions = lazy(() => import('../mediator/case-actions.js').then((m) => m.CaseActions), 'the mediator actions');
const FindingActions = lazy(() => import('../mediator/finding-actions.js').then((m) => m.FindingActions), 'the finding actions');
// So do the forms to attach evidence and to amend a report, for those who may sign them.
const AttachEvidence = lazy(() => import('../evidence/attach-evidence.js').then((m) => m.AttachEvidence), 'the evidence form');
const AmendReportForm = lazy(() => import('../report/amend-form.js').then((m) => m.AmendReportForm), 'the amendment form');

export function IncidentPage({ id }: { id: string }) {
  const incident = useApi<IncidentWithArrivals>(`/v1/incidents/${encodeURIComponent(id)}`);
  return (
    <div>
      <nav class="breadcrumb" aria-label="Breadcrumb">
        <a href="#/incidents">Incidents</a> › <span aria-current="page">Report</span>
      </nav>
      {incident.state === 'loading' && <Loading what="the incident" />}
      {incident.state === 'error' && <ErrorBox error={incident.error} retry={incident.reload} title="This incident could not be loaded" />}
      {incident.state === 'ok' && <Incident view={incident.data} reload={incident.reload} />}
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
  const agreement = useApi<AgreementView>(mediates ? '/v1/agreement' : null);
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
          <span class="small muted">{r.event_type}</span>
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
            <h2 id="report-title">The report</h2>
            <span class="small muted">
              filed by <Member id={view.filedBy.id} /> ({roleLabel(view.filedBy.role)}) · <SignedArrived view={view} index={view.filed.index} at={view.filed.at} />
            </span>
          </div>
          <div class="card-body">
            <p class="eyebrow">Account, in the filer's words</p>
            <div class="prose narrative">{r.narrative}</div>
            {view.candidate && <p class="small muted">Promoted from a news candidate reviewed by a monitor.</p>}
            <ReportFacts r={r} />
          </div>
          <div class="card-foot row" style={{ justifyContent: 'space-between' }}>
            <ProofBadge index={view.filed.index} id={view.filed.id} />
            {mayAmend && !amending && (
              <button type="button" class="btn btn-small" onClick={() => setAmending(true)} data-testid="amend-open">
                Amend
              </button>
            )}
          </div>
        </section>

        <div class="stack">
          <section class="card" aria-labelledby="replies-title">
            <div class="card-head">
              <h2 id="replies-title">Replies of the accused</h2>
              <span class="small muted">{view.replies.length === 0 ? 'none yet' : `${view.replies.length}`}</span>
            </div>
            <Replies view={view} />
            <ReplyForm view={view} onReplied={reload} />
          </section>
          {points.length > 0 && (
            <section class="card" aria-label="Location">
              <IncidentMap points={points} highlight={NO_REGION} label="Location of the incident" height={240} />
            </section>
          )}
        </div>
      </div>

      {mayAmend && amending && signer && (
        <section class="card" aria-label="Amend the report">
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
          <h2 id="case-title">Investigation, findings and penalties</h2>
          <span class="small muted">only a final finding, signed by the mediators' quorum, states a fact</span>
        </div>
        <CaseRecord view={view} findingActions={mediates ? (f) => <FindingActions f={f} view={view} agreement={agreementData} onDone={reload} /> : undefined} />
        {mediates && agreement.state === 'error' && (
          <div class="card-body">
            <ErrorBox error={agreement.error} retry={agreement.reload} title="The agreement could not be loaded" />
          </div>
        )}
        {mediates && <CaseActions view={view} inForce={inForce} onDone={reload} />}
      </section>

      <div class="grid grid-2">
        <section class="card" aria-labelledby="evidence-title">
          <div class="card-head">
            <h2 id="evidence-title">Evidence</h2>
            <span class="small muted">hashes and metadata in the log; files kept apart</span>
          </div>
          <EvidenceList items={view.evidence} onAccessed={reload} />
          {mayAttach && signer && <AttachEvidence view={view} signer={signer} onDone={reload} />}
        </section>
        <section class="card" aria-labelledby="history-title">
          <div class="card-head">
            <h2 id="history-title">Amendment history</h2>
            <span class="small muted">
              {view.history.length} version{view.history.length === 1 ? '' : 's'}
            </span>
          </div>
          <History view={view} />
        </section>
      </div>
    </article>
  );
}
