// ACLED's published column names and codes, carried over as facts (ACLED codebook; 2023 column changes; 2024 text
// actor types). Only the lookups the mapping needs; nothing here is ACLED's data.

/** The columns of an ACLED CSV export, in ACLED's order. */
export const ACLED_COLUMNS = [
  'event_id_cnty',
  'event_date',
  'year',
  'time_precision',
  'disorder_type',
  'event_type',
  'sub_event_type',
  'actor1',
  'assoc_actor_1',
  'inter1',
  'actor2',
  'assoc_actor_2',
  'inter2',
  'interaction',
  'civilian_targeting',
  'iso',
  'region',
  'country',
  'admin1',
  'admin2',
  'admin3',
  'location',
  'latitude',
  'longitude',
  'geo_precision',
  'source',
  'source_scale',
  'notes',
  'fatalities',
  'tags',
  'timestamp',
] as const;
export type AcledColumn = (typeof ACLED_COLUMNS)[number];
export type AcledRow = Record<AcledColumn, string>;

/**
 * A table's own entry for a key read from a file, never an inherited one: `table['toString']` is Object's function.
 * @example ownEntry(NUMERIC_INTER, 'toString') // undefined
 */
export const ownEntry = <T>(table: Readonly<Record<string, T>>, key: string): T | undefined => (Object.hasOwn(table, key) ? table[key] : undefined);

/** Before 2024 ACLED wrote actor types as numbers 1-8; this maps them to the 2024 names. */
export const NUMERIC_INTER: Readonly<Record<string, string>> = {
  '1': 'State forces',
  '2': 'Rebel group',
  '3': 'Political militia',
  '4': 'Identity militia',
  '5': 'Rioters',
  '6': 'Protesters',
  '7': 'Civilians',
  '8': 'External/Other forces',
};

export interface CountryFacts {
  /** ISO 3166-1 numeric (ACLED's `iso`). */
  readonly iso: number;
  readonly alpha3: string;
  /** ACLED's region. */
  readonly region: string;
  /** The usual UTC offset, for writing a local date as a date-time (standard time; DST is not modelled). */
  readonly offset: string;
}

/** The countries of the case and their neighbours, under the names ACLED uses (and common variants). */
const COUNTRIES: Readonly<Record<string, CountryFacts>> = {
  Afghanistan: { iso: 4, alpha3: 'AFG', region: 'South Asia', offset: '+04:30' },
  Pakistan: { iso: 586, alpha3: 'PAK', region: 'South Asia', offset: '+05:00' },
  India: { iso: 356, alpha3: 'IND', region: 'South Asia', offset: '+05:30' },
  Iran: { iso: 364, alpha3: 'IRN', region: 'Middle East', offset: '+03:30' },
  Qatar: { iso: 634, alpha3: 'QAT', region: 'Middle East', offset: '+03:00' },
  Turkey: { iso: 792, alpha3: 'TUR', region: 'Middle East', offset: '+03:00' },
  Tajikistan: { iso: 762, alpha3: 'TJK', region: 'Caucasus and Central Asia', offset: '+05:00' },
  Uzbekistan: { iso: 860, alpha3: 'UZB', region: 'Caucasus and Central Asia', offset: '+05:00' },
  Turkmenistan: { iso: 795, alpha3: 'TKM', region: 'Caucasus and Central Asia', offset: '+05:00' },
  China: { iso: 156, alpha3: 'CHN', region: 'East Asia', offset: '+08:00' },
};
const ALIASES: Readonly<Record<string, string>> = { Türkiye: 'Turkey', Turkiye: 'Turkey' };

/** Facts about a country by name, or undefined for one outside the table. */
export function countryFacts(name: string): CountryFacts | undefined {
  return ownEntry(COUNTRIES, ownEntry(ALIASES, name) ?? name);
}

/** A country name as ACLED writes it (Türkiye → Turkey). */
export const acledCountryName = (name: string): string => ownEntry(ALIASES, name) ?? name;

/** Our tags in ACLED's `tags` column ("key=value; key=value"), so an export re-imports without loss. */
export const TAG = { report: 'truce_report', event: 'truce_event', accused: 'truce_accused', clauses: 'truce_clauses', status: 'truce_status' } as const;

export function parseTags(tags: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of tags.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0) out.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  return out;
}
