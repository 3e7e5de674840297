import { useEffect, useState } from 'preact/hooks';
import type { EvidenceInView } from '../api/types.js';
import { Refusal, useSigning } from '../forms/form-bits.js';
import { mayDownloadItem } from '../session/evidence-access.js';
import { useSigner } from '../session/rights.js';
import { formatTime } from './format.js';
import { Member } from './members.js';
import { ProofBadge } from './proof-badge.js';
import { LogLink } from './log-link.js';
import { readerError } from '../api/error-text.js';
import { currentLocale, t, tEnum, tRich, type MessageKey } from '../i18n/index.js';
import { intlLocale } from '../i18n/locales.js';

const CONFIDENTIALITY: Readonly<Record<string, { cls: string; help: MessageKey }>> = {
  public: { cls: 'badge-neutral', help: 'evidence.help.public' },
  members: { cls: 'badge-info', help: 'evidence.help.members' },
  mediators: { cls: 'badge-warn', help: 'evidence.help.mediators' },
};

/** "12 kB": a file's size in the reader's language and digits (CLDR's unit names, through Intl). */
export function bytes(n: number): string {
  const [unit, value] = n < 1024 ? (['byte', n] as const) : n < 1024 * 1024 ? (['kilobyte', n / 1024] as const) : (['megabyte', n / (1024 * 1024)] as const);
  return new Intl.NumberFormat(intlLocale(currentLocale()), { style: 'unit', unit, unitDisplay: unit === 'byte' ? 'long' : 'short', maximumFractionDigits: 1 }).format(value);
}

/**
 * A restricted item's download for a member the confidentiality allows: signs a custody record (evidence.access),
 * then the download request, checks the bytes against the registered hash and saves them.
 */
function RestrictedDownload({ item, onAccessed }: { item: EvidenceInView; onAccessed?: () => void }) {
  const signer = useSigner();
  const signing = useSigning();
  const [saved, setSaved] = useState<{ url: string; name: string; index: number } | null>(null);
  useEffect(() => () => saved && URL.revokeObjectURL(saved.url), [saved?.url]);
  if (item.confidentiality === 'public') return null;
  if (!signer || !signer.can('evidence.access') || !mayDownloadItem(item, signer.me)) {
    return (
      <p class="small muted" style={{ margin: '8px 0 0' }}>
        {t(item.confidentiality === 'members' ? 'evidence.withheldMembers' : 'evidence.withheldMediators')}
      </p>
    );
  }
  const download = async () => {
    const result = await signing.run(async () => {
      const { downloadRestricted, fileNameFor } = await import('../session/evidence-download.js');
      const got = await downloadRestricted(signer.session, item.sha256);
      return { ...got, name: fileNameFor(item.title, item.sha256, item.mediaType) };
    });
    if (!result) return;
    const url = URL.createObjectURL(result.blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = result.name;
    document.body.append(a);
    a.click();
    a.remove();
    setSaved({ url, name: result.name, index: result.access.index });
    onAccessed?.();
  };
  return (
    <div class="download" data-testid="evidence-download">
      <div class="row">
        <button type="button" class="btn btn-small" onClick={download} disabled={signing.busy} data-testid="download-restricted">
          {signing.busy ? t('form.signing') : t('evidence.download')}
        </button>
        <span class="small muted">{t('evidence.downloadHelp')}</span>
      </div>
      {saved && (
        <p class="small" role="status" style={{ margin: 0 }} data-testid="download-saved">
          {tRich('evidence.saved', { name: saved.name, index: saved.index, a: (c) => <a href={saved.url} download={saved.name}>{c}</a> })}
        </p>
      )}
      <Refusal error={readerError(signing.error)} what={t('evidence.notDownloaded')} />
    </div>
  );
}

/** Evidence: the log holds each file's hash and metadata, never the bytes, and records every access. */
export function EvidenceList({ items, onAccessed }: { items: readonly EvidenceInView[]; onAccessed?: () => void }) {
  if (items.length === 0) return <p class="card-body muted">{t('evidence.none')}</p>;
  return (
    <ul class="list-plain divided">
      {items.map((e) => {
        const level = CONFIDENTIALITY[e.confidentiality];
        const c = { label: tEnum('confidentiality', e.confidentiality), cls: level?.cls ?? 'badge-neutral', help: level ? t(level.help) : '' };
        return (
          <li key={e.sha256} class="evidence" data-testid="evidence">
            <div class="row" style={{ justifyContent: 'space-between' }}>
              <strong dir="auto">{e.title}</strong>
              <span class={`badge ${c.cls}`} title={c.help}>
                {c.label}
              </span>
            </div>
            {e.description && (
              <p class="small prose" dir="auto">
                {e.description}
              </p>
            )}
            <dl class="facts small">
              <dt>{t('evidence.file')}</dt>
              <dd>
                <bdi>{e.mediaType}</bdi>
                {t('list.separator')}
                {bytes(e.size)}
                {e.confidentiality === 'public' && (
                  <>
                    {' '}
                    · <a href={`/v1/evidence/${e.sha256}`}>{t('evidence.downloadPublic')}</a>
                  </>
                )}
              </dd>
              <dt>{t('evidence.sha256')}</dt>
              <dd class="hash">{e.sha256}</dd>
              {e.capturedAt && (
                <>
                  <dt>{t('evidence.captured')}</dt>
                  <dd>
                    {formatTime(e.capturedAt)}
                    {e.capturedPlace && (
                      <>
                        {t('list.separator')}
                        <span dir="auto">{e.capturedPlace.place}</span>
                      </>
                    )}
                  </dd>
                </>
              )}
              <dt>{t('evidence.registeredBy')}</dt>
              <dd>
                <Member id={e.registeredBy} /> <ProofBadge index={e.ref.index} id={e.ref.id} />
              </dd>
            </dl>
            <RestrictedDownload item={e} onAccessed={onAccessed} />
            <details class="custody">
              <summary>{t('evidence.custody', { count: e.custody.length })}</summary>
              <ol class="custody-list">
                {e.custody.map((k) => (
                  <li key={k.ref.id}>
                    <strong>{tEnum('custodyKind', k.kind)}</strong>
                    {k.member && <> {tRich('evidence.by', { by: () => <Member id={k.member!} /> })}</>}
                    {k.recordedBy !== k.member && <span class="muted"> {tRich('evidence.recordedBy', { by: () => <Member id={k.recordedBy} /> })}</span>}
                    <span class="muted small">
                      {' '}
                      · {formatTime(k.ref.at)} · <LogLink index={k.ref.index} />
                    </span>
                    {k.note && (
                      <div class="small" dir="auto">
                        {k.note}
                      </div>
                    )}
                  </li>
                ))}
              </ol>
            </details>
          </li>
        );
      })}
    </ul>
  );
}
