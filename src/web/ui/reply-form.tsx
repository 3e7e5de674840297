import { useState } from 'preact/hooks';
import { useApp } from '../api/context.js';
import type { IncidentView } from '../api/types.js';
import { t, tEnum, tRich } from '../i18n/index.js';

const STANCES = ['denies', 'disputes_facts', 'disputes_attribution', 'admits', 'other'] as const;

/**
 * The accused party's right of reply, signed in this browser. Shown only to a signed-in party the report accuses;
 * the server checks the same rule.
 */
export function ReplyForm({ view, onReplied }: { view: IncidentView; onReplied(): void }) {
  const { session, members } = useApp();
  const me = session ? members.get(session.member) : undefined;
  const [stance, setStance] = useState<string>('denies');
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!session || !me || me.role !== 'party' || !me.side || !view.report.accused.includes(me.side)) return null;

  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const { submitStatement } = await import('../session/submit.js');
      await submitStatement(session, 'report.reply', { report: view.id, stance, text: text.trim() });
      setText('');
      onReplied();
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="card-body stack reply-form" onSubmit={submit} aria-label={t('reply.label')}>
      <p class="small">
        {tRich('reply.intro', { name: me.name, b: (c) => <strong>{c}</strong> })}
      </p>
      <div class="field">
        <label for="reply-stance">{t('reply.position')}</label>
        <select id="reply-stance" value={stance} onChange={(e) => setStance((e.currentTarget as HTMLSelectElement).value)}>
          {STANCES.map((s) => (
            <option key={s} value={s}>
              {tEnum('stanceVerb', s)}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="reply-text">{t('reply.text')}</label>
        <textarea id="reply-text" dir="auto" rows={4} required maxLength={20000} value={text} onInput={(e) => setText((e.currentTarget as HTMLTextAreaElement).value)} />
      </div>
      {error && (
        <div class="alert alert-error" role="alert">
          <strong>{t('form.notAppended')}</strong> {error}
        </div>
      )}
      <div>
        <button type="submit" class="btn btn-primary" disabled={busy || text.trim() === ''}>
          {busy ? t('form.signing') : t('reply.submit')}
        </button>
      </div>
    </form>
  );
}
