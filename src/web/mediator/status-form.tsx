// Record a change of the ceasefire's standing (agreement.status), for the mediators named in the agreement. The
// domain's schema checks the body first; the server then checks the order of changes (e.g. only a suspended ceasefire
// resumes) and its refusal is shown as worded.
import { useState } from 'preact/hooks';
import { agreementStatusBody, STATUS_CHANGES, type StatusChange } from '../../domain/records/agreement-schema.js';
import type { AgreementView } from '../api/types.js';
import { FieldError, invalid, Refusal, useSigning } from '../forms/form-bits.js';
import { checkBody, type FieldErrors } from '../forms/issues.js';
import type { Signer } from '../session/rights.js';
import { readerError } from '../api/error-text.js';
import { t, tEnum, tRich, type MessageKey } from '../i18n/index.js';

/** What each change means, under the choice. */
const HELP: Readonly<Record<StatusChange, MessageKey>> = {
  in_force: 'statusForm.help.in_force',
  extended: 'statusForm.help.extended',
  suspended: 'statusForm.help.suspended',
  resumed: 'statusForm.help.resumed',
  ended: 'statusForm.help.ended',
};

/** How the change sets the expiry: keep the one agreed before (resumed only), open-ended, or a time. */
type ExpiryMode = 'keep' | 'open' | 'at';

const nowLocalUtc = (): string => new Date().toISOString().slice(0, 16);
const utc = (v: string): string => `${v.length === 16 ? `${v}:00` : v}Z`;

export function StatusForm({ view, signer, onDone }: { view: AgreementView; signer: Signer; onDone(): void }) {
  const [open, setOpen] = useState(false);
  const [status, setStatus] = useState<StatusChange>(view.ceasefire.state === 'suspended' ? 'resumed' : 'suspended');
  const [effective, setEffective] = useState(nowLocalUtc);
  const [mode, setMode] = useState<ExpiryMode>('keep');
  const [expires, setExpires] = useState('');
  const [reason, setReason] = useState('');
  const [attempted, setAttempted] = useState(false);
  const signing = useSigning();
  if (!open) {
    return (
      <div class="card-foot row" data-testid="status-actions">
        <button
          type="button"
          class="btn btn-small"
          onClick={() => {
            // Start from the change that usually follows the current state, effective now.
            setStatus(view.ceasefire.state === 'suspended' ? 'resumed' : 'suspended');
            setEffective(nowLocalUtc());
            signing.setError(null);
            setOpen(true);
          }}
          data-testid="status-open"
        >
          {t('statusForm.open')}
        </button>
        <span class="small muted">{t('statusForm.asMediator', { agreement: view.agreement })}</span>
      </div>
    );
  }

  const temporal = status === 'in_force' || status === 'extended' || status === 'resumed';
  const modes: readonly ExpiryMode[] = status === 'resumed' ? ['keep', 'open', 'at'] : ['open', 'at'];
  const m: ExpiryMode = modes.includes(mode) ? mode : 'open';
  const build = () => ({
    agreement: view.agreement,
    status,
    effective: effective ? utc(effective) : '',
    ...(temporal && m === 'at' ? { expires: expires ? utc(expires) : '' } : {}),
    // Open-ended: absent for a change taking effect, null where absent would mean "keep" (resumed) or is refused (extended).
    ...(temporal && m === 'open' && status !== 'in_force' ? { expires: null } : {}),
    reason: reason.trim(),
  });
  const errors: FieldErrors = attempted ? checkBody(agreementStatusBody, build()) : {};

  const submit = async (e: Event) => {
    e.preventDefault();
    setAttempted(true);
    if (await signing.signChecked(signer.session, 'agreement.status', agreementStatusBody, build())) {
      setOpen(false);
      setAttempted(false);
      setReason('');
      onDone();
    }
  };

  return (
    <div class="card-body">
      <form class="action-form" onSubmit={submit} noValidate aria-label={t('statusForm.label')} data-testid="status-form">
        <h4>{t('statusForm.title')}</h4>
        <div class="field">
          <label for="st-status">{t('statusForm.change')}</label>
          <select id="st-status" value={status} onChange={(e) => setStatus(e.currentTarget.value as StatusChange)}>
            {STATUS_CHANGES.map((s) => (
              <option key={s} value={s}>
                {tEnum('statusChange', s)}
              </option>
            ))}
          </select>
          <p class="hint">{t(HELP[status])}</p>
        </div>
        <div class="field">
          <label for="st-effective">{t('statusForm.effective')}</label>
          <input id="st-effective" type="datetime-local" value={effective} onInput={(e) => setEffective(e.currentTarget.value)} {...invalid(errors, 'effective', 'st-effective')} />
          <FieldError errors={errors} path="effective" id="st-effective" />
        </div>
        {temporal && (
          <fieldset class="choice-list" id="st-expiry">
            <legend>{t('statusForm.expiry')}</legend>
            {modes.map((x) => (
              <label key={x} class="choice">
                <input type="radio" name="st-expiry" checked={m === x} onChange={() => setMode(x)} />
                <span>{t(x === 'keep' ? 'statusForm.keep' : x === 'open' ? 'statusForm.openEnded' : 'statusForm.until')}</span>
              </label>
            ))}
            {m === 'at' && <input id="st-expires" type="datetime-local" aria-label={t('statusForm.expires')} value={expires} onInput={(e) => setExpires(e.currentTarget.value)} {...invalid(errors, 'expires', 'st-expires')} />}
            <FieldError errors={errors} path="expires" id="st-expires" />
          </fieldset>
        )}
        <div class="field">
          <label for="st-reason">{t('statusForm.reason')}</label>
          <textarea id="st-reason" dir="auto" rows={3} maxLength={5000} value={reason} onInput={(e) => setReason(e.currentTarget.value)} {...invalid(errors, 'reason', 'st-reason')} />
          <FieldError errors={errors} path="reason" id="st-reason" />
        </div>
        <p class="small muted" style={{ margin: 0 }}>
          {tRich('statusForm.signing', { name: signer.me.name, b: (c) => <strong>{c}</strong> })}
        </p>
        <Refusal error={readerError(signing.error)} />
        <div class="row">
          <button type="submit" class="btn btn-primary" disabled={signing.busy} data-testid="status-submit">
            {signing.busy ? t('form.signing') : t('statusForm.submit')}
          </button>
          <button type="button" class="btn" onClick={() => setOpen(false)} disabled={signing.busy}>
            {t('form.cancel')}
          </button>
        </div>
      </form>
    </div>
  );
}
