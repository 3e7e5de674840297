// #/access-denied/new: a team that was turned back reports it (access.denied): the team, the plan it followed, when,
// where, who denied it (as the team saw it), the account, and what it alleges. Built from the report form's field
// groups and kept in the outbox like a report, so a team can write it where there is no network.
import { useMemo, useRef, useState } from 'preact/hooks';
import { useApp } from '../api/context.js';
import type { AgreementView, MemberInfo } from '../api/types.js';
import { useApi } from '../api/use-api.js';
import { ErrorSummary, FieldError, Refusal, invalid, useSigning } from '../forms/form-bits.js';
import { checkBody, hasErrors, type FieldErrors } from '../forms/issues.js';
import { accessDeniedBody } from '../../domain/records/joint.js';
import { fieldIdOf } from '../report/field-paths.js';
import { browserOffset, buildReport, emptyDraft, type ReportDraft } from '../report/report-draft.js';
import { WhenFields, WhereFields } from '../report/report-fields.js';
import { Section } from '../report/report-form.js';
import { AllegationFields } from '../report/allegation-fields.js';
import { SealedFields, emptySealed, type SealedDraft } from '../report/sealed-fields.js';
import { withPickedPlace, type PickMemory } from '../report/picked-place.js';
import { refusalText } from '../outbox/refusal-text.js';
import { EncryptionKeyPrompt } from '../seal/encryption-key-prompt.js';
import { href } from '../router.js';
import type { Signer } from '../session/rights.js';
import { roleLabel } from '../ui/members.js';
import { t, tRich } from '../i18n/index.js';
import { SignedFormPage } from '../forms/signed-form-page.js';
import { TeamFields } from './team-fields.js';
import { jointLabel } from './patrol-plan-form.js';

/** A patrol plan as the log lists it (GET /v1/statements). */
interface PlanItem {
  readonly id: string;
  readonly type: string;
  readonly statement: { readonly body: { readonly name?: string; readonly team?: readonly string[]; readonly from?: string } };
}

export function AccessDeniedPage() {
  return (
    <SignedFormPage
      type="access.denied"
      title={t('jf.deniedTitle')}
      intro={t('jf.deniedIntro')}
      signInTitle={t('jf.signInDenied')}
      signInText={t('jf.deniedIntro')}
      mayNot="jf.mayNotDenied"
      form={(signer) => <AccessDeniedForm signer={signer} />}
    />
  );
}

interface DenialDraft {
  readonly team: readonly string[];
  readonly patrol: string;
  readonly deniedBy: string;
  readonly deniedSide: string;
}

function AccessDeniedForm({ signer }: { signer: Signer }) {
  const { members } = useApp();
  const agreement = useApi<AgreementView>('/v1/agreement');
  // The plans this member is on, newest first: the log is public, and a plan is a statement of it.
  const log = useApi<{ items: readonly PlanItem[] }>('/v1/statements?order=desc&limit=1000');
  const plans = useMemo(() => (log.state === 'ok' ? log.data.items.filter((i) => i.type === 'patrol.plan' && i.statement.body.team?.includes(signer.me.id)) : []), [log, signer.me.id]);
  const parties = useMemo(() => [...members.values()].filter((m): m is MemberInfo & { side: string } => m.role === 'party' && !!m.side), [members]);
  const [report, setReport] = useState<ReportDraft>(() => emptyDraft(new Date().toISOString().slice(0, 10), browserOffset()));
  const [denial, setDenial] = useState<DenialDraft>({ team: [signer.me.id], patrol: '', deniedBy: '', deniedSide: '' });
  const [sealed, setSealed] = useState<SealedDraft>(emptySealed);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [queued, setQueued] = useState(false);
  const touched = useRef<PickMemory>({ offsetChosen: false, autoCountry: '' });
  const signing = useSigning();
  const summary = useRef<HTMLDivElement>(null);
  const set = (patch: Partial<ReportDraft>) => {
    if (patch.offset !== undefined) touched.current.offsetChosen = true;
    setReport((d) => ({ ...d, ...patch }));
  };
  const setD = (patch: Partial<DenialDraft>) => setDenial((d) => ({ ...d, ...patch }));
  const choosePlan = (id: string) => setD({ patrol: id, ...(id ? { team: [...(plans.find((p) => p.id === id)?.statement.body.team ?? denial.team)] } : {}) });

  const submit = async (e: Event) => {
    e.preventDefault();
    const built = buildReport(report).body;
    const before: Record<string, string> = {};
    for (const k of ['lat', 'lon'] as const) if (report[k].trim() && !Number.isFinite(Number(report[k]))) before[`where.${k}`] = t('form.number');
    const body: Record<string, unknown> = {
      team: [...denial.team],
      ...(denial.patrol ? { patrol: denial.patrol } : {}),
      when: built.when,
      where: built.where,
      denied_by: { name: denial.deniedBy.trim(), side: denial.deniedSide || null },
      narrative: built.narrative,
      clauses: built.clauses,
      accused: built.accused,
    };
    const found = checkBody(accessDeniedBody, body, before);
    setErrors(found);
    if (hasErrors(found)) {
      setTimeout(() => summary.current?.querySelector('a')?.focus(), 0);
      return;
    }
    // Signed here and kept in the outbox first, like a report: sent at once, or when the network returns.
    const item = await signing.run(async () => {
      const { sealReport } = await import('../seal/seal-report.js');
      const outbox = await import('../outbox/outbox.js');
      const signed = await outbox.signToOutbox(signer.session, 'access.denied', await sealReport(body, sealed, members));
      return outbox.sendItem(signed);
    });
    if (item?.state === 'sent') location.hash = href(['incidents', item.id]);
    else if (item?.state === 'refused') signing.setError(new Error(refusalText(item)));
    else if (item) setQueued(true);
  };

  if (queued) {
    return (
      <div class="alert alert-info" role="status" data-testid="report-queued">
        {tRich('field.rf.queued', { outbox: (c) => <a href={href(['outbox'])}>{c}</a> })}
      </div>
    );
  }
  return (
    <form class="stack report-form" onSubmit={submit} noValidate aria-label={t('jf.deniedTitle')} data-testid="access-denied-form">
      <EncryptionKeyPrompt signer={signer} />
      <div ref={summary}>
        <ErrorSummary errors={errors} label={jointLabel} fieldId={fieldIdOf} />
      </div>
      <Section id="team" title={t('jf.team')}>
        <div class="field">
          <label for="rf-patrol">{t('jf.patrol')}</label>
          <select id="rf-patrol" value={denial.patrol} onChange={(e) => choosePlan(e.currentTarget.value)} data-testid="patrol-plan">
            <option value="">{t('jf.noPatrol')}</option>
            {plans.map((p) => (
              <option key={p.id} value={p.id}>
                {p.statement.body.name ?? p.id.slice(0, 12)}
              </option>
            ))}
          </select>
          <FieldError errors={errors} path="patrol" id="rf-patrol" />
        </div>
        <TeamFields team={denial.team} set={(team) => setD({ team })} members={members} errors={errors} />
      </Section>
      <Section id="when" title={t('facts.when')} note={t('rf.whenNote')}>
        <WhenFields draft={report} set={set} errors={errors} />
      </Section>
      <Section id="where" title={t('facts.where')} note={t('rf.whereNote')}>
        <WhereFields draft={report} set={set} errors={errors} onPick={(lat, lon, country) => setReport((d) => withPickedPlace(d, lat, lon, country, touched.current))} />
      </Section>
      <Section id="denied-by" title={t('jf.deniedBy')} note={t('jf.deniedByHint')}>
        <div class="form-grid form-grid-2">
          <div class="field">
            <label for="rf-denied_by-name">{t('jf.deniedByName')}</label>
            <input id="rf-denied_by-name" type="text" maxLength={200} value={denial.deniedBy} onInput={(e) => setD({ deniedBy: e.currentTarget.value })} {...invalid(errors, 'denied_by.name', 'rf-denied_by-name')} />
            <FieldError errors={errors} path="denied_by.name" id="rf-denied_by-name" />
          </div>
          <div class="field">
            <label for="rf-denied_by-side">{t('jf.deniedSide')}</label>
            <select id="rf-denied_by-side" value={denial.deniedSide} onChange={(e) => setD({ deniedSide: e.currentTarget.value })}>
              <option value="">{t('jf.noSide')}</option>
              {parties.map((p) => (
                <option key={p.id} value={p.side}>
                  {p.name}
                </option>
              ))}
            </select>
          </div>
        </div>
      </Section>
      <Section id="account" title={t('rf.account')} note={t('jf.accountNote')}>
        <div class="field">
          <label for="rf-narrative">{t('rf.narrative')}</label>
          <textarea id="rf-narrative" dir="auto" rows={6} maxLength={20000} value={report.narrative} onInput={(e) => set({ narrative: e.currentTarget.value })} {...invalid(errors, 'narrative', 'rf-narrative')} />
          <FieldError errors={errors} path="narrative" id="rf-narrative" />
        </div>
      </Section>
      <Section id="protected" title={t('field.rf.protected')} note={t('field.rf.protectedNote')}>
        <SealedFields value={sealed} set={setSealed} members={members} />
      </Section>
      <Section id="allegation" title={t('rf.allegation')} note={t('rf.allegationNote')}>
        <AllegationFields accused={report.accused} clauses={report.clauses} set={set} parties={parties} agreement={agreement} />
      </Section>
      <div class="card sign-bar">
        <div class="card-body stack">
          <p class="small" style={{ margin: 0 }}>
            {tRich('rf.signingAs', { name: signer.me.name, role: roleLabel(signer.me.role), b: (c) => <strong>{c}</strong> })}
          </p>
          <Refusal error={signing.error} />
          <div class="row">
            <button type="submit" class="btn btn-primary" disabled={signing.busy} data-testid="denied-submit">
              {signing.busy ? t('form.signing') : t('jf.deniedSubmit')}
            </button>
            <a class="btn" href="#/incidents">
              {t('form.cancel')}
            </a>
          </div>
        </div>
      </div>
    </form>
  );
}
