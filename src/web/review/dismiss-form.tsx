import { useState } from 'preact/hooks';
import { useApp } from '../api/context.js';
import type { CandidateItem } from '../api/types.js';
import { SignInRow, useSigning } from '../forms/form-bits.js';

interface Props {
  readonly item: CandidateItem;
  onCancel(): void;
  onDone(): void;
}

/** Set a candidate aside with a reason: a signed candidate.dismiss, as accountable as a promotion. */
export function DismissForm({ item, onCancel, onDone }: Props) {
  const { session } = useApp();
  const [reason, setReason] = useState('');
  const signing = useSigning();
  if (!session) return <SignInRow what="Dismissing" onCancel={onCancel} />;
  const submit = async (e: Event) => {
    e.preventDefault();
    if (!reason.trim()) return signing.setError(new Error('Give the reason the candidate is set aside (a duplicate, not an incident, out of scope...).'));
    if (await signing.sign(session, 'candidate.dismiss', { candidate: item.id, reason: reason.trim() })) onDone();
  };
  const { busy, error } = signing;
  return (
    <form class="stack" onSubmit={submit} aria-label="Dismiss this candidate">
      <div class="field">
        <label for={`dismiss-${item.id}`}>Why is it set aside?</label>
        <input id={`dismiss-${item.id}`} type="text" maxLength={1000} value={reason} onInput={(e) => setReason((e.currentTarget as HTMLInputElement).value)} data-testid="dismiss-reason" />
      </div>
      {error && (
        <div class="alert alert-error" role="alert">
          {error.message}
        </div>
      )}
      <div class="row">
        <button type="submit" class="btn btn-primary" disabled={busy} data-testid="dismiss-submit">
          {busy ? 'Signing…' : 'Sign and dismiss'}
        </button>
        <button type="button" class="btn" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
