import { useState } from 'preact/hooks';
import { query } from '../api/http.js';
import type { AgreementView, CandidateItem, Page } from '../api/types.js';
import { useApi } from '../api/use-api.js';
import { CandidateCard } from '../review/candidate-card.js';
import { Empty, ErrorBox, Loading } from '../ui/states.js';
import { readerError } from '../api/error-text.js';
import { t, tRich, type MessageKey } from '../i18n/index.js';

const TABS: readonly { readonly status: 'open' | 'promoted' | 'dismissed'; readonly label: MessageKey; readonly empty: MessageKey }[] = [
  { status: 'open', label: 'review.tabOpen', empty: 'review.emptyOpen' },
  { status: 'promoted', label: 'review.tabPromoted', empty: 'review.emptyPromoted' },
  { status: 'dismissed', label: 'review.tabDismissed', empty: 'review.emptyDismissed' },
];

/** News candidates: events drawn from articles, each with its sources, claims and the points where sources disagree. */
export function ReviewPage() {
  const [status, setStatus] = useState<(typeof TABS)[number]['status']>('open');
  const [cursors, setCursors] = useState<readonly string[]>([]);
  const cursor = cursors.at(-1);
  const candidates = useApi<Page<CandidateItem>>(`/v1/candidates${query({ status, limit: 20, cursor })}`);
  const agreement = useApi<AgreementView>('/v1/agreement');
  const clauses = agreement.state === 'ok' ? (agreement.data.versions.find((v) => v.state === 'in_force') ?? agreement.data.versions.at(-1))?.clauses ?? [] : [];

  return (
    <div class="stack">
      <div class="page-head">
        <div>
          <h1>{t('nav.review')}</h1>
          <p>{t('review.intro')}</p>
        </div>
      </div>
      <div class="segmented" role="tablist" aria-label={t('review.byStatus')}>
        {TABS.map((tab) => (
          <button
            key={tab.status}
            type="button"
            role="tab"
            aria-selected={status === tab.status}
            class={status === tab.status ? 'active' : ''}
            onClick={() => {
              setStatus(tab.status);
              setCursors([]);
            }}
          >
            {t(tab.label)}
          </button>
        ))}
      </div>
      {candidates.state === 'loading' && <Loading what={t('review.loading')} />}
      {candidates.state === 'error' && <ErrorBox error={readerError(candidates.error)} retry={candidates.reload} />}
      {candidates.state === 'ok' &&
        (candidates.data.items.length === 0 ? (
          <div class="card">
            <Empty title={t(TABS.find((tab) => tab.status === status)!.empty)}>
              {status === 'open' && tRich('review.howToIngest', { code: (c) => <code>{c}</code> })}
            </Empty>
          </div>
        ) : (
          <div class="stack" data-testid="candidates">
            {candidates.data.items.map((c) => (
              <CandidateCard key={c.id} item={c} clauses={clauses} onPromoted={candidates.reload} />
            ))}
          </div>
        ))}
      {candidates.state === 'ok' && (cursors.length > 0 || candidates.data.next) && (
        <nav class="pager card" aria-label={t('incList.pages')}>
          <button type="button" class="btn btn-small" disabled={cursors.length === 0} onClick={() => setCursors(cursors.slice(0, -1))}>
            <span class="flip-rtl" aria-hidden="true">
              ←
            </span>{' '}
            {t('incList.previous')}
          </button>
          <span class="muted">{t('incList.page', { page: cursors.length + 1 })}</span>
          <button type="button" class="btn btn-small" disabled={!candidates.data.next} onClick={() => candidates.data.next && setCursors([...cursors, candidates.data.next])}>
            {t('incList.next')}{' '}
            <span class="flip-rtl" aria-hidden="true">
              →
            </span>
          </button>
        </nav>
      )}
    </div>
  );
}
