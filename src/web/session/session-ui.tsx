import { useEffect, useRef, useState } from 'preact/hooks';
import { useApp } from '../api/context.js';
import { ROLE_LABEL } from '../ui/members.js';
import { forgetStoredKey, importKeyFile, parseKeyFile, saveStoredKey } from './keystore.js';

/** The masthead control: who is signed in (by key), or the way to load a key file. */
export function SessionButton() {
  const { session, members, openKeyDialog, setSession, log } = useApp();
  if (!session) {
    return (
      <button type="button" class="btn btn-small btn-on-dark" onClick={openKeyDialog} data-testid="load-key">
        Member sign-in
      </button>
    );
  }
  const m = members.get(session.member);
  const signOut = async () => {
    if (log) await forgetStoredKey(log.origin).catch(() => undefined);
    setSession(null);
  };
  return (
    <div class="row" style={{ gap: '8px' }}>
      <span class="small" style={{ color: '#dce6f0' }} data-testid="session">
        Signing as <strong style={{ color: '#fff' }}>{m?.name ?? session.member}</strong>
        {m && <span> · {ROLE_LABEL[m.role] ?? m.role}</span>}
      </span>
      <button type="button" class="btn btn-small btn-on-dark" onClick={signOut}>
        Forget key
      </button>
    </div>
  );
}

/** Load a member's key file into this browser as a non-extractable WebCrypto key. */
export function KeyDialog({ onClose }: { onClose(): void }) {
  const { log, members, setSession } = useApp();
  const ref = useRef<HTMLDialogElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

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
      if (members.size > 0 && !member) throw new Error(`No member "${parsed.member}" is admitted to this mechanism.`);
      if (member?.keys && !member.keys.some((k) => k.key === parsed.key && !k.revoked)) {
        throw new Error(`This key is not a current key of ${member.name}: it was never registered, or it was revoked.`);
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
        <h2 id="key-dialog-title">Member sign-in</h2>
        <button type="button" class="link-button" onClick={() => ref.current?.close()}>
          Close
        </button>
      </div>
      <div class="card-body">
        <p>
          Members sign statements with their own Ed25519 key. Choose your key file (<code>{'{"member", "seed", "key"}'}</code>), issued when the
          secretariat admitted you.
        </p>
        <div class="alert alert-info small" style={{ marginBottom: '14px' }}>
          The key is imported into this browser's WebCrypto store as <strong>non-extractable</strong>: pages can ask the browser to sign with it but
          cannot read it back, and the seed from the file is discarded. It is never sent to the server.
        </div>
        <label for="key-file">Key file</label>
        <input id="key-file" type="file" accept=".json,application/json" disabled={busy} onChange={(e) => onFile((e.currentTarget as HTMLInputElement).files?.[0])} />
        {busy && <p class="small muted" role="status">Importing the key…</p>}
        {error && (
          <div class="alert alert-error" role="alert" style={{ marginTop: '12px' }}>
            {error}
          </div>
        )}
      </div>
    </dialog>
  );
}
