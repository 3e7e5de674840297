import { useEffect, useRef, useState } from 'preact/hooks';
import { useApp } from '../api/context.js';
import { roleLabel } from '../ui/members.js';
import { t, tRich } from '../i18n/index.js';
import { forgetStoredKey, importKeyFile, parseKeyFile, saveStoredKey, type StoredKey } from './keystore.js';
import { AdmissionRequest, ConsentToAdmission } from './admission-request.js';

/** The masthead control: who is signed in (by key), or the way to load a key file. */
export function SessionButton() {
  const { session, members, openKeyDialog, setSession, log } = useApp();
  if (!session) {
    return (
      <button type="button" class="btn btn-small btn-on-dark" onClick={openKeyDialog} data-testid="load-key">
        {t('session.signIn')}
      </button>
    );
  }
  const m = members.get(session.member);
  const [consenting, setConsenting] = useState(false);
  const signOut = async () => {
    if (log) await forgetStoredKey(log.origin).catch(() => undefined);
    setSession(null);
  };
  return (
    <div class="row" style={{ gap: '8px' }}>
      <span class="small" style={{ color: '#dce6f0' }} data-testid="session">
        {tRich('session.signingAs', { name: m?.name ?? session.member, b: (c) => <strong style={{ color: '#fff' }}>{c}</strong> })}
        {m && <span> · {roleLabel(m.role)}</span>}
      </span>
      {(m?.role === 'party' || m?.role === 'mediator') && (
        <button type="button" class="btn btn-small btn-on-dark" onClick={() => setConsenting(true)} data-testid="open-consent">
          {t('admission.openConsent')}
        </button>
      )}
      <button type="button" class="btn btn-small btn-on-dark" onClick={signOut}>
        {t('session.forget')}
      </button>
      {consenting && <ConsentDialog session={session} onClose={() => setConsenting(false)} />}
    </div>
  );
}

function ConsentDialog({ session, onClose }: { session: StoredKey; onClose(): void }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
  }, []);
  return (
    <dialog ref={ref} onClose={onClose} aria-labelledby="consent-dialog-title">
      <div class="card-head">
        <h2 id="consent-dialog-title">{t('admission.consentTitle')}</h2>
        <button type="button" class="link-button" onClick={() => ref.current?.close()}>
          {t('common.close')}
        </button>
      </div>
      <div class="card-body">
        <ConsentToAdmission session={session} />
      </div>
    </dialog>
  );
}

/** Load a member's key file into this browser as a non-extractable WebCrypto key. */
export function KeyDialog({ onClose }: { onClose(): void }) {
  const { log, members, setSession } = useApp();
  const ref = useRef<HTMLDialogElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // A key whose member is not admitted yet: it can still sign its own admission request (proof of possession).
  const [newcomer, setNewcomer] = useState<StoredKey | null>(null);

  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
  }, []);

  const onFile = async (file: File | undefined) => {
    if (!file || !log) return;
    setError(null);
    setBusy(true);
    try {
      const parsed = parseKeyFile(await file.text());
      if (typeof parsed === 'string') throw new Error(parsed);
      const member = members.get(parsed.member);
      if (members.size > 0 && !member) {
        setNewcomer(await importKeyFile(parsed, log.origin));
        throw new Error(t('session.noMemberYet', { member: parsed.member }));
      }
      if (member?.keys && !member.keys.some((k) => k.key === parsed.key && !k.revoked)) {
        throw new Error(t('session.notCurrent', { name: member.name }));
      }
      const stored = await importKeyFile(parsed, log.origin);
      await saveStoredKey(stored);
      setSession(stored);
      onClose();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <dialog ref={ref} onClose={onClose} aria-labelledby="key-dialog-title">
      <div class="card-head">
        <h2 id="key-dialog-title">{t('session.signIn')}</h2>
        <button type="button" class="link-button" onClick={() => ref.current?.close()}>
          {t('common.close')}
        </button>
      </div>
      <div class="card-body">
        <p>
          {tRich('session.intro', { format: '{"member", "seed", "key"}', code: (c) => <code dir="ltr">{c}</code> })}
        </p>
        <div class="alert alert-info small" style={{ marginBlockEnd: '14px' }}>
          {tRich('session.nonExtractable', { b: (c) => <strong>{c}</strong> })}
        </div>
        <label for="key-file">{t('session.keyFile')}</label>
        <input id="key-file" type="file" accept=".json,application/json" disabled={busy} onChange={(e) => onFile((e.currentTarget as HTMLInputElement).files?.[0])} />
        {busy && <p class="small muted" role="status">{t('session.importing')}</p>}
        {error && (
          <div class="alert alert-error" role="alert" style={{ marginBlockStart: '12px' }}>
            {error}
          </div>
        )}
        {newcomer && <AdmissionRequest stored={newcomer} />}
      </div>
    </dialog>
  );
}
