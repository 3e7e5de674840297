import { useApp } from '../api/context.js';
import { Refusal, useSigning } from '../forms/form-bits.js';
import type { Signer } from '../session/rights.js';
import { t } from '../i18n/index.js';

/**
 * Offer to register the member's encryption key (enckey.add) when the log does not hold the one this browser
 * derived from its key file: until it does, nobody can seal a field to this member.
 */
export function EncryptionKeyPrompt({ signer }: { signer: Signer }) {
  const { reloadMembers } = useApp();
  const signing = useSigning();
  const mine = signer.session.encryption?.publicKey;
  if (!mine || signer.me.encryptionKey === mine || !signer.can('enckey.add')) return null;
  const register = async () => {
    if (await signing.sign(signer.session, 'enckey.add', { key: mine })) reloadMembers();
  };
  return (
    <div class="alert alert-info stack" role="status" data-testid="enckey-prompt">
      <span>
        {signer.me.encryptionKey ? t('field.enc.other') : t('field.enc.none')} {t('field.enc.why')}
      </span>
      <Refusal error={signing.error} />
      <div>
        <button type="button" class="btn btn-small" onClick={register} disabled={signing.busy} data-testid="enckey-register">
          {t('field.enc.register')}
        </button>
      </div>
    </div>
  );
}
