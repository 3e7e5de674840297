// The mediators' actions on a case, below its record: open an investigation (investigation.open), then propose a
// finding (finding.propose). Shown only to a signed-in member whose role may sign them; the server checks the rest
// (that the mediator is one of the agreement's, that no other investigation is open) and its refusal is shown as worded.
import { useState } from 'preact/hooks';
import { investigationOpenBody } from '../../domain/records/investigations.js';
import type { AgreementVersionView, IncidentView } from '../api/types.js';
import { FieldError, invalid, useSigning, SignActions } from '../forms/form-bits.js';
import { checkBody, type FieldErrors } from '../forms/issues.js';
import { useSigner, type Signer } from '../session/rights.js';
import { incidentTitle, whenText } from '../ui/incident-bits.js';
import { ProposeFindingForm } from './propose-finding.js';

interface Props {
  readonly view: IncidentView;
  /** The agreement version in force; null when none is, undefined while the agreement loads. */
  readonly inForce: AgreementVersionView | null | undefined;
  onDone(): void;
}

export function CaseActions({ view, inForce, onDone }: Props) {
  const signer = useSigner();
  const [form, setForm] = useState<'investigation' | 'finding' | null>(null);
  if (!signer) return null;
  const canOpen = signer.can('investigation.open');
  const canPropose = signer.can('finding.propose');
  if (!canOpen && !canPropose) return null;
  const open = view.investigations.find((i) => i.state === 'open');
  const pending = open ? view.findings.find((f) => f.investigation === open.id && f.state === 'pending') : undefined;
  const done = () => {
    setForm(null);
    onDone();
  };

  return (
    <div class="card-body case-actions stack" data-testid="mediator-actions">
      <div class="case-actions-head">
        <h3>Mediator actions</h3>
        <span class="small muted">
          signing as <strong>{signer.me.name}</strong> · each action is a signed statement in the log
        </span>
      </div>
      {!open && canOpen &&
        (form === 'investigation' ? (
          <OpenInvestigationForm view={view} signer={signer} onCancel={() => setForm(null)} onDone={done} />
        ) : (
          <div class="row">
            <button type="button" class="btn btn-primary" onClick={() => setForm('investigation')} data-testid="open-investigation">
              {view.investigations.length ? 'Open a new investigation…' : 'Open an investigation…'}
            </button>
            <span class="small muted">The mediators take up this report, with a mandate saying what they will establish.</span>
          </div>
        ))}
      {open && !pending && canPropose &&
        (form === 'finding' ? (
          <ProposeFindingForm view={view} investigation={open} inForce={inForce} signer={signer} onCancel={() => setForm(null)} onDone={done} />
        ) : (
          <div class="row">
            <button type="button" class="btn btn-primary" onClick={() => setForm('finding')} data-testid="propose-finding">
              Propose a finding…
            </button>
            <span class="small muted">Investigation “{open.title ?? 'untitled'}” is open. A proposal is not a finding until the mediators' quorum concurs.</span>
          </div>
        ))}
      {pending && (
        <p class="small muted" style={{ margin: 0 }}>
          A proposed finding is pending in this investigation: each mediator concurs or dissents above before another can be proposed.
        </p>
      )}
    </div>
  );
}

function defaultMandate(view: IncidentView): string {
  const c = view.report.clauses;
  const clauses = c.length === 0 ? '' : `, and whether clause${c.length === 1 ? '' : 's'} ${c.join(', ')} ${c.length === 1 ? 'was' : 'were'} broken`;
  return `Establish what happened, who was responsible${clauses}.`;
}

function OpenInvestigationForm({ view, signer, onCancel, onDone }: { view: IncidentView; signer: Signer; onCancel(): void; onDone(): void }) {
  const [title, setTitle] = useState(`${incidentTitle(view.report)}, ${whenText(view.report.when)}`);
  const [mandate, setMandate] = useState(defaultMandate(view));
  const [attempted, setAttempted] = useState(false);
  const signing = useSigning();
  const build = () => ({ reports: [view.id], ...(title.trim() ? { title: title.trim() } : {}), mandate: mandate.trim() });
  const errors: FieldErrors = attempted ? checkBody(investigationOpenBody, build()) : {};

  const submit = async (e: Event) => {
    e.preventDefault();
    setAttempted(true);
    if (await signing.signChecked(signer.session, 'investigation.open', investigationOpenBody, build())) onDone();
  };

  return (
    <form class="action-form" onSubmit={submit} noValidate aria-label="Open an investigation" data-testid="investigation-form">
      <h4>Open an investigation into this report</h4>
      <div class="field">
        <label for="inv-title">Title (optional)</label>
        <input id="inv-title" type="text" maxLength={300} value={title} onInput={(e) => setTitle(e.currentTarget.value)} {...invalid(errors, 'title', 'inv-title')} />
        <FieldError errors={errors} path="title" id="inv-title" />
      </div>
      <div class="field">
        <label for="inv-mandate">Mandate: what the mediators will establish</label>
        <textarea id="inv-mandate" rows={3} maxLength={10000} value={mandate} onInput={(e) => setMandate(e.currentTarget.value)} {...invalid(errors, 'mandate', 'inv-mandate')} />
        <FieldError errors={errors} path="mandate" id="inv-mandate" />
      </div>
      <SignActions signing={signing} label="Sign and open the investigation" testId="investigation-submit" onCancel={onCancel} />
    </form>
  );
}
