import type { IncidentView } from '../api/types.js';
import { formatTime } from './format.js';

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
  if (late < LATE_MS) return <span data-testid="signed-at" title={`arrived ${formatTime(arrived)}`}>{formatTime(at)}</span>;
  const bound = arrival.checkpoint?.witnessedAt ? `; witnessed in the checkpoint of size ${arrival.checkpoint.size} at ${formatTime(arrival.checkpoint.witnessedAt)}` : '';
  return (
    <span data-testid="signed-arrived" title={`The signer's clock said ${at}; the log received it ${arrived}${bound}`}>
      signed {formatTime(at)} · arrived {formatTime(arrived)} <span class="badge badge-warn">{lateText(late)} later</span>
    </span>
  );
}

function lateText(ms: number): string {
  const hours = ms / 3_600_000;
  return hours >= 48 ? `${Math.round(hours / 24)} days` : hours >= 1 ? `${Math.round(hours)} h` : `${Math.round(ms / 60_000)} min`;
}
