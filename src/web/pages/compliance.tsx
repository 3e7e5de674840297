import type { ComponentChildren } from 'preact';
import type { AgreementView, ComplianceCounts, ComplianceView, PartyCompliance } from '../api/types.js';
import { useApi } from '../api/use-api.js';
import { useRoute } from '../router.js';
import { useSigner, type Signer } from '../session/rights.js';
import { formatDuration, formatNumber } from '../ui/format.js';
import { lazy } from '../ui/lazy.js';
import { Member, nameOf } from '../ui/members.js';
import { useApp } from '../api/context.js';
import { readerLoadable } from '../api/error-text.js';
import { Empty, Show } from '../ui/states.js';
import { CommitmentList } from '../compliance/commitment-list.js';
import { currentLocale, t, tRich } from '../i18n/index.js';
import { intlLocale } from '../i18n/locales.js';

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
          <h1>{t('nav.compliance')}</h1>
          <p>{t('compPage.intro')}</p>
        </div>
      </div>
      <Show value={readerLoadable(compliance)} what={t('compPage.loading')}>
        {(c) =>
          c.parties.length === 0 ? (
            <div class="card">
              <Empty title={t('compliance.noParty')} />
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
            <h2 id="verify-title">{t('compPage.verifyTitle')}</h2>
            <span class="small muted">{t('compPage.verifySub')}</span>
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
          {tRich('compPage.reading', { b: (c) => <strong>{c}</strong> })}
          {view.agreement && <> {t('compPage.computed', { size: view.size, agreement: view.agreement.agreement, version: view.agreement.version })}</>}
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

/** The table's columns after the clause: the catalog key of each heading, also the cell's label on a phone. */
const COLUMNS = ['compPage.alleged', 'compPage.investigating', 'compPage.open', 'compPage.violation', 'compPage.noViolation', 'compPage.inconclusive', 'compPage.penalties', 'compPage.actionsVerified', 'compPage.median'] as const;

function Cells({ c }: { c: ComplianceCounts }) {
  const values = [
    formatNumber(c.alleged),
    formatNumber(c.underInvestigation),
    formatNumber(c.open),
    formatNumber(c.findings.violation),
    formatNumber(c.findings.no_violation),
    formatNumber(c.findings.inconclusive + c.findings.unattributable),
    formatNumber(c.penalties),
    t('compPage.ratio', { verified: c.actions.verified, reported: c.actions.reported }),
    c.medianHoursToFinding === null ? '—' : formatDuration(c.medianHoursToFinding * 3_600_000),
  ];
  return (
    <>
      {COLUMNS.map((key, i) => (
        <td key={key} class={`num${key === 'compPage.violation' && c.findings.violation > 0 ? ' cell-bad' : ''}${key === 'compPage.median' ? ' nowrap' : ''}`} data-label={t(key)}>
          {values[i]}
        </td>
      ))}
    </>
  );
}

/** "Nov 2025" for the month "2025-11", in the reader's language and digits. */
const monthText = (month: string): string =>
  new Intl.DateTimeFormat(intlLocale(currentLocale()), { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${month}-01T00:00:00Z`));

function ActionCounts({ a }: { a: ComplianceCounts['actions'] }) {
  if (a.reported === 0) return <span>{t('compPage.noActions')}</span>;
  return (
    <span data-testid="action-counts">
      {t('compPage.actionCounts', { reported: a.reported, verified: a.verified, notVerified: a.not_verified, disputed: a.disputed, unverified: a.unverified })}
    </span>
  );
}

/** Whether a row has any figure to show. */
const hasAny = (c: ComplianceCounts) => c.incidents + c.alleged + c.open + c.penalties + c.actions.reported + Object.values(c.findings).reduce((a, b) => a + b, 0) > 0;

function PartyTable({ p, children }: { p: PartyCompliance; children?: ComponentChildren }) {
  const { members } = useApp();
  return (
    <section class="card" aria-labelledby={`party-${p.side}`} data-testid={`compliance-table-${p.side}`}>
      <div class="card-head">
        <h2 id={`party-${p.side}`}>
          <Member id={p.side} />
        </h2>
        <span class="small muted">
          {t('compPage.partySummary', { violations: p.findings.violation, alleged: p.alleged, open: p.open })}
        </span>
      </div>
      <div class="table-wrap">
        <table class="stack-table compliance-table">
          <caption class="visually-hidden">{t('compPage.caption', { party: nameOf(members, p.side) })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('compPage.clause')}</th>
              {COLUMNS.map((key) => (
                <th key={key} scope="col" class="num">
                  {t(key)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {p.clauses.map((c) => (
              <tr key={c.clause}>
                <th scope="row" class="clause-cell">
                  <a href={`#/agreement?clause=${encodeURIComponent(c.clause)}`}>{c.clause}</a>
                  {!c.binding && (
                    <span class="badge badge-neutral" title={t('compPage.notBindingHelp')}>
                      {t('compPage.notBinding')}
                    </span>
                  )}
                  {c.text && (
                    <div class="small muted clamp-2" dir="auto">
                      {c.text}
                    </div>
                  )}
                </th>
                <Cells c={c} />
              </tr>
            ))}
            {hasAny(p.uncited) && (
              <tr data-testid="compliance-uncited">
                <th scope="row" class="clause-cell">
                  {t('compPage.uncited')}
                  <div class="small muted">{t('compPage.uncitedHelp')}</div>
                </th>
                {/* Its reports are incidents, not alleged breaches: counted in the first column, as the row says. */}
                <Cells c={{ ...p.uncited, alleged: p.uncited.incidents }} />
              </tr>
            )}
          </tbody>
          <tfoot>
            <tr class="total">
              <th scope="row">{t('compPage.allClauses')}</th>
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
          {t('compPage.byMonth', { months: p.violationsByMonth.map((m) => t('compPage.monthCount', { month: monthText(m.month), count: m.count })).join(' · ') })}
        </div>
      )}
      {children}
    </section>
  );
}
