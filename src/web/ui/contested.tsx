// Values the claimants disagree on (the date, the toll per side, who fired first, civilian or combatant), each kept
// with its claimant and shown side by side: the mechanism never picks one over another before a final finding.
import type { ReportBody } from '../api/types.js';
import { whenText } from './incident-bits.js';
import { Member } from './members.js';
import { Casualties } from './casualties.js';
import { t, tEnum, tRich } from '../i18n/index.js';

type Contested = NonNullable<ReportBody['contested']>[number];

function Value({ c }: { c: Contested }) {
  switch (c.field) {
    case 'when':
      return <>{whenText(c.when)}</>;
    case 'casualties':
      return (
        <>
          {c.of_side && <div class="small">{tRich('contested.ofSide', { side: () => <Member id={c.of_side!} /> })}</div>}
          <Casualties c={c.casualties} />
        </>
      );
    case 'first_fire':
      return c.side ? <>{tRich('contested.firedFirst', { side: () => <Member id={c.side!} /> })}</> : <span class="muted">{t('contested.nobodyNamed')}</span>;
    default:
      return <span dir="auto">{c.text}</span>;
  }
}

/** Every contested field with each claimant's value beside the others, in the order the report gives them. */
export function ContestedValues({ items }: { items: NonNullable<ReportBody['contested']> }) {
  const fields = [...new Set(items.map((c) => c.field))];
  return (
    <div class="contested" data-testid="contested">
      {fields.map((field) => (
        <div key={field} class="contested-field" data-field={field}>
          <div class="small muted">{tEnum('contestedField', field)}</div>
          <ul class="contested-claims list-plain">
            {items
              .filter((c) => c.field === field)
              .map((c, i) => (
                <li key={i} class="contested-claim" data-testid="contested-claim">
                  <div class="small">
                    {tRich('contested.claimedBy', { name: c.claimant.name, b: (x) => <strong dir="auto">{x}</strong> })}
                    {c.claimant.side && (
                      <>
                        {' '}
                        (<Member id={c.claimant.side} />)
                      </>
                    )}
                  </div>
                  <Value c={c} />
                  {c.source && (
                    <div class="small muted" dir="auto">
                      {c.source}
                    </div>
                  )}
                </li>
              ))}
          </ul>
        </div>
      ))}
    </div>
  );
}
