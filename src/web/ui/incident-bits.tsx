import type { IncidentView, ReportBody } from '../api/types.js';
import { formatDay, formatMonth, formatMonthDay, formatNumber } from './format.js';
import { Member } from './members.js';
import { t, tRich, tEnum } from '../i18n/index.js';


/** A neutral title: what kind of event, where. "Armed clash, Chaman–Spin Boldak crossing". */
export function incidentTitle(r: ReportBody): string {
  return t('incident.title', { type: tEnum('event', r.sub_event_type), place: r.where.place });
}

/**
 * When, as precisely as the report says it and no more precisely: "night of 6–7 Nov 2025", "week of 3 Nov 2025".
 * Times are the place's local time, as the report gives them.
 */
export function whenText(w: ReportBody['when']): string {
  const start = w.start.slice(0, 10);
  const d = (x: string) => new Date(`${x}T00:00:00Z`);
  switch (w.precision) {
    case 'exact':
      return t('when.exact', { date: formatDay(start), time: w.start.slice(11, 16) });
    case 'night': {
      const next = new Date(d(start).getTime() + 86_400_000);
      return t('when.night', { first: formatMonthDay(start), date: formatDay(next.toISOString()) });
    }
    case 'week':
      return t('when.week', { date: formatDay(start) });
    case 'month':
      return formatMonth(start);
    default:
      return formatDay(start);
  }
}

export function placeText(r: ReportBody): string {
  const w = r.where;
  const admin = [w.admin2, w.admin1].filter(Boolean).join(', ');
  return [w.place, admin, w.country].filter(Boolean).join(' · ');
}

function sum(group: NonNullable<ReportBody['casualties']>['killed']): { min: number; max: number | null } | null {
  if (!group) return null;
  const ranges = [group.civilian, group.combatant, group.unknown].filter((r): r is NonNullable<typeof r> => r !== undefined);
  if (ranges.length === 0) return null;
  const min = ranges.reduce((n, r) => n + r.min, 0);
  const max = ranges.every((r) => r.max !== undefined) ? ranges.reduce((n, r) => n + (r.max ?? 0), 0) : null;
  return { min, max };
}

/** "2 killed, 3 injured (reported)", or null when the report gives no figures. */
export function casualtyText(r: ReportBody): string | null {
  const parts: string[] = [];
  for (const kind of ['killed', 'injured'] as const) {
    const s = sum(r.casualties?.[kind]);
    if (!s) continue;
    const n = s.max === null ? t('format.atLeast', { n: s.min }) : s.max === s.min ? formatNumber(s.min) : t('format.range', { min: s.min, max: s.max });
    parts.push(t(kind === 'killed' ? 'casualties.killed' : 'casualties.injured', { n }));
  }
  return parts.length ? parts.join(t('list.separator')) : null;
}

/** "Alleged by Government of Pakistan · against the Afghan authorities": always who says so. */
export function Attribution({ view }: { view: IncidentView }) {
  const accused = view.report.accused;
  return (
    <span class="attribution">
      {tRich(accused.length > 0 ? 'attribution.against' : 'attribution.by', {
        by: () => <Member id={view.filedBy.id} />,
        against: () => accused.map((s, i) => (
          <span key={s}>
            {i > 0 && t('list.separator')}
            <Member id={s} />
          </span>
        )),
      })}
    </span>
  );
}
