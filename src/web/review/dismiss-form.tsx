import { useState } from 'preact/hooks';
import { useApp } from '../api/context.js';
import type { CandidateItem } from '../api/types.js';
import { SignInRow, useSigning } from '../forms/form-bits.js';
import { errorText } from '../api/error-text.js';
import { t } from '../i18n/index.js';

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
  if (!session) return <SignInRow what={t('dismiss.what')} onCancel={onCancel} />;
  const submit = async (e: Event) => {
    e.preventDefault();
    if (!reason.trim()) return signing.setError(new Error(t('dismiss.needReason')));
    if (await signing.sign(session, 'candidate.dismiss', { candidate: item.id, reason: reason.trim() })) onDone();
  };
  const { busy, error } = signing;
  return (
    <form class="stack" onSubmit={submit} aria-label={t('dismiss.label')}>
      <div class="field">
        <label for={`dismiss-${item.id}`}>{t('dismiss.reason')}</label>
        <input id={`dismiss-${item.id}`} type="text" maxLength={1000} value={reason} onInput={(e) => setReason((e.currentTarget as HTMLInputElement).value)} data-testid="dismiss-reason" />
      </div>
      {error && (
        <div class="alert alert-error" role="alert">
          {errorText(error)}
        </div>
      )}
      <div class="row">
        <button type="submit" class="btn btn-primary" disabled={busy} data-testid="dismiss-submit">
          {busy ? t('form.signing') : t('dismiss.submit')}
        </button>
        <button type="button" class="btn" onClick={onCancel}>
          {t('form.cancel')}
        </button>
      </div>
    </form>
  );
}
