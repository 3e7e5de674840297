import { useState } from 'preact/hooks';
import { DETERMINATIONS, RESPONSIBILITY_BASES, findingProposeBody, type Determination, type ResponsibilityBasis } from '../../domain/records/findings.js';
import { SEVERITIES, type Severity } from '../../domain/records/agreement-schema.js';
import type { AgreementVersionView, IncidentView } from '../api/types.js';
import { ErrorSummary, FieldError, invalid, useSigning, SignActions } from '../forms/form-bits.js';
import { checkBody, type FieldErrors } from '../forms/issues.js';
import type { Signer } from '../session/rights.js';
import { Member, nameOf } from '../ui/members.js';
import { useApp } from '../api/context.js';
import { t, tEnum, tRich, type MessageKey } from '../i18n/index.js';

/** Each determination's label is findingDet.*, its hint findingHint.*; the basis of responsibility is respBasis.*. */
const LABELS: Readonly<Record<string, MessageKey>> = {
  determination: 'proposeF.determination',
  responsible: 'proposeF.responsible',
  responsibility: 'proposeF.responsibility',
  group: 'proposeF.group',
  clauses: 'proposeF.clausesLabel',
  severity: 'proposeF.severityLabel',
  reasoning: 'proposeF.reasoningLabel',
  evidence: 'proposeF.evidenceLabel',
};
const labelOf = (path: string): string => {
  const key = LABELS[path.split('.')[0] ?? path];
  return key ? t(key) : path;
};
const FIELD_ID: Readonly<Record<string, string>> = {
  determination: 'pf-determination-violation',
  responsible: 'pf-responsible',
  responsibility: 'pf-responsibility',
  group: 'pf-group',
  clauses: 'pf-clauses',
  severity: 'pf-severity',
  reasoning: 'pf-reasoning',
  evidence: 'pf-evidence',
};

interface Props {
  readonly view: IncidentView;
  readonly investigation: IncidentView['investigations'][number];
  /** The version in force; null when none is, undefined while the agreement loads. */
  readonly inForce: AgreementVersionView | null | undefined;
  readonly signer: Signer;
  onCancel(): void;
  onDone(): void;
}

/**
 * finding.propose: a mediator's proposed determination, judged against the agreement in force (its parties, the
 * clauses that bind the party named, the severities of its penalty schedule). The proposal counts as the proposer's
 * concurrence; it is final once the quorum concurs.
 */
export function ProposeFindingForm({ view, investigation, inForce, signer, onCancel, onDone }: Props) {
  const { members } = useApp();
  const inForceClauses = inForce?.clauses ?? [];
  const [determination, setDetermination] = useState<Determination | ''>('');
  const [responsible, setResponsible] = useState('');
  const [clauses, setClauses] = useState<readonly string[]>(() => view.report.clauses.filter((c) => inForceClauses.some((k) => k.id === c)));
  const [severity, setSeverity] = useState<Severity | ''>('');
  const [responsibility, setResponsibility] = useState<ResponsibilityBasis | ''>('');
  const [group, setGroup] = useState('');
  const [reasoning, setReasoning] = useState('');
  const [evidence, setEvidence] = useState<readonly string[]>([]);
  const [attempted, setAttempted] = useState(false);
  const signing = useSigning();
  const toggle = (list: readonly string[], v: string) => (list.includes(v) ? list.filter((x) => x !== v) : [...list, v]);

  if (inForce === undefined) return <p class="small muted">{t('proposeF.loading')}</p>;
  if (inForce === null) {
    return (
      <div class="action-form">
        <p class="small" style={{ margin: 0 }}>{t('proposeF.noneInForce')}</p>
      </div>
    );
  }
  const schedule = SEVERITIES.filter((s) => inForce.penalties?.[s]);
  const binds = (clauseId: string) => !responsible || (inForceClauses.find((c) => c.id === clauseId)?.bound.includes(responsible) ?? false);
  const showResponsible = determination !== 'unattributable';

  const build = () => ({
    investigation: investigation.id,
    determination,
    ...(showResponsible && responsible ? { responsible } : {}),
    clauses: clauses.filter(binds),
    ...(determination === 'violation' && severity ? { severity } : {}),
    ...(determination === 'violation' && responsibility ? { responsibility } : {}),
    ...(determination === 'violation' && responsibility && responsibility !== 'own_forces' && group.trim() ? { group: group.trim() } : {}),
    reasoning: reasoning.trim(),
    evidence: [...evidence],
  });
  // Once the mediator has tried to sign, the problems follow the edits.
  const errors: FieldErrors = attempted ? checkBody(findingProposeBody, build()) : {};

  const submit = async (e: Event) => {
    e.preventDefault();
    setAttempted(true);
    if (await signing.signChecked(signer.session, 'finding.propose', findingProposeBody, build())) onDone();
  };

  return (
    <form class="action-form" onSubmit={submit} noValidate aria-label={t('proposeF.title')} data-testid="finding-form">
      <div>
        <h4>{t('proposeF.title')}</h4>
        <p class="small muted" style={{ margin: '2px 0 0' }}>
          {t('proposeF.intro', { investigation: investigation.title ?? t('proposeF.untitled'), agreement: inForce.agreement, version: inForce.version, quorum: inForce.quorum })}
        </p>
      </div>
      <ErrorSummary errors={errors} label={labelOf} fieldId={(p) => FIELD_ID[p.split('.')[0] ?? p] ?? 'pf-reasoning'} />
      <fieldset class="rows">
        <legend>{t('proposeF.determination')}</legend>
        <div class="choice-grid" role="radiogroup">
          {DETERMINATIONS.map((d) => (
            <label key={d} class="choice">
              <input
                id={`pf-determination-${d}`}
                type="radio"
                name="determination"
                value={d}
                checked={determination === d}
                onChange={() => setDetermination(d)}
                {...(d === 'violation' ? invalid(errors, 'determination', 'pf-determination') : {})}
              />
              <span>
                {tEnum('findingDet', d)}
                <span class="hint">{tEnum('findingHint', d)}</span>
              </span>
            </label>
          ))}
        </div>
        <FieldError errors={errors} path="determination" id="pf-determination" />
      </fieldset>
      <div class="form-grid form-grid-2">
        {showResponsible && (
          <div class="field">
            <label for="pf-responsible">{determination === 'violation' ? t('proposeF.responsible') : t('proposeF.concerned')}</label>
            <select id="pf-responsible" value={responsible} onChange={(e) => setResponsible(e.currentTarget.value)} {...invalid(errors, 'responsible', 'pf-responsible')}>
              <option value="">{determination === 'violation' ? t('proposeF.chooseParty') : t('proposeF.noneNamed')}</option>
              {inForce.parties.map((p) => (
                <option key={p} value={p}>
                  {nameOf(members, p)}
                </option>
              ))}
            </select>
            <FieldError errors={errors} path="responsible" id="pf-responsible" />
          </div>
        )}
        {determination === 'violation' && (
          <div class="field">
            <label for="pf-severity">{t('proposeF.severity')}</label>
            <select id="pf-severity" value={severity} onChange={(e) => setSeverity(e.currentTarget.value as Severity | '')} {...invalid(errors, 'severity', 'pf-severity')}>
              <option value="">{t('proposeF.chooseSeverity')}</option>
              {schedule.map((s) => (
                <option key={s} value={s}>
                  {tEnum('sevLabel', s)}
                </option>
              ))}
            </select>
            {severity && inForce.penalties?.[severity] && <p class="hint">{t('proposeF.penalty', { penalty: inForce.penalties[severity]!.penalty })}</p>}
            <FieldError errors={errors} path="severity" id="pf-severity" />
          </div>
        )}
        {determination === 'violation' && (
          <div class="field">
            <label for="pf-responsibility">{t('proposeF.responsibility')}</label>
            <select id="pf-responsibility" value={responsibility} onChange={(e) => setResponsibility(e.currentTarget.value as ResponsibilityBasis | '')} {...invalid(errors, 'responsibility', 'pf-responsibility')}>
              <option value="">{t('proposeF.chooseBasis')}</option>
              {RESPONSIBILITY_BASES.map((r) => (
                <option key={r} value={r}>
                  {tEnum('respBasis', r)}
                </option>
              ))}
            </select>
            <FieldError errors={errors} path="responsibility" id="pf-responsibility" />
          </div>
        )}
        {determination === 'violation' && responsibility !== '' && responsibility !== 'own_forces' && (
          <div class="field">
            <label for="pf-group">{t('proposeF.group')}</label>
            <input id="pf-group" value={group} dir="auto" onInput={(e) => setGroup(e.currentTarget.value)} {...invalid(errors, 'group', 'pf-group')} />
            <FieldError errors={errors} path="group" id="pf-group" />
          </div>
        )}
      </div>
      <fieldset class="checks" id="pf-clauses" tabIndex={-1}>
        <legend>{determination === 'violation' ? t('proposeF.clausesBroken') : t('proposeF.clausesConsidered')}</legend>
        {inForceClauses.map((c) => (
          <label key={c.id} class="check" title={c.text}>
            <input type="checkbox" disabled={!binds(c.id)} checked={clauses.includes(c.id) && binds(c.id)} onChange={() => setClauses(toggle(clauses, c.id))} /> <strong>{c.id}</strong>{' '}
            <span class="clamp-1">
              {c.text}
              {!binds(c.id) && (
                <span class="muted">
                  {' '}
                  {tRich('proposeF.notBinding', { party: () => <Member id={responsible} /> })}
                </span>
              )}
            </span>
          </label>
        ))}
        <FieldError errors={errors} path="clauses" id="pf-clauses" />
      </fieldset>
      <div class="field">
        <label for="pf-reasoning">{t('proposeF.reasoning')}</label>
        <textarea id="pf-reasoning" rows={5} maxLength={30000} value={reasoning} onInput={(e) => setReasoning(e.currentTarget.value)} {...invalid(errors, 'reasoning', 'pf-reasoning')} />
        <FieldError errors={errors} path="reasoning" id="pf-reasoning" />
      </div>
      <fieldset class="checks" id="pf-evidence" tabIndex={-1}>
        <legend>{t('proposeF.evidence')}</legend>
        {view.evidence.length === 0 && <p class="hint">{t('proposeF.noEvidence')}</p>}
        {view.evidence.map((ev) => (
          <label key={ev.sha256} class="check">
            <input type="checkbox" checked={evidence.includes(ev.sha256)} onChange={() => setEvidence(toggle(evidence, ev.sha256))} /> {ev.title}{' '}
            <span class="muted small">{t('proposeF.evidenceMeta', { level: tEnum('evLevel', ev.confidentiality), hash: ev.sha256.slice(0, 12) })}</span>
          </label>
        ))}
        <FieldError errors={errors} path="evidence" id="pf-evidence" />
      </fieldset>
      <SignActions signing={signing} label={t('proposeF.submit')} testId="finding-submit" onCancel={onCancel} />
    </form>
  );
}
