// GET /v1/incidents as SQL. Every value in an IncidentQuery comes from a URL, so it is attacker-controlled: each is
// checked here (the store is the last guard, whatever the HTTP layer validated) and bound as a parameter.
import { TruceError } from '../domain/errors.js';
import type { IncidentQuery } from './store.js';
import { INCIDENT_COLUMNS } from './rows.js';
import { decodeCursor, isDate, isIndex } from './cursor.js';

export const MAX_PAGE = 500;
const MAX_Q_CHARS = 256;
const MAX_FILTER_CHARS = 128;

/**
 * Page sizes are clamped to 1..500, so a client can neither ask for nothing nor for everything at once.
 * @example clampLimit(10_000) // 500
 */
export function clampLimit(limit: number): number {
  if (!Number.isFinite(limit)) throw new TruceError('bad_request', 'limit must be a number');
  return Math.min(MAX_PAGE, Math.max(1, Math.floor(limit)));
}

/**
 * A name-like query (one or two words, letters only, no websearch operators) also matches by pg_trgm word similarity
 * (PostgreSQL's default threshold, 0.6), so "Khawaarij" finds "Khawarij". Queries with operators ("-rumour", quotes,
 * OR) use full text only, so a trigram match cannot undo a negation.
 */
const NAME_LIKE = /^\p{L}[\p{L}'’-]*(?: \p{L}[\p{L}'’-]*)?$/u;

function text(name: string, value: string, max: number): string {
  if (value.length > max) throw new TruceError('bad_request', `${name} is at most ${max} characters`);
  // PostgreSQL text cannot hold NUL; refuse it here rather than let the driver fail with a 500.
  if (value.includes('\u0000')) throw new TruceError('bad_request', `${name} may not contain NUL`);
  return value;
}

function checkBbox(bbox: readonly number[]): readonly [number, number, number, number] {
  const [west, south, east, north] = bbox;
  const lon = (v: number | undefined): v is number => typeof v === 'number' && v >= -180 && v <= 180;
  const lat = (v: number | undefined): v is number => typeof v === 'number' && v >= -90 && v <= 90;
  if (bbox.length !== 4 || !lon(west) || !lon(east) || !lat(south) || !lat(north) || south > north) {
    throw new TruceError('bad_request', 'bbox is west,south,east,north in degrees, with south <= north');
  }
  return [west, south, east, north];
}

/**
 * The SQL and parameters of one page of incidents: filters, then keyset pagination on (start_date, log_index)
 * descending; one row more than the page is fetched, to know whether a next page exists.
 * @example buildIncidentQuery({ party: 'pakistan', limit: 20 }).sql // 'SELECT ... WHERE $1 = ANY (parties) ...'
 */
export function buildIncidentQuery(query: IncidentQuery): { sql: string; params: unknown[]; limit: number } {
  const params: unknown[] = [];
  const bind = (value: unknown, cast: string): string => {
    params.push(value);
    return `$${params.length}::${cast}`;
  };
  const where: string[] = [];
  for (const [name, value] of [['from', query.from], ['to', query.to]] as const) {
    if (value !== undefined && !isDate(value)) throw new TruceError('bad_request', `${name} must be a date YYYY-MM-DD`);
  }
  if (query.from !== undefined) where.push(`end_date >= ${bind(query.from, 'date')}`);
  if (query.to !== undefined) where.push(`start_date <= ${bind(query.to, 'date')}`);
  if (query.bbox !== undefined) {
    const [west, south, east, north] = checkBbox(query.bbox);
    where.push(`lat BETWEEN ${bind(south, 'float8')} AND ${bind(north, 'float8')}`);
    // West east of east: the box crosses the antimeridian, so it is two longitude ranges.
    const op = west <= east ? 'AND' : 'OR';
    where.push(`(lon >= ${bind(west, 'float8')} ${op} lon <= ${bind(east, 'float8')})`);
  }
  if (query.type !== undefined) where.push(`event_type = ${bind(text('type', query.type, MAX_FILTER_CHARS), 'text')}`);
  if (query.party !== undefined) where.push(`parties @> ARRAY[${bind(text('party', query.party, MAX_FILTER_CHARS), 'text')}]`);
  if (query.status !== undefined) where.push(`status = ${bind(text('status', query.status, MAX_FILTER_CHARS), 'text')}`);
  if (query.q !== undefined && query.q.trim() !== '') {
    const q = text('q', query.q.trim(), MAX_Q_CHARS);
    const fullText = `tsv @@ websearch_to_tsquery('english', ${bind(q, 'text')})`;
    where.push(NAME_LIKE.test(q) ? `(${fullText} OR ${bind(q, 'text')} <% text)` : fullText);
  }
  if (query.cursor !== undefined) {
    const [date, index] = decodeCursor(query.cursor, [isDate, isIndex]);
    where.push(`(start_date, log_index) < (${bind(date, 'date')}, ${bind(index, 'bigint')})`);
  }
  const limit = clampLimit(query.limit);
  const sql = `SELECT ${INCIDENT_COLUMNS} FROM incidents ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
    ORDER BY start_date DESC, log_index DESC LIMIT ${bind(limit + 1, 'integer')}`;
  return { sql, params, limit };
}
