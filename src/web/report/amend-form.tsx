// Amend a report (report.amend), for its filer only: the report form's own field groups for when, where, casualties
// and the account, filled from the current version. Only the groups the filer changed are signed, each replacing the
// old one whole, with the reason; the server checks the merged report again and keeps every version.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { reportAmendBody, type ReportBody } from '../../domain/records/report-schema.js';
import type { IncidentView } from '../api/types.js';
import { FieldError, invalid, useSigning, SignActions } from '../forms/form-bits.js';
import { checkBody, hasErrors, type FieldErrors } from '../forms/issues.js';
import type { Signer } from '../session/rights.js';
import { buildReport, draftFromReport, type ReportDraft } from './report-draft.js';
import { CasualtyFields, WhenFields, WhereFields } from './report-fields.js';
import { readerError } from '../api/error-text.js';
import { t, tRich } from '../i18n/index.js';

/** The parts of a report this form amends. */
const AMENDABLE = ['when', 'where', 'casualties', 'narrative'] as const;
type Amendable = (typeof AMENDABLE)[number];

/** Whether the form's one row per kind can hold the report's casualty figures (one status each). */
function casualtiesFit(r: ReportBody): boolean {
  return (['killed', 'injured'] as const).every((k) => Object.keys(r.casualties?.[k] ?? {}).length <= 1);
}


const pick = (errors: FieldErrors, keep: (path: string) => boolean): FieldErrors => Object.fromEntries(Object.entries(errors).filter(([p]) => keep(p)));

export function AmendReportForm({ view, signer, onCancel, onDone }: { view: IncidentView; signer: Signer; onCancel(): void; onDone(): void }) {
  const r = view.report;
  const initial = useMemo(() => draftFromReport(r), [r]);
  const baseline = useMemo(() => buildReport(initial).body as unknown as Record<Amendable, unknown>, [initial]);
  const fits = casualtiesFit(r);
  const [draft, setDraft] = useState<ReportDraft>(initial);
  const [reason, setReason] = useState('');
  const [attempted, setAttempted] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const signing = useSigning();
  const set = (patch: Partial<ReportDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const onPick = (lat: number, lon: number, country: string | null) => setDraft((d) => ({ ...d, lat: String(lat), lon: String(lon), country: d.country.trim() === '' && country ? country : d.country }));

  /** The changes (only the groups edited, against the form's own reading of the current version) and the problems. */
  const check = (d: ReportDraft, why: string) => {
    const built = buildReport(d);
    const body = built.body as unknown as Record<Amendable, unknown>;
    const changes: Record<string, unknown> = {};
    for (const k of AMENDABLE) {
      if (k === 'casualties' && !fits) continue;
      if (JSON.stringify(body[k]) === JSON.stringify(baseline[k])) continue;
      // The form has no inputs for these parts of the place: keep them as they were.
      if (k === 'where') changes[k] = { ...(body.where as object), ...(r.where.admin2 ? { admin2: r.where.admin2 } : {}), ...(r.where.admin3 ? { admin3: r.where.admin3 } : {}), ...(r.where.iso !== undefined ? { iso: r.where.iso } : {}) };
      else changes[k] = k === 'casualties' ? (body.casualties ?? {}) : body[k];
    }
    const amend = { report: view.id, changes, ...(why.trim() ? { reason: why.trim() } : {}) };
    const found: Record<string, string> = { ...pick(built.errors, (p) => AMENDABLE.some((k) => p === k || p.startsWith(`${k}.`))) };
    if (!why.trim()) found['reason'] = t('amend.needReason');
    if (Object.keys(changes).length === 0) found[''] = t('amend.nothingChanged');
    else if (!hasErrors(found)) Object.assign(found, pick(checkBody(reportAmendBody, amend), (p) => p === 'reason' || p === ''));
    return { amend, errors: found as FieldErrors };
  };

  useEffect(() => {
    if (attempted) setErrors(check(draft, reason).errors);
  }, [draft, reason, attempted]);

  const submit = async (e: Event) => {
    e.preventDefault();
    setAttempted(true);
    const { amend, errors: found } = check(draft, reason);
    setErrors(found);
    if (hasErrors(found)) return;
    if (await signing.sign(signer.session, 'report.amend', amend)) onDone();
  };

  return (
    <form class="action-form report-form" onSubmit={submit} noValidate aria-label={t('incident.amendReport')} data-testid="amend-form">
      <h4>{t('amend.title')}</h4>
      <p class="small" style={{ margin: 0 }}>
        {t('amend.intro', { version: view.history.length + 1 })}
      </p>
      {errors[''] && (
        <div class="alert alert-error" role="alert" data-testid="form-errors">
          {tRich('amend.nothingSigned', { b: (c) => <strong>{c}</strong> })} {errors['']}
        </div>
      )}
      <h5 class="eyebrow">{t('rfField.when')}</h5>
      <WhenFields draft={draft} set={set} errors={errors} />
      <h5 class="eyebrow">{t('facts.where')}</h5>
      <WhereFields draft={draft} set={set} errors={errors} onPick={onPick} />
      <h5 class="eyebrow">{t('facts.casualties')}</h5>
      {fits ? (
        <CasualtyFields draft={draft} set={set} errors={errors} />
      ) : (
        <p class="small muted">{t('amend.casualtiesSeveral')}</p>
      )}
      <div class="field">
        <label for="rf-narrative">{t('rf.narrative')}</label>
        <textarea id="rf-narrative" dir="auto" rows={7} maxLength={20000} value={draft.narrative} onInput={(e) => set({ narrative: e.currentTarget.value })} {...invalid(errors, 'narrative', 'rf-narrative')} />
        <FieldError errors={errors} path="narrative" id="rf-narrative" />
      </div>
      <div class="field">
        <label for="amend-reason">{t('amend.reason')}</label>
        <textarea id="amend-reason" dir="auto" rows={2} maxLength={5000} value={reason} onInput={(e) => setReason(e.currentTarget.value)} {...invalid(errors, 'reason', 'amend-reason')} />
        <FieldError errors={errors} path="reason" id="amend-reason" />
      </div>
      <SignActions signing={{ busy: signing.busy, error: readerError(signing.error) }} label={t('amend.submit')} testId="amend-submit" onCancel={onCancel} />
    </form>
  );
}
