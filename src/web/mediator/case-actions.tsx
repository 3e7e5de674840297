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
import { readerError } from '../api/error-text.js';
import { t, tRich } from '../i18n/index.js';

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
        <h3>{t('caseActions.title')}</h3>
        <span class="small muted">{tRich('caseActions.signingAs', { name: signer.me.name, b: (c) => <strong>{c}</strong> })}</span>
      </div>
      {!open && canOpen &&
        (form === 'investigation' ? (
          <OpenInvestigationForm view={view} signer={signer} onCancel={() => setForm(null)} onDone={done} />
        ) : (
          <div class="row">
            <button type="button" class="btn btn-primary" onClick={() => setForm('investigation')} data-testid="open-investigation">
              {view.investigations.length ? t('caseActions.openNew') : t('caseActions.open')}
            </button>
            <span class="small muted">{t('caseActions.openHelp')}</span>
          </div>
        ))}
      {open && !pending && canPropose &&
        (form === 'finding' ? (
          <ProposeFindingForm view={view} investigation={open} inForce={inForce} signer={signer} onCancel={() => setForm(null)} onDone={done} />
        ) : (
          <div class="row">
            <button type="button" class="btn btn-primary" onClick={() => setForm('finding')} data-testid="propose-finding">
              {t('caseActions.propose')}
            </button>
            <span class="small muted">{t('caseActions.isOpen', { title: open.title ?? t('caseActions.untitled') })}</span>
          </div>
        ))}
      {pending && (
        <p class="small muted" style={{ margin: 0 }}>
          {t('caseActions.pending')}
        </p>
      )}
    </div>
  );
}

/** The mandate offered to start from, in the mediator's language (it is then the mediator's own text, signed). */
function defaultMandate(view: IncidentView): string {
  const c = view.report.clauses;
  return c.length === 0 ? t('caseActions.mandate') : t('caseActions.mandateClauses', { count: c.length, clauses: c.join(t('list.separator')) });
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
    <form class="action-form" onSubmit={submit} noValidate aria-label={t('caseActions.formLabel')} data-testid="investigation-form">
      <h4>{t('caseActions.formTitle')}</h4>
      <div class="field">
        <label for="inv-title">{t('caseActions.titleField')}</label>
        <input id="inv-title" dir="auto" type="text" maxLength={300} value={title} onInput={(e) => setTitle(e.currentTarget.value)} {...invalid(errors, 'title', 'inv-title')} />
        <FieldError errors={errors} path="title" id="inv-title" />
      </div>
      <div class="field">
        <label for="inv-mandate">{t('caseActions.mandateField')}</label>
        <textarea id="inv-mandate" dir="auto" rows={3} maxLength={10000} value={mandate} onInput={(e) => setMandate(e.currentTarget.value)} {...invalid(errors, 'mandate', 'inv-mandate')} />
        <FieldError errors={errors} path="mandate" id="inv-mandate" />
      </div>
      <SignActions signing={{ busy: signing.busy, error: readerError(signing.error) }} label={t('caseActions.submit')} testId="investigation-submit" onCancel={onCancel} />
    </form>
  );
}
