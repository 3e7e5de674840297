// GET /v1/incidents as SQL. Every value in an IncidentQuery comes from a URL, so it is attacker-controlled: each is
// checked here (the store is the last guard, whatever the HTTP layer validated) and bound as a parameter.
import { TruceError } from '../domain/errors.js';
import type { SqlQueryable } from './sql-client.js';
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
 * A name-like query (one or two words, letters only, no websearch operators) also matches spelling variants, so
 * "Khawaarij" finds "Khawarij": each of its words is looked up by pg_trgm word similarity (PostgreSQL's default
 * threshold, 0.6) among the words of the full-text index (table incident_words, migration 006), and the words found
 * join the full-text query as alternatives. Queries with operators ("-rumour", quotes, OR) use full text only, so a
 * variant cannot undo a negation.
 */
const NAME_LIKE = /^\p{L}[\p{L}'’-]*(?: \p{L}[\p{L}'’-]*)?$/u;
/** At most this many variants per word of the query, the most similar first. */
const MAX_VARIANTS = 16;

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

/** Spelling variants of each word of a name-like query: one list per word, empty when some word has none. */
export type NameVariants = readonly (readonly string[])[];

/** A lexeme as a tsquery operand: quoted, with the quote and the backslash escaped. */
const operand = (lexeme: string) => `'${lexeme.replaceAll('\\', '\\\\').replaceAll("'", "''")}'`;

/**
 * For a name-like query with a word the full-text index does not know, each word's alternatives: its own lexemes if
 * the index knows them, else the indexed words similar to it. [] when every word is known (full text alone answers),
 * for any other query, or when an unknown word has no similar word either.
 * @example await nameVariants(db, 'Stonebrige') // [['stonebridg']]
 */
export async function nameVariants(db: SqlQueryable, q: string | undefined): Promise<NameVariants> {
  const trimmed = q?.trim() ?? '';
  if (trimmed === '' || trimmed.length > MAX_Q_CHARS || !NAME_LIKE.test(trimmed)) return [];
  const rows = await db.query(
    `SELECT q.n, own.lexemes AS own,
       array(SELECT word FROM incident_words WHERE word = ANY (own.lexemes)) AS known,
       array(SELECT word FROM incident_words WHERE q.word <% word ORDER BY word_similarity(q.word, word) DESC, word LIMIT ${MAX_VARIANTS}) AS similar
     FROM unnest($1::text[]) WITH ORDINALITY AS q(word, n),
       LATERAL (SELECT tsvector_to_array(to_tsvector('english', q.word)) AS lexemes) AS own
     ORDER BY q.n`,
    [trimmed.toLowerCase().split(' ')],
  );
  const words = rows
    .map((row) => ({ own: row['own'] as string[], known: row['known'] as string[], similar: row['similar'] as string[] }))
    .filter((w) => w.own.length > 0); // a stop word constrains nothing
  if (words.every((w) => w.known.length === w.own.length)) return [];
  const alternatives = words.map((w) => (w.known.length === w.own.length ? w.own : w.similar));
  return alternatives.every((list) => list.length > 0) ? alternatives : [];
}

/**
 * The SQL and parameters of one page of incidents: filters, then keyset pagination on (start_date, log_index)
 * descending; one row more than the page is fetched, to know whether a next page exists. `variants` are the name-like
 * query's spelling variants (nameVariants).
 * Written for the indexes of migration 006 (docs/QUERY-PLANS.md): the order is the table's columns, so an index can
 * give it, and a time window is also bounded below on start_date by the longest incident, so a walk back in time
 * through an index stops at the window's start.
 * @example buildIncidentQuery({ party: 'pakistan', limit: 20 }).sql // 'SELECT ... WHERE parties @> ARRAY[$1::text] ...'
 */
export function buildIncidentQuery(query: IncidentQuery, variants: NameVariants = []): { sql: string; params: unknown[]; limit: number } {
  const params: unknown[] = [];
  const bind = (value: unknown, cast: string): string => {
    params.push(value);
    return `$${params.length}::${cast}`;
  };
  const where: string[] = [];
  for (const [name, value] of [['from', query.from], ['to', query.to]] as const) {
    if (value !== undefined && !isDate(value)) throw new TruceError('bad_request', `${name} must be a date YYYY-MM-DD`);
  }
  const from = query.from === undefined ? null : bind(query.from, 'date');
  const to = query.to === undefined ? null : bind(query.to, 'date');
  if (from) {
    where.push(`end_date >= ${from}`);
    // Implied by the line above (no incident is longer than the longest): an index walk back in time can stop here.
    where.push(`start_date >= ${from} - (SELECT max(end_date - start_date) FROM incidents)`);
  }
  if (to) where.push(`start_date <= ${to}`);
  if (query.bbox !== undefined) {
    const [west, south, east, north] = checkBbox(query.bbox);
    const [w, s, e, n] = [bind(west, 'float8'), bind(south, 'float8'), bind(east, 'float8'), bind(north, 'float8')];
    where.push(`lat BETWEEN ${s} AND ${n}`);
    // West east of east: the box crosses the antimeridian, so it is two longitude ranges.
    const crosses = west > east;
    where.push(`(lon >= ${w} ${crosses ? 'OR' : 'AND'} lon <= ${e})`);
  }
  if (query.type !== undefined) where.push(`event_type = ${bind(text('type', query.type, MAX_FILTER_CHARS), 'text')}`);
  if (query.party !== undefined) where.push(`parties @> ARRAY[${bind(text('party', query.party, MAX_FILTER_CHARS), 'text')}]`);
  if (query.status !== undefined) where.push(`status = ${bind(text('status', query.status, MAX_FILTER_CHARS), 'text')}`);
  if (query.q !== undefined && query.q.trim() !== '') {
    const q = text('q', query.q.trim(), MAX_Q_CHARS);
    const alternatives = variants.map((words) => `(${words.map(operand).join(' | ')})`).join(' & ');
    // The alternatives hold each known word's own lexemes, so they find all the full text finds, and the variants.
    where.push(`tsv @@ ${alternatives ? bind(alternatives, 'tsquery') : `websearch_to_tsquery('english', ${bind(q, 'text')})`}`);
  }
  if (query.cursor !== undefined) {
    const [date, index] = decodeCursor(query.cursor, [isDate, isIndex]);
    where.push(`(incidents.start_date, incidents.log_index) < (${bind(date, 'date')}, ${bind(index, 'bigint')})`);
  }
  const limit = clampLimit(query.limit);
  // Qualified: the select list renames start_date to its text form, and ordering by that could use no index.
  const sql = `SELECT ${INCIDENT_COLUMNS} FROM incidents ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
    ORDER BY incidents.start_date DESC, incidents.log_index DESC LIMIT ${bind(limit + 1, 'integer')}`;
  return { sql, params, limit };
}

/**
 * The SQL of one page of incidents with its name variants looked up first (what the store runs, and what the
 * benchmark explains).
 * @example const { sql, params } = await planIncidentQuery(db, { q: 'Chamman', limit: 50 });
 */
export async function planIncidentQuery(db: SqlQueryable, query: IncidentQuery): Promise<{ sql: string; params: unknown[]; limit: number }> {
  buildIncidentQuery(query); // every check first: a bad query never reaches the database
  return buildIncidentQuery(query, await nameVariants(db, query.q));
}
