// The terms as they bind each party: per term and party, the basis (signed text, verbal undertaking recorded by the
// mediators, declaration, joint statement), its periods in force and any suspension. Always beside the term.
import type { AgreementView } from '../api/types.js';
import { formatDay } from './format.js';
import { Member, MemberList } from './members.js';
import { LogLink } from './log-link.js';

type Term = AgreementView['terms'][number];
type Basis = Term['parties'][number]['bases'][number];

const KIND: Readonly<Record<Basis['kind'], string>> = {
  signed_text: 'signed written text',
  verbal: 'verbal undertaking recorded by the mediators',
  declaration: 'unilateral declaration',
  joint_statement: 'joint statement',
};

const period = (p: { from: string; until: string | null }) => `${formatDay(p.from)} – ${p.until ? formatDay(p.until) : 'no end recorded'}`;

function BasisLine({ b }: { b: Basis }) {
  if (b.version) {
    return (
      <li data-testid="basis">
        {KIND.signed_text}: {b.version.agreement} version {b.version.version}, signed {formatDay(b.version.signature.at)} (<LogLink index={b.version.signature.index} />)
      </li>
    );
  }
  const r = b.record!;
  return (
    <li data-testid="basis">
      {KIND[b.kind]}: given by {r.givenBy} on {formatDay(r.givenAt)}
      {r.before.length > 0 && (
        <>
          {' '}
          before <MemberList ids={r.before} />
        </>
      )}
      ; recorded by <MemberList ids={r.recordedBy} /> (<LogLink index={r.recorded.index} />);{' '}
      {r.acknowledged ? <>acknowledged by the party on {formatDay(r.acknowledged.at)}</> : <span class="muted">not acknowledged by the party</span>}
    </li>
  );
}

/** Every term with, for each party it binds, its basis and periods; "no basis" when that party never accepted it. */
export function Terms({ terms }: { terms: AgreementView['terms'] }) {
  if (terms.length === 0) return <p class="small muted">No term is recorded yet.</p>;
  return (
    <ol class="list-plain divided terms" data-testid="terms">
      {terms.map((t) => (
        <li key={t.id} data-testid="term">
          <p>
            <strong>{t.id}</strong> <span class="badge badge-neutral">{t.kind}</span> {t.text}
          </p>
          <p class="small muted">Verified by: {t.indicator}</p>
          {t.benchmarks && t.benchmarks.length > 0 && (
            <ul class="small">
              {t.benchmarks.map((b) => (
                <li key={b.id}>
                  {b.id}: {b.text} — due {formatDay(b.deadline)}
                </li>
              ))}
            </ul>
          )}
          <dl class="facts small">
            {t.parties.map((p) => (
              <>
                <dt key={`${p.side}-t`}>
                  <Member id={p.side} />
                </dt>
                <dd key={`${p.side}-d`} data-testid={`term-${t.id}-${p.side}`}>
                  {p.bases.length === 0 ? (
                    <span class="badge badge-warn">no basis: not signed or undertaken by this party</span>
                  ) : (
                    <>
                      <ul class="list-plain">
                        {p.bases.map((b, i) => (
                          <BasisLine key={i} b={b} />
                        ))}
                      </ul>
                      <div>In force: {p.inForce.length ? p.inForce.map(period).join('; ') : 'never'}</div>
                      {p.suspended.length > 0 && <div class="muted">Suspended: {p.suspended.map(period).join('; ')}</div>}
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
