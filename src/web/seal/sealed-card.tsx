import { useState } from 'preact/hooks';
import { sealCommitment } from '../../domain/seal/commitment.js';
import type { SealedInView } from '../../domain/views/sealed.js';
import { useApp } from '../api/context.js';
import { Refusal, useSigning } from '../forms/form-bits.js';
import { useSigner } from '../session/rights.js';
import { EncryptionKeyPrompt } from './encryption-key-prompt.js';
import { type MessageKey, t, tRich } from '../i18n/index.js';

const FIELD_LABEL: Readonly<Record<string, MessageKey>> = { '/protected': 'field.sealed.protected', '/where/exact': 'field.sealed.exactPosition' };
/** The field's name in words; a path the UI does not know is shown as it is. */
const label = (field: string): string => {
  const key = FIELD_LABEL[field];
  return key ? t(key) : field;
};
const show = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value));

/**
 * The sealed fields of a report: who may read each, its commitment, and its value only for a recipient (opened in
 * this browser) or once released (then checked here against the commitment logged before).
 */
export function SealedCard({ sealed, reload }: { sealed: readonly SealedInView[]; reload(): void }) {
  const signer = useSigner();
  if (sealed.length === 0) return null;
  return (
    <section class="card" aria-labelledby="sealed-title" data-testid="sealed-card">
      <div class="card-head">
        <h2 id="sealed-title">{t('field.sealed.title')}</h2>
        <span class="small muted">{t('field.sealed.count', { count: sealed.length })}</span>
      </div>
      <div class="card-body stack">
        {signer && <EncryptionKeyPrompt signer={signer} />}
        {/* Keyed by the member too: a value opened by one member is gone once another signs in. */}
        {sealed.map((s) => (
          <SealedRow key={`${s.statement}${s.field}:${signer?.me.id ?? ''}`} s={s} reload={reload} />
        ))}
      </div>
    </section>
  );
}

function SealedRow({ s, reload }: { s: SealedInView; reload(): void }) {
  const { members } = useApp();
  const signer = useSigner();
  const signing = useSigning();
  const [opened, setOpened] = useState<{ value: unknown; salt: string } | null>(null);
  const name = (id: string) => members.get(id)?.name ?? id;
  const released = s.release.released;
  const key = signer?.session.encryption;
  const recipient = !!signer && !!key && s.sealed.to.some((t) => t.member === signer.me.id && t.key === key.publicKey);
  const agreed = !!signer && s.release.approvals.includes(signer.me.id);
  const completes = s.release.approvals.length + 1 >= s.release.quorum;

  const open = () =>
    signing.run(async () => {
      const { openField } = await import('../../domain/seal/hpke.js');
      const r = await openField(s.sealed, signer!.me.id, key!);
      if (!r.ok) throw new Error(r.reason);
      setOpened({ value: r.value, salt: r.salt });
      return r;
    });
  const release = async () => {
    const body = completes && opened ? { statement: s.statement, field: s.field, salt: opened.salt, value: opened.value } : { statement: s.statement, field: s.field };
    if (await signing.sign(signer!.session, 'seal.release', body)) reload();
  };

  return (
    <div class="stack" data-testid="sealed-field" data-field={s.field}>
      <div>
        <strong>{label(s.field)}</strong>{' '}
        <span class="small muted">
          {tRich('field.sealed.meta', {
            by: name(s.sealedBy),
            to: s.recipients.map(name).join(t('list.separator')),
            commit: s.commit.slice(0, 12),
            code: (c) => <code title={s.commit}>{c}</code>,
          })}
        </span>
      </div>
      {released ? (
        <ReleasedValue s={s} />
      ) : opened ? (
        <p data-testid="sealed-value">
          {show(opened.value)} <span class="badge">{t('field.sealed.openedOk')}</span>
        </p>
      ) : (
        <p class="muted small">
          {t('field.sealed.notPublic')} {recipient ? '' : t('field.sealed.onlyRecipients')}
        </p>
      )}
      {!released && (
        <p class="small muted">
          {s.release.approvals.length
            ? t('field.sealed.progressNames', { count: s.release.approvals.length, quorum: s.release.quorum, names: s.release.approvals.map(name).join(t('list.separator')) })
            : t('field.sealed.progress', { count: 0, quorum: s.release.quorum })}
        </p>
      )}
      <Refusal error={signing.error} />
      <div class="row">
        {!released && recipient && !opened && (
          <button type="button" class="btn btn-small" onClick={() => void open()} disabled={signing.busy} data-testid="sealed-open">
            {t('field.sealed.read')}
          </button>
        )}
        {!released && signer?.can('seal.release') && !agreed && (!completes || opened) && (
          <button type="button" class="btn btn-small" onClick={() => void release()} disabled={signing.busy} data-testid="sealed-release">
            {completes ? t('field.sealed.releaseComplete') : t('field.sealed.agree')}
          </button>
        )}
      </div>
    </div>
  );
}

/** A released value, with the hash check done here: SHA-256 of {field, salt, value} against the logged commitment. */
function ReleasedValue({ s }: { s: SealedInView }) {
  const r = s.release.released!;
  const matches = sealCommitment(s.field, r.salt, r.value) === s.commit;
  return (
    <p data-testid="released-value" data-check={matches ? 'ok' : 'fail'}>
      {show(r.value)}{' '}
      {matches ? (
        <span class="badge" title={t('field.sealed.checkHelp')}>
          {t('field.sealed.releasedOk', { index: s.ref.index })}
        </span>
      ) : (
        <span class="badge badge-bad" role="alert">
          {t('field.sealed.releasedBad')}
        </span>
      )}
    </p>
  );
}
