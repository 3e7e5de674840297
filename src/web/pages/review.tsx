import { useState } from 'preact/hooks';
import { query } from '../api/http.js';
import type { AgreementView, CandidateItem, Page } from '../api/types.js';
import { useApi } from '../api/use-api.js';
import { CandidateCard } from '../review/candidate-card.js';
import { Empty, ErrorBox, Loading } from '../ui/states.js';

const TABS = [
  { status: 'open', label: 'To review' },
  { status: 'promoted', label: 'Promoted' },
  { status: 'dismissed', label: 'Dismissed' },
] as const;

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
          <h1>Review queue</h1>
          <p>
            Candidates are events the ingest pipeline drew from news articles. They are not records: a monitor checks each against its sources and may
            promote it to a report, which the monitor then signs and the log keeps.
          </p>
        </div>
      </div>
      <div class="segmented" role="tablist" aria-label="Candidates by status">
        {TABS.map((t) => (
          <button
            key={t.status}
            type="button"
            role="tab"
            aria-selected={status === t.status}
            class={status === t.status ? 'active' : ''}
            onClick={() => {
              setStatus(t.status);
              setCursors([]);
            }}
          >
            {t.label}
          </button>
        ))}
      </div>
      {candidates.state === 'loading' && <Loading what="candidates" />}
      {candidates.state === 'error' && <ErrorBox error={candidates.error} retry={candidates.reload} />}
      {candidates.state === 'ok' &&
        (candidates.data.items.length === 0 ? (
          <div class="card">
            <Empty title={status === 'open' ? 'Nothing to review' : `No ${status} candidate`}>
              {status === 'open' && <>Ingest articles with <code>truce ingest</code> or POST /v1/ingest; their candidates appear here.</>}
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
        <nav class="pager card" aria-label="Pages">
          <button type="button" class="btn btn-small" disabled={cursors.length === 0} onClick={() => setCursors(cursors.slice(0, -1))}>
            ← Previous
          </button>
          <span class="muted">Page {cursors.length + 1}</span>
          <button type="button" class="btn btn-small" disabled={!candidates.data.next} onClick={() => candidates.data.next && setCursors([...cursors, candidates.data.next])}>
            Next →
          </button>
        </nav>
      )}
    </div>
  );
}
