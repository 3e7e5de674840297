import { useMemo, useState } from 'preact/hooks';
import { useApp } from '../api/context.js';
import type { Appended, AgreementVersionView, CandidateItem, ReportBody } from '../api/types.js';
import { TAXONOMY } from '../../domain/taxonomy.js';
import { href } from '../router.js';
import { whenText } from '../ui/incident-bits.js';
import { draftReport, promoteArticles } from './draft.js';
import { SignInRow } from '../forms/form-bits.js';

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

  if (!session) return <SignInRow what="Promoting" onCancel={onCancel} />;
  if (done) {
    return (
      <div class="alert alert-ok" role="status" data-testid="promoted">
        <p>
          <strong>Promoted.</strong> The report was signed in this browser and appended at log #{done.index}.{' '}
          <a href={href(['incidents', done.id])}>Open the report</a>
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
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="promote-form stack" onSubmit={submit} aria-label="Promote this candidate to a report">
      <p class="small">
        You are signing as <strong>{members.get(session.member)?.name ?? session.member}</strong>. The report will read “alleged by” you, citing these
        articles; the draft below comes from the articles, so check it.
        {role && role !== 'monitor' && role !== 'mediator' && <strong> A {role} may not promote candidates: the server will refuse it.</strong>}
      </p>
      <p class="small muted">
        {whenText(draft.when)} · {draft.where.place}, {draft.where.country}
      </p>
      <div class="grid grid-2">
        <div class="field">
          <label for={`et-${item.id}`}>Event type</label>
          <select id={`et-${item.id}`} value={eventType} onChange={(e) => { const v = (e.currentTarget as HTMLSelectElement).value; setEventType(v); setSubType(TAXONOMY[v]?.[0] ?? ''); }}>
            {Object.keys(TAXONOMY).map((t) => <option key={t} value={t}>{t}</option>)}
          </select>
        </div>
        <div class="field">
          <label for={`st-${item.id}`}>Sub-event type</label>
          <select id={`st-${item.id}`} value={subType} onChange={(e) => setSubType((e.currentTarget as HTMLSelectElement).value)}>
            {(TAXONOMY[eventType] ?? []).map((t) => <option key={t} value={t}>{t}</option>)}
          </select>
        </div>
      </div>
      <div class="field">
        <label for={`nar-${item.id}`}>Account (attribute every claim to its source)</label>
        <textarea id={`nar-${item.id}`} rows={6} value={narrative} onInput={(e) => setNarrative((e.currentTarget as HTMLTextAreaElement).value)} required maxLength={20000} />
      </div>
      <fieldset class="checks">
        <legend>Party alleged responsible (leave empty when the reporting does not say)</legend>
        {parties.map((m) => (
          <label key={m.id} class="check">
            <input type="checkbox" checked={accused.includes(m.side!)} onChange={() => setAccused(toggle(accused, m.side!))} /> {m.name}
          </label>
        ))}
      </fieldset>
      {clauses.length > 0 && (
        <fieldset class="checks">
          <legend>Clauses allegedly broken</legend>
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
          <strong>Not appended.</strong> {error}
        </div>
      )}
      <div class="row">
        <button type="submit" class="btn btn-primary" disabled={busy || narrative.trim().length === 0} data-testid="promote-submit">
          {busy ? 'Signing…' : 'Sign and promote'}
        </button>
        <button type="button" class="btn" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
      </div>
    </form>
  );
}
