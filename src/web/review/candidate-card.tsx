import { useState } from 'preact/hooks';
import type { AgreementVersionView, CandidateItem } from '../api/types.js';
import { href } from '../router.js';
import { formatDay } from '../ui/format.js';
import { articlesOf } from './draft.js';
import { PromoteForm } from './promote-form.js';
import { ExternalLink } from '../ui/external-link.js';
import { DismissForm } from './dismiss-form.js';
import { currentLocale, t, tEnum, tRich } from '../i18n/index.js';

function when(c: CandidateItem['candidate']['event']['when']): string {
  if (!c) return t('cand.dateNotStated');
  const range = c.start === c.end ? formatDay(c.start) : t('terms.period', { from: formatDay(c.start), until: formatDay(c.end) });
  return c.precision && c.precision !== 'day' ? t('cand.withPrecision', { range, precision: tEnum('precision', c.precision) }) : range;
}

function count(r: { min: number; max?: number | null } | null | undefined): string | null {
  if (!r) return null;
  if (r.max === null || r.max === undefined) return t('format.atLeast', { n: r.min });
  return r.max === r.min ? String(r.min) : t('format.range', { min: r.min, max: r.max });
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
          <span class="badge badge-neutral">{e.kind === 'development' ? t('cand.development') : t('cand.incident')}</span>
          {e.event_type && (
            <span class="small muted">
              {tEnum('event', e.event_type)}
              {e.sub_event_type && ` › ${tEnum('event', e.sub_event_type)}`}
            </span>
          )}
        </div>
        {item.status === 'dismissed' && item.dismissal && (
          <span class="small muted">
            {t('cand.dismissedBy', { by: item.dismissal.by, reason: item.dismissal.reason })}
          </span>
        )}
        {item.status === 'promoted' && item.promotedReport && (
          <a class="small" href={href(['incidents', item.promotedReport])}>
            {t('cand.promoted')}
          </a>
        )}
      </div>
      <div class="card-body candidate-body">
        <h2 class="candidate-summary">{e.summary ?? t('cand.untitled')}</h2>
        <dl class="facts">
          <dt>{t('cand.when')}</dt>
          <dd>{when(e.when)}</dd>
          <dt>{t('cand.where')}</dt>
          <dd>{e.where?.length ? e.where.map((w) => `${w.name}${w.country ? ` (${w.country})` : ''}`).join('; ') : <span class="muted">{t('cand.noPlace')}</span>}</dd>
          <dt>{t('cand.actors')}</dt>
          <dd>{e.actors?.length ? e.actors.map((a) => a.name + (a.aliases?.length ? ` (${t('cand.also', { names: a.aliases.slice(0, 3).join(t('list.separator')) })})` : '')).join('; ') : <span class="muted">{t('cand.noneNamed')}</span>}</dd>
          {(killed || injured) && (
            <>
              <dt>{t('cand.casualties')}</dt>
              <dd>
                {[killed && t('cand.killed', { n: killed }), injured && t('cand.injured', { n: injured })].filter(Boolean).join(t('list.separator'))} <span class="muted small">{t('cand.asReported')}</span>
              </dd>
            </>
          )}
        </dl>

        {discrepancies.length > 0 && (
          <div class="alert alert-warn discrepancies" data-testid="discrepancies">
            <p>
              {tRich('cand.disagree', { b: (x) => <strong>{x}</strong>, fields: discrepancies.map((d) => tEnum('candField', d.field).toLocaleLowerCase(currentLocale())).join(t('list.separator')) })}
            </p>
            <ul>
              {discrepancies.map((d, i) => (
                <li key={i}>
                  <strong>{t('cand.fieldLabel', { field: tEnum('candField', d.field) })}</strong>{' '}
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
            <h3 class="eyebrow">{t('cand.claims')}</h3>
            <ul class="list-plain claims">
              {e.claims!.slice(0, 8).map((c, i) => (
                <li key={i}>
                  <span class="claim-speaker">{c.speaker}</span>
                  {c.role && <span class="muted small"> ({c.role})</span>}
                  {c.kind === 'paraphrase' ? <span class="muted small"> {t('cand.paraphrased')}</span> : null}: {c.kind === 'paraphrase' ? c.quote : <q>{c.quote}</q>}
                </li>
              ))}
            </ul>
          </section>
        )}

        <section>
          <h3 class="eyebrow">{t('cand.sources')}</h3>
          <ul class="list-plain candidate-sources">
            {articles.map((a) => (
              <li key={a.id}>
                <strong>{a.source ?? t('cand.unknownOutlet')}</strong>, <ExternalLink url={a.url}>{a.title}</ExternalLink>
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
                {t('cand.promote')}
              </button>
              <button type="button" class="btn" onClick={() => setOpen('dismiss')} data-testid="dismiss-open">
                {t('cand.dismiss')}
              </button>
            </div>
          )}
        </div>
      )}
    </article>
  );
}
