// A party reports an action it took on a clause binding its side (commitment.action); a mediator of the agreement in
// force gives a verdict on a reported action (commitment.verify). The domain's schemas check each body first; the
// server then checks rights and the workflow (the clause binds the side, one verdict per mediator) and its refusal is
// shown as worded. No endpoint lists the reported actions, so the verdict form takes the action's id: the party's
// confirmation gives it, with a link that opens this form with it filled in.
import { useState } from 'preact/hooks';
import { commitmentActionBody, commitmentVerifyBody, VERDICTS, type Verdict } from '../../domain/records/commitments.js';
import type { Appended, ClauseCompliance } from '../api/types.js';
import { FieldError, invalid, SignActions, useSigning } from '../forms/form-bits.js';
import { checkBody, hasErrors, type FieldErrors } from '../forms/issues.js';
import { href } from '../router.js';
import type { Signer } from '../session/rights.js';

const today = (): string => new Date().toISOString().slice(0, 10);

/** The confirmation after an action is reported: its id, and the link the mediators verify it from. */
function Reported({ appended }: { appended: Appended }) {
  const link = href(['compliance'], { action: appended.id });
  return (
    <div class="alert alert-ok small" role="status" data-testid="action-reported">
      <p>
        <strong>Action reported</strong> at log position {appended.index}. Its id is <code data-testid="action-id">{appended.id}</code>.
      </p>
      <p>
        The agreement's mediators verify it from <a href={link} data-testid="action-link">this page's verification form</a>.
      </p>
    </div>
  );
}

export function ReportActionForm({ signer, clauses, onDone }: { signer: Signer; clauses: readonly ClauseCompliance[]; onDone(): void }) {
  const binding = clauses.filter((c) => c.binding);
  const [open, setOpen] = useState(false);
  const [clause, setClause] = useState(binding[0]?.clause ?? '');
  const [action, setAction] = useState('');
  const [date, setDate] = useState(today);
  const [amount, setAmount] = useState('');
  const [unit, setUnit] = useState('');
  const [attempted, setAttempted] = useState(false);
  const [done, setDone] = useState<Appended | null>(null);
  const signing = useSigning();

  const close = () => {
    setOpen(false);
    setAttempted(false);
    signing.setError(null);
  };
  const build = () => ({
    clause,
    action: action.trim(),
    date,
    ...(amount.trim() || unit.trim() ? { quantity: { amount: amount.trim() === '' ? Number.NaN : Number(amount), unit: unit.trim() } } : {}),
    evidence: [],
  });
  const check = (): FieldErrors => {
    const before: Record<string, string> = {};
    if (amount.trim() !== '' && !Number.isFinite(Number(amount))) before['quantity.amount'] = 'Enter a number.';
    return checkBody(commitmentActionBody, build(), before);
  };
  const errors: FieldErrors = attempted ? check() : {};

  const submit = async (e: Event) => {
    e.preventDefault();
    setAttempted(true);
    if (hasErrors(check())) return;
    const appended = await signing.sign(signer.session, 'commitment.action', build());
    if (appended) {
      setDone(appended);
      setAction('');
      setAmount('');
      setUnit('');
      close();
      onDone();
    }
  };

  if (!open) {
    return (
      <div class="card-foot stack" data-testid="action-actions">
        {done && <Reported appended={done} />}
        <div class="row">
          <button
            type="button"
            class="btn btn-small"
            onClick={() => {
              setDone(null);
              setOpen(true);
            }}
            data-testid="action-open"
          >
            Report an action on a commitment…
          </button>
          <span class="small muted">as {signer.me.name}, for side {signer.me.side}</span>
        </div>
      </div>
    );
  }

  return (
    <div class="card-body">
      <form class="action-form" onSubmit={submit} noValidate aria-label="Report an action on a commitment" data-testid="action-form">
        <h4>Report an action your side took on a commitment</h4>
        <div class="field">
          <label for="ca-clause">Clause</label>
          <select id="ca-clause" value={clause} onChange={(e) => setClause(e.currentTarget.value)} {...invalid(errors, 'clause', 'ca-clause')}>
            {binding.map((c) => (
              <option key={c.clause} value={c.clause}>
                {c.clause}
                {c.text ? ` — ${c.text.length > 80 ? `${c.text.slice(0, 79)}…` : c.text}` : ''}
              </option>
            ))}
          </select>
          <p class="hint">Only the clauses of the agreement in force that bind your side.</p>
          <FieldError errors={errors} path="clause" id="ca-clause" />
        </div>
        <div class="field">
          <label for="ca-action">What your side did</label>
          <textarea id="ca-action" rows={3} maxLength={5000} value={action} onInput={(e) => setAction(e.currentTarget.value)} {...invalid(errors, 'action', 'ca-action')} />
          <FieldError errors={errors} path="action" id="ca-action" />
        </div>
        <div class="field">
          <label for="ca-date">Date of the action</label>
          <input id="ca-date" type="date" value={date} onInput={(e) => setDate(e.currentTarget.value)} {...invalid(errors, 'date', 'ca-date')} />
          <FieldError errors={errors} path="date" id="ca-date" />
        </div>
        <fieldset class="field">
          <legend>Quantity, if the action has one (optional)</legend>
          <div class="row">
            <input id="ca-amount" type="number" min={0} step="any" aria-label="Amount" placeholder="3" value={amount} onInput={(e) => setAmount(e.currentTarget.value)} {...invalid(errors, 'quantity.amount', 'ca-amount')} />
            <input id="ca-unit" type="text" maxLength={100} aria-label="Unit" placeholder="persons handed over" value={unit} onInput={(e) => setUnit(e.currentTarget.value)} {...invalid(errors, 'quantity.unit', 'ca-unit')} />
          </div>
          <FieldError errors={errors} path="quantity.amount" id="ca-amount" />
          <FieldError errors={errors} path="quantity.unit" id="ca-unit" />
        </fieldset>
        <p class="small muted" style={{ margin: 0 }}>
          Signing as <strong>{signer.me.name}</strong>. The report is your side's claim until the mediators verify it.
        </p>
        <SignActions signing={signing} label="Sign and report the action" testId="action-submit" onCancel={close} />
      </form>
    </div>
  );
}

const VERDICT_LABEL: Readonly<Record<Verdict, string>> = { verified: 'Verified', not_verified: 'Not verified', disputed: 'Disputed' };

export function VerifyActionForm({ signer, initialAction, onDone }: { signer: Signer; initialAction: string; onDone(): void }) {
  const [open, setOpen] = useState(initialAction !== '');
  const [action, setAction] = useState(initialAction);
  const [result, setResult] = useState<Verdict>('verified');
  const [reasoning, setReasoning] = useState('');
  const [attempted, setAttempted] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const signing = useSigning();

  const close = () => {
    setOpen(false);
    setAttempted(false);
    signing.setError(null);
  };
  const build = () => ({ action: action.trim(), result, reasoning: reasoning.trim() });
  const errors: FieldErrors = attempted ? checkBody(commitmentVerifyBody, build()) : {};

  const submit = async (e: Event) => {
    e.preventDefault();
    setAttempted(true);
    const body = build();
    if (await signing.signChecked(signer.session, 'commitment.verify', commitmentVerifyBody, body)) {
      setDone(`${VERDICT_LABEL[result]}: action ${body.action}`);
      setReasoning('');
      setAction('');
      close();
      onDone();
    }
  };

  if (!open) {
    return (
      <div class="card-foot stack" data-testid="verify-actions">
        {done && (
          <div class="alert alert-ok small" role="status" data-testid="action-verified">
            <strong>Verdict recorded.</strong> {done}
          </div>
        )}
        <div class="row">
          <button type="button" class="btn btn-small" onClick={() => setOpen(true)} data-testid="verify-open">
            Verify a reported action…
          </button>
          <span class="small muted">as a mediator of the agreement in force</span>
        </div>
      </div>
    );
  }

  return (
    <div class="card-body">
      <form class="action-form" onSubmit={submit} noValidate aria-label="Verify a reported action" data-testid="verify-form">
        <h4>Verify an action a party reported</h4>
        <div class="field">
          <label for="cv-action">Action id</label>
          <input id="cv-action" type="text" spellcheck={false} value={action} onInput={(e) => setAction(e.currentTarget.value)} {...invalid(errors, 'action', 'cv-action')} />
          <p class="hint">The id the party's confirmation gave (its link fills it in).</p>
          <FieldError errors={errors} path="action" id="cv-action" />
        </div>
        <fieldset class="choice-list" id="cv-result">
          <legend>Verdict</legend>
          {VERDICTS.map((v) => (
            <label key={v} class="choice">
              <input type="radio" name="cv-result" value={v} checked={result === v} onChange={() => setResult(v)} />
              <span>{VERDICT_LABEL[v]}</span>
            </label>
          ))}
        </fieldset>
        <div class="field">
          <label for="cv-reasoning">Reasoning</label>
          <textarea id="cv-reasoning" rows={3} maxLength={10000} value={reasoning} onInput={(e) => setReasoning(e.currentTarget.value)} {...invalid(errors, 'reasoning', 'cv-reasoning')} />
          <FieldError errors={errors} path="reasoning" id="cv-reasoning" />
        </div>
        <p class="small muted" style={{ margin: 0 }}>
          Signing as <strong>{signer.me.name}</strong>. An action is verified when every mediator's verdict says so.
        </p>
        <SignActions signing={signing} label="Sign the verdict" testId="verify-submit" onCancel={close} />
      </form>
    </div>
  );
}
