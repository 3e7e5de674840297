import { useState } from 'preact/hooks';
import { useApp } from '../api/context.js';
import type { IncidentView } from '../api/types.js';
import { STANCE } from './replies.js';

const STANCES = ['denies', 'disputes_facts', 'disputes_attribution', 'admits', 'other'] as const;
const STANCE_VERB: Readonly<Record<string, string>> = {
  denies: 'We deny the allegation',
  disputes_facts: 'We dispute the facts reported',
  disputes_attribution: 'We dispute the attribution to us',
  admits: 'We admit the facts',
  other: 'Other response',
};

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
    <form class="card-body stack reply-form" onSubmit={submit} aria-label="Reply to this report">
      <p class="small">
        As <strong>{me.name}</strong>, you may reply to this report. Your reply is signed in this browser and shown beside the report, never over it.
      </p>
      <div class="field">
        <label for="reply-stance">Position</label>
        <select id="reply-stance" value={stance} onChange={(e) => setStance((e.currentTarget as HTMLSelectElement).value)}>
          {STANCES.map((s) => (
            <option key={s} value={s}>
              {STANCE_VERB[s] ?? STANCE[s]}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="reply-text">Reply</label>
        <textarea id="reply-text" rows={4} required maxLength={20000} value={text} onInput={(e) => setText((e.currentTarget as HTMLTextAreaElement).value)} />
      </div>
      {error && (
        <div class="alert alert-error" role="alert">
          <strong>Not appended.</strong> {error}
        </div>
      )}
      <div>
        <button type="submit" class="btn btn-primary" disabled={busy || text.trim() === ''}>
          {busy ? 'Signing…' : 'Sign and reply'}
        </button>
      </div>
    </form>
  );
}
