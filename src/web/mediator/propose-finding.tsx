import { useState } from 'preact/hooks';
import { DETERMINATIONS, RESPONSIBILITY_BASES, findingProposeBody, type Determination, type ResponsibilityBasis } from '../../domain/records/findings.js';
import { SEVERITIES, type Severity } from '../../domain/records/agreement-schema.js';
import type { AgreementVersionView, IncidentView } from '../api/types.js';
import { ErrorSummary, FieldError, invalid, useSigning, SignActions } from '../forms/form-bits.js';
import { checkBody, type FieldErrors } from '../forms/issues.js';
import type { Signer } from '../session/rights.js';
import { humanize } from '../ui/format.js';
import { Member, nameOf } from '../ui/members.js';
import { useApp } from '../api/context.js';

const DETERMINATION: Readonly<Record<Determination, { label: string; hint: string }>> = {
  violation: { label: 'Violation', hint: 'A party broke the clauses named.' },
  no_violation: { label: 'No violation', hint: 'The clauses named were not broken.' },
  inconclusive: { label: 'Inconclusive', hint: 'The evidence does not allow a determination.' },
  unattributable: { label: 'Not attributable', hint: 'It cannot be attributed to a party.' },
};

/** The basis on which the responsible party answers for the violation (design.md, findings). */
const RESPONSIBILITY: Readonly<Record<ResponsibilityBasis, string>> = {
  own_forces: 'Its own forces acted',
  support: 'It supported the armed group that acted',
  failure_to_prevent: 'It failed to prevent the armed group that acted',
};

const LABELS: Readonly<Record<string, string>> = {
  determination: 'Determination',
  responsible: 'Party responsible',
  responsibility: 'Basis of responsibility',
  group: 'Armed group',
  clauses: 'Clauses',
  severity: 'Severity',
  reasoning: 'Reasoning',
  evidence: 'Evidence',
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

  if (inForce === undefined) return <p class="small muted">Loading the agreement in force…</p>;
  if (inForce === null) {
    return (
      <div class="action-form">
        <p class="small" style={{ margin: 0 }}>A finding judges against the agreement in force; none is in force, so no finding can be proposed.</p>
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
    <form class="action-form" onSubmit={submit} noValidate aria-label="Propose a finding" data-testid="finding-form">
      <div>
        <h4>Propose a finding</h4>
        <p class="small muted" style={{ margin: '2px 0 0' }}>
          In investigation “{investigation.title ?? 'untitled'}”, judged against {inForce.agreement} version {inForce.version}. Your proposal counts as your
          concurrence; the finding is final when {inForce.quorum} of the mediators concur.
        </p>
      </div>
      <ErrorSummary errors={errors} label={(p) => LABELS[p.split('.')[0] ?? p] ?? p} fieldId={(p) => FIELD_ID[p.split('.')[0] ?? p] ?? 'pf-reasoning'} />
      <fieldset class="rows">
        <legend>Determination</legend>
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
                {DETERMINATION[d].label}
                <span class="hint">{DETERMINATION[d].hint}</span>
              </span>
            </label>
          ))}
        </div>
        <FieldError errors={errors} path="determination" id="pf-determination" />
      </fieldset>
      <div class="form-grid form-grid-2">
        {showResponsible && (
          <div class="field">
            <label for="pf-responsible">{determination === 'violation' ? 'Party responsible' : 'Party concerned (optional)'}</label>
            <select id="pf-responsible" value={responsible} onChange={(e) => setResponsible(e.currentTarget.value)} {...invalid(errors, 'responsible', 'pf-responsible')}>
              <option value="">{determination === 'violation' ? 'Choose the party…' : 'None named'}</option>
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
            <label for="pf-severity">Severity, from the penalty schedule</label>
            <select id="pf-severity" value={severity} onChange={(e) => setSeverity(e.currentTarget.value as Severity | '')} {...invalid(errors, 'severity', 'pf-severity')}>
              <option value="">Choose the severity…</option>
              {schedule.map((s) => (
                <option key={s} value={s}>
                  {humanize(s)}
                </option>
              ))}
            </select>
            {severity && inForce.penalties?.[severity] && <p class="hint">Penalty: {inForce.penalties[severity]!.penalty}</p>}
            <FieldError errors={errors} path="severity" id="pf-severity" />
          </div>
        )}
        {determination === 'violation' && (
          <div class="field">
            <label for="pf-responsibility">Basis of responsibility</label>
            <select id="pf-responsibility" value={responsibility} onChange={(e) => setResponsibility(e.currentTarget.value as ResponsibilityBasis | '')} {...invalid(errors, 'responsibility', 'pf-responsibility')}>
              <option value="">Choose the basis…</option>
              {RESPONSIBILITY_BASES.map((r) => (
                <option key={r} value={r}>
                  {RESPONSIBILITY[r]}
                </option>
              ))}
            </select>
            <FieldError errors={errors} path="responsibility" id="pf-responsibility" />
          </div>
        )}
        {determination === 'violation' && responsibility !== '' && responsibility !== 'own_forces' && (
          <div class="field">
            <label for="pf-group">Armed group</label>
            <input id="pf-group" value={group} dir="auto" onInput={(e) => setGroup(e.currentTarget.value)} {...invalid(errors, 'group', 'pf-group')} />
            <FieldError errors={errors} path="group" id="pf-group" />
          </div>
        )}
      </div>
      <fieldset class="checks" id="pf-clauses" tabIndex={-1}>
        <legend>Clauses {determination === 'violation' ? 'broken' : 'considered'}</legend>
        {inForceClauses.map((c) => (
          <label key={c.id} class="check" title={c.text}>
            <input type="checkbox" disabled={!binds(c.id)} checked={clauses.includes(c.id) && binds(c.id)} onChange={() => setClauses(toggle(clauses, c.id))} /> <strong>{c.id}</strong>{' '}
            <span class="clamp-1">
              {c.text}
              {!binds(c.id) && (
                <span class="muted">
                  {' '}
                  (does not bind <Member id={responsible} />)
                </span>
              )}
            </span>
          </label>
        ))}
        <FieldError errors={errors} path="clauses" id="pf-clauses" />
      </fieldset>
      <div class="field">
        <label for="pf-reasoning">Reasoning: what the evidence establishes, and what it does not</label>
        <textarea id="pf-reasoning" rows={5} maxLength={30000} value={reasoning} onInput={(e) => setReasoning(e.currentTarget.value)} {...invalid(errors, 'reasoning', 'pf-reasoning')} />
        <FieldError errors={errors} path="reasoning" id="pf-reasoning" />
      </div>
      <fieldset class="checks" id="pf-evidence" tabIndex={-1}>
        <legend>Evidence relied on</legend>
        {view.evidence.length === 0 && <p class="hint">No evidence is registered for this incident.</p>}
        {view.evidence.map((ev) => (
          <label key={ev.sha256} class="check">
            <input type="checkbox" checked={evidence.includes(ev.sha256)} onChange={() => setEvidence(toggle(evidence, ev.sha256))} /> {ev.title}{' '}
            <span class="muted small">({humanize(ev.confidentiality)}, {ev.sha256.slice(0, 12)}…)</span>
          </label>
        ))}
        <FieldError errors={errors} path="evidence" id="pf-evidence" />
      </fieldset>
      <SignActions signing={signing} label="Sign and propose the finding" testId="finding-submit" onCancel={onCancel} />
    </form>
  );
}
