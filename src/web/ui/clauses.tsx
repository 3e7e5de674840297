import { SEVERITIES } from '../../domain/records/agreement-schema.js';
import type { AgreementVersionView } from '../api/types.js';
import { formatDay } from './format.js';
import { MemberList } from './members.js';
import { t, tEnum, tRich } from '../i18n/index.js';

export function Clauses({ version }: { version: AgreementVersionView }) {
  const focus = new URLSearchParams(location.hash.split('?')[1] ?? '').get('clause');
  return (
    <ol class="list-plain clauses">
      {version.clauses.map((c) => (
        <li key={c.id} id={`clause-${c.id}`} class={focus === c.id ? 'clause clause-focus' : 'clause'} data-testid="clause">
          <div class="row clause-head">
            <span class="clause-id">{c.id}</span>
            <span class={`badge ${c.kind === 'prohibition' ? 'badge-neutral' : 'badge-info'}`}>{tEnum('clauseKind', c.kind)}</span>
            <span class="small muted">{tRich('clauseList.binds', { list: () => <MemberList ids={c.bound} /> })}</span>
          </div>
          <p class="clause-text prose">{c.text}</p>
          <p class="small">
            {tRich('clauseList.verifiedBy', { m: (x) => <span class="muted">{x}</span>, indicator: c.indicator })}
            {c.deadline && (
              <>
                {' '}
                · {tRich('clauseList.deadline', { m: (x) => <span class="muted">{x}</span>, date: formatDay(c.deadline) })}
              </>
            )}
          </p>
        </li>
      ))}
    </ol>
  );
}

export function PenaltySchedule({ penalties }: { penalties: AgreementVersionView['penalties'] }) {
  return (
    <dl class="facts penalties">
      {SEVERITIES.map((s) => {
        const p = penalties?.[s];
        return (
          <>
            <dt key={`${s}-t`}>{tEnum('sevLabel', s)}</dt>
            <dd key={`${s}-d`}>
              {p ? (
                <>
                  {p.penalty}
                  {p.consequence && (
                    <div class="small muted">
                      {t('penalty.consequence', { measure: p.consequence.measure, amount: p.consequence.amount, unit: p.consequence.unit })}
                    </div>
                  )}
                </>
              ) : (
                <span class="muted">{t('clauseList.noPenalty')}</span>
              )}
            </dd>
          </>
        );
      })}
    </dl>
  );
}
