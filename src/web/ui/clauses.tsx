import type { AgreementVersionView } from '../api/types.js';
import { formatDay } from './format.js';
import { MemberList } from './members.js';

export function Clauses({ version }: { version: AgreementVersionView }) {
  const focus = new URLSearchParams(location.hash.split('?')[1] ?? '').get('clause');
  return (
    <ol class="list-plain clauses">
      {version.clauses.map((c) => (
        <li key={c.id} id={`clause-${c.id}`} class={focus === c.id ? 'clause clause-focus' : 'clause'} data-testid="clause">
          <div class="row clause-head">
            <span class="clause-id">{c.id}</span>
            <span class={`badge ${c.kind === 'prohibition' ? 'badge-neutral' : 'badge-info'}`}>{c.kind}</span>
            <span class="small muted">
              binds <MemberList ids={c.bound} />
            </span>
          </div>
          <p class="clause-text prose">{c.text}</p>
          <p class="small">
            <span class="muted">Verified by:</span> {c.indicator}
            {c.deadline && (
              <>
                {' '}
                · <span class="muted">deadline</span> {formatDay(c.deadline)}
              </>
            )}
          </p>
        </li>
      ))}
    </ol>
  );
}

const SEVERITY_LABEL = { minor: 'Minor', serious: 'Serious', grave: 'Grave' } as const;

export function PenaltySchedule({ penalties }: { penalties: AgreementVersionView['penalties'] }) {
  return (
    <dl class="facts penalties">
      {(['minor', 'serious', 'grave'] as const).map((s) => {
        const p = penalties?.[s];
        return (
          <>
            <dt key={`${s}-t`}>{SEVERITY_LABEL[s]}</dt>
            <dd key={`${s}-d`}>
              {p ? (
                <>
                  {p.penalty}
                  {p.consequence && (
                    <div class="small muted">
                      {p.consequence.measure}: {p.consequence.amount} {p.consequence.unit}
                    </div>
                  )}
                </>
              ) : (
                <span class="muted">No penalty set</span>
              )}
            </dd>
          </>
        );
      })}
    </dl>
  );
}
