// Propose an amendment to the agreement (agreement.propose), for a member whose role may propose it. The form starts
// from the version in force (or the latest if none is), numbers the new version after the latest one and names the
// latest version's hash in `amends`, so the proposer amends the text it has read. The domain's schema checks the body
// before signing; the server then checks the numbering, the hash, and that parties and mediators are admitted.
import { useState } from 'preact/hooks';
import { agreementProposeBody, CLAUSE_KINDS, SEVERITIES, type Severity } from '../../domain/records/agreement-schema.js';
import type { AgreementVersionView, AgreementView } from '../api/types.js';
import { ErrorSummary, FieldError, invalid, SignActions, useSigning } from '../forms/form-bits.js';
import { checkBody, type FieldErrors } from '../forms/issues.js';
import type { Signer } from '../session/rights.js';
import { t, tEnum, tRich } from '../i18n/index.js';

interface ClauseRow {
  id: string;
  text: string;
  bound: string[];
  kind: (typeof CLAUSE_KINDS)[number];
  indicator: string;
  deadline?: string;
}
interface PenaltyRow {
  penalty: string;
  measure: string;
  amount: string;
  unit: string;
}

/** The input id of a body path: "clauses.0.text" → "am-clauses-0-text". */
const fieldId = (path: string): string => (path ? `am-${path.replaceAll('.', '-')}` : 'am-form');
const label = (path: string): string => {
  const p = path.split('.');
  if (p[0] === 'clauses' && p[1] !== undefined) {
    const n = Number(p[1]) + 1;
    return p[2] ? t('amendAgr.clauseField', { n, field: tEnum('clauseField', p[2]) }) : t('amendAgr.clause', { n });
  }
  if (p[0] === 'penalties') {
    if (!p[1]) return t('amendAgr.penalty');
    const severity = tEnum('caseSeverity', p[1]);
    return p[2] === 'consequence' ? t('amendAgr.penaltyConsequence', { severity }) : t('amendAgr.penaltyOf', { severity });
  }
  return path === '' ? t('amendAgr.proposal') : tEnum('amendField', path);
};
/** A number field: blank is absent ("required"), anything else is read as a number (NaN: "enter a number"). */
const num = (s: string): number | undefined => (s.trim() === '' ? undefined : Number(s));

const clauseRows = (v: AgreementVersionView): ClauseRow[] =>
  v.clauses.map((c) => ({ id: c.id, text: c.text, bound: [...c.bound], kind: c.kind, indicator: c.indicator, ...(c.deadline ? { deadline: c.deadline } : {}) }));
const penaltyRows = (v: AgreementVersionView): Record<Severity, PenaltyRow> => {
  const row = (s: Severity): PenaltyRow => {
    const p = v.penalties?.[s];
    return { penalty: p?.penalty ?? '', measure: p?.consequence?.measure ?? '', amount: p?.consequence ? String(p.consequence.amount) : '', unit: p?.consequence?.unit ?? '' };
  };
  return { minor: row('minor'), serious: row('serious'), grave: row('grave') };
};

export function AmendAgreementForm({ view, signer, onDone }: { view: AgreementView; signer: Signer; onDone(version: number): void }) {
  const latest = view.versions.at(-1)!;
  const base = view.versions.find((v) => v.state === 'in_force') ?? latest;
  const [open, setOpen] = useState(false);
  const [title, setTitle] = useState(base.title);
  const [preamble, setPreamble] = useState(base.preamble);
  const [clauses, setClauses] = useState<ClauseRow[]>(() => clauseRows(base));
  const [penalties, setPenalties] = useState(() => penaltyRows(base));
  const [quorum, setQuorum] = useState(String(base.quorum));
  const [reply, setReply] = useState(String(base.replyDeadlineHours));
  const [attempted, setAttempted] = useState(false);
  const signing = useSigning();

  const reset = () => {
    setTitle(base.title);
    setPreamble(base.preamble);
    setClauses(clauseRows(base));
    setPenalties(penaltyRows(base));
    setQuorum(String(base.quorum));
    setReply(String(base.replyDeadlineHours));
    setAttempted(false);
    signing.setError(null);
  };

  if (!open) {
    return (
      <div class="card-foot row" data-testid="amend-actions">
        <button
          type="button"
          class="btn btn-small"
          onClick={() => {
            reset();
            setOpen(true);
          }}
          data-testid="amend-open"
        >
          {t('amendAgr.open')}
        </button>
        <span class="small muted">{t('amendAgr.next', { version: latest.version + 1, base: base.version })}</span>
      </div>
    );
  }

  const version = latest.version + 1;
  const build = () => {
    const schedule: Record<string, unknown> = {};
    for (const s of SEVERITIES) {
      const p = penalties[s];
      const hasConsequence = [p.measure, p.amount, p.unit].some((x) => x.trim() !== '');
      if (p.penalty.trim() === '' && !hasConsequence) continue;
      schedule[s] = { penalty: p.penalty.trim(), ...(hasConsequence ? { consequence: { measure: p.measure.trim(), amount: num(p.amount), unit: p.unit.trim() } } : {}) };
    }
    return {
      agreement: view.agreement ?? base.agreement,
      version,
      amends: latest.hash,
      title: title.trim(),
      preamble: preamble.trim(),
      parties: [...base.parties],
      mediators: [...base.mediators],
      quorum: num(quorum),
      replyDeadlineHours: num(reply),
      clauses: clauses.map((c) => ({ id: c.id.trim(), text: c.text.trim(), bound: c.bound, kind: c.kind, indicator: c.indicator.trim(), ...(c.deadline ? { deadline: c.deadline } : {}) })),
      penalties: schedule,
    };
  };
  const errors: FieldErrors = attempted ? checkBody(agreementProposeBody, build()) : {};
  const setClause = (i: number, patch: Partial<ClauseRow>) => setClauses(clauses.map((c, j) => (j === i ? { ...c, ...patch } : c)));
  const setPenalty = (s: Severity, patch: Partial<PenaltyRow>) => setPenalties({ ...penalties, [s]: { ...penalties[s], ...patch } });

  const submit = async (e: Event) => {
    e.preventDefault();
    setAttempted(true);
    if (await signing.signChecked(signer.session, 'agreement.propose', agreementProposeBody, build())) {
      setOpen(false);
      setAttempted(false);
      onDone(version);
    }
  };

  const input = (path: string) => ({ id: fieldId(path), ...invalid(errors, path, fieldId(path)) });
  const err = (path: string) => <FieldError errors={errors} path={path} id={fieldId(path)} />;

  return (
    <div class="card-body">
      <form id="am-form" class="action-form" onSubmit={submit} noValidate aria-label={t('amendAgr.title')} data-testid="amend-form">
        <h4>{t('amendAgr.heading', { version, agreement: view.agreement ?? base.agreement })}</h4>
        <p class="small muted" style={{ margin: 0 }}>
          {tRich('amendAgr.amends', {
            version: latest.version,
            h: (x) => <span class="hash">{x}</span>,
            hash: latest.hash,
            parties: base.parties.join(t('list.separator')),
            mediators: base.mediators.join(t('list.separator')),
          })}
        </p>
        <ErrorSummary errors={errors} label={label} fieldId={fieldId} />
        <div class="field">
          <label for={fieldId('title')}>{tEnum('amendField', 'title')}</label>
          <input type="text" maxLength={300} value={title} onInput={(e) => setTitle(e.currentTarget.value)} {...input('title')} />
          {err('title')}
        </div>
        <div class="field">
          <label for={fieldId('preamble')}>{tEnum('amendField', 'preamble')}</label>
          <textarea rows={4} value={preamble} onInput={(e) => setPreamble(e.currentTarget.value)} {...input('preamble')} />
          {err('preamble')}
        </div>
        <fieldset class="rows" id={fieldId('clauses')}>
          <legend>{tEnum('amendField', 'clauses')}</legend>
          {err('clauses')}
          {clauses.map((c, i) => (
            <div key={i} class="action-form" data-testid="amend-clause">
              <div class="form-grid form-grid-2">
                <div class="field">
                  <label for={fieldId(`clauses.${i}.id`)}>{t('amendAgr.clauseId')}</label>
                  <input type="text" value={c.id} onInput={(e) => setClause(i, { id: e.currentTarget.value })} {...input(`clauses.${i}.id`)} />
                  {err(`clauses.${i}.id`)}
                </div>
                <div class="field">
                  <label for={fieldId(`clauses.${i}.kind`)}>{t('amendAgr.kind')}</label>
                  <select value={c.kind} onChange={(e) => setClause(i, { kind: e.currentTarget.value as ClauseRow['kind'] })} {...input(`clauses.${i}.kind`)}>
                    {CLAUSE_KINDS.map((k) => (
                      <option key={k} value={k}>
                        {tEnum('clauseKind', k)}
                      </option>
                    ))}
                  </select>
                </div>
              </div>
              <div class="field">
                <label for={fieldId(`clauses.${i}.text`)}>{t('amendAgr.text')}</label>
                <textarea rows={3} value={c.text} onInput={(e) => setClause(i, { text: e.currentTarget.value })} {...input(`clauses.${i}.text`)} />
                {err(`clauses.${i}.text`)}
              </div>
              <fieldset class="choice-list" id={fieldId(`clauses.${i}.bound`)}>
                <legend class="small">{t('amendAgr.binds')}</legend>
                <div class="row">
                  {base.parties.map((p) => (
                    <label key={p} class="choice">
                      <input
                        type="checkbox"
                        checked={c.bound.includes(p)}
                        onChange={(e) => setClause(i, { bound: e.currentTarget.checked ? base.parties.filter((x) => x === p || c.bound.includes(x)) : c.bound.filter((x) => x !== p) })}
                      />
                      <span>{p}</span>
                    </label>
                  ))}
                </div>
                {err(`clauses.${i}.bound`)}
              </fieldset>
              <div class="field">
                <label for={fieldId(`clauses.${i}.indicator`)}>{t('amendAgr.indicator')}</label>
                <textarea rows={2} value={c.indicator} onInput={(e) => setClause(i, { indicator: e.currentTarget.value })} {...input(`clauses.${i}.indicator`)} />
                {err(`clauses.${i}.indicator`)}
              </div>
              <div class="row">
                <button type="button" class="btn btn-small" disabled={clauses.length <= 1} onClick={() => setClauses(clauses.filter((_, j) => j !== i))}>
                  {t('amendAgr.remove', { clause: c.id || i + 1 })}
                </button>
              </div>
            </div>
          ))}
          <div class="row">
            <button
              type="button"
              class="btn btn-small"
              onClick={() => setClauses([...clauses, { id: '', text: '', bound: [...base.parties], kind: 'prohibition', indicator: '' }])}
              data-testid="amend-add-clause"
            >
              {t('amendAgr.add')}
            </button>
          </div>
        </fieldset>
        <fieldset class="rows" id={fieldId('penalties')}>
          <legend>{t('agrPage.penalties')}</legend>
          {err('penalties')}
          {SEVERITIES.map((s) => (
            <div key={s} class="form-grid form-grid-4">
              <div class="field">
                <label for={fieldId(`penalties.${s}.penalty`)}>{t('amendAgr.sevPenalty', { severity: tEnum('sevLabel', s) })}</label>
                <input type="text" value={penalties[s].penalty} onInput={(e) => setPenalty(s, { penalty: e.currentTarget.value })} {...input(`penalties.${s}.penalty`)} />
                {err(`penalties.${s}.penalty`)}
              </div>
              <div class="field">
                <label for={fieldId(`penalties.${s}.consequence.measure`)}>{t('amendAgr.measure')}</label>
                <input type="text" value={penalties[s].measure} onInput={(e) => setPenalty(s, { measure: e.currentTarget.value })} {...input(`penalties.${s}.consequence.measure`)} />
                {err(`penalties.${s}.consequence.measure`)}
              </div>
              <div class="field">
                <label for={fieldId(`penalties.${s}.consequence.amount`)}>{t('amendAgr.amount')}</label>
                <input type="text" inputMode="decimal" value={penalties[s].amount} onInput={(e) => setPenalty(s, { amount: e.currentTarget.value })} {...input(`penalties.${s}.consequence.amount`)} />
                {err(`penalties.${s}.consequence.amount`)}
              </div>
              <div class="field">
                <label for={fieldId(`penalties.${s}.consequence.unit`)}>{t('amendAgr.unit')}</label>
                <input type="text" value={penalties[s].unit} onInput={(e) => setPenalty(s, { unit: e.currentTarget.value })} {...input(`penalties.${s}.consequence.unit`)} />
                {err(`penalties.${s}.consequence.unit`)}
              </div>
            </div>
          ))}
        </fieldset>
        <div class="form-grid form-grid-2">
          <div class="field">
            <label for={fieldId('quorum')}>{t('amendAgr.quorum')}</label>
            <input type="text" inputMode="numeric" value={quorum} onInput={(e) => setQuorum(e.currentTarget.value)} {...input('quorum')} />
            {err('quorum')}
          </div>
          <div class="field">
            <label for={fieldId('replyDeadlineHours')}>{t('amendAgr.replyHours')}</label>
            <input type="text" inputMode="numeric" value={reply} onInput={(e) => setReply(e.currentTarget.value)} {...input('replyDeadlineHours')} />
            {err('replyDeadlineHours')}
          </div>
        </div>
        <p class="small muted" style={{ margin: 0 }}>
          {tRich('amendAgr.signingAs', { b: (x) => <strong>{x}</strong>, name: signer.me.name })}
        </p>
        <SignActions signing={signing} label={t('amendAgr.submit', { version })} testId="amend-submit" onCancel={() => setOpen(false)} />
      </form>
    </div>
  );
}
