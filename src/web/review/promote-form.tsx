import { useMemo, useRef, useState } from 'preact/hooks';
import { useApp } from '../api/context.js';
import type { Appended, AgreementVersionView, CandidateItem, IncidentView, MemberInfo, Page } from '../api/types.js';
import { useApi } from '../api/use-api.js';
import { href } from '../router.js';
import { draftReport, promoteArticles } from './draft.js';
import { ErrorSummary, SignInRow } from '../forms/form-bits.js';
import { hasErrors, type FieldErrors } from '../forms/issues.js';
import { errorText } from '../api/error-text.js';
import { roleLabel } from '../ui/members.js';
import { t, tRich } from '../i18n/index.js';
import { buildReport, draftFromReport, type ReportDraft } from '../report/report-draft.js';
import { CasualtyFields, WhatFields, WhenFields, WhereFields } from '../report/report-fields.js';
import { fieldIdOf, labelOf } from '../report/field-paths.js';
import { withPickedPlace, type PickMemory } from '../report/picked-place.js';
import { farFromRecord } from './record-area.js';

interface Props {
  readonly item: CandidateItem;
  readonly clauses: AgreementVersionView['clauses'];
  onCancel(): void;
  onDone(): void;
}

/**
 * Review the drafted report, then sign a candidate.promote statement in this browser and append it. The draft comes
 * from the articles, so the monitor corrects it with the report form's own field groups (when, where on the map,
 * event type and actors, casualties, account) and chooses whom the report accuses and which clauses it cites: the
 * ingest pipeline never decides that.
 */
export function PromoteForm({ item, clauses, onCancel, onDone }: Props) {
  const { session, members } = useApp();
  const drafted = useMemo(() => draftFromReport(draftReport(item, members)), [item, members]);
  const [draft, setDraft] = useState<ReportDraft>(drafted);
  const [errors, setErrors] = useState<FieldErrors>({});
  const picked = useRef<PickMemory>({ offsetChosen: false, autoCountry: drafted.country });
  const set = (patch: Partial<ReportDraft>) => {
    if (patch.offset !== undefined) picked.current.offsetChosen = true;
    setDraft((d) => ({ ...d, ...patch }));
  };
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<Appended | null>(null);
  // The incidents on record (public ones, as everyone reads them): a draft placed far from all of them is checked
  // before it is signed; the monitor may confirm the place and promote it anyway.
  const recorded = useApi<Page<IncidentView>>('/v1/incidents?limit=500');
  const recordedPoints = useMemo(
    () => (recorded.state === 'ok' ? recorded.data.items.flatMap((i) => (i.report.where.lat !== undefined && i.report.where.lon !== undefined ? [{ lat: i.report.where.lat, lon: i.report.where.lon }] : [])) : []),
    [recorded],
  );
  const [farConfirmed, setFarConfirmed] = useState(false);
  const farKm = farFromRecord(draft.lat.trim() && draft.lon.trim() ? { lat: Number(draft.lat), lon: Number(draft.lon) } : null, recordedPoints);
  const [farShown, setFarShown] = useState(false);
  const parties = [...members.values()].filter((m): m is MemberInfo & { side: string } => m.role === 'party' && !!m.side);
  const role = session ? members.get(session.member)?.role : undefined;
  const toggle = (list: readonly string[], v: string) => (list.includes(v) ? list.filter((x) => x !== v) : [...list, v]);

  if (!session) return <SignInRow what={t('promote.what')} onCancel={onCancel} />;
  if (done) {
    return (
      <div class="alert alert-ok" role="status" data-testid="promoted">
        <p>
          {tRich('promote.done', { index: done.index, b: (c) => <strong>{c}</strong> })}{' '}
          <a href={href(['incidents', done.id])}>{t('promote.open')}</a>
        </p>
      </div>
    );
  }

  const submit = async (e: Event) => {
    e.preventDefault();
    setError(null);
    const { body, errors: found } = buildReport({ ...draft, sources: [] });
    setErrors(found);
    if (hasErrors(found)) return;
    if (farKm !== null && !farConfirmed) {
      setFarShown(true);
      return;
    }
    setBusy(true);
    const report = body;
    try {
      const { submitStatement } = await import('../session/submit.js');
      const appended = await submitStatement(session, 'candidate.promote', { candidate: item.id, articles: promoteArticles(item), report });
      setDone(appended);
      setTimeout(onDone, 1500);
    } catch (err) {
      setError(errorText(err as Error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="promote-form stack" onSubmit={submit} aria-label={t('promote.label')}>
      <p class="small">
        {tRich('promote.intro', { name: members.get(session.member)?.name ?? session.member, b: (c) => <strong>{c}</strong> })}
        {role && role !== 'monitor' && role !== 'mediator' && <strong> {t('promote.mayNot', { role: roleLabel(role) })}</strong>}
      </p>
      <ErrorSummary errors={errors} label={labelOf} fieldId={fieldIdOf} />
      <WhenFields draft={draft} set={set} errors={errors} />
      <WhereFields draft={draft} set={set} errors={errors} onPick={(lat, lon, country) => setDraft((d) => withPickedPlace(d, lat, lon, country, picked.current))} />
      <WhatFields draft={draft} set={set} errors={errors} parties={parties} />
      <CasualtyFields draft={draft} set={set} errors={errors} />
      <div class="field">
        <label for="rf-narrative">{t('promote.account')}</label>
        <textarea id="rf-narrative" dir="auto" rows={6} value={draft.narrative} onInput={(e) => set({ narrative: (e.currentTarget as HTMLTextAreaElement).value })} maxLength={20000} />
      </div>
      <fieldset class="checks">
        <legend>{t('promote.accused')}</legend>
        {parties.map((m) => (
          <label key={m.id} class="check">
            <input type="checkbox" checked={draft.accused.includes(m.side)} onChange={() => set({ accused: toggle(draft.accused, m.side) })} /> {m.name}
          </label>
        ))}
      </fieldset>
      {clauses.length > 0 && (
        <fieldset class="checks">
          <legend>{t('rf.clauses')}</legend>
          {clauses.map((c) => (
            <label key={c.id} class="check" title={c.text}>
              <input type="checkbox" checked={draft.clauses.includes(c.id)} onChange={() => set({ clauses: toggle(draft.clauses, c.id) })} /> <strong>{c.id}</strong>{' '}
              <span class="clamp-1">{c.text}</span>
            </label>
          ))}
        </fieldset>
      )}
      {farKm !== null && farShown && (
        <div class="alert alert-warn" role="alert" data-testid="promote-far">
          <p>{t('promote.far', { km: farKm })}</p>
          <label class="check">
            <input type="checkbox" checked={farConfirmed} onChange={(e) => setFarConfirmed((e.currentTarget as HTMLInputElement).checked)} data-testid="promote-far-confirm" /> {t('promote.farConfirm')}
          </label>
        </div>
      )}
      {error && (
        <div class="alert alert-error" role="alert" data-testid="promote-error">
          <strong>{t('form.notAppended')}</strong> {error}
        </div>
      )}
      <div class="row">
        <button type="submit" class="btn btn-primary" disabled={busy} data-testid="promote-submit">
          {busy ? t('form.signing') : t('promote.submit')}
        </button>
        <button type="button" class="btn" onClick={onCancel} disabled={busy}>
          {t('form.cancel')}
        </button>
      </div>
    </form>
  );
}
