import { TAXONOMY } from '../domain/taxonomy.js';
import { DETERMINATIONS } from '../domain/records/findings.js';
import { type Result, ok, refuse } from '../domain/errors.js';
import type { MechanismState } from '../domain/state.js';
import type { IncidentQuery } from '../store/store.js';

const STATUSES: readonly string[] = ['reported', 'replied', 'under_investigation', ...DETERMINATIONS];

/** The values GET /v1/incidents filters on: event types, the parties' sides, case statuses. */
export function incidentFilterValues(state: MechanismState): { types: readonly string[]; parties: readonly string[]; statuses: readonly string[] } {
  const parties = [...new Set([...state.members.values()].filter((m) => m.role === 'party').map((m) => m.side ?? m.id))];
  return { types: Object.keys(TAXONOMY), parties, statuses: STATUSES };
}

const canonical = (value: string, known: readonly string[]): string | undefined => known.find((k) => k.toLowerCase() === value.trim().toLowerCase());

/**
 * A filter that can match nothing is a mistake the reader should hear about, not an empty page: an unknown type, party
 * or status, or a period that ends before it starts, is refused naming what is known. Type, party and status are
 * matched case-insensitively and passed on as the log spells them.
 * @example checkIncidentFilters(state, { type: 'battles' }) // { ok: true, value: { type: 'Battles' } }
 */
export function checkIncidentFilters(state: MechanismState, query: IncidentQuery): Result<IncidentQuery> {
  if (query.from !== undefined && query.to !== undefined && query.from > query.to) return refuse('bad_request', `from ${query.from} is after to ${query.to}`);
  const known = incidentFilterValues(state);
  const value: { -readonly [K in keyof IncidentQuery]: IncidentQuery[K] } = { ...query };
  for (const [name, list, what] of [['type', known.types, 'event types'], ['party', known.parties, 'parties'], ['status', known.statuses, 'statuses']] as const) {
    const given = query[name];
    if (given === undefined || given === '') {
      delete value[name];
      continue;
    }
    const match = canonical(given, list);
    if (match === undefined) return refuse('bad_request', list.length === 0 ? `unknown ${name} "${given}": the mechanism has no ${what} yet` : `unknown ${name} "${given}"; the ${what} are: ${list.join(', ')}`);
    value[name] = match;
  }
  return ok(value);
}
