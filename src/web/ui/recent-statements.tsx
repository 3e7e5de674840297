import { useEffect, useState } from 'preact/hooks';
import { useApp } from '../api/context.js';
import { query } from '../api/http.js';
import type { Page, StatementItem } from '../api/types.js';
import { useApi } from '../api/use-api.js';
import { useRoute } from '../router.js';
import { formatTime, shortHash } from './format.js';
import { Member } from './members.js';
import { ErrorBox, Loading } from './states.js';

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
        <h2 id="st-title">Statements</h2>
        <span class="small muted">newest first · each is JSON signed by its member</span>
      </div>
      {statements.state === 'loading' && <Loading what="statements" />}
      {statements.state === 'error' && (
        <div class="card-body">
          <ErrorBox error={statements.error} retry={statements.reload} />
        </div>
      )}
      {statements.state === 'ok' && (
        <div class="table-wrap">
          <table class="statements" data-testid="statements">
            <thead>
              <tr>
                <th scope="col" class="num">#</th>
                <th scope="col">Type</th>
                <th scope="col">Signed by</th>
                <th scope="col">At</th>
                <th scope="col">Id</th>
              </tr>
            </thead>
            <tbody>
              {statements.data.items.map((s) => (
                <tr key={s.index} class={String(s.index) === at ? 'row-focus' : ''} id={`statement-${s.index}`}>
                  <td class="num">{s.index}</td>
                  <td>
                    <details>
                      <summary>
                        <code>{s.type}</code>
                      </summary>
                      <pre class="statement-json">{JSON.stringify(s.statement, null, 2)}</pre>
                    </details>
                  </td>
                  <td>
                    <Member id={s.by} />
                  </td>
                  <td class="nowrap small">{formatTime(s.at)}</td>
                  <td class="hash" title={s.id}>
                    {shortHash(s.id)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <nav class="pager" aria-label="Statement pages">
        <button type="button" class="btn btn-small" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
          ← Newer
        </button>
        <span class="muted">
          {total > 0 ? `${Math.max(0, total - offset - PAGE)}–${total - offset - 1} of ${total}` : ''}
        </span>
        <button type="button" class="btn btn-small" disabled={offset + PAGE >= total} onClick={() => setOffset(offset + PAGE)}>
          Older →
        </button>
      </nav>
    </section>
  );
}
