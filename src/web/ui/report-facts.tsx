import type { ReportBody } from '../api/types.js';
import { formatTime } from './format.js';
import { placeText, whenText } from './incident-bits.js';
import { ExternalLink } from './external-link.js';
import { Member } from './members.js';
import { t, tEnum, tRich } from '../i18n/index.js';
import { Casualties } from './casualties.js';
import { ContestedValues } from './contested.js';

/** The report's fields, as its filer gave them. */
export function ReportFacts({ r }: { r: ReportBody }) {
  return (
    <dl class="facts">
      <dt>{t('facts.when')}</dt>
      <dd>
        {whenText(r.when)} <span class="muted small">{t('facts.precision', { precision: tEnum('precision', r.when.precision) })}</span>
        {r.continuing && (
          <div class="small" data-testid="continuing">
            {r.continuing.ongoing ? t('facts.continuingOngoing', { time: r.continuing.reviewed ? formatTime(r.continuing.reviewed) : '', reviewed: r.continuing.reviewed ? 'yes' : 'no' }) : t('facts.continuingEnded')}
          </div>
        )}
      </dd>
      <dt>{t('facts.where')}</dt>
      <dd>
        {placeText(r)}
        {r.where.lat !== undefined && r.where.lon !== undefined && (
          <span class="muted small">
            {' '}
            · <span dir="ltr">{r.where.lat.toFixed(2)}°, {r.where.lon.toFixed(2)}°</span> {t('facts.geoPrecision', { n: r.where.geo_precision })}
          </span>
        )}
      </dd>
      {r.origin && (
        <>
          <dt>{t('facts.origin')}</dt>
          <dd data-testid="origin">
            {[r.origin.place, r.origin.admin1, r.origin.country].filter(Boolean).join(' · ')}
            {r.origin.lat !== undefined && r.origin.lon !== undefined && (
              <span class="muted small">
                {' '}
                · <span dir="ltr">{r.origin.lat.toFixed(2)}°, {r.origin.lon.toFixed(2)}°</span>
              </span>
            )}
          </dd>
        </>
      )}
      <dt>{t('facts.what')}</dt>
      <dd>
        {tEnum('event', r.event_type)} › {tEnum('event', r.sub_event_type)}
      </dd>
      <dt>{t('facts.actors')}</dt>
      <dd>
        {r.actors.length === 0 ? (
          <span class="muted">{t('facts.noneNamed')}</span>
        ) : (
          <ul class="list-plain">
            {r.actors.map((a, i) => (
              <li key={i}>
                <span dir="auto">{a.name}</span> <span class="muted small">— {[tEnum('actorRole', a.role), a.actor_type ? tEnum('actorType', a.actor_type) : null, a.side ? null : t('facts.noSide')].filter(Boolean).join(t('list.separator'))}</span>
                {a.side && (
                  <span class="small">
                    {' '}
                    {tRich('facts.sideOf', { side: () => <Member id={a.side!} /> })}
                  </span>
                )}
              </li>
            ))}
          </ul>
        )}
      </dd>
      <dt>{t('facts.casualties')}</dt>
      <dd>
        <Casualties c={r.casualties} />
      </dd>
      {r.contested && r.contested.length > 0 && (
        <>
          <dt>{t('facts.contested')}</dt>
          <dd>
            <ContestedValues items={r.contested} />
          </dd>
        </>
      )}
      <dt>{t('facts.clauses')}</dt>
      <dd>{r.clauses.length ? r.clauses.map((c) => <a key={c} class="clause-chip" href={`#/agreement?clause=${encodeURIComponent(c)}`}>{c}</a>) : <span class="muted">{t('facts.noneNamed')}</span>}</dd>
      <dt>{t('facts.sources')}</dt>
      <dd>
        {r.sources.length === 0 ? (
          <span class="muted">{t('facts.noneGiven')}</span>
        ) : (
          <ul class="list-plain sources">
            {r.sources.map((s, i) => (
              <li key={i}>
                <span class="badge badge-neutral">{tEnum('sourceKind', s.kind)}</span>{' '}
                <ExternalLink url={s.url}>
                  <span dir="auto">{s.title}</span>
                </ExternalLink>
                {(s.publisher || s.published) && <span class="muted small"> — {[s.publisher, s.published].filter(Boolean).join(', ')}</span>}
              </li>
            ))}
          </ul>
        )}
      </dd>
    </dl>
  );
}
