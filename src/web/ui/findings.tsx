import type { ComponentChildren } from 'preact';
import type { FindingView, IncidentView, PenaltyView } from '../api/types.js';
import { formatNumber, formatTime, humanize } from './format.js';
import { Member } from './members.js';
import { ProofBadge } from './proof-badge.js';
import { t, tEnum, tRich } from '../i18n/index.js';

const DETERMINATION: Readonly<Record<string, string>> = { violation: 'badge-bad', no_violation: 'badge-ok', inconclusive: 'badge-neutral', unattributable: 'badge-neutral' };

/** What a finding determines, in words. A final finding states it as fact; a proposal says who proposes it. */
function determinationText(f: FindingView) {
  const party = () => (f.responsible ? <Member id={f.responsible} /> : t('finding.unnamed'));
  switch (f.determination) {
    case 'violation':
      return (
        <>
          {f.clauses.length ? tRich('finding.violationOf', { clauses: f.clauses.join(t('list.separator')), party }) : tRich('finding.violation', { party })}
          {f.severity && t('finding.severity', { severity: tEnum('caseSeverity', f.severity) })}
        </>
      );
    case 'no_violation':
      return f.responsible ? tRich('finding.noViolationBy', { party }) : t('finding.noViolation');
    case 'unattributable':
      return t('finding.unattributable');
    default:
      return t('finding.inconclusive');
  }
}

/** A finding, labelled final or proposed; `children` are the signed-in mediator's actions on it, if any. */
export function Finding({ f, children }: { f: FindingView; children?: ComponentChildren }) {
  const d = { label: DETERMINATION[f.determination] ? tEnum('findingDet', f.determination) : humanize(f.determination), cls: DETERMINATION[f.determination] ?? 'badge-neutral' };
  const concur = f.signatures.filter((s) => s.position === 'concur').length;
  return (
    <article class={`finding finding-${f.state}`} data-testid="finding">
      <div class="row" style={{ justifyContent: 'space-between' }}>
        <div class="row">
          <span class={`badge ${d.cls}`}>{d.label}</span>
          {f.state === 'final' && <span class="badge badge-info">{t('finding.badgeFinal')}</span>}
          {f.state === 'pending' && <span class="badge badge-warn">{t('finding.badgePending')}</span>}
          {f.state === 'rejected' && <span class="badge badge-neutral">{t('finding.badgeRejected')}</span>}
        </div>
        <span class="small muted">{t('finding.quorum', { concur, quorum: f.quorum })}</span>
      </div>
      <p class="finding-text">
        {f.state === 'final'
          ? tRich('finding.final', { det: () => determinationText(f) })
          : tRich('finding.proposed', { by: () => <Member id={f.ref.by} />, det: () => determinationText(f) })}
      </p>
      <p class="prose small" dir="auto">
        {f.reasoning}
      </p>
      <ul class="list-plain small signatures">
        {f.signatures.map((s) => (
          <li key={s.ref.id}>
            {tRich(s.position === 'concur' ? 'finding.concurs' : 'finding.dissents', { by: () => <Member id={s.member} /> })} · {formatTime(s.ref.at)}
            {s.note && (
              <span class="muted">
                {' '}
                — <span dir="auto">{s.note}</span>
              </span>
            )}{' '}
            <ProofBadge index={s.ref.index} id={s.ref.id} />
          </li>
        ))}
      </ul>
      {children}
    </article>
  );
}

export function Penalty({ p }: { p: PenaltyView }) {
  return (
    <article class="penalty" data-testid="penalty">
      <p>
        <strong>{tRich('penalty.appliedTo', { side: () => <Member id={p.side} /> })}</strong> <span class="badge badge-neutral">{tEnum('caseSeverity', p.severity)}</span>
      </p>
      <p class="small" dir="auto">
        {p.penalty}
      </p>
      {p.consequence && (
        <p class="small" dir="auto">
          {t('penalty.consequence', { measure: p.consequence.measure, amount: formatNumber(p.consequence.amount), unit: p.consequence.unit })}
        </p>
      )}
      {p.note && (
        <p class="small muted" dir="auto">
          {p.note}
        </p>
      )}
      <ProofBadge index={p.ref.index} id={p.ref.id} />
    </article>
  );
}

/** Investigations, findings (final and proposed, labelled) and penalties of a case; `findingActions` adds a mediator's actions under each finding. */
export function CaseRecord({ view, findingActions }: { view: IncidentView; findingActions?: (f: FindingView) => ComponentChildren }) {
  const findings = view.findings;
  const penalties = view.penalties;
  if (view.investigations.length === 0 && findings.length === 0) {
    return <p class="card-body muted">{t('case.noInvestigation')}</p>;
  }
  return (
    <div class="card-body stack">
      {view.investigations.map((i) => (
        <div key={i.id} class="investigation">
          <p>
            <strong dir="auto">{i.title ?? t('case.investigation')}</strong>{' '}
            <span class={`badge ${i.state === 'closed' ? 'badge-neutral' : 'badge-warn'}`}>{i.state === 'closed' ? t('case.closed') : t('case.open')}</span>
          </p>
          <p class="small">
            {tRich(i.closed ? 'case.openedClosed' : 'case.opened', { by: () => <Member id={i.ref.by} />, time: formatTime(i.ref.at), closed: i.closed ? formatTime(i.closed.ref.at) : '' })}{' '}
            {t('case.mandate')} <span dir="auto">{i.mandate}</span>
          </p>
          <ProofBadge index={i.ref.index} id={i.ref.id} />
        </div>
      ))}
      {findings.map((f) => (
        <Finding key={f.id} f={f}>
          {findingActions?.(f)}
        </Finding>
      ))}
      {penalties.map((p) => (
        <Penalty key={p.id} p={p} />
      ))}
    </div>
  );
}
