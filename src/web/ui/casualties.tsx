import type { ReportBody } from '../api/types.js';
import { formatRange } from './format.js';
import { t } from '../i18n/index.js';

/** A report's casualty figures, as ranges, per kind and status; "no figures" when none are given. */
export function Casualties({ c }: { c: ReportBody['casualties'] }) {
  const rows = (['killed', 'injured'] as const).flatMap((kind) =>
    (['civilian', 'combatant', 'unknown'] as const).flatMap((who) => {
      const r = c?.[kind]?.[who];
      return r ? [{ kind, who, r }] : [];
    }),
  );
  if (rows.length === 0) return <span class="muted">{t('facts.noFigures')}</span>;
  return (
    <ul class="list-plain">
      {rows.map(({ kind, who, r }) => (
        <li key={`${kind}-${who}`}>
          {t('facts.casualty', { n: formatRange(r), who, kind })}
          {r.best !== undefined && r.best !== r.min && <span class="muted"> {t('facts.best', { n: r.best })}</span>}
        </li>
      ))}
    </ul>
  );
}
