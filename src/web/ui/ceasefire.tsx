import type { AgreementView } from '../api/types.js';
import { formatDay, formatTime } from './format.js';
import { Member } from './members.js';
import { LogLink } from './log-link.js';
import { t, tRich, tEnum } from '../i18n/index.js';

/**
 * "Does the ceasefire still stand?" The answer is the log's: the latest agreement.status statement effective on the
 * date, with who recorded it and where it sits in the log.
 */
export function CeasefireStatus({ agreement }: { agreement: AgreementView }) {
  const c = agreement.ceasefire;
  const change = c.change;
  const current = agreement.versions.find((v) => v.state === 'in_force');
  // With no status signed there is no answer either way: neutral, not "does not stand" (a new log has nothing at all).
  const nothing = agreement.versions.length === 0 && !change;
  const tone = !change ? 'ceasefire-none' : c.stands ? 'ceasefire-on' : 'ceasefire-off';
  return (
    <section class={`ceasefire ${tone}`} aria-labelledby="ceasefire-q" data-testid="ceasefire" data-answer={!change ? 'none' : c.stands ? 'stands' : 'not-in-force'}>
      <div class="ceasefire-main">
        <h2 id="ceasefire-q" class="eyebrow">
          {t('ceasefire.question')}
        </h2>
        <p class="ceasefire-answer">
          <span class="ceasefire-mark" aria-hidden="true">
            {!change ? '–' : c.stands ? '●' : '○'}
          </span>
          {change ? t(c.stands ? 'ceasefire.yes' : 'ceasefire.no', { date: formatDay(change.decided?.at ?? change.ref.at) }) : nothing ? t('ceasefire.nothingYet') : t('ceasefire.noChange')}
        </p>
        <p class="ceasefire-state">
          {tEnum('agreementState', c.state)}
          {change && <> {t('ceasefire.since', { date: formatDay(change.effective) })}</>}
          {c.stands && <> · {c.expires ? t('ceasefire.until', { time: formatTime(c.expires) }) : t('ceasefire.openEnded')}</>}
          {change && <span class="muted"> · {t('ceasefire.asOf')}</span>}
        </p>
      </div>
      <div class="ceasefire-basis">
        {change ? (
          <>
            <p class="small">
              {tRich('ceasefire.basis', {
                status: tEnum('ceasefireStatus', change.status),
                date: formatDay(change.decided?.at ?? change.ref.at),
                b: (c) => <strong>{c}</strong>,
                by: () => <Member id={change.ref.by} />,
                log: () => <LogLink index={change.ref.index} />,
              })}
            </p>
            <p class="small muted clamp-3" dir="auto">{change.reason}</p>
          </>
        ) : (
          <p class="small muted">{t('ceasefire.noChangeHint')}</p>
        )}
        {current && (
          <p class="small">
            {tRich('ceasefire.inForce', { version: current.version, count: current.signatures.length, a: (c) => <a href="#/agreement">{c}</a> })}
          </p>
        )}
      </div>
    </section>
  );
}
