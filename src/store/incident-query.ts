// GET /v1/incidents as SQL. Every value in an IncidentQuery comes from a URL, so it is attacker-controlled: each is
// checked here (the store is the last guard, whatever the HTTP layer validated) and bound as a parameter.
import { TruceError } from '../domain/errors.js';
import type { Row, SqlQueryable } from './sql-client.js';
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
       -- Only for a word the index does not know (its variants are used for nothing else): a known word skips the
       -- trigram search, which is most of this lookup's time.
       array(SELECT word FROM incident_words WHERE q.word <% word
         AND (SELECT count(*) FROM incident_words AS k WHERE k.word = ANY (own.lexemes)) < cardinality(own.lexemes)
         ORDER BY word_similarity(q.word, word) DESC, word LIMIT ${MAX_VARIANTS}) AS similar
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

/** The parts of a page's SQL: its conditions, split by where they can be checked, with their parameters. */
interface Conditions {
  readonly params: unknown[];
  /** Checked on an order index's entry: the window, the box, the type, the cursor. */
  readonly indexed: string[];
  /** Checked on the table's row: party, status. */
  readonly row: string[];
  /** The full-text condition, if any. */
  readonly text: string | null;
  readonly limit: number;
}

function conditions(query: IncidentQuery, variants: NameVariants): Conditions {
  const params: unknown[] = [];
  const bind = (value: unknown, cast: string): string => {
    params.push(value);
    return `$${params.length}::${cast}`;
  };
  const indexed: string[] = [];
  const row: string[] = [];
  for (const [name, value] of [['from', query.from], ['to', query.to]] as const) {
    if (value !== undefined && !isDate(value)) throw new TruceError('bad_request', `${name} must be a date YYYY-MM-DD`);
  }
  const from = query.from === undefined ? null : bind(query.from, 'date');
  const to = query.to === undefined ? null : bind(query.to, 'date');
  if (from) {
    indexed.push(`end_date >= ${from}`);
    // Implied by the line above (no incident is longer than the longest): an index walk back in time can stop here.
    indexed.push(`start_date >= ${from} - (SELECT max(end_date - start_date) FROM incidents)`);
  }
  if (to) indexed.push(`start_date <= ${to}`);
  if (query.bbox !== undefined) {
    const [west, south, east, north] = checkBbox(query.bbox);
    const [w, s, e, n] = [bind(west, 'float8'), bind(south, 'float8'), bind(east, 'float8'), bind(north, 'float8')];
    indexed.push(`lat BETWEEN ${s} AND ${n}`);
    // West east of east: the box crosses the antimeridian, so it is two longitude ranges.
    const crosses = west > east;
    indexed.push(`(lon >= ${w} ${crosses ? 'OR' : 'AND'} lon <= ${e})`);
  }
  if (query.type !== undefined) indexed.push(`event_type = ${bind(text('type', query.type, MAX_FILTER_CHARS), 'text')}`);
  if (query.party !== undefined) row.push(`parties @> ARRAY[${bind(text('party', query.party, MAX_FILTER_CHARS), 'text')}]`);
  if (query.status !== undefined) row.push(`status = ${bind(text('status', query.status, MAX_FILTER_CHARS), 'text')}`);
  let textCondition: string | null = null;
  if (query.q !== undefined && query.q.trim() !== '') {
    const q = text('q', query.q.trim(), MAX_Q_CHARS);
    const alternatives = variants.map((words) => `(${words.map(operand).join(' | ')})`).join(' & ');
    // The alternatives hold each known word's own lexemes, so they find all the full text finds, and the variants.
    textCondition = `incidents.tsv @@ ${alternatives ? bind(alternatives, 'tsquery') : `websearch_to_tsquery('english', ${bind(q, 'text')})`}`;
  }
  if (query.cursor !== undefined) {
    const [date, index] = decodeCursor(query.cursor, [isDate, isIndex]);
    indexed.push(`(start_date, log_index) < (${bind(date, 'date')}, ${bind(index, 'bigint')})`);
  }
  return { params, indexed, row, text: textCondition, limit: clampLimit(query.limit) };
}

const and = (conditions: readonly string[]) => (conditions.length ? `WHERE ${conditions.join(' AND ')}` : '');
// The select list is INCIDENT_COLUMNS or INCIDENT_LISTING_COLUMNS: only the incidents table has columns of those names
// in every query below (the walks name theirs walk_ and match_).
// Qualified: the select list renames start_date to its text form, and ordering by that could use no index.
const ORDER = 'incidents.start_date DESC, incidents.log_index DESC';

/**
 * The SQL and parameters of one page of incidents: filters, then keyset pagination on (start_date, log_index)
 * descending; one row more than the page is fetched, to know whether a next page exists. `variants` are the name-like
 * query's spelling variants (nameVariants).
 * Written for the indexes of migrations 006 and 007 (docs/QUERY-PLANS.md): the order is the table's columns, so an
 * index can give it, and a time window is also bounded below on start_date by the longest incident, so a walk back in
 * time through an index stops at the window's start. A full-text query here is left to the planner (searchWalk is
 * tried first where it applies); `materialized` makes it read the matches first and sort them, which is what a query
 * whose matches are rare should do.
 * @example buildIncidentQuery({ party: 'pakistan', limit: 20 }).sql // 'SELECT ... WHERE parties @> ARRAY[$1::text] ...'
 */
export function buildIncidentQuery(
  query: IncidentQuery,
  variants: NameVariants = [],
  materialized = false,
  columns = INCIDENT_COLUMNS,
): { sql: string; params: unknown[]; limit: number } {
  const c = conditions(query, variants);
  const where = [...c.indexed, ...c.row, ...(c.text ? [c.text] : [])];
  c.params.push(c.limit + 1);
  const limit = `$${c.params.length}::integer`;
  const sql = materialized
    ? `WITH matches AS MATERIALIZED (SELECT log_index AS match_index, start_date AS match_date FROM incidents ${and(where)})
    SELECT ${columns} FROM (SELECT match_index, match_date FROM matches ORDER BY match_date DESC, match_index DESC LIMIT ${limit}) AS page
    JOIN incidents ON incidents.log_index = page.match_index ORDER BY page.match_date DESC, page.match_index DESC`
    : `SELECT ${columns} FROM incidents ${and(where)} ORDER BY ${ORDER} LIMIT ${limit}`;
  return { sql, params: c.params, limit: c.limit };
}

/**
 * How far a search walks the order index (searchWalk): first this many entries; when those hold some matches but not
 * a page, as far as their share says a page is (and 30 % more), if that is at most SEARCH_WALK_MAX; past that (or with
 * no match at all in the first walk) the matches are rare enough that reading them all through the full-text index and
 * sorting them is cheaper. Measured at a million incidents (docs/QUERY-PLANS.md): walking 40,000 entries costs about
 * what reading 1,000-2,000 table rows out of order does, so the walk goes on while it expects a page within 60,000.
 */
export const SEARCH_WALK_FIRST = 4_000;
export const SEARCH_WALK_MAX = 60_000;

/**
 * Words only (no quotes, no "-word", no "or"): websearch_to_tsquery makes of them an AND of the same lexemes that
 * to_tsvector finds in them, so every match holds every one of those lexemes, and their signature (migration 007) is
 * a condition every match meets.
 */
const plainWords = (q: string) => !/["]|(^|\s)-|(^|\s)or(\s|$)/i.test(q);

/**
 * A full-text page found by walking an order index newest first (migration 007): the entries of the newest
 * `walkRows` incidents that pass the window, the box and the type are read from the index alone, those whose word
 * signature holds the query's are read from the table, and the full-text condition decides. Null when the query is
 * not one the signature applies to (no text, spelling variants, operators). It finds the whole page when the words
 * are common enough to fill it among those newest incidents; otherwise runIncidentQuery walks further or runs
 * buildIncidentQuery(..., true), which reads the (then rare) matches through the full-text index.
 * @example searchWalk({ q: 'clash Stonebridge', limit: 50 })?.sql // 'SELECT ... FROM (SELECT ... LIMIT $2) AS walk ...'
 */
export function searchWalk(
  query: IncidentQuery,
  variants: NameVariants = [],
  walkRows = SEARCH_WALK_FIRST,
  columns = INCIDENT_COLUMNS,
): { sql: string; params: unknown[]; limit: number } | null {
  const q = query.q?.trim() ?? '';
  if (q === '' || variants.length > 0 || !plainWords(q)) return null;
  const c = conditions(query, variants);
  c.params.push(q);
  const signature = `(SELECT incident_word_signature(to_tsvector('english', $${c.params.length}::text)))`;
  c.params.push(walkRows, c.limit + 1);
  const [walk, limit] = [`$${c.params.length - 1}::integer`, `$${c.params.length}::integer`];
  const sql = `SELECT ${columns} FROM (
      SELECT log_index AS walk_index, start_date AS walk_date, word_signature AS walk_signature FROM incidents ${and(c.indexed)}
      ORDER BY start_date DESC, log_index DESC LIMIT ${walk}) AS walk
    JOIN incidents ON incidents.log_index = walk.walk_index
    WHERE (walk.walk_signature & ${signature}) = ${signature} AND ${[c.text!, ...c.row].join(' AND ')}
    ORDER BY walk.walk_date DESC, walk.walk_index DESC LIMIT ${limit}`;
  return { sql, params: c.params, limit: c.limit };
}

/** How many entries a walk of `walkRows` passes (fewer than walkRows: the walk saw every candidate). */
async function walkedEntries(db: SqlQueryable, query: IncidentQuery, walkRows: number): Promise<number> {
  const c = conditions({ ...query, q: undefined, party: undefined, status: undefined }, []);
  c.params.push(walkRows);
  const [row] = await db.query(
    `SELECT count(*)::int AS n FROM (SELECT 1 FROM incidents ${and(c.indexed)} ORDER BY start_date DESC, log_index DESC LIMIT $${c.params.length}::integer) AS walk`,
    c.params,
  );
  return Number(row!['n']);
}

/**
 * One page of incidents as the store answers it: spelling variants looked up, then, for plain words, the search walk
 * (searchWalk) as far as SEARCH_WALK_FIRST/SEARCH_WALK_MAX say, else the query itself. `limit + 1` rows at most.
 * `walk` is for the tests (short walks make a small table take every road).
 * @example const { rows, limit } = await runIncidentQuery(db, { q: 'clash', limit: 50 });
 */
export async function runIncidentQuery(
  db: SqlQueryable,
  query: IncidentQuery,
  walk: { first: number; max: number } = { first: SEARCH_WALK_FIRST, max: SEARCH_WALK_MAX },
  columns = INCIDENT_COLUMNS,
): Promise<{ rows: Row[]; limit: number }> {
  buildIncidentQuery(query); // every check first: a bad query never reaches the database
  const variants = await nameVariants(db, query.q);
  let walkRows = walk.first;
  let walked = false;
  let found = -1; // the matches the previous (shorter) walk found
  for (let sql = searchWalk(query, variants, walkRows, columns); sql; ) {
    walked = true;
    const rows = await db.query(sql.sql, sql.params);
    if (rows.length > sql.limit) return { rows, limit: sql.limit };
    const next = rows.length === 0 ? Infinity : Math.ceil((walkRows * (sql.limit + 1) * 1.3) / rows.length);
    const grows = next > walkRows && next <= walk.max;
    // Whether the walk saw every candidate is asked (a query of its own, 1-7 ms at a million) only where the answer
    // decides: before giving up on walking, or when a longer walk found no more (it likely ran out). A walk that
    // grows without asking costs little if it had run out: the next one reads the same few candidates again.
    if ((!grows || rows.length === found) && (await walkedEntries(db, query, walkRows)) < walkRows) return { rows, limit: sql.limit }; // nothing left
    if (!grows) break;
    found = rows.length;
    walkRows = next;
    sql = searchWalk(query, variants, walkRows, columns);
  }
  const { sql, params, limit } = buildIncidentQuery(query, variants, walked, columns);
  return { rows: await db.query(sql, params), limit };
}

/**
 * The SQL of one page of incidents with its name variants looked up first, as runIncidentQuery runs it first (what the
 * benchmark explains).
 * @example const { sql, params } = await planIncidentQuery(db, { q: 'Chamman', limit: 50 });
 */
export async function planIncidentQuery(db: SqlQueryable, query: IncidentQuery, columns = INCIDENT_COLUMNS): Promise<{ sql: string; params: unknown[]; limit: number }> {
  buildIncidentQuery(query); // every check first: a bad query never reaches the database
  const variants = await nameVariants(db, query.q);
  return searchWalk(query, variants, SEARCH_WALK_FIRST, columns) ?? buildIncidentQuery(query, variants, false, columns);
}
