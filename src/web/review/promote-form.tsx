import { useMemo, useState } from 'preact/hooks';
import { useApp } from '../api/context.js';
import type { Appended, AgreementVersionView, CandidateItem, ReportBody } from '../api/types.js';
import { TAXONOMY } from '../../domain/taxonomy.js';
import { href } from '../router.js';
import { whenText } from '../ui/incident-bits.js';
import { draftReport, promoteArticles } from './draft.js';
import { SignInRow } from '../forms/form-bits.js';
import { errorText } from '../api/error-text.js';
import { roleLabel } from '../ui/members.js';
import { t, tEnum, tRich } from '../i18n/index.js';

interface Props {
  readonly item: CandidateItem;
  readonly clauses: AgreementVersionView['clauses'];
  onCancel(): void;
  onDone(): void;
}

/**
 * Review the drafted report, then sign a candidate.promote statement in this browser and append it. The monitor
 * chooses whom the report accuses and which clauses it cites: the ingest pipeline never decides that.
 */
export function PromoteForm({ item, clauses, onCancel, onDone }: Props) {
  const { session, members } = useApp();
  const draft = useMemo(() => draftReport(item, members), [item, members]);
  const [narrative, setNarrative] = useState(draft.narrative);
  const [eventType, setEventType] = useState(draft.event_type);
  const [subType, setSubType] = useState(draft.sub_event_type);
  const [accused, setAccused] = useState<readonly string[]>([]);
  const [cited, setCited] = useState<readonly string[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<Appended | null>(null);
  const parties = [...members.values()].filter((m) => m.role === 'party' && m.side);
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
    setBusy(true);
    setError(null);
    const report: ReportBody = { ...draft, narrative: narrative.trim(), event_type: eventType, sub_event_type: subType, accused: [...accused], clauses: [...cited] };
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
      <p class="small muted">
        {whenText(draft.when)} · {draft.where.place}, {draft.where.country}
      </p>
      <div class="grid grid-2">
        <div class="field">
          <label for={`et-${item.id}`}>{t('filters.type')}</label>
          <select id={`et-${item.id}`} value={eventType} onChange={(e) => { const v = (e.currentTarget as HTMLSelectElement).value; setEventType(v); setSubType(TAXONOMY[v]?.[0] ?? ''); }}>
            {Object.keys(TAXONOMY).map((type) => <option key={type} value={type}>{tEnum('event', type)}</option>)}
          </select>
        </div>
        <div class="field">
          <label for={`st-${item.id}`}>{t('rfField.sub_event_type')}</label>
          <select id={`st-${item.id}`} value={subType} onChange={(e) => setSubType((e.currentTarget as HTMLSelectElement).value)}>
            {(TAXONOMY[eventType] ?? []).map((type) => <option key={type} value={type}>{tEnum('event', type)}</option>)}
          </select>
        </div>
      </div>
      <div class="field">
        <label for={`nar-${item.id}`}>{t('promote.account')}</label>
        <textarea id={`nar-${item.id}`} dir="auto" rows={6} value={narrative} onInput={(e) => setNarrative((e.currentTarget as HTMLTextAreaElement).value)} required maxLength={20000} />
      </div>
      <fieldset class="checks">
        <legend>{t('promote.accused')}</legend>
        {parties.map((m) => (
          <label key={m.id} class="check">
            <input type="checkbox" checked={accused.includes(m.side!)} onChange={() => setAccused(toggle(accused, m.side!))} /> {m.name}
          </label>
        ))}
      </fieldset>
      {clauses.length > 0 && (
        <fieldset class="checks">
          <legend>{t('rf.clauses')}</legend>
          {clauses.map((c) => (
            <label key={c.id} class="check" title={c.text}>
              <input type="checkbox" checked={cited.includes(c.id)} onChange={() => setCited(toggle(cited, c.id))} /> <strong>{c.id}</strong>{' '}
              <span class="clamp-1">{c.text}</span>
            </label>
          ))}
        </fieldset>
      )}
      {error && (
        <div class="alert alert-error" role="alert" data-testid="promote-error">
          <strong>{t('form.notAppended')}</strong> {error}
        </div>
      )}
      <div class="row">
        <button type="submit" class="btn btn-primary" disabled={busy || narrative.trim().length === 0} data-testid="promote-submit">
          {busy ? t('form.signing') : t('promote.submit')}
        </button>
        <button type="button" class="btn" onClick={onCancel} disabled={busy}>
          {t('form.cancel')}
        </button>
      </div>
    </form>
  );
}
