import { useEffect, useState } from 'preact/hooks';
import type { EvidenceInView } from '../api/types.js';
import { Refusal, useSigning } from '../forms/form-bits.js';
import { mayDownloadItem } from '../session/evidence-access.js';
import { useSigner } from '../session/rights.js';
import { formatNumber, formatTime, humanize } from './format.js';
import { Member } from './members.js';
import { ProofBadge } from './proof-badge.js';
import { LogLink } from './log-link.js';

const CONFIDENTIALITY: Readonly<Record<string, { label: string; cls: string; help: string }>> = {
  public: { label: 'Public', cls: 'badge-neutral', help: 'Anyone may download the file.' },
  members: { label: 'Members only', cls: 'badge-info', help: 'Only members of the mechanism may download the file.' },
  mediators: { label: 'Mediators only', cls: 'badge-warn', help: 'Only the mediators may download the file.' },
};

function bytes(n: number): string {
  if (n < 1024) return `${n} bytes`;
  if (n < 1024 * 1024) return `${formatNumber(Math.round(n / 102.4) / 10)} KB`;
  return `${formatNumber(Math.round(n / (1024 * 102.4)) / 10)} MB`;
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
        The file is withheld from this page: {item.confidentiality === 'members' ? 'members of the mechanism' : 'the mediators and its registrant'} may
        download it, each download signed and kept in the custody chain.
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
          {signing.busy ? 'Signing…' : 'Download (signs a custody record)'}
        </button>
        <span class="small muted">Your key signs an access record, kept in the log, and the download request.</span>
      </div>
      {saved && (
        <p class="small" role="status" style={{ margin: 0 }} data-testid="download-saved">
          Saved <a href={saved.url} download={saved.name}>{saved.name}</a>; its SHA-256 matches the registered hash. Custody record: log #{saved.index}.
        </p>
      )}
      <Refusal error={signing.error} what="Not downloaded" />
    </div>
  );
}

/** Evidence: the log holds each file's hash and metadata, never the bytes, and records every access. */
export function EvidenceList({ items, onAccessed }: { items: readonly EvidenceInView[]; onAccessed?: () => void }) {
  if (items.length === 0) return <p class="card-body muted">No evidence has been registered for this incident.</p>;
  return (
    <ul class="list-plain divided">
      {items.map((e) => {
        const c = CONFIDENTIALITY[e.confidentiality] ?? { label: humanize(e.confidentiality), cls: 'badge-neutral', help: '' };
        return (
          <li key={e.sha256} class="evidence" data-testid="evidence">
            <div class="row" style={{ justifyContent: 'space-between' }}>
              <strong>{e.title}</strong>
              <span class={`badge ${c.cls}`} title={c.help}>
                {c.label}
              </span>
            </div>
            {e.description && <p class="small prose">{e.description}</p>}
            <dl class="facts small">
              <dt>File</dt>
              <dd>
                {e.mediaType}, {bytes(e.size)}
                {e.confidentiality === 'public' && (
                  <>
                    {' '}
                    · <a href={`/v1/evidence/${e.sha256}`}>download</a>
                  </>
                )}
              </dd>
              <dt>SHA-256</dt>
              <dd class="hash">{e.sha256}</dd>
              {e.capturedAt && (
                <>
                  <dt>Captured</dt>
                  <dd>
                    {formatTime(e.capturedAt)}
                    {e.capturedPlace && <>, {e.capturedPlace.place}</>}
                  </dd>
                </>
              )}
              <dt>Registered by</dt>
              <dd>
                <Member id={e.registeredBy} /> <ProofBadge index={e.ref.index} id={e.ref.id} />
              </dd>
            </dl>
            <RestrictedDownload item={e} onAccessed={onAccessed} />
            <details class="custody">
              <summary>Custody chain ({e.custody.length} record{e.custody.length === 1 ? '' : 's'})</summary>
              <ol class="custody-list">
                {e.custody.map((k) => (
                  <li key={k.ref.id}>
                    <strong>{humanize(k.kind)}</strong>
                    {k.member && (
                      <>
                        {' '}
                        by <Member id={k.member} />
                      </>
                    )}
                    {k.recordedBy !== k.member && <span class="muted"> (recorded by {k.recordedBy})</span>}
                    <span class="muted small">
                      {' '}
                      · {formatTime(k.ref.at)} · <LogLink index={k.ref.index} />
                    </span>
                    {k.note && <div class="small">{k.note}</div>}
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
