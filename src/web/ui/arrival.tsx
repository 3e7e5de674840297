import type { IncidentView } from '../api/types.js';
import { formatDuration, formatTime } from './format.js';
import { t, tRich } from '../i18n/index.js';

/** What GET /v1/incidents/:id adds beside the view: when each cited statement reached the log. */
export interface ArrivalInfo {
  readonly arrived: string | null;
  readonly checkpoint: { readonly size: number; readonly published: string; readonly witnessedAt: string | null } | null;
}
export type IncidentWithArrivals = IncidentView & { readonly proofs?: { readonly entries: Readonly<Record<string, { readonly arrival?: ArrivalInfo | null }>> } };

/** A statement that arrived more than this after it was signed is shown as late, with both times. */
const LATE_MS = 5 * 60_000;

/**
 * "signed 7 Nov 2025, 09:00 UTC · arrived 7 Nov 2025, 18:00 UTC (9 h later)": the signer's time and the log's, so
 * nobody can pretend a statement sent late was logged when it was signed.
 */
export function SignedArrived({ view, index, at }: { view: IncidentWithArrivals; index: number; at: string }) {
  const arrival = view.proofs?.entries[String(index)]?.arrival;
  const arrived = arrival?.arrived;
  if (!arrived) return <span data-testid="signed-at">{formatTime(at)}</span>;
  const late = Date.parse(arrived) - Date.parse(at);
  if (late < LATE_MS) return <span data-testid="signed-at" title={t('arrival.arrived', { time: formatTime(arrived) })}>{formatTime(at)}</span>;
  const bound = arrival.checkpoint?.witnessedAt ? t('arrival.witnessed', { size: arrival.checkpoint.size, time: formatTime(arrival.checkpoint.witnessedAt) }) : '';
  return (
    <span data-testid="signed-arrived" title={t('arrival.clocks', { at, arrived, bound })}>
      {tRich('arrival.late', { signed: formatTime(at), arrived: formatTime(arrived), late: lateText(late), badge: (c) => <span class="badge badge-warn">{c}</span> })}
    </span>
  );
}

function lateText(ms: number): string {
  const hours = ms / 3_600_000;
  return hours >= 1 ? formatDuration(ms) : t('format.minutes', { n: Math.round(ms / 60_000) });
}
