import type { ComponentChildren } from 'preact';
import type { AgreementView, ComplianceCounts, ComplianceView, PartyCompliance } from '../api/types.js';
import { useApi } from '../api/use-api.js';
import { useRoute } from '../router.js';
import { useSigner, type Signer } from '../session/rights.js';
import { formatDuration } from '../ui/format.js';
import { lazy } from '../ui/lazy.js';
import { Member } from '../ui/members.js';
import { Empty, Show } from '../ui/states.js';
import { CommitmentList } from '../compliance/commitment-list.js';
import { t } from '../i18n/index.js';

// The commitment forms load only for a party (report) or a mediator of the agreement in force (verify).
const ReportActionForm = lazy(() => import('../compliance/action-forms.js').then((m) => m.ReportActionForm), () => t('lazy.actionForm'));
const VerifyActionForm = lazy(() => import('../compliance/action-forms.js').then((m) => m.VerifyActionForm), () => t('lazy.verifyForm'));

export function CompliancePage() {
  const compliance = useApi<ComplianceView>('/v1/compliance');
  const signer = useSigner();
  const route = useRoute();
  // The mediators of the version in force are in the agreement's view; fetched only for a member who may verify.
  const agreement = useApi<AgreementView>(signer?.can('commitment.verify') ? '/v1/agreement' : null);
  const inForce = agreement.state === 'ok' ? agreement.data.versions.find((v) => v.state === 'in_force') : undefined;
  const verifies = !!signer && signer.can('commitment.verify') && !!inForce?.mediators.includes(signer.me.id);
  return (
    <div class="stack">
      <div class="page-head">
        <div>
          <h1>Compliance</h1>
          <p>
            For each party and each clause: what others allege, what the mediators found, and what the party reported doing. Allegations are claims
            of their filers; only final findings state facts.
          </p>
        </div>
      </div>
      <Show value={compliance} what="compliance">
        {(c) =>
          c.parties.length === 0 ? (
            <div class="card">
              <Empty title="No party is bound by an agreement in force yet" />
            </div>
          ) : (
            <>
              <Compliance view={c} signer={signer} reload={compliance.reload} />
              <CommitmentList verifies={verifies} version={c.size} />
            </>
          )
        }
      </Show>
      {verifies && signer && (
        <section class="card" aria-labelledby="verify-title" data-testid="verify-section">
          <div class="card-head">
            <h2 id="verify-title">Verify a reported action</h2>
            <span class="small muted">each mediator's verdict is a signed statement in the log</span>
          </div>
          <VerifyActionForm key={route.params.get('action') ?? ''} signer={signer} initialAction={route.params.get('action') ?? ''} onDone={compliance.reload} />
        </section>
      )}
    </div>
  );
}

function Compliance({ view, signer, reload }: { view: ComplianceView; signer: Signer | null; reload(): void }) {
  // A party reports actions on the clauses binding its own side (a mediator's rights include a party's, but the
  // server takes actions from parties only).
  const reports = !!signer && signer.can('commitment.action') && signer.me.role === 'party' && !!signer.me.side;
  return (
    <>
      <div class="alert alert-info small">
        <p>
          <strong>Reading these figures.</strong> Alleged: {view.legend.alleged}. Findings: {view.legend.findings}. Actions: {view.legend.actions}.
          {view.agreement && ` Computed at log size ${view.size}, against ${view.agreement.agreement} version ${view.agreement.version}.`}
        </p>
      </div>
      {view.parties.map((p) => (
        <PartyTable key={p.side} p={p}>
          {reports && signer && signer.me.side === p.side && <ReportActionForm signer={signer} clauses={p.clauses} onDone={reload} />}
        </PartyTable>
      ))}
    </>
  );
}

function Cells({ c }: { c: ComplianceCounts }) {
  return (
    <>
      <td class="num">{c.alleged}</td>
      <td class="num">{c.underInvestigation}</td>
      <td class="num">{c.open}</td>
      <td class={`num ${c.findings.violation > 0 ? 'cell-bad' : ''}`}>{c.findings.violation}</td>
      <td class="num">{c.findings.no_violation}</td>
      <td class="num">{c.findings.inconclusive + c.findings.unattributable}</td>
      <td class="num">{c.penalties}</td>
      <td class="num">
        {c.actions.verified}/{c.actions.reported}
      </td>
      <td class="num nowrap">{c.medianHoursToFinding === null ? '—' : formatDuration(c.medianHoursToFinding * 3_600_000)}</td>
    </>
  );
}

function ActionCounts({ a }: { a: ComplianceCounts['actions'] }) {
  if (a.reported === 0) return <span>No action reported on its commitments.</span>;
  return (
    <span data-testid="action-counts">
      {a.reported} action{a.reported === 1 ? '' : 's'} reported on its commitments: {a.verified} verified, {a.not_verified} not verified, {a.disputed} disputed,{' '}
      {a.unverified} awaiting a verdict.
    </span>
  );
}

function PartyTable({ p, children }: { p: PartyCompliance; children?: ComponentChildren }) {
  return (
    <section class="card" aria-labelledby={`party-${p.side}`} data-testid={`compliance-table-${p.side}`}>
      <div class="card-head">
        <h2 id={`party-${p.side}`}>
          <Member id={p.side} />
        </h2>
        <span class="small muted">
          {p.findings.violation} violation{p.findings.violation === 1 ? '' : 's'} found · {p.alleged} alleged · {p.open} open
        </span>
      </div>
      <div class="table-wrap">
        <table>
          <caption class="visually-hidden">Compliance of side {p.side} by clause</caption>
          <thead>
            <tr>
              <th scope="col">Clause</th>
              <th scope="col" class="num">Alleged</th>
              <th scope="col" class="num">Investigating</th>
              <th scope="col" class="num">Open</th>
              <th scope="col" class="num">Violation found</th>
              <th scope="col" class="num">No violation</th>
              <th scope="col" class="num">Inconclusive</th>
              <th scope="col" class="num">Penalties</th>
              <th scope="col" class="num">Actions verified</th>
              <th scope="col" class="num">Median to finding</th>
            </tr>
          </thead>
          <tbody>
            {p.clauses.map((c) => (
              <tr key={c.clause}>
                <th scope="row" class="clause-cell">
                  <a href={`#/agreement?clause=${encodeURIComponent(c.clause)}`}>{c.clause}</a>
                  {!c.binding && <span class="badge badge-neutral" title="Not in the version in force, or does not bind this side">not binding</span>}
                  {c.text && <div class="small muted clamp-2">{c.text}</div>}
                </th>
                <Cells c={c} />
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr class="total">
              <th scope="row">All clauses</th>
              <Cells c={p} />
            </tr>
          </tfoot>
        </table>
      </div>
      <div class="card-foot small">
        <ActionCounts a={p.actions} />
      </div>
      {p.violationsByMonth.length > 0 && (
        <div class="card-foot small">
          Violations found by month of the incident: {p.violationsByMonth.map((m) => `${m.month}: ${m.count}`).join(' · ')}
        </div>
      )}
      {children}
    </section>
  );
}
