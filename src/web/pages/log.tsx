import { useApp } from '../api/context.js';
import type { CheckpointItem } from '../api/types.js';
import { useApi } from '../api/use-api.js';
import { formatNumber, formatTime } from '../ui/format.js';
import { Member } from '../ui/members.js';
import { Show } from '../ui/states.js';
import { RecentStatements } from '../ui/recent-statements.js';
import { VerifyPanel } from '../ui/verify-panel.js';
import { IntegrityAlerts } from '../ui/integrity-alerts.js';

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
          <h1>The log</h1>
          <p>
            Every record above is a signed statement in one append-only Merkle log (RFC 9162). The log signs checkpoints of its tree; the parties' and
            mediators' witnesses cosign them after checking that the log only grew. Anyone can mirror the tiles and check all of it.
          </p>
        </div>
      </div>
      <IntegrityAlerts />
      <div class="grid grid-2 log-top">
        <div class="stack">
          <section class="card" aria-labelledby="cp-title">
            <div class="card-head">
              <h2 id="cp-title">Latest checkpoint</h2>
              {log && <span class="small muted">{formatNumber(log.size)} statements</span>}
            </div>
            <Show value={checkpoints} what="checkpoints">
              {(c) => {
                const latest = c.items[0];
                if (!latest) return <p class="card-body muted">No checkpoint has been published yet.</p>;
                const quorum = c.witnessQuorum ?? log?.witnessQuorum ?? 0;
                const cosigners = [...new Set(latest.cosignatures.map((s) => s.witness))];
                return (
                  <div class="card-body">
                    <dl class="facts" data-testid="checkpoint">
                      <dt>Origin</dt>
                      <dd>
                        <code>{log?.origin}</code>
                      </dd>
                      <dt>Tree size</dt>
                      <dd>{formatNumber(latest.size)}</dd>
                      <dt>Root hash</dt>
                      <dd class="hash">{b64ToHex(latest.root)}</dd>
                      <dt>Published</dt>
                      <dd>{formatTime(latest.createdAt)}</dd>
                      <dt>Log key</dt>
                      <dd class="hash">{log?.vkey}</dd>
                      <dt>Witnesses</dt>
                      <dd>
                        {cosigners.length === 0 ? (
                          <span class="muted">no cosignature yet</span>
                        ) : (
                          cosigners.map((w, i) => (
                            <span key={w}>
                              {i > 0 && ', '}
                              <Member id={w} />
                            </span>
                          ))
                        )}{' '}
                        <span class={`badge ${latest.witnessed ? 'badge-ok' : 'badge-warn'}`}>
                          {cosigners.length} of {quorum} needed{latest.witnessed ? ': witnessed' : ''}
                        </span>
                      </dd>
                    </dl>
                    <details class="note">
                      <summary>The signed note, as served at /checkpoint</summary>
                      <pre>{latest.note}</pre>
                    </details>
                  </div>
                );
              }}
            </Show>
          </section>
          <section class="card" aria-labelledby="cps-title">
            <div class="card-head">
              <h2 id="cps-title">Recent checkpoints</h2>
            </div>
            <Show value={checkpoints} what="checkpoints">
              {(c) => (
                <div class="table-wrap">
                  <table>
                    <thead>
                      <tr>
                        <th scope="col" class="num">Size</th>
                        <th scope="col">Published</th>
                        <th scope="col">Cosigned by</th>
                      </tr>
                    </thead>
                    <tbody>
                      {c.items.map((cp) => (
                        <tr key={cp.size}>
                          <td class="num">{formatNumber(cp.size)}</td>
                          <td>{formatTime(cp.createdAt)}</td>
                          <td>
                            {cp.cosignatures.length === 0 ? (
                              <span class="muted">none yet</span>
                            ) : (
                              [...new Set(cp.cosignatures.map((s) => s.witness))].map((w, i) => (
                                <span key={w}>
                                  {i > 0 && ', '}
                                  <Member id={w} />
                                </span>
                              ))
                            )}{' '}
                            {cp.witnessed && <span class="badge badge-ok">witnessed</span>}
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
