import { useEffect, useState } from 'preact/hooks';
import { useApp } from '../api/context.js';
import { query } from '../api/http.js';
import type { Page, StatementItem } from '../api/types.js';
import { useApi } from '../api/use-api.js';
import { useRoute } from '../router.js';
import { formatTime, shortHash } from './format.js';
import { Member } from './members.js';
import { ErrorBox, Loading } from './states.js';
import { t } from '../i18n/index.js';

const PAGE = 25;

/** The log's statements, newest first, each openable to the exact JSON that was signed. */
export function RecentStatements() {
  const { log } = useApp();
  const route = useRoute();
  const at = route.params.get('at');
  const size = log?.size ?? 0;
  // `?at=N` (from a "log #N" link) opens the page holding statement N.
  const [offset, setOffset] = useState(0);
  useEffect(() => {
    if (at !== null && Number.isInteger(Number(at)) && size > 0) setOffset(Math.max(0, Math.floor((size - 1 - Number(at)) / PAGE) * PAGE));
  }, [at, size]);
  const statements = useApi<Page<StatementItem> & { size?: number }>(log ? `/v1/statements${query({ from: offset, limit: PAGE, order: 'desc' })}` : null);
  const total = statements.state === 'ok' ? (statements.data.size ?? size) : size;
  const loaded = statements.state === 'ok';
  useEffect(() => {
    if (loaded && at !== null) document.getElementById(`statement-${at}`)?.scrollIntoView({ block: 'center' });
  }, [loaded, at, offset]);

  return (
    <section class="card" aria-labelledby="st-title">
      <div class="card-head">
        <h2 id="st-title">{t('statements.title')}</h2>
        <span class="small muted">{t('statements.sub')}</span>
      </div>
      {statements.state === 'loading' && <Loading what={t('statements.title')} />}
      {statements.state === 'error' && (
        <div class="card-body">
          <ErrorBox error={statements.error} retry={statements.reload} />
        </div>
      )}
      {statements.state === 'ok' && (
        <div class="table-wrap">
          <table class="statements stack-table" data-testid="statements">
            <thead>
              <tr>
                <th scope="col" class="num">#</th>
                <th scope="col">{t('statements.type')}</th>
                <th scope="col">{t('statements.by')}</th>
                <th scope="col">{t('statements.at')}</th>
                <th scope="col">{t('statements.id')}</th>
              </tr>
            </thead>
            <tbody>
              {statements.data.items.map((s) => (
                <tr key={s.index} class={String(s.index) === at ? 'row-focus' : ''} id={`statement-${s.index}`}>
                  <td class="num" data-label="#">{s.index}</td>
                  <td data-label={t('statements.type')}>
                    <details>
                      <summary>
                        <code>{s.type}</code>
                      </summary>
                      <pre class="statement-json" dir="ltr">{JSON.stringify(s.statement, null, 2)}</pre>
                    </details>
                  </td>
                  <td data-label={t('statements.by')}>
                    <Member id={s.by} />
                  </td>
                  <td class="nowrap small" data-label={t('statements.at')}>{formatTime(s.at)}</td>
                  <td class="hash" title={s.id} data-label={t('statements.id')}>
                    {shortHash(s.id)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <nav class="pager" aria-label={t('statements.pages')}>
        <button type="button" class="btn btn-small" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
          <span class="flip-rtl" aria-hidden="true">←</span> {t('statements.newer')}
        </button>
        <span class="muted">
          {total > 0 ? t('statements.range', { from: Math.max(0, total - offset - PAGE), to: total - offset - 1, total }) : ''}
        </span>
        <button type="button" class="btn btn-small" disabled={offset + PAGE >= total} onClick={() => setOffset(offset + PAGE)}>
          {t('statements.older')} <span class="flip-rtl" aria-hidden="true">→</span>
        </button>
      </nav>
    </section>
  );
}
