import type { Touched } from '../domain/handler.js';
import type { MechanismState } from '../domain/state.js';
import { getPromotion } from '../domain/records/candidates.js';
import { incidentRowFields, touchedIncidents } from '../domain/views/incident.js';
import type { AppendBatch, IncidentRow } from '../store/store.js';

/** The incident query rows a batch of statements changed, rebuilt from the state (the store writes them in the same transaction). */
export function incidentRows(state: MechanismState, touched: readonly Touched[]): IncidentRow[] {
  const rows: IncidentRow[] = [];
  for (const id of touchedIncidents(state, touched)) {
    const fields = incidentRowFields(state, id);
    if (fields) rows.push(fields);
  }
  return rows;
}

/** News candidates a batch promoted or dismissed, so the review queue's status column follows the log. */
export function candidateUpdates(state: MechanismState, touched: readonly Touched[]): NonNullable<AppendBatch['candidateUpdates']> {
  return touched
    .filter((t) => t.kind === 'candidate')
    .map((t) => {
      const promotion = getPromotion(state, t.id);
      return { id: t.id, status: promotion ? ('promoted' as const) : ('dismissed' as const), promotedReport: promotion?.report ?? null };
    });
}
