import { useApp } from '../api/context.js';
import type { CheckpointItem } from '../api/types.js';
import { useApi } from '../api/use-api.js';
import { formatNumber, formatTime } from '../ui/format.js';
import { Member } from '../ui/members.js';
import { Show } from '../ui/states.js';
import { RecentStatements } from '../ui/recent-statements.js';
import { VerifyPanel } from '../ui/verify-panel.js';
import { IntegrityAlerts } from '../ui/integrity-alerts.js';
import { t } from '../i18n/index.js';

const b64ToHex = (b64: string) => {
  try {
    return [...atob(b64)].map((c) => c.charCodeAt(0).toString(16).padStart(2, '0')).join('');
  } catch {
    return b64;
  }
};

export function LogPage() {
  const { log } = useApp();
  const checkpoints = useApi<{ items: readonly CheckpointItem[]; witnessQuorum?: number }>('/v1/checkpoints?limit=10');
  return (
    <div class="stack">
      <div class="page-head">
        <div>
          <h1>{t('logPage.title')}</h1>
          <p>{t('logPage.intro')}</p>
        </div>
      </div>
      <IntegrityAlerts />
      <div class="grid grid-2 log-top">
        <div class="stack">
          <section class="card" aria-labelledby="cp-title">
            <div class="card-head">
              <h2 id="cp-title">{t('footer.checkpoint')}</h2>
              {log && <span class="small muted">{t('logPage.statements', { count: log.size })}</span>}
            </div>
            <Show value={checkpoints} what={t('logPage.checkpoints')}>
              {(c) => {
                const latest = c.items[0];
                if (!latest) return <p class="card-body muted">{t('logPage.noCheckpoint')}</p>;
                const quorum = c.witnessQuorum ?? log?.witnessQuorum ?? 0;
                const cosigners = [...new Set(latest.cosignatures.map((s) => s.witness))];
                return (
                  <div class="card-body">
                    <dl class="facts" data-testid="checkpoint">
                      <dt>{t('logPage.origin')}</dt>
                      <dd>
                        <code dir="ltr">{log?.origin}</code>
                      </dd>
                      <dt>{t('logPage.treeSize')}</dt>
                      <dd>{formatNumber(latest.size)}</dd>
                      <dt>{t('logPage.rootHash')}</dt>
                      <dd class="hash" dir="ltr">{b64ToHex(latest.root)}</dd>
                      <dt>{t('logPage.published')}</dt>
                      <dd>{formatTime(latest.createdAt)}</dd>
                      <dt>{t('logPage.logKey')}</dt>
                      <dd class="hash" dir="ltr">{log?.vkey}</dd>
                      <dt>{t('logPage.witnesses')}</dt>
                      <dd>
                        {cosigners.length === 0 ? (
                          <span class="muted">{t('logPage.noCosignature')}</span>
                        ) : (
                          cosigners.map((w, i) => (
                            <span key={w}>
                              {i > 0 && t('list.separator')}
                              <Member id={w} />
                            </span>
                          ))
                        )}{' '}
                        <span class={`badge ${latest.witnessed ? 'badge-ok' : 'badge-warn'}`}>
                          {t('logPage.quorum', { count: cosigners.length, quorum, witnessed: String(latest.witnessed) })}
                        </span>
                      </dd>
                    </dl>
                    <details class="note">
                      <summary>{t('logPage.note')}</summary>
                      <pre dir="ltr">{latest.note}</pre>
                    </details>
                  </div>
                );
              }}
            </Show>
          </section>
          <section class="card" aria-labelledby="cps-title">
            <div class="card-head">
              <h2 id="cps-title">{t('logPage.recent')}</h2>
            </div>
            <Show value={checkpoints} what={t('logPage.checkpoints')}>
              {(c) => (
                <div class="table-wrap">
                  <table class="stack-table">
                    <thead>
                      <tr>
                        <th scope="col" class="num">{t('logPage.size')}</th>
                        <th scope="col">{t('logPage.published')}</th>
                        <th scope="col">{t('logPage.cosignedBy')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {c.items.map((cp) => (
                        <tr key={cp.size}>
                          <td class="num" data-label={t('logPage.size')}>{formatNumber(cp.size)}</td>
                          <td data-label={t('logPage.published')}>{formatTime(cp.createdAt)}</td>
                          <td data-label={t('logPage.cosignedBy')}>
                            {cp.cosignatures.length === 0 ? (
                              <span class="muted">{t('incident.noneYet')}</span>
                            ) : (
                              [...new Set(cp.cosignatures.map((s) => s.witness))].map((w, i) => (
                                <span key={w}>
                                  {i > 0 && t('list.separator')}
                                  <Member id={w} />
                                </span>
                              ))
                            )}{' '}
                            {cp.witnessed && <span class="badge badge-ok">{t('logPage.witnessed')}</span>}
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
            </Show>
          </section>
        </div>
        <VerifyPanel />
      </div>
      <RecentStatements />
    </div>
  );
}
