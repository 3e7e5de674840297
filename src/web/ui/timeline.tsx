import type { AgreementView, IncidentView, MeetingView } from '../api/types.js';
import { href } from '../router.js';
import { formatDay, formatMonthDay } from './format.js';
import { STATUS_ORDER, statusInfo } from './status.js';
import { t, tEnum } from '../i18n/index.js';

const DAY = 86_400_000;
const dayOf = (iso: string) => Date.parse(`${iso.slice(0, 10)}T00:00:00Z`);
const isoDay = (t: number) => new Date(t).toISOString().slice(0, 10);
const ACTIVE = new Set(['in_force', 'extended', 'resumed']);

interface Props {
  readonly incidents: readonly IncidentView[];
  readonly agreement: AgreementView | null;
  readonly meetings: readonly MeetingView[];
}

/**
 * The strip under the map: incidents per day (by their reported start, local date), stacked by status, over the
 * periods in which the ceasefire stood as the mediators recorded them, with the rounds of talks above.
 */
export function Timeline({ incidents, agreement, meetings }: Props) {
  const history = agreement?.history ?? [];
  const dates = [
    ...incidents.map((i) => dayOf(i.report.when.start)),
    ...history.map((h) => dayOf(h.effective)),
    ...meetings.map((m) => dayOf(m.start)),
  ].filter(Number.isFinite);
  if (dates.length === 0) return <p class="muted small">{t('timeline.empty')}</p>;
  const first = Math.min(...dates) - 2 * DAY;
  const last = Math.max(...dates) + 3 * DAY;
  const days = Math.round((last - first) / DAY) + 1;
  const pct = (t: number) => `${((t - first) / (days * DAY)) * 100}%`;
  const width = `${100 / days}%`;

  const bins = new Map<number, Map<string, IncidentView[]>>();
  for (const i of incidents) {
    const d = dayOf(i.report.when.start);
    const bin = bins.get(d) ?? new Map<string, IncidentView[]>();
    bin.set(i.status, [...(bin.get(i.status) ?? []), i]);
    bins.set(d, bin);
  }
  const max = Math.max(1, ...[...bins.values()].map((b) => [...b.values()].reduce((n, xs) => n + xs.length, 0)));

  const periods = history.map((h, k) => {
    const start = Math.max(first, dayOf(h.effective));
    const nextChange = history[k + 1] ? dayOf(history[k + 1]!.effective) : last;
    const expiry = h.expires ? dayOf(h.expires) : last;
    return { h, start, end: Math.min(nextChange, expiry, last), stands: ACTIVE.has(h.status) };
  });

  const labels = meetingLabels(meetings.map((m) => (dayOf(m.start) - first) / (days * DAY)));

  const ticks: number[] = [];
  const step = days > 120 ? 30 : days > 40 ? 14 : 7;
  for (let t = first + 2 * DAY; t <= last; t += step * DAY) ticks.push(t);

  return (
    <div class="timeline" data-testid="timeline">
      <div class={`tl-lane tl-meetings tl-rows-${Math.max(1, ...labels.map((l) => l.row + 1))}`} aria-label={t('timeline.rounds')}>
        {meetings.map((m, k) => (
          <span
            key={m.id}
            class={`tl-meeting tl-row-${labels[k]!.row}`}
            style={{ insetInlineStart: pct(dayOf(m.start)), maxWidth: `${labels[k]!.room * 100}%` }}
            title={`${m.title}, ${m.place.name}: ${formatDay(m.start)}`}
          >
            {m.place.name}
          </span>
        ))}
      </div>
      <div class="tl-lane tl-bars">
        {periods.map(({ h, start, end, stands }) => (
          <span
            key={h.id}
            class={`tl-period ${stands ? 'tl-period-on' : 'tl-period-off'}`}
            style={{ insetInlineStart: pct(start), width: `${((end - start) / (days * DAY)) * 100}%` }}
            title={t('timeline.period', { status: tEnum('ceasefireStatus', h.status), date: formatDay(h.effective), index: h.ref.index })}
          />
        ))}
        {[...bins].map(([d, bin]) => {
          const total = [...bin.values()].reduce((n, xs) => n + xs.length, 0);
          const day = isoDay(d);
          return (
            <a key={d} class="tl-bin" href={href(['incidents'], { from: day, to: day })} style={{ insetInlineStart: pct(d), width }} aria-label={t('timeline.bin', { date: formatDay(day), count: total })}>
              <span class="tl-stack" style={{ height: `${(total / max) * 100}%` }}>
                {STATUS_ORDER.filter((s) => bin.has(s)).map((s) => (
                  <span key={s} style={{ flexGrow: bin.get(s)!.length, background: statusInfo(s).colour }} />
                ))}
              </span>
            </a>
          );
        })}
      </div>
      <div class="tl-axis" aria-hidden="true">
        {ticks.map((t) => (
          <span key={t} style={{ insetInlineStart: pct(t) }}>
            {formatMonthDay(isoDay(t))}
          </span>
        ))}
      </div>
      <div class="legend tl-legend">
        <span>
          <span class="tl-key tl-period-on" /> {t('timeline.keyStanding')}
        </span>
        <span>
          <span class="tl-key tl-key-bar" /> {t('timeline.keyBars')}
        </span>
      </div>
    </div>
  );
}

/**
 * Where each round's label goes so that no two collide at any width: rounds close together alternate between two
 * rows (each in its own band, overview.css), and each label may take only the room up to the next label in its row
 * (or the end), cut with an ellipsis beyond it (the full name is in its title). Positions and room are fractions of
 * the lane's width.
 * @example meetingLabels([0.1, 0.12, 0.5]) // [{ row: 0, room: 0.4 }, { row: 1, room: 0.88 }, { row: 0, room: 0.5 }]
 */
export function meetingLabels(positions: readonly number[]): { row: number; room: number }[] {
  const order = positions.map((p, k) => ({ p, k })).sort((a, b) => a.p - b.p || a.k - b.k);
  const lastInRow = [-Infinity, -Infinity];
  const row = new Array<number>(positions.length).fill(0);
  for (const { p, k } of order) {
    // The first row while the previous label there is well behind; else whichever row has more room.
    const r = p - lastInRow[0]! >= 0.15 || lastInRow[0]! <= lastInRow[1]! ? 0 : 1;
    row[k] = r;
    lastInRow[r] = p;
  }
  const room = new Array<number>(positions.length).fill(0);
  order.forEach(({ p, k }, i) => {
    const next = order.slice(i + 1).find((o) => row[o.k] === row[k]);
    room[k] = Math.max(0, (next ? next.p : 1) - p);
  });
  return positions.map((_, k) => ({ row: row[k]!, room: room[k]! }));
}
