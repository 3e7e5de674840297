import type { IncidentView, MemberInfo } from '../api/types.js';
import { href } from '../router.js';
import { incidentTitle, whenText } from '../ui/incident-bits.js';
import { nameOf, shortName } from '../ui/members.js';
import { statusInfo } from '../ui/status.js';
import type { MapPoint } from './engine.js';
import { t } from '../i18n/index.js';

/** Map points for the incidents that have coordinates (a report may name only a region). */
export function incidentPoints(items: readonly IncidentView[], members: ReadonlyMap<string, MemberInfo>): MapPoint[] {
  return items.flatMap((i) => {
    const { lat, lon } = i.report.where;
    if (lat === undefined || lon === undefined) return [];
    const s = statusInfo(i.status);
    return [
      {
        id: i.id,
        lat,
        lon,
        colour: s.colour,
        title: incidentTitle(i.report),
        subtitle: t('map.subtitle', { when: whenText(i.report.when), status: s.label, by: shortName(nameOf(members, i.filedBy.id)) }),
        href: href(['incidents', i.id]),
        place: i.report.where.place,
      },
    ];
  });
}

/** The countries the incidents took place in (Natural Earth names), to tint on the basemap. */
export function incidentCountries(items: readonly IncidentView[]): string[] {
  return [...new Set(items.map((i) => i.report.where.country))];
}
