// Record a change of the ceasefire's standing (agreement.status), for the mediators named in the agreement. The
// domain's schema checks the body first; the server then checks the order of changes (e.g. only a suspended ceasefire
// resumes) and its refusal is shown as worded.
import { useState } from 'preact/hooks';
import { agreementStatusBody, STATUS_CHANGES, type StatusChange } from '../../domain/records/agreement-schema.js';
import type { AgreementView } from '../api/types.js';
import { FieldError, invalid, Refusal, useSigning } from '../forms/form-bits.js';
import { checkBody, type FieldErrors } from '../forms/issues.js';
import type { Signer } from '../session/rights.js';

const CHANGE: Readonly<Record<StatusChange, { label: string; help: string }>> = {
  in_force: { label: 'Took effect', help: 'The ceasefire took effect, open-ended or until an expiry.' },
  extended: { label: 'Extended', help: 'A temporary ceasefire runs on, to a new expiry or open-ended.' },
  suspended: { label: 'Suspended', help: 'The ceasefire is suspended until a resumption is recorded.' },
  resumed: { label: 'Resumed', help: 'A suspended ceasefire applies again.' },
  ended: { label: 'Ended', help: 'The ceasefire no longer applies; nothing follows this change.' },
};

/** How the change sets the expiry: keep the one agreed before (resumed only), open-ended, or a time. */
type ExpiryMode = 'keep' | 'open' | 'at';

const nowLocalUtc = (): string => new Date().toISOString().slice(0, 16);
const utc = (t: string): string => `${t.length === 16 ? `${t}:00` : t}Z`;

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
          Record a status change…
        </button>
        <span class="small muted">as a mediator of {view.agreement}</span>
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
      <form class="action-form" onSubmit={submit} noValidate aria-label="Record a status change" data-testid="status-form">
        <h4>Record a change of the ceasefire's status</h4>
        <div class="field">
          <label for="st-status">Change</label>
          <select id="st-status" value={status} onChange={(e) => setStatus(e.currentTarget.value as StatusChange)}>
            {STATUS_CHANGES.map((s) => (
              <option key={s} value={s}>
                {CHANGE[s].label}
              </option>
            ))}
          </select>
          <p class="hint">{CHANGE[status].help}</p>
        </div>
        <div class="field">
          <label for="st-effective">Effective (UTC)</label>
          <input id="st-effective" type="datetime-local" value={effective} onInput={(e) => setEffective(e.currentTarget.value)} {...invalid(errors, 'effective', 'st-effective')} />
          <FieldError errors={errors} path="effective" id="st-effective" />
        </div>
        {temporal && (
          <fieldset class="choice-list" id="st-expiry">
            <legend>Expiry</legend>
            {modes.map((x) => (
              <label key={x} class="choice">
                <input type="radio" name="st-expiry" checked={m === x} onChange={() => setMode(x)} />
                <span>{x === 'keep' ? 'Keep the expiry agreed before the suspension' : x === 'open' ? 'Open-ended' : 'Until a given time (UTC)'}</span>
              </label>
            ))}
            {m === 'at' && <input id="st-expires" type="datetime-local" aria-label="Expires (UTC)" value={expires} onInput={(e) => setExpires(e.currentTarget.value)} {...invalid(errors, 'expires', 'st-expires')} />}
            <FieldError errors={errors} path="expires" id="st-expires" />
          </fieldset>
        )}
        <div class="field">
          <label for="st-reason">Reason, as the mediators record it</label>
          <textarea id="st-reason" rows={3} maxLength={5000} value={reason} onInput={(e) => setReason(e.currentTarget.value)} {...invalid(errors, 'reason', 'st-reason')} />
          <FieldError errors={errors} path="reason" id="st-reason" />
        </div>
        <p class="small muted" style={{ margin: 0 }}>
          Signing as <strong>{signer.me.name}</strong>. The change is a signed, dated statement in the log; “Does the ceasefire still stand?” follows it.
        </p>
        <Refusal error={signing.error} />
        <div class="row">
          <button type="submit" class="btn btn-primary" disabled={signing.busy} data-testid="status-submit">
            {signing.busy ? 'Signing…' : 'Sign and record the change'}
          </button>
          <button type="button" class="btn" onClick={() => setOpen(false)} disabled={signing.busy}>
            Cancel
          </button>
        </div>
      </form>
    </div>
  );
}
