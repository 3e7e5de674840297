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
import { readerError } from '../api/error-text.js';
import { nameOf } from '../ui/members.js';
import { useApp } from '../api/context.js';
import { t, tEnum, tRich } from '../i18n/index.js';

const today = (): string => new Date().toISOString().slice(0, 10);
/** A clause's text cut to fit an option of the list. */
const clip = (text: string): string => (text.length > 80 ? `${text.slice(0, 79)}…` : text);

/** The confirmation after an action is reported: its id, and the link the mediators verify it from. */
function Reported({ appended }: { appended: Appended }) {
  const link = href(['compliance'], { action: appended.id });
  return (
    <div class="alert alert-ok small" role="status" data-testid="action-reported">
      <p>
        {tRich('actionForm.reported', { index: appended.index, id: appended.id, b: (c) => <strong>{c}</strong>, code: (c) => <code data-testid="action-id">{c}</code> })}
      </p>
      <p>
        {tRich('actionForm.verifyFrom', { a: (c) => <a href={link} data-testid="action-link">{c}</a> })}
      </p>
    </div>
  );
}

export function ReportActionForm({ signer, clauses, onDone }: { signer: Signer; clauses: readonly ClauseCompliance[]; onDone(): void }) {
  const { members } = useApp();
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
    if (amount.trim() !== '' && !Number.isFinite(Number(amount))) before['quantity.amount'] = t('form.number');
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
            {t('actionForm.open')}
          </button>
          <span class="small muted">{t('actionForm.asSide', { name: signer.me.name, side: nameOf(members, signer.me.side ?? '') })}</span>
        </div>
      </div>
    );
  }

  return (
    <div class="card-body">
      <form class="action-form" onSubmit={submit} noValidate aria-label={t('actionForm.label')} data-testid="action-form">
        <h4>{t('actionForm.title')}</h4>
        <div class="field">
          <label for="ca-clause">{t('compPage.clause')}</label>
          <select id="ca-clause" value={clause} onChange={(e) => setClause(e.currentTarget.value)} {...invalid(errors, 'clause', 'ca-clause')}>
            {binding.map((c) => (
              <option key={c.clause} value={c.clause}>
                {c.clause}
                {c.text ? ` — ${clip(c.text)}` : ''}
              </option>
            ))}
          </select>
          <p class="hint">{t('actionForm.clauseHint')}</p>
          <FieldError errors={errors} path="clause" id="ca-clause" />
        </div>
        <div class="field">
          <label for="ca-action">{t('actionForm.action')}</label>
          <textarea id="ca-action" dir="auto" rows={3} maxLength={5000} value={action} onInput={(e) => setAction(e.currentTarget.value)} {...invalid(errors, 'action', 'ca-action')} />
          <FieldError errors={errors} path="action" id="ca-action" />
        </div>
        <div class="field">
          <label for="ca-date">{t('actionForm.date')}</label>
          <input id="ca-date" type="date" value={date} onInput={(e) => setDate(e.currentTarget.value)} {...invalid(errors, 'date', 'ca-date')} />
          <FieldError errors={errors} path="date" id="ca-date" />
        </div>
        <fieldset class="field">
          <legend>{t('actionForm.quantity')}</legend>
          <div class="row">
            <input id="ca-amount" type="number" min={0} step="any" aria-label={t('actionForm.amount')} placeholder="3" value={amount} onInput={(e) => setAmount(e.currentTarget.value)} {...invalid(errors, 'quantity.amount', 'ca-amount')} />
            <input id="ca-unit" type="text" maxLength={100} aria-label={t('actionForm.unit')} placeholder={t('actionForm.unitHint')} dir="auto" value={unit} onInput={(e) => setUnit(e.currentTarget.value)} {...invalid(errors, 'quantity.unit', 'ca-unit')} />
          </div>
          <FieldError errors={errors} path="quantity.amount" id="ca-amount" />
          <FieldError errors={errors} path="quantity.unit" id="ca-unit" />
        </fieldset>
        <p class="small muted" style={{ margin: 0 }}>
          {tRich('actionForm.signing', { name: signer.me.name, b: (c) => <strong>{c}</strong> })}
        </p>
        <SignActions signing={{ busy: signing.busy, error: readerError(signing.error) }} label={t('actionForm.submit')} testId="action-submit" onCancel={close} />
      </form>
    </div>
  );
}

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
      setDone(t('verifyForm.done', { verdict: tEnum('verdictChoice', result), action: body.action }));
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
            <strong>{t('verifyForm.recorded')}</strong> {done}
          </div>
        )}
        <div class="row">
          <button type="button" class="btn btn-small" onClick={() => setOpen(true)} data-testid="verify-open">
            {t('verifyForm.open')}
          </button>
          <span class="small muted">{t('verifyForm.asMediator')}</span>
        </div>
      </div>
    );
  }

  return (
    <div class="card-body">
      <form class="action-form" onSubmit={submit} noValidate aria-label={t('compPage.verifyTitle')} data-testid="verify-form">
        <h4>{t('verifyForm.title')}</h4>
        <div class="field">
          <label for="cv-action">{t('verifyForm.actionId')}</label>
          <input id="cv-action" type="text" spellcheck={false} value={action} onInput={(e) => setAction(e.currentTarget.value)} {...invalid(errors, 'action', 'cv-action')} />
          <p class="hint">{t('verifyForm.actionHint')}</p>
          <FieldError errors={errors} path="action" id="cv-action" />
        </div>
        <fieldset class="choice-list" id="cv-result">
          <legend>{t('verifyForm.verdict')}</legend>
          {VERDICTS.map((v) => (
            <label key={v} class="choice">
              <input type="radio" name="cv-result" value={v} checked={result === v} onChange={() => setResult(v)} />
              <span>{tEnum('verdictChoice', v)}</span>
            </label>
          ))}
        </fieldset>
        <div class="field">
          <label for="cv-reasoning">{t('verifyForm.reasoning')}</label>
          <textarea id="cv-reasoning" dir="auto" rows={3} maxLength={10000} value={reasoning} onInput={(e) => setReasoning(e.currentTarget.value)} {...invalid(errors, 'reasoning', 'cv-reasoning')} />
          <FieldError errors={errors} path="reasoning" id="cv-reasoning" />
        </div>
        <p class="small muted" style={{ margin: 0 }}>
          {tRich('verifyForm.signing', { name: signer.me.name, b: (c) => <strong>{c}</strong> })}
        </p>
        <SignActions signing={{ busy: signing.busy, error: readerError(signing.error) }} label={t('verifyForm.submit')} testId="verify-submit" onCancel={close} />
      </form>
    </div>
  );
}
