import { useState } from 'preact/hooks';
import type { AgreementVersionView, CandidateItem } from '../api/types.js';
import { href } from '../router.js';
import { formatDay, humanize } from '../ui/format.js';
import { articlesOf } from './draft.js';
import { PromoteForm } from './promote-form.js';
import { ExternalLink } from '../ui/external-link.js';
import { DismissForm } from './dismiss-form.js';

function when(c: CandidateItem['candidate']['event']['when']): string {
  if (!c) return 'date not stated';
  const range = c.start === c.end ? formatDay(c.start) : `${formatDay(c.start)} – ${formatDay(c.end)}`;
  return c.precision && c.precision !== 'day' ? `${range} (${c.precision})` : range;
}

function count(r: { min: number; max?: number | null } | null | undefined): string | null {
  if (!r) return null;
  if (r.max === null || r.max === undefined) return `${r.min}+`;
  return r.max === r.min ? String(r.min) : `${r.min}–${r.max}`;
}

function valueText(v: unknown): string {
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (typeof o['start'] === 'string') return o['start'] === o['end'] ? String(o['start']) : `${o['start']} – ${o['end']}`;
    if (typeof o['min'] === 'number') return count(o as { min: number; max?: number }) ?? '';
    if (typeof o['name'] === 'string') return o['name'];
  }
  return String(v);
}

/** One candidate with everything a reviewer needs to judge it: its sentences, claims, and where the sources disagree. */
export function CandidateCard({ item, clauses, onPromoted }: { item: CandidateItem; clauses: AgreementVersionView['clauses']; onPromoted(): void }) {
  const [open, setOpen] = useState<'promote' | 'dismiss' | null>(null);
  const e = item.candidate.event;
  const articles = articlesOf(item);
  const byId = new Map(articles.map((a) => [a.id, a]));
  const discrepancies = item.candidate.discrepancies ?? [];
  const killed = count(e.fatalities);
  const injured = count(e.injured);
  return (
    <article class="card candidate" data-testid="candidate" data-candidate={item.id}>
      <div class="card-head">
        <div class="row">
          <span class="badge badge-neutral">{e.kind === 'development' ? 'Development' : 'Incident'}</span>
          {e.event_type && (
            <span class="small muted">
              {e.event_type}
              {e.sub_event_type && ` › ${e.sub_event_type}`}
            </span>
          )}
        </div>
        {item.status === 'dismissed' && item.dismissal && (
          <span class="small muted">
            Dismissed by {item.dismissal.by}: {item.dismissal.reason}
          </span>
        )}
        {item.status === 'promoted' && item.promotedReport && (
          <a class="small" href={href(['incidents', item.promotedReport])}>
            Promoted: view the report →
          </a>
        )}
      </div>
      <div class="card-body candidate-body">
        <h2 class="candidate-summary">{e.summary ?? 'Untitled event'}</h2>
        <dl class="facts">
          <dt>When</dt>
          <dd>{when(e.when)}</dd>
          <dt>Where</dt>
          <dd>{e.where?.length ? e.where.map((w) => `${w.name}${w.country ? ` (${w.country})` : ''}`).join('; ') : <span class="muted">no place resolved</span>}</dd>
          <dt>Actors</dt>
          <dd>{e.actors?.length ? e.actors.map((a) => a.name + (a.aliases?.length ? ` (also ${a.aliases.slice(0, 3).join(', ')})` : '')).join('; ') : <span class="muted">none named</span>}</dd>
          {(killed || injured) && (
            <>
              <dt>Casualties</dt>
              <dd>
                {[killed && `${killed} killed`, injured && `${injured} injured`].filter(Boolean).join(', ')} <span class="muted small">(as reported)</span>
              </dd>
            </>
          )}
        </dl>

        {discrepancies.length > 0 && (
          <div class="alert alert-warn discrepancies" data-testid="discrepancies">
            <p>
              <strong>The sources disagree</strong> on {discrepancies.map((d) => humanize(d.field).toLowerCase()).join(', ')}. Both values are kept:
            </p>
            <ul>
              {discrepancies.map((d, i) => (
                <li key={i}>
                  <strong>{humanize(d.field)}:</strong>{' '}
                  {d.values.map((v, j) => (
                    <span key={j}>
                      {j > 0 && ' · '}
                      {valueText(v.value)} <span class="muted">({byId.get(v.article)?.source ?? byId.get(v.article)?.title ?? v.article})</span>
                    </span>
                  ))}
                </li>
              ))}
            </ul>
          </div>
        )}

        {(e.claims?.length ?? 0) > 0 && (
          <section>
            <h3 class="eyebrow">Claims, as attributed in the articles</h3>
            <ul class="list-plain claims">
              {e.claims!.slice(0, 8).map((c, i) => (
                <li key={i}>
                  <span class="claim-speaker">{c.speaker}</span>
                  {c.role && <span class="muted small"> ({c.role})</span>}
                  {c.kind === 'paraphrase' ? <span class="muted small"> (paraphrased)</span> : null}: {c.kind === 'paraphrase' ? c.quote : <q>{c.quote}</q>}
                </li>
              ))}
            </ul>
          </section>
        )}

        <section>
          <h3 class="eyebrow">Sources</h3>
          <ul class="list-plain candidate-sources">
            {articles.map((a) => (
              <li key={a.id}>
                <strong>{a.source ?? 'Unknown outlet'}</strong>, <ExternalLink url={a.url}>{a.title}</ExternalLink>
                {a.published && <span class="muted small"> · {formatDay(a.published)}</span>}
                <ul class="list-plain sentences">
                  {(e.sources ?? [])
                    .filter((s) => s.article === a.id)
                    .slice(0, 3)
                    .map((s, i) => (
                      <li key={i} class="quote small">
                        {s.sentence}
                      </li>
                    ))}
                </ul>
              </li>
            ))}
          </ul>
        </section>
      </div>
      {item.status === 'open' && (
        <div class="card-foot">
          {open === 'promote' ? (
            <PromoteForm item={item} clauses={clauses} onCancel={() => setOpen(null)} onDone={onPromoted} />
          ) : open === 'dismiss' ? (
            <DismissForm item={item} onCancel={() => setOpen(null)} onDone={onPromoted} />
          ) : (
            <div class="row">
              <button type="button" class="btn btn-primary" onClick={() => setOpen('promote')} data-testid="promote-open">
                Promote to report…
              </button>
              <button type="button" class="btn" onClick={() => setOpen('dismiss')} data-testid="dismiss-open">
                Dismiss…
              </button>
            </div>
          )}
        </div>
      )}
    </article>
  );
}
