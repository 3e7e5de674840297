import type { IncidentView } from '../api/types.js';
import { useApp } from '../api/context.js';
import { Refusal, useSigning } from '../forms/form-bits.js';
import { useSigner } from '../session/rights.js';
import { formatTime } from '../ui/format.js';
import { t } from '../i18n/index.js';

/**
 * Staged publication of one report (docs/FIELD.md): whether the public reads it yet, from when the parties read it in
 * full, whether its position is shown on the grid; and, for a mediator, the review that publishes it.
 */
export function PublicationCard({ view, quorum, reload }: { view: IncidentView; quorum: number | null; reload(): void }) {
  const { members } = useApp();
  const signer = useSigner();
  const signing = useSigning();
  const p = view.publication;
  if (!p && view.positionOnGrid === undefined) return null;
  const name = (id: string) => members.get(id)?.name ?? id;
  const reviewed = !!signer && !!p?.reviews.some((r) => r.by === signer.me.id);
  const mayReview = !!p?.review && !p.published && !!signer?.can('report.review') && !reviewed;
  const version = view.history.at(-1)?.ref.id ?? view.id;
  const review = async (position: 'grid' | 'exact') => {
    if (await signing.sign(signer!.session, 'report.review', { report: view.id, version, position })) reload();
  };
  return (
    <section class="card" aria-labelledby="publication-title" data-testid="publication">
      <div class="card-head">
        <h2 id="publication-title">{t('staging.title')}</h2>
        <span class="small muted" data-testid="publication-state" data-public={p?.review && !p.published ? 'no' : 'yes'}>
          {p?.review && !p.published ? t('staging.waiting', { count: p.reviews.length, quorum: quorum ?? p.reviews.length + 1 }) : p?.published ? t('staging.published', { index: p.published.index }) : t('staging.public')}
        </span>
      </div>
      <div class="card-body stack">
        {/* The time is the server's (from the report's arrival, for a member who signs the read); the delay is the log's. */}
        {p?.partiesFrom ? (
          <p class="small" data-testid="parties-from">{t('staging.partiesFrom', { time: formatTime(p.partiesFrom) })}</p>
        ) : (
          p && <p class="small" data-testid="parties-from">{p.partiesAfterHours === 0 ? t('staging.rulesPartiesNow') : t('staging.rulesPartiesAfter', { hours: t('format.hours', { n: p.partiesAfterHours }) })}</p>
        )}
        {p && p.reviews.length > 0 && <p class="small muted">{t('staging.reviewedBy', { names: p.reviews.map((r) => name(r.by)).join(t('list.separator')) })}</p>}
        {view.positionOnGrid !== undefined && <p class="small muted">{t('staging.grid', { grid: view.positionOnGrid })}</p>}
        <Refusal error={signing.error} />
        {mayReview && (
          <div class="row">
            <button type="button" class="btn btn-small" onClick={() => void review('grid')} disabled={signing.busy} data-testid="review-grid">
              {t('staging.reviewGrid')}
            </button>
            <button type="button" class="btn btn-small" onClick={() => void review('exact')} disabled={signing.busy} data-testid="review-exact">
              {t('staging.reviewExact')}
            </button>
          </div>
        )}
      </div>
    </section>
  );
}
