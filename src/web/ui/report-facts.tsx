import type { ReportBody } from '../api/types.js';
import { formatRange, humanize } from './format.js';
import { placeText, whenText } from './incident-bits.js';
import { Member } from './members.js';

function Casualties({ c }: { c: ReportBody['casualties'] }) {
  const rows = (['killed', 'injured'] as const).flatMap((kind) =>
    (['civilian', 'combatant', 'unknown'] as const).flatMap((who) => {
      const r = c?.[kind]?.[who];
      return r ? [{ kind, who, r }] : [];
    }),
  );
  if (rows.length === 0) return <span class="muted">No figures given</span>;
  return (
    <ul class="list-plain">
      {rows.map(({ kind, who, r }) => (
        <li key={`${kind}-${who}`}>
          {formatRange(r)} {who === 'unknown' ? 'people (status not given)' : who === 'civilian' ? 'civilians' : 'combatants'} {kind}
          {r.best !== undefined && r.best !== r.min && <span class="muted"> (best estimate {r.best})</span>}
        </li>
      ))}
    </ul>
  );
}

/** The report's fields, as its filer gave them. */
export function ReportFacts({ r }: { r: ReportBody }) {
  return (
    <dl class="facts">
      <dt>When</dt>
      <dd>
        {whenText(r.when)} <span class="muted small">(precision: {r.when.precision})</span>
      </dd>
      <dt>Where</dt>
      <dd>
        {placeText(r)}
        {r.where.lat !== undefined && r.where.lon !== undefined && (
          <span class="muted small">
            {' '}
            · {r.where.lat.toFixed(2)}°, {r.where.lon.toFixed(2)}° (geo precision {r.where.geo_precision})
          </span>
        )}
      </dd>
      <dt>What</dt>
      <dd>
        {r.event_type} › {r.sub_event_type}
      </dd>
      <dt>Actors</dt>
      <dd>
        {r.actors.length === 0 ? (
          <span class="muted">None named</span>
        ) : (
          <ul class="list-plain">
            {r.actors.map((a, i) => (
              <li key={i}>
                {a.name} <span class="muted small">— {a.role}{a.actor_type ? `, ${a.actor_type.toLowerCase()}` : ''}{a.side ? '' : ', no party side'}</span>
                {a.side && (
                  <span class="small">
                    {' '}
                    (side of <Member id={a.side} />)
                  </span>
                )}
              </li>
            ))}
          </ul>
        )}
      </dd>
      <dt>Casualties</dt>
      <dd>
        <Casualties c={r.casualties} />
      </dd>
      <dt>Clauses</dt>
      <dd>{r.clauses.length ? r.clauses.map((c) => <a key={c} class="clause-chip" href={`#/agreement?clause=${encodeURIComponent(c)}`}>{c}</a>) : <span class="muted">None named</span>}</dd>
      <dt>Sources</dt>
      <dd>
        {r.sources.length === 0 ? (
          <span class="muted">None given</span>
        ) : (
          <ul class="list-plain sources">
            {r.sources.map((s, i) => (
              <li key={i}>
                <span class="badge badge-neutral">{humanize(s.kind)}</span>{' '}
                {s.url ? (
                  <a href={s.url} rel="noopener noreferrer nofollow" target="_blank">
                    {s.title}
                  </a>
                ) : (
                  s.title
                )}
                {(s.publisher || s.published) && <span class="muted small"> — {[s.publisher, s.published].filter(Boolean).join(', ')}</span>}
              </li>
            ))}
          </ul>
        )}
      </dd>
    </dl>
  );
}
