import { useApi } from '../api/use-api.js';
import { formatDay, formatNumber } from '../ui/format.js';
import { LogLink } from '../ui/log-link.js';
import { Member } from '../ui/members.js';
import { Empty, Show } from '../ui/states.js';
import { readerLoadable } from '../api/error-text.js';
import { t, tEnum, tRich } from '../i18n/index.js';

/** One reported action as GET /v1/commitments answers it: the party's claim, with the mediators' verdicts beside it. */
interface CommitmentItem {
  readonly id: string;
  readonly side: string;
  /** The member who signed the report of the action. */
  readonly member: string;
  readonly clause: string;
  readonly action: string;
  readonly date: string;
  readonly quantity: { readonly amount: number; readonly unit: string } | null;
  readonly attribution: string;
  readonly status: 'unverified' | 'verified' | 'not_verified' | 'disputed';
  readonly verdicts: readonly { readonly member: string; readonly result: string; readonly reasoning: string }[];
  readonly ref: { readonly index: number };
}

/**
 * Every action a party reported on its commitments, attributed to it (a claim until a mediator verifies it), with each
 * mediator's verdict; a mediator follows "verify" to the verdict form with the action filled in.
 */
export function CommitmentList({ verifies, version }: { verifies: boolean; version: number }) {
  const list = useApi<{ items: CommitmentItem[] }>(`/v1/commitments?v=${version}`);
  return (
    <section class="card" aria-labelledby="actions-title" data-testid="commitment-list">
      <div class="card-head">
        <h2 id="actions-title">{t('commit.title')}</h2>
        <span class="small muted">{t('commit.sub')}</span>
      </div>
      <Show value={readerLoadable(list)} what={t('commit.loading')}>
        {({ items }) =>
          items.length === 0 ? (
            <Empty title={t('commit.none')} />
          ) : (
            <div class="table-wrap">
              <table class="stack-table commitment-table">
                <caption class="visually-hidden">{t('commit.title')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('commit.party')}</th>
                    <th scope="col">{t('commit.clause')}</th>
                    <th scope="col">{t('commit.action')}</th>
                    <th scope="col">{t('commit.date')}</th>
                    <th scope="col">{t('commit.verdicts')}</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((a) => (
                    <tr key={a.id} data-testid="commitment-row" data-action={a.id} data-status={a.status}>
                      <td data-label={t('commit.party')}>
                        <Member id={a.side} />
                      </td>
                      <td data-label={t('commit.clause')}>
                        <a href={`#/agreement?clause=${encodeURIComponent(a.clause)}`}>{a.clause}</a>
                      </td>
                      <td data-label={t('commit.action')}>
                        <span dir="auto">{a.action}</span>
                        {a.quantity && (
                          <span class="muted">
                            {' '}
                            {t('commit.quantity', { amount: formatNumber(a.quantity.amount), unit: a.quantity.unit })}
                          </span>
                        )}
                        <div class="small muted">
                          {tRich('commit.reportedBy', { by: () => <Member id={a.member} />, id: a.member })} · <LogLink index={a.ref.index} />
                        </div>
                      </td>
                      <td data-label={t('commit.date')}>{formatDay(a.date)}</td>
                      <td data-label={t('commit.verdicts')}>
                        <span class={`badge ${a.status === 'verified' ? 'badge-ok' : 'badge-neutral'}`}>{tEnum('commitStatus', a.status)}</span>
                        {a.verdicts.map((v) => (
                          <div key={v.member} class="small muted">
                            {tRich('commit.verdict', { by: () => <Member id={v.member} />, result: tEnum('verdict', v.result) })}
                          </div>
                        ))}
                        {verifies && (
                          <div class="small">
                            <a href={`#/compliance?action=${a.id}`}>{t('commit.giveVerdict')}</a>
                          </div>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </Show>
    </section>
  );
}
