import type { ComponentChildren } from 'preact';
import type { FindingView, IncidentView, PenaltyView } from '../api/types.js';
import { formatTime, humanize } from './format.js';
import { Member } from './members.js';
import { ProofBadge } from './proof-badge.js';

const DETERMINATION: Readonly<Record<string, { label: string; cls: string }>> = {
  violation: { label: 'Violation', cls: 'badge-bad' },
  no_violation: { label: 'No violation', cls: 'badge-ok' },
  inconclusive: { label: 'Inconclusive', cls: 'badge-neutral' },
  unattributable: { label: 'Not attributable', cls: 'badge-neutral' },
};

/** What a finding determines, in words. A final finding states it as fact; a proposal says who proposes it. */
function determinationText(f: FindingView) {
  const clauses = f.clauses.length ? ` of ${f.clauses.join(', ')}` : '';
  switch (f.determination) {
    case 'violation':
      return (
        <>
          violation{clauses} by {f.responsible ? <Member id={f.responsible} /> : 'an unnamed party'}
          {f.severity && <>, severity {f.severity}</>}
        </>
      );
    case 'no_violation':
      return <>no violation{f.responsible ? <> by <Member id={f.responsible} /></> : null}</>;
    case 'unattributable':
      return <>the incident could not be attributed to a party</>;
    default:
      return <>the evidence does not allow a determination</>;
  }
}

/** A finding, labelled final or proposed; `children` are the signed-in mediator's actions on it, if any. */
export function Finding({ f, children }: { f: FindingView; children?: ComponentChildren }) {
  const d = DETERMINATION[f.determination] ?? { label: humanize(f.determination), cls: 'badge-neutral' };
  const concur = f.signatures.filter((s) => s.position === 'concur').length;
  return (
    <article class={`finding finding-${f.state}`} data-testid="finding">
      <div class="row" style={{ justifyContent: 'space-between' }}>
        <div class="row">
          <span class={`badge ${d.cls}`}>{d.label}</span>
          {f.state === 'final' && <span class="badge badge-info">Final finding</span>}
          {f.state === 'pending' && <span class="badge badge-warn">Proposed, not final</span>}
          {f.state === 'rejected' && <span class="badge badge-neutral">Rejected</span>}
        </div>
        <span class="small muted">
          {concur} of {f.quorum} mediator signature{f.quorum === 1 ? '' : 's'} required
        </span>
      </div>
      <p class="finding-text">
        {f.state === 'final' ? <>The mediators found: {determinationText(f)}.</> : <>Proposed by <Member id={f.ref.by} />: {determinationText(f)}.</>}
      </p>
      <p class="prose small">{f.reasoning}</p>
      <ul class="list-plain small signatures">
        {f.signatures.map((s) => (
          <li key={s.ref.id}>
            <Member id={s.member} /> {s.position === 'concur' ? 'concurs' : 'dissents'} · {formatTime(s.ref.at)}
            {s.note && <span class="muted"> — {s.note}</span>} <ProofBadge index={s.ref.index} id={s.ref.id} />
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
        <strong>Penalty applied to <Member id={p.side} /></strong> <span class="badge badge-neutral">{p.severity}</span>
      </p>
      <p class="small">{p.penalty}</p>
      {p.consequence && (
        <p class="small">
          {p.consequence.measure}: {p.consequence.amount} {p.consequence.unit}
        </p>
      )}
      {p.note && <p class="small muted">{p.note}</p>}
      <ProofBadge index={p.ref.index} id={p.ref.id} />
    </article>
  );
}

/** Investigations, findings (final and proposed, labelled) and penalties of a case; `findingActions` adds a mediator's actions under each finding. */
export function CaseRecord({ view, findingActions }: { view: IncidentView; findingActions?: (f: FindingView) => ComponentChildren }) {
  const findings = view.findings;
  const penalties = view.penalties;
  if (view.investigations.length === 0 && findings.length === 0) {
    return <p class="card-body muted">The mediators have not opened an investigation into this report.</p>;
  }
  return (
    <div class="card-body stack">
      {view.investigations.map((i) => (
        <div key={i.id} class="investigation">
          <p>
            <strong>{i.title ?? 'Investigation'}</strong>{' '}
            <span class={`badge ${i.state === 'closed' ? 'badge-neutral' : 'badge-warn'}`}>{i.state === 'closed' ? 'Closed' : 'Open'}</span>
          </p>
          <p class="small">
            Opened by <Member id={i.ref.by} /> on {formatTime(i.ref.at)}
            {i.closed && <>, closed on {formatTime(i.closed.ref.at)} by the final finding below</>}. Mandate: {i.mandate}
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
