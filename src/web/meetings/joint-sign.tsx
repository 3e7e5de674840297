// An attendee signs a meeting's joint statement (joint.sign) over the SHA-256 of its text, which binds that attendee's
// delegation to it. The hash signed is recomputed here from the text shown, so the member signs what it reads; the
// server checks it against the recorded hash, and that the member attended and has not signed yet.
import { useState } from 'preact/hooks';
import { jointSignBody } from '../../domain/records/meetings.js';
import { textHash } from '../../domain/records/fields.js';
import type { MeetingView } from '../api/types.js';
import { Refusal, useSigning } from '../forms/form-bits.js';
import { checkBody, hasErrors } from '../forms/issues.js';
import type { Signer } from '../session/rights.js';
import { readerError } from '../api/error-text.js';
import { t, tRich } from '../i18n/index.js';

export function JointSignForm({ meeting, signer, onDone }: { meeting: MeetingView; signer: Signer; onDone(): void }) {
  const [confirming, setConfirming] = useState(false);
  const signing = useSigning();
  const joint = meeting.joint;
  if (!joint) return null;
  const read = textHash(joint.text);
  const matches = read === joint.hash;

  const sign = async () => {
    const body = { meeting: meeting.id, hash: read };
    if (hasErrors(checkBody(jointSignBody, body))) return;
    if (await signing.sign(signer.session, 'joint.sign', body)) {
      setConfirming(false);
      onDone();
    }
  };

  if (!confirming) {
    return (
      <div class="row" data-testid="joint-sign-actions">
        <button
          type="button"
          class="btn btn-small"
          onClick={() => {
            signing.setError(null);
            setConfirming(true);
          }}
          data-testid="joint-sign-open"
        >
          {t('joint.open')}
        </button>
        <span class="small muted">{t('joint.asAttendee', { name: signer.me.name })}</span>
      </div>
    );
  }
  return (
    <div class="action-form" role="group" aria-label={t('joint.submit')} data-testid="joint-sign-form">
      <p class="small">
        {tRich('joint.binds', { name: signer.me.name, b: (c) => <strong>{c}</strong> })}
      </p>
      <div class="hash" data-testid="joint-sign-hash">{read}</div>
      {!matches && (
        <div class="alert alert-error small" role="alert">
          {t('joint.mismatch', { hash: joint.hash })}
        </div>
      )}
      <Refusal error={readerError(signing.error)} />
      <div class="row">
        <button type="button" class="btn btn-primary" disabled={signing.busy} onClick={() => void sign()} data-testid="joint-sign-submit">
          {signing.busy ? t('form.signing') : t('joint.submit')}
        </button>
        <button type="button" class="btn" onClick={() => setConfirming(false)} disabled={signing.busy}>
          {t('form.cancel')}
        </button>
      </div>
    </div>
  );
}
