import { useApi } from '../api/use-api.js';
import { formatDay } from '../ui/format.js';
import { Member } from '../ui/members.js';
import { Empty, Show } from '../ui/states.js';

/** One reported action as GET /v1/commitments answers it: the party's claim, with the mediators' verdicts beside it. */
interface CommitmentItem {
  readonly id: string;
  readonly side: string;
  readonly clause: string;
  readonly action: string;
  readonly date: string;
  readonly quantity: { readonly amount: number; readonly unit: string } | null;
  readonly attribution: string;
  readonly status: 'unverified' | 'verified' | 'not_verified' | 'disputed';
  readonly verdicts: readonly { readonly member: string; readonly result: string; readonly reasoning: string }[];
  readonly ref: { readonly index: number };
}

const STATUS: Record<CommitmentItem['status'], string> = {
  unverified: 'awaiting a verdict',
  verified: 'verified by the mediators',
  not_verified: 'not verified',
  disputed: 'mediators disagree',
};

/**
 * Every action a party reported on its commitments, attributed to it (a claim until a mediator verifies it), with each
 * mediator's verdict; a mediator follows "verify" to the verdict form with the action filled in.
 */
export function CommitmentList({ verifies, version }: { verifies: boolean; version: number }) {
  const list = useApi<{ items: CommitmentItem[] }>(`/v1/commitments?v=${version}`);
  return (
    <section class="card" aria-labelledby="actions-title" data-testid="commitment-list">
      <div class="card-head">
        <h2 id="actions-title">Actions reported on commitments</h2>
        <span class="small muted">each is its party's claim; the verdicts are the mediators'</span>
      </div>
      <Show value={list} what="the reported actions">
        {({ items }) =>
          items.length === 0 ? (
            <Empty title="No party has reported an action yet" />
          ) : (
            <div class="table-wrap">
              <table>
                <caption class="visually-hidden">Actions reported on commitments</caption>
                <thead>
                  <tr>
                    <th scope="col">Party</th>
                    <th scope="col">Clause</th>
                    <th scope="col">Action, as reported</th>
                    <th scope="col">Date</th>
                    <th scope="col">Verdicts</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((a) => (
                    <tr key={a.id} data-testid="commitment-row" data-action={a.id} data-status={a.status}>
                      <td>
                        <Member id={a.side} />
                      </td>
                      <td>
                        <a href={`#/agreement?clause=${encodeURIComponent(a.clause)}`}>{a.clause}</a>
                      </td>
                      <td>
                        {a.action}
                        {a.quantity && <span class="muted"> ({a.quantity.amount} {a.quantity.unit})</span>}
                        <div class="small muted">
                          {a.attribution} · log #{a.ref.index}
                        </div>
                      </td>
                      <td>{formatDay(a.date)}</td>
                      <td>
                        <span class={`badge ${a.status === 'verified' ? 'badge-ok' : 'badge-neutral'}`}>{STATUS[a.status]}</span>
                        {a.verdicts.map((v) => (
                          <div key={v.member} class="small muted">
                            <Member id={v.member} />: {v.result.replace('_', ' ')}
                          </div>
                        ))}
                        {verifies && (
                          <div class="small">
                            <a href={`#/compliance?action=${a.id}`}>Give a verdict…</a>
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
