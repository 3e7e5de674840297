// Proof of possession and consent in the browser (docs/decisions.md, "Nobody speaks for another"): a new member signs
// its own admission request with the key it just loaded; a member of a side countersigns a request after comparing
// the new key's fingerprint with the one read out at the table. The request travels as a JSON file; the operator
// submits it (truce submit member.admit @file). The key never leaves WebCrypto.
import { useState } from 'preact/hooks';
import { ROLES } from '../../domain/roles.js';
import { admissionMessage, checkPop, keyFingerprint, signAdmission } from '../../domain/records/admission.js';
import { signWith, type StoredKey } from './keystore.js';
import { roleLabel } from '../ui/members.js';
import { t, tRich } from '../i18n/index.js';

const mechanismOf = (origin: string) => origin.replace(/^truce\//, '');

function Output({ json, name }: { json: string; name: string }) {
  const href = `data:application/json;charset=utf-8,${encodeURIComponent(json)}`;
  return (
    <div class="stack">
      <textarea readOnly rows={6} dir="ltr" value={json} data-testid="admission-json" />
      <div>
        <a class="btn btn-small" href={href} download={name}>
          {t('admission.save')}
        </a>
      </div>
    </div>
  );
}

/** The form's one button, and why the last try was refused. */
function SignAction({ label, onSign, testId, error }: { label: string; onSign(): void; testId: string; error: string | null }) {
  return (
    <>
      <div>
        <button type="button" class="btn btn-primary btn-small" onClick={onSign} data-testid={testId}>
          {label}
        </button>
      </div>
      {error && (
        <div class="alert alert-error" role="alert">
          {error}
        </div>
      )}
    </>
  );
}

/** For a key whose member is not admitted yet: sign "admit me" with that very key. */
export function AdmissionRequest({ stored }: { stored: StoredKey }) {
  const [name, setName] = useState('');
  const [role, setRole] = useState<string>('party');
  const [side, setSide] = useState('');
  const [json, setJson] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const sign = async () => {
    setError(null);
    if (!name.trim()) return setError(t('admission.needName'));
    const fields = { member: stored.member, name: name.trim(), role, key: stored.key, ...(role === 'party' && side.trim() ? { side: side.trim() } : {}) };
    try {
      setJson(JSON.stringify(await signAdmission(mechanismOf(stored.origin), 'member.admit', fields, (m) => signWith(stored, m)), null, 2));
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <section class="stack" data-testid="admission-request" style={{ marginBlockStart: '14px' }}>
      <h3>{t('admission.askTitle', { member: stored.member })}</h3>
      <p class="small">
        {tRich('admission.fingerprint', { fingerprint: keyFingerprint(stored.key), code: (c) => <code dir="ltr" data-testid="fingerprint">{c}</code> })}
      </p>
      <div class="field">
        <label for="adm-name">{t('admission.name')}</label>
        <input id="adm-name" type="text" dir="auto" value={name} onInput={(e) => setName((e.currentTarget as HTMLInputElement).value)} />
      </div>
      <div class="field">
        <label for="adm-role">{t('admission.role')}</label>
        <select id="adm-role" value={role} onChange={(e) => setRole((e.currentTarget as HTMLSelectElement).value)}>
          {ROLES.filter((r) => r !== 'operator').map((r) => (
            <option key={r} value={r}>
              {roleLabel(r)}
            </option>
          ))}
        </select>
      </div>
      {role === 'party' && (
        <div class="field">
          <label for="adm-side">{t('admission.side')}</label>
          <input id="adm-side" type="text" dir="ltr" value={side} onInput={(e) => setSide((e.currentTarget as HTMLInputElement).value)} />
        </div>
      )}
      <SignAction label={t('admission.sign')} onSign={sign} testId="sign-admission" error={error} />
      {json && <Output json={json} name={`${stored.member}-admission.json`} />}
    </section>
  );
}

/** For a signed-in member: check a request's proof of possession and fingerprint, then countersign it. */
export function ConsentToAdmission({ session }: { session: StoredKey }) {
  const [text, setText] = useState('');
  const [fingerprint, setFingerprint] = useState('');
  const [json, setJson] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const consent = async () => {
    setError(null);
    setJson(null);
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(text) as Record<string, unknown>;
    } catch {
      return setError(t('admission.paste'));
    }
    const mechanism = mechanismOf(session.origin);
    const pop = checkPop(admissionMessage(mechanism, 'member.admit', body), String(body.key), typeof body.pop === 'string' ? body.pop : undefined, String(body.member));
    if (!pop.ok) return setError(t('admission.badPop'));
    const actual = keyFingerprint(String(body.key));
    if (actual.replaceAll(' ', '') !== fingerprint.replaceAll(' ', '').toLowerCase()) return setError(t('admission.otherKey', { fingerprint: actual }));
    const signer = { member: session.member, key: session.key, sign: (m: Uint8Array) => signWith(session, m) };
    setJson(JSON.stringify(await signAdmission(mechanism, 'member.admit', body, null, [signer]), null, 2));
  };
  return (
    <section class="stack" data-testid="admission-consent">
      <div class="field">
        <label for="consent-request">{t('admission.request')}</label>
        <textarea id="consent-request" dir="ltr" rows={5} value={text} onInput={(e) => setText((e.currentTarget as HTMLTextAreaElement).value)} />
      </div>
      <div class="field">
        <label for="consent-fp">{t('admission.readOut')}</label>
        <input id="consent-fp" type="text" dir="ltr" value={fingerprint} onInput={(e) => setFingerprint((e.currentTarget as HTMLInputElement).value)} />
      </div>
      <SignAction label={t('admission.countersign')} onSign={consent} testId="sign-consent" error={error} />
      {json && <Output json={json} name="admission-with-consent.json" />}
    </section>
  );
}
