import type { EvidenceInView } from '../api/types.js';
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

/** Evidence: the log holds each file's hash and metadata, never the bytes, and records every access. */
export function EvidenceList({ items }: { items: readonly EvidenceInView[] }) {
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
