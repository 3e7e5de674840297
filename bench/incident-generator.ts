/**
 * A million incidents that look like a real monitoring record, for the query and browser benchmarks, on the TRAINING
 * mechanism's invented front (the Northern Republic and the Southern Federation, demo/training): never under the real
 * parties' names. What makes them realistic for an index:
 * - places: two thirds around a dozen crossings and towns on the front (skewed: the busiest crossing has several times
 *   the quietest's share), the rest strung along the whole front line with a few kilometres' scatter either side;
 * - time: two years, 60 % in eight escalations of a few days to two weeks, 40 % spread evenly; most incidents last a
 *   day, some a few days, a few up to two weeks; rows come in the order reports reach a log (filing time, each report
 *   filed a day to a month after its incident), so row i is the i/n quantile of that distribution: the table's
 *   physical order follows time, as a projection fed by a log does (log order is filing order);
 * - type: the ACLED event types in the mix a border conflict has (battles and shelling first, riots last);
 * - text: narratives in English, Urdu, Pashto, Dari and Arabic (the UI's languages), in several phrasings, naming the
 *   place and the casualties as claims ("… states that …"), plus the place line, type line and actors the projection
 *   indexes (domain/views/incident.ts, searchText);
 * - the view: a freshly filed report's full IncidentView (about 2 KB of JSON, its body repeated in `history`), so an
 *   API page is as heavy as a real one.
 * Rows are computed by the database from `generate_series` (one INSERT … SELECT per chunk, nothing crosses the wire)
 * with hash-based pseudo-random numbers (`hashint8extended(i, salt)`), so every chunk, store and run gets the same rows.
 * They go straight into the `incidents` projection (the table GET /v1/incidents reads), at log indexes from
 * GENERATED_BASE_INDEX up, beyond any real entry: the log itself is not grown (bench/restart.ts measures that).
 */

import { createHash } from 'node:crypto';

/** Generated rows sit at log indexes from here up, far past the demo's entries, so they never collide with real ones. */
export const GENERATED_BASE_INDEX = 1_000_000_000;

/** The id of generated row i (as the SQL computes it). */
export const generatedId = (i: number): string => createHash('sha256').update(`training-incident-${i}`).digest('hex');

/** Crossings and towns on the front, [lat, lon, English name, name in Arabic script, side]: invented places. */
export const HOTSPOTS: readonly (readonly [number, number, string, string, 'north' | 'south'])[] = [
  [1.2, 1.1, 'Eastgate', 'ایسٹ گیٹ', 'north'],
  [1.26, 1.14, 'Northgate', 'نارتھ گیٹ', 'north'],
  [0.82, 1.31, 'Southgate', 'ساؤتھ گیٹ', 'south'],
  [1.0, 1.3, 'Westford', 'ویسٹ فورڈ', 'south'],
  [1.12, 0.42, 'Riverbend', 'ریوربینڈ', 'north'],
  [0.95, 1.86, 'Stonebridge', 'سٹون برج', 'south'],
  [1.05, 2.31, 'Old Ferry', 'اولڈ فیری', 'north'],
  [0.9, 2.7, 'Redmarsh', 'ریڈ مارش', 'south'],
  [1.18, -0.1, 'Kestrel Hill', 'کیسٹرل ہل', 'north'],
  [1.08, 0.8, 'Millbrook', 'مل بروک', 'north'],
  [0.88, 1.55, 'Ashford', 'ایش فورڈ', 'south'],
  [1.0, 3.05, 'Highfield', 'ہائی فیلڈ', 'south'],
];

/** The front line, west to east, [lat, lon]: incidents not at a hotspot scatter along it. */
const FRONT: readonly (readonly [number, number])[] = [[1.25, -0.5], [1.18, -0.1], [1.12, 0.42], [1.08, 0.8], [1.15, 1.12], [1.0, 1.3], [0.9, 1.55], [0.95, 1.86], [1.05, 2.31], [0.9, 2.7], [1.0, 3.05], [1.1, 3.4]];

/** For each segment of the front, the hotspot (1-based) it runs past: the name a report there gives. */
const SEGMENT_PLACE = [9, 9, 5, 10, 1, 4, 11, 6, 7, 8, 12];

/** ACLED event types with their share (cumulative thresholds) and a sub-event type each. */
export const EVENT_TYPES: readonly (readonly [string, number, string])[] = [
  ['Battles', 0.35, 'Armed clash'],
  ['Explosions/Remote violence', 0.65, 'Shelling/artillery/missile attack'],
  ['Violence against civilians', 0.8, 'Attack'],
  ['Strategic developments', 0.9, 'Disrupted weapons use'],
  ['Protests', 0.96, 'Peaceful protest'],
  ['Riots', 1, 'Violent demonstration'],
];

/** Escalations: [day from 2025-01-01, width in days (one standard deviation)]. */
const BURSTS: readonly (readonly [number, number])[] = [[40, 4], [130, 8], [212, 3], [288, 10], [405, 5], [470, 2], [560, 12], [650, 6]];
const DAYS = 730;

/**
 * The filing day at quantiles 0, 1/1000, …, 1 of the mix (40 % even, 60 % in the escalations): row i of n is filed on
 * the day at quantile i/n, interpolated between these points.
 */
function filingDayQuantiles(): number[] {
  const step = 0.05;
  const density: number[] = [];
  for (let d = 0; d < DAYS; d += step) {
    const bursts = BURSTS.reduce((sum, [centre, width]) => sum + Math.exp(-(((d - centre) / width) ** 2) / 2) / (width * Math.sqrt(2 * Math.PI)), 0);
    density.push(0.4 / DAYS + (0.6 / BURSTS.length) * bursts);
  }
  const total = density.reduce((a, b) => a + b, 0);
  const quantiles: number[] = [];
  let cumulative = 0;
  let k = 0;
  density.forEach((p, j) => {
    cumulative += p / total;
    while (k <= 1000 && cumulative >= k / 1000) quantiles[k++] = +(j * step).toFixed(2);
  });
  while (k <= 1000) quantiles[k++] = DAYS - step;
  return quantiles;
}
const FILING_DAY = filingDayQuantiles();

/** What each event type is called in each language, in the narratives. */
const EVENT_WORDS: Record<string, readonly string[]> = {
  en: ['an armed clash', 'mortar and artillery fire', 'an attack on civilians', 'troop movements', 'a protest', 'a riot'],
  ur: ['مسلح جھڑپ', 'گولہ باری', 'شہریوں پر حملہ', 'فوجی نقل و حرکت', 'احتجاج', 'ہنگامہ آرائی'],
  ps: ['وسله واله نښته', 'د توپونو ډزې', 'پر ملکي وګړو برید', 'پوځي خوځښت', 'لاریون', 'ګډوډي'],
  fa: ['درگیری مسلحانه', 'گلوله‌باری', 'حمله بر غیرنظامیان', 'تحرکات نظامی', 'اعتراض', 'آشوب'],
  ar: ['اشتباك مسلح', 'قصف مدفعي', 'هجوم على مدنيين', 'تحركات عسكرية', 'احتجاج', 'أعمال شغب'],
};

/** Narratives per language: {claimant} {event} {place} {killed} {injured}; a party's account is always its claim. */
const TEMPLATES: Record<string, readonly string[]> = {
  en: [
    '{claimant} states that {event} near {place} killed {killed} people and injured {injured}.',
    'Residents of {place} describe {event} overnight; {injured} injured were taken to hospital, according to local officials.',
    'The field team recorded {event} at {place}; {killed} dead reported by the district hospital.',
  ],
  ur: ['{claimant} کے مطابق {place} کے قریب {event} میں {killed} افراد ہلاک اور {injured} زخمی ہوئے۔', '{place} میں {event} کی اطلاع، مقامی حکام کے مطابق {injured} زخمی۔'],
  ps: ['{claimant} وايي چې د {place} سیمه کې {event} وشوه، {killed} کسان ووژل شول او {injured} ټپیان شول.', 'د {place} اوسېدونکي وايي چې {event} وشوه؛ {injured} ټپیان روغتون ته وړل شوي.'],
  fa: ['{claimant} می‌گوید {event} در نزدیکی {place} رخ داد؛ {killed} تن کشته و {injured} تن زخمی شدند.', 'ساکنان {place} از {event} خبر می‌دهند؛ {injured} زخمی به شفاخانه منتقل شدند.'],
  ar: ['يقول {claimant} إن {event} قرب {place} أسفر عن مقتل {killed} وإصابة {injured}.', 'أفاد سكان {place} بوقوع {event}، وقال مسؤولون محليون إن {injured} أصيبوا.'],
};

/** Who files, [member id, name, role, side]: the training mechanism's members (demo/training/case.ts). */
const FILERS: readonly (readonly [string, string, string, string | null])[] = [
  ['field-team-1', 'Training field team 1 (fictional)', 'monitor', null],
  ['osint-desk', 'Training open-source desk (fictional)', 'monitor', null],
  ['north', 'Northern Republic (fictional party)', 'party', 'north'],
  ['south', 'Southern Federation (fictional party)', 'party', 'south'],
];

/** Languages with their cumulative share. */
const LANGUAGES: readonly (readonly [string, number])[] = [['en', 0.5], ['ur', 0.65], ['ps', 0.8], ['fa', 0.92], ['ar', 1]];

const literal = (s: string) => `'${s.replaceAll("'", "''")}'`;
const array = (values: readonly (string | number)[]) => `ARRAY[${values.map((v) => (typeof v === 'number' ? String(v) : literal(v))).join(', ')}]`;
/** A uniform pseudo-random number in [0, 1) for row i, one stream per salt. */
const u = (salt: number) => `((hashint8extended(i, ${salt}) & 4503599627370495)::float8 / 4503599627370496.0)`;
/** A standard normal one (Box-Muller). */
const normal = (salt: number) => `(sqrt(-2 * ln(1 - ${u(salt)})) * cos(2 * pi() * ${u(salt + 1)}))`;
/** The 1-based index of the first cumulative threshold above uniform r. */
const pick = (r: string, thresholds: readonly number[]) => `(CASE ${thresholds.map((t, k) => `WHEN ${r} < ${t} THEN ${k + 1}`).join(' ')} ELSE ${thresholds.length} END)`;

/**
 * One INSERT … SELECT of `count` generated incidents, rows first .. first + count - 1 of `total`.
 * @example await client.exec(generateIncidentsSql(0, 100_000, 1_000_000))
 */
export function generateIncidentsSql(first: number, count: number, total: number): string {
  const hot = `(1 + floor(${HOTSPOTS.length} * ${u(1)} * ${u(2)})::int)`; // product of two uniforms: skewed to the first
  const segment = `(1 + floor(${u(3)} * ${FRONT.length - 1})::int)`;
  const quantile = `(1000.0 * i / ${total})`;
  const filed = `((${array(FILING_DAY)})[1 + floor(${quantile})::int] + (${quantile} - floor(${quantile})) * ((${array(FILING_DAY)})[least(1001, 2 + floor(${quantile})::int)] - (${array(FILING_DAY)})[1 + floor(${quantile})::int]))`;
  // Reports are filed after the incident: most within a day or two, some within a week, a few up to a month late.
  const delay = `(CASE WHEN ${u(5)} < 0.7 THEN floor(2 * ${u(9)}) WHEN ${u(5)} < 0.95 THEN 2 + floor(5 * ${u(9)}) ELSE 7 + floor(24 * ${u(9)}) END)::int`;
  const templates = Object.entries(TEMPLATES);
  // Base values per row (r), then everything derived (d), then the projection row.
  return `INSERT INTO incidents (id, start_date, end_date, lat, lon, event_type, parties, status, text, view, log_index)
  SELECT d.id, d.start_date, d.end_date, d.lat, d.lon, d.event_type, d.accused, 'reported', d.text, jsonb_build_object(
      'id', d.id, 'logIndex', d.idx, 'attribution', 'alleged by ' || d.filer_name || ' (' || d.filer || ')',
      'filedBy', jsonb_build_object('id', d.filer, 'name', d.filer_name, 'role', d.filer_role, 'side', d.filer_side),
      'filed', d.ref, 'report', d.body, 'candidate', null, 'status', 'reported', 'sealed', '[]'::jsonb,
      'history', jsonb_build_array(jsonb_build_object('ref', d.ref, 'body', d.body, 'reason', null, 'version', 1)),
      'replies', '[]'::jsonb, 'cosigned', '[]'::jsonb, 'evidence', '[]'::jsonb, 'findings', '[]'::jsonb, 'penalties', '[]'::jsonb,
      'investigations', '[]'::jsonb, 'replyDeadline', to_char(d.filed_at + interval '72 hours', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')),
    d.idx
  FROM generate_series(${first}, ${first + count - 1}) AS i,
  LATERAL (SELECT
      ${GENERATED_BASE_INDEX} + i AS idx,
      encode(sha256(convert_to('training-incident-' || i, 'UTF8')), 'hex') AS id,
      CASE WHEN ${u(0)} < 0.65 THEN ${hot} ELSE 0 END AS hot,
      ${segment} AS seg, ${u(4)} AS along,
      ${filed} AS filed_day, greatest(0, floor(${filed})::int - ${delay}) AS day,
      CASE WHEN ${u(10)} < 0.8 THEN 0 WHEN ${u(10)} < 0.95 THEN 1 + floor(2 * ${u(11)})::int ELSE 3 + floor(11 * ${u(11)})::int END AS span,
      ${pick(u(12), EVENT_TYPES.map((t) => t[1]))} AS type,
      ${pick(u(13), LANGUAGES.map((l) => l[1]))} AS lang,
      1 + floor(${u(14)} * ${FILERS.length})::int AS filer_k,
      ${pick(u(15), [0.4, 0.75, 0.95, 1])} AS accused_k,
      floor(6 * ${u(16)} * ${u(17)})::int AS killed, floor(12 * ${u(18)} * ${u(17)})::int AS injured,
      ${u(19)} AS phrasing, ${normal(20)} AS jitter_lat, ${normal(22)} AS jitter_lon, ${u(24)} AS spread
    OFFSET 0) AS r,
  LATERAL (SELECT
      CASE WHEN r.hot > 0 THEN (${array(HOTSPOTS.map((h) => h[0]))})[r.hot] + 0.03 * (1 + 2 * r.spread) * r.jitter_lat
        ELSE (${array(FRONT.map((p) => p[0]))})[r.seg] + r.along * ((${array(FRONT.map((p) => p[0]))})[r.seg + 1] - (${array(FRONT.map((p) => p[0]))})[r.seg]) + 0.06 * r.jitter_lat END AS lat,
      CASE WHEN r.hot > 0 THEN (${array(HOTSPOTS.map((h) => h[1]))})[r.hot] + 0.03 * (1 + 2 * r.spread) * r.jitter_lon
        ELSE (${array(FRONT.map((p) => p[1]))})[r.seg] + r.along * ((${array(FRONT.map((p) => p[1]))})[r.seg + 1] - (${array(FRONT.map((p) => p[1]))})[r.seg]) + 0.02 * r.jitter_lon END AS lon,
      DATE '2025-01-01' + r.day AS start_date, DATE '2025-01-01' + r.day + r.span AS end_date,
      (${array(EVENT_TYPES.map((t) => t[0]))})[r.type] AS event_type,
      (${array(EVENT_TYPES.map((t) => t[2]))})[r.type] AS sub_event_type,
      (${array(FILERS.map((f) => f[0]))})[r.filer_k] AS filer, (${array(FILERS.map((f) => f[1]))})[r.filer_k] AS filer_name,
      (${array(FILERS.map((f) => f[2]))})[r.filer_k] AS filer_role, (ARRAY[NULL, NULL, 'north', 'south'])[r.filer_k] AS filer_side,
      (ARRAY['["south"]', '["north"]', '[]', '["north", "south"]'])[r.accused_k]::jsonb AS accused_json,
      CASE WHEN r.hot > 0 THEN r.hot ELSE (${array(SEGMENT_PLACE)})[r.seg] END AS place_k,
      (${array(templates.map(([lang]) => lang))})[r.lang] AS lang_code,
      r.*
    OFFSET 0) AS g,
  LATERAL (SELECT
      CASE WHEN g.hot > 0 THEN (${array(HOTSPOTS.map((h) => h[2]))})[g.place_k] ELSE 'the front line near ' || (${array(HOTSPOTS.map((h) => h[2]))})[g.place_k] END AS place_en,
      (${array(HOTSPOTS.map((h) => h[3]))})[g.place_k] AS place_script,
      CASE WHEN (${array(HOTSPOTS.map((h) => h[4]))})[g.place_k] = 'north' THEN 'Northern Republic (fictional)' ELSE 'Southern Federation (fictional)' END AS country,
      CASE g.lang_code ${templates.map(([lang, forms]) => `WHEN '${lang}' THEN (${array(forms)})[1 + floor(r.phrasing * ${forms.length})::int]`).join(' ')} END AS template,
      CASE g.lang_code ${Object.entries(EVENT_WORDS).map(([lang, words]) => `WHEN '${lang}' THEN (${array(words)})[g.type]`).join(' ')} END AS event_word,
      CASE WHEN g.filer_side IS NULL THEN CASE g.lang_code WHEN 'en' THEN 'The monitoring team' ELSE g.filer_name END ELSE g.filer_name END AS claimant,
      DATE '2025-01-01' + (floor(r.filed_day * 86400) || ' seconds')::interval AS filed_at
    OFFSET 0) AS n,
  LATERAL (SELECT
      replace(replace(replace(replace(replace(n.template, '{claimant}', n.claimant), '{event}', n.event_word), '{place}', CASE WHEN g.lang_code = 'en' THEN n.place_en ELSE n.place_script END), '{killed}', g.killed::text), '{injured}', g.injured::text) AS narrative
    OFFSET 0) AS t,
  LATERAL (SELECT
      g.idx, g.id, g.start_date, g.end_date, g.lat, g.lon, g.event_type, g.filer, g.filer_name, g.filer_role, g.filer_side, n.filed_at,
      (ARRAY['{south}', '{north}', '{}', '{north,south}'])[g.accused_k]::text[] AS accused,
      t.narrative || E'\\n' || n.place_en || ' (fictional), Border district, ' || n.country || E'\\n' || g.event_type || ': ' || g.sub_event_type
        || E'\\nNorthern Republic armed forces\\nSouthern Federation armed forces' AS text,
      jsonb_build_object('at', to_char(n.filed_at, 'YYYY-MM-DD"T"HH24:MI:SS"Z"'), 'by', g.filer, 'id', g.id, 'index', g.idx) AS ref,
      jsonb_build_object(
        'when', jsonb_build_object('start', to_char(g.start_date, 'YYYY-MM-DD') || 'T00:00:00+01:00', 'end', to_char(g.end_date + 1, 'YYYY-MM-DD') || 'T00:00:00+01:00', 'precision', 'day'),
        'where', jsonb_build_object('lat', round(g.lat::numeric, 4), 'lon', round(g.lon::numeric, 4), 'place', n.place_en || ' (fictional)', 'admin1', 'Border district', 'country', n.country, 'geo_precision', CASE WHEN g.hot > 0 THEN 1 ELSE 2 END),
        'event_type', g.event_type, 'sub_event_type', g.sub_event_type,
        'actors', jsonb_build_array(
          jsonb_build_object('name', 'Northern Republic armed forces', 'side', 'north', 'role', 'other', 'actor_type', 'State forces'),
          jsonb_build_object('name', 'Southern Federation armed forces', 'side', 'south', 'role', 'other', 'actor_type', 'State forces')),
        'accused', g.accused_json, 'clauses', jsonb_build_array('C1'),
        'casualties', jsonb_build_object('killed', jsonb_build_object('unknown', jsonb_build_object('min', g.killed, 'best', g.killed, 'max', g.killed)),
          'injured', jsonb_build_object('unknown', jsonb_build_object('min', g.injured, 'best', g.injured, 'max', g.injured))),
        'narrative', t.narrative,
        'sources', jsonb_build_array(jsonb_build_object('kind', 'media', 'title', 'Training bulletin (generated, fictional)', 'published', to_char(g.start_date + 1, 'YYYY-MM-DD'))),
        'evidence', '[]'::jsonb) AS body
    OFFSET 0) AS d`;
}
