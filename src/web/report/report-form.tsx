import type { ComponentChildren } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { useApp } from '../api/context.js';
import type { AgreementView, MemberInfo } from '../api/types.js';
import { useApi } from '../api/use-api.js';
import { ErrorSummary, Refusal, useSigning } from '../forms/form-bits.js';
import { hasErrors, type FieldErrors } from '../forms/issues.js';
import { fieldIdOf, labelOf } from './field-paths.js';
import { withPickedPlace, type PickMemory } from './picked-place.js';
import { href } from '../router.js';
import type { Signer } from '../session/rights.js';
import { roleLabel } from '../ui/members.js';
import { browserOffset, buildReport, emptyDraft, type ReportDraft } from './report-draft.js';
import { CasualtyFields, SourcesFields, WhatFields, WhenFields, WhereFields } from './report-fields.js';
import { t, tRich } from '../i18n/index.js';
import { SignedFormPage } from '../forms/signed-form-page.js';
import { SealedFields, emptySealed, type SealedDraft } from './sealed-fields.js';
import { useDraftStore } from '../outbox/use-draft.js';
import { refusalText } from '../outbox/refusal-text.js';
import { EncryptionKeyPrompt } from '../seal/encryption-key-prompt.js';
import { AllegationFields } from './allegation-fields.js';

/** #/report/new: file a report (report.file), signed in this browser by a party, monitor or mediator. */
export function ReportFormPage() {
  return (
    <SignedFormPage
      type="report.file"
      before={
        <nav class="breadcrumb" aria-label={t('common.breadcrumb')}>
          <a href="#/incidents">{t('nav.incidents')}</a> › <span aria-current="page">{t('nav.report')}</span>
        </nav>
      }
      title={t('nav.report')}
      intro={t('rf.intro')}
      signInTitle={t('rf.signIn')}
      signInText={t('rf.signInText')}
      mayNot="rf.mayNot"
      form={(signer) => <ReportForm signer={signer} />}
    />
  );
}

function ReportForm({ signer }: { signer: Signer }) {
  const { members } = useApp();
  const agreement = useApi<AgreementView>('/v1/agreement');
  const parties = useMemo(() => [...members.values()].filter((m): m is MemberInfo & { side: string } => m.role === 'party' && !!m.side), [members]);
  const [draft, setDraft] = useState<ReportDraft>(() => emptyDraft(new Date().toISOString().slice(0, 10), browserOffset()));
  const [sealed, setSealed] = useState<SealedDraft>(emptySealed);
  const [queued, setQueued] = useState<string | null>(null);
  const [signedOnce, setSignedOnce] = useState(false);
  const kept = useMemo(() => (signedOnce ? undefined : { draft, sealed }), [draft, sealed, signedOnce]);
  const saved = useDraftStore(`report.file:${signer.session.origin}:${signer.me.id}`, kept, (d) => {
    setDraft(d.draft);
    setSealed(d.sealed);
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempted, setAttempted] = useState(false);
  const touched = useRef<PickMemory>({ offsetChosen: false, autoCountry: '' });
  const signing = useSigning();
  const summary = useRef<HTMLDivElement>(null);

  const set = (patch: Partial<ReportDraft>) => {
    if (patch.offset !== undefined) touched.current.offsetChosen = true;
    setDraft((d) => ({ ...d, ...patch }));
  };
  // Once the member has tried to sign, the problems follow the edits.
  useEffect(() => {
    if (attempted) setErrors(buildReport(draft).errors);
  }, [draft, attempted]);

  const onPick = (lat: number, lon: number, country: string | null) => setDraft((d) => withPickedPlace(d, lat, lon, country, touched.current));

  const submit = async (e: Event) => {
    e.preventDefault();
    setAttempted(true);
    const { body, errors: found } = buildReport(draft);
    setErrors(found);
    if (hasErrors(found)) {
      setTimeout(() => summary.current?.querySelector('a')?.focus(), 0);
      return;
    }
    // Signed here and kept in the outbox first, so a report written without a network is not lost; then sent.
    const item = await signing.run(async () => {
      const { sealReport } = await import('../seal/seal-report.js');
      const outbox = await import('../outbox/outbox.js');
      const signed = await outbox.signToOutbox(signer.session, 'report.file', await sealReport(body as unknown as Record<string, unknown>, sealed, members));
      setSignedOnce(true);
      await saved.clear();
      return outbox.sendItem(signed);
    });
    if (item?.state === 'sent') location.hash = href(['incidents', item.id]);
    else if (item?.state === 'refused') signing.setError(new Error(refusalText(item)));
    else if (item) setQueued(item.id);
  };

  if (queued) {
    return (
      <div class="alert alert-info" role="status" data-testid="report-queued">
        {tRich('field.rf.queued', { outbox: (c) => <a href={href(['outbox'])}>{c}</a> })}
      </div>
    );
  }

  return (
    <form class="stack report-form" onSubmit={submit} noValidate aria-label={t('nav.report')} data-testid="report-form" data-draft={saved.ready ? 'ready' : 'loading'}>
      <EncryptionKeyPrompt signer={signer} />
      <div ref={summary}>
        <ErrorSummary errors={errors} label={labelOf} fieldId={fieldIdOf} />
      </div>
      <Section id="when" title={t('facts.when')} note={t('rf.whenNote')}>
        <WhenFields draft={draft} set={set} errors={errors} />
      </Section>
      <Section id="where" title={t('facts.where')} note={t('rf.whereNote')}>
        <WhereFields draft={draft} set={set} errors={errors} onPick={onPick} />
      </Section>
      <Section id="what" title={t('rf.what')} note={t('rf.whatNote')}>
        <WhatFields draft={draft} set={set} errors={errors} parties={parties} />
      </Section>
      <Section id="casualties" title={t('facts.casualties')} note={t('rf.casualtiesNote')}>
        <CasualtyFields draft={draft} set={set} errors={errors} />
      </Section>
      <Section id="account" title={t('rf.account')} note={t('rf.accountNote')}>
        <div class="field">
          <label for="rf-narrative">{t('rf.narrative')}</label>
          <textarea
            id="rf-narrative"
            dir="auto"
            rows={7}
            maxLength={20000}
            value={draft.narrative}
            onInput={(e) => set({ narrative: e.currentTarget.value })}
            placeholder={t('rf.narrativeHint')}
            {...(errors['narrative'] ? { 'aria-invalid': true, 'aria-describedby': 'rf-narrative-error' } : {})}
          />
          {errors['narrative'] && (
            <p class="field-error" id="rf-narrative-error" data-testid="field-error" data-path="narrative">
              {errors['narrative']}
            </p>
          )}
        </div>
        <SourcesFields draft={draft} set={set} errors={errors} />
      </Section>
      <Section id="protected" title={t('field.rf.protected')} note={t('field.rf.protectedNote')}>
        <SealedFields value={sealed} set={setSealed} members={members} />
      </Section>
      <Section id="allegation" title={t('rf.allegation')} note={t('rf.allegationNote')}>
        <AllegationFields accused={draft.accused} clauses={draft.clauses} set={set} parties={parties} agreement={agreement} />
      </Section>
      <div class="card sign-bar">
        <div class="card-body stack">
          <p class="small" style={{ margin: 0 }}>
            {tRich('rf.signingAs', { name: signer.me.name, role: roleLabel(signer.me.role), b: (c) => <strong>{c}</strong> })}
          </p>
          <Refusal error={signing.error} />
          <div class="row">
            <button type="submit" class="btn btn-primary" disabled={signing.busy} data-testid="report-submit">
              {signing.busy ? t('form.signing') : t('rf.submit')}
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

export function Section({ id: name, title, note, children }: { id: string; title: string; note?: string; children: ComponentChildren }) {
  const id = `rf-section-${name}`;
  return (
    <section class="card" aria-labelledby={id}>
      <div class="card-head">
        <h2 id={id}>{title}</h2>
        {note && <span class="small muted">{note}</span>}
      </div>
      <div class="card-body stack form-section">{children}</div>
    </section>
  );
}
