// The terms as they bind each party: per term and party, the basis (signed text, verbal undertaking recorded by the
// mediators, declaration, joint statement), its periods in force and any suspension. Always beside the term.
import type { AgreementView } from '../api/types.js';
import { formatDay } from './format.js';
import { Member, MemberList } from './members.js';
import { LogLink } from './log-link.js';
import { t, tEnum, tRich } from '../i18n/index.js';

type Term = AgreementView['terms'][number];
type Basis = Term['parties'][number]['bases'][number];

const period = (p: { from: string; until: string | null }) => t('terms.period', { from: formatDay(p.from), until: p.until ? formatDay(p.until) : t('terms.noEnd') });
const periods = (list: readonly { from: string; until: string | null }[]) => list.map(period).join('; ');

function BasisLine({ b }: { b: Basis }) {
  if (b.version) {
    return (
      <li data-testid="basis">
        {tRich('terms.signedVersion', {
          kind: tEnum('termBasis', 'signed_text'),
          agreement: b.version.agreement,
          version: b.version.version,
          date: formatDay(b.version.signature.at),
          log: () => <LogLink index={b.version!.signature.index} />,
        })}
      </li>
    );
  }
  const r = b.record!;
  return (
    <li data-testid="basis">
      {t('terms.given', { kind: tEnum('termBasis', b.kind), by: r.givenBy, date: formatDay(r.givenAt) })}
      {r.before.length > 0 && <> {tRich('terms.before', { who: () => <MemberList ids={r.before} /> })}</>}
      {'; '}
      {tRich('terms.recorded', { who: () => <MemberList ids={r.recordedBy} />, log: () => <LogLink index={r.recorded.index} /> })}
      {'; '}
      {r.acknowledged ? t('terms.acknowledged', { date: formatDay(r.acknowledged.at) }) : <span class="muted">{t('terms.notAcknowledged')}</span>}
    </li>
  );
}

/** Every term with, for each party it binds, its basis and periods; "no basis" when that party never accepted it. */
export function Terms({ terms }: { terms: AgreementView['terms'] }) {
  if (terms.length === 0) return <p class="small muted">{t('terms.none')}</p>;
  return (
    <ol class="list-plain divided terms" data-testid="terms">
      {terms.map((term) => (
        <li key={term.id} data-testid="term">
          <p>
            <strong>{term.id}</strong> <span class="badge badge-neutral">{tEnum('clauseKind', term.kind)}</span> <span dir="auto">{term.text}</span>
          </p>
          <p class="small muted">{t('terms.verifiedBy', { indicator: term.indicator })}</p>
          {term.benchmarks && term.benchmarks.length > 0 && (
            <ul class="small">
              {term.benchmarks.map((b) => (
                <li key={b.id}>
                  {t('terms.benchmark', { id: b.id, text: b.text, date: formatDay(b.deadline) })}
                </li>
              ))}
            </ul>
          )}
          <dl class="facts small">
            {term.parties.map((p) => (
              <>
                <dt key={`${p.side}-t`}>
                  <Member id={p.side} />
                </dt>
                <dd key={`${p.side}-d`} data-testid={`term-${term.id}-${p.side}`}>
                  {p.bases.length === 0 ? (
                    <span class="badge badge-warn">{t('terms.noBasis')}</span>
                  ) : (
                    <>
                      <ul class="list-plain">
                        {p.bases.map((b, i) => (
                          <BasisLine key={i} b={b} />
                        ))}
                      </ul>
                      <div>{t('terms.inForce', { periods: p.inForce.length ? periods(p.inForce) : t('terms.never') })}</div>
                      {p.suspended.length > 0 && <div class="muted">{t('terms.suspended', { periods: periods(p.suspended) })}</div>}
                    </>
                  )}
                </dd>
              </>
            ))}
          </dl>
        </li>
      ))}
    </ol>
  );
}
