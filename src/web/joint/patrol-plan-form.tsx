// #/patrol/new: record a joint patrol before it goes out (patrol.plan): its name, team, area, from and until, and
// optionally its route, which the form can seal to the mediators (a route published in advance endangers the team).
import { useRef, useState } from 'preact/hooks';
import { useApp } from '../api/context.js';
import { ErrorSummary, FieldError, SignActions, invalid, useSigning } from '../forms/form-bits.js';
import { checkBody, hasErrors, type FieldErrors } from '../forms/issues.js';
import { patrolPlanBody } from '../../domain/records/patrols.js';
import { fieldIdOf, labelOf } from '../report/field-paths.js';
import { Section } from '../report/report-form.js';
import type { Signer } from '../session/rights.js';
import { roleLabel } from '../ui/members.js';
import { t, tRich } from '../i18n/index.js';
import { SignedFormPage } from '../forms/signed-form-page.js';
import { TeamFields, JOINT_LABELS } from './team-fields.js';

/** "2026-12-01T09:00" typed in this device's time zone, as the log's UTC time; '' stays '' (the schema names it). */
export function utcOfLocal(local: string): string {
  const ms = Date.parse(local);
  return local && Number.isFinite(ms) ? new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z') : '';
}

export const jointLabel = (path: string): string => JOINT_LABELS[path]?.() ?? labelOf(path);

export function PatrolPlanPage() {
  return (
    <SignedFormPage
      type="patrol.plan"
      title={t('jf.planTitle')}
      intro={t('jf.planIntro')}
      signInTitle={t('jf.signInPlan')}
      signInText={t('jf.planIntro')}
      mayNot="jf.mayNotPlan"
      form={(signer) => <PatrolPlanForm signer={signer} />}
    />
  );
}

interface PlanDraft {
  readonly name: string;
  readonly team: readonly string[];
  readonly area: string;
  readonly from: string;
  readonly until: string;
  readonly route: string;
  readonly sealRoute: boolean;
}

function PatrolPlanForm({ signer }: { signer: Signer }) {
  const { members } = useApp();
  const [draft, setDraft] = useState<PlanDraft>({ name: '', team: [signer.me.id], area: '', from: '', until: '', route: '', sealRoute: false });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [done, setDone] = useState<number | null>(null);
  const signing = useSigning();
  const summary = useRef<HTMLDivElement>(null);
  const set = (patch: Partial<PlanDraft>) => setDraft((d) => ({ ...d, ...patch }));

  const submit = async (e: Event) => {
    e.preventDefault();
    const route = draft.route.trim();
    const body: Record<string, unknown> = { name: draft.name.trim(), team: [...draft.team], area: draft.area.trim(), from: utcOfLocal(draft.from), until: utcOfLocal(draft.until), ...(route ? { route } : {}) };
    const found = checkBody(patrolPlanBody, body);
    setErrors(found);
    if (hasErrors(found)) {
      setTimeout(() => summary.current?.querySelector('a')?.focus(), 0);
      return;
    }
    const appended = await signing.run(async () => {
      let signed = body;
      if (route && draft.sealRoute) {
        // The route leaves the public body: only the mediators read it, until their quorum releases it.
        const [{ sealField }, { recipientsOf, audienceLabel }] = await Promise.all([import('../../domain/seal/hpke.js'), import('../seal/audience.js')]);
        const to = recipientsOf({ kind: 'mediators' }, members);
        if ('missing' in to) throw new Error(t('field.seal.cannot', { audience: audienceLabel({ kind: 'mediators' }, members), missing: to.missing.join(t('list.separator')) }));
        const { route: _sealed, ...rest } = body;
        signed = { ...rest, sealed: [await sealField('/route', route, to.keys)] };
      }
      return (await import('../session/submit.js')).submitStatement(signer.session, 'patrol.plan', signed);
    });
    if (appended) setDone(appended.index);
  };

  if (done !== null) {
    return (
      <div class="alert alert-info" role="status" data-testid="plan-recorded">
        {t('jf.planned', { index: done })}
      </div>
    );
  }
  return (
    <form class="stack report-form" onSubmit={submit} noValidate aria-label={t('jf.planTitle')} data-testid="patrol-plan-form">
      <div ref={summary}>
        <ErrorSummary errors={errors} label={jointLabel} fieldId={fieldIdOf} />
      </div>
      <Section id="patrol" title={t('jf.patrolSection')}>
        <div class="form-grid form-grid-2">
          <div class="field">
            <label for="rf-name">{t('jf.name')}</label>
            <input id="rf-name" type="text" maxLength={200} value={draft.name} onInput={(e) => set({ name: e.currentTarget.value })} {...invalid(errors, 'name', 'rf-name')} />
            <FieldError errors={errors} path="name" id="rf-name" />
          </div>
          <div class="field">
            <label for="rf-area">{t('jf.area')}</label>
            <input id="rf-area" type="text" maxLength={300} value={draft.area} onInput={(e) => set({ area: e.currentTarget.value })} {...invalid(errors, 'area', 'rf-area')} />
            <FieldError errors={errors} path="area" id="rf-area" />
          </div>
          <div class="field">
            <label for="rf-from">{t('jf.from')}</label>
            <input id="rf-from" type="datetime-local" value={draft.from} onInput={(e) => set({ from: e.currentTarget.value })} {...invalid(errors, 'from', 'rf-from')} />
            <FieldError errors={errors} path="from" id="rf-from" />
          </div>
          <div class="field">
            <label for="rf-until">{t('jf.until')}</label>
            <input id="rf-until" type="datetime-local" value={draft.until} onInput={(e) => set({ until: e.currentTarget.value })} {...invalid(errors, 'until', 'rf-until')} />
            <FieldError errors={errors} path="until" id="rf-until" />
          </div>
        </div>
        <p class="hint">{t('jf.timesHint')}</p>
      </Section>
      <Section id="team" title={t('jf.team')}>
        <TeamFields team={draft.team} set={(team) => set({ team })} members={members} errors={errors} />
      </Section>
      <Section id="route" title={t('jf.route')} note={t('jf.routeNote')}>
        <div class="field">
          <label for="rf-route">{t('jf.route')}</label>
          <textarea id="rf-route" dir="auto" rows={4} maxLength={5000} value={draft.route} onInput={(e) => set({ route: e.currentTarget.value })} />
          <FieldError errors={errors} path="route" id="rf-route" />
        </div>
        <label class="check">
          <input type="checkbox" checked={draft.sealRoute} onChange={(e) => set({ sealRoute: e.currentTarget.checked })} data-testid="seal-route" /> {t('jf.sealRoute')}
        </label>
      </Section>
      <div class="card sign-bar">
        <div class="card-body stack">
          <p class="small" style={{ margin: 0 }}>
            {tRich('rf.signingAs', { name: signer.me.name, role: roleLabel(signer.me.role), b: (c) => <strong>{c}</strong> })}
          </p>
          <SignActions signing={signing} label={t('jf.planSubmit')} testId="plan-submit" onCancel={() => (location.hash = '#/incidents')} />
        </div>
      </div>
    </form>
  );
}
