// A report body drafted from a news candidate, for the monitor to review and edit before signing. Everything here is
// a suggestion: the monitor signs the result, and the report is then alleged by the monitor, citing the articles.
import { intervalFor } from '../../domain/time.js';
import { isKnownEvent } from '../../domain/taxonomy.js';
import type { CandidateArticle, CandidateEvent, CandidateItem, MemberInfo, ReportBody } from '../api/types.js';
import { countryOffset, offsetAt } from '../../domain/place-offset.js';

// The country's zones give the offset when they agree (daylight saving included), else the coordinates' zone, else
// the longitude's nominal zone. Reports write times in the place's own offset so the date a reader sees is the local
// one (domain/time.ts).

/**
 * The UTC offset a report uses for a place at `at`: by its country's zones when they agree (an ISO code or its
 * English name), else by its coordinates' zone, else the longitude's nominal zone, else UTC.
 * @example offsetFor('Afghanistan', undefined) // '+04:30'
 */
export function offsetFor(country: string | undefined, lon: number | undefined, lat?: number, at?: Date): string {
  // The country first when all its zones agree: a border town's coordinates may fall in the neighbour's zone on the
  // lookup's simplified borders (Chaman, Pakistan, is on Kabul time by its coordinates).
  const byCountry = country ? countryOffset(country, at) : null;
  if (byCountry) return byCountry;
  const byZone = lat !== undefined && lon !== undefined ? offsetAt(lat, lon, at) : null;
  if (byZone) return byZone;
  if (lon === undefined) return 'Z';
  const h = Math.max(-12, Math.min(14, Math.round(lon / 15)));
  if (h === 0) return 'Z';
  return `${h < 0 ? '-' : '+'}${String(Math.abs(h)).padStart(2, '0')}:00`;
}

const regionNames = typeof Intl.DisplayNames === 'function' ? new Intl.DisplayNames(['en'], { type: 'region' }) : null;

/** "PK" → "Pakistan"; a name is kept as it is. */
export function countryName(code: string | undefined): string {
  if (!code) return 'Unknown';
  if (/^[A-Za-z]{2}$/.test(code)) {
    try {
      return regionNames?.of(code.toUpperCase()) ?? code;
    } catch {
      return code;
    }
  }
  return code;
}

const DAY = 86_400_000;
const addDays = (date: string, n: number) => new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);

function whenFor(when: CandidateEvent['when'], offset: string): ReportBody['when'] {
  const start = when?.start ?? new Date().toISOString().slice(0, 10);
  const end = when?.end ?? start;
  const p = when?.precision;
  if (p === 'night') return intervalFor('night', start, offset);
  if (p === 'month' || p === 'year') return intervalFor('month', start, offset);
  const days = Math.round((Date.parse(`${end}T00:00:00Z`) - Date.parse(`${start}T00:00:00Z`)) / DAY) + 1;
  if (days <= 1) return intervalFor('day', start, offset);
  const span = { start: `${start}T00:00:00${offset}`, end: `${addDays(end, 1)}T00:00:00${offset}` };
  if (days <= 8) return { ...span, precision: 'week' };
  if (days <= 31) return { ...span, precision: 'month' };
  return intervalFor('month', start, offset);
}

function range(r: CandidateEvent['fatalities']) {
  if (!r) return undefined;
  return r.max === null || r.max === undefined ? { min: r.min } : { min: r.min, max: Math.max(r.max, r.min) };
}

export function articlesOf(item: CandidateItem): readonly CandidateArticle[] {
  return item.candidate.articles ?? [];
}

/** The candidate's articles as candidate.promote carries them (they become the report's media sources). */
export function promoteArticles(item: CandidateItem) {
  return articlesOf(item)
    .slice(0, 100)
    .map((a) => ({
      id: a.id,
      title: a.title,
      ...(a.source ? { source: a.source } : {}),
      ...(a.url && /^https?:\/\//.test(a.url) ? { url: a.url } : {}),
      ...(a.published && /^\d{4}-\d{2}-\d{2}/.test(a.published) ? { published: a.published.slice(0, 10) } : {}),
    }));
}

/** The narrative a monitor starts from: the candidate's summary and the claims it found, each with its speaker. */
export function draftNarrative(e: CandidateEvent): string {
  // A paraphrase is reported speech, not a quotation: it is attributed without quotation marks.
  const claims = (e.claims ?? []).slice(0, 6).map((c) => {
    const who = `${c.speaker}${c.role ? ` (${c.role})` : ''}`;
    return c.kind === 'paraphrase' ? `- According to ${who}: ${c.quote}.` : `- ${who}: “${c.quote}”`;
  });
  return [e.summary ?? '', claims.length ? `\nClaims in the reporting:\n${claims.join('\n')}` : ''].join('\n').trim() || 'Account drawn from public reporting.';
}

/** A full report body from a candidate; the form lets the monitor change the narrative, type, accused and clauses. */
export function draftReport(item: CandidateItem, members: ReadonlyMap<string, MemberInfo>): ReportBody {
  const e = item.candidate.event;
  const place = e.where?.[0];
  // The offset at the event's own date: daylight saving may differ from today's.
  const offset = offsetFor(place?.country, place?.lon, place?.lat, e.when?.start ? new Date(`${e.when.start}T12:00:00Z`) : undefined);
  const sides = new Set([...members.values()].filter((m) => m.role === 'party' && m.side).map((m) => m.side as string));
  const known = e.event_type && e.sub_event_type && isKnownEvent(e.event_type, e.sub_event_type);
  const killed = range(e.fatalities);
  const injured = range(e.injured);
  return {
    when: whenFor(e.when, offset),
    where: {
      place: place?.name ?? 'Unknown place',
      country: countryName(place?.country),
      ...(place?.lat !== undefined && place?.lon !== undefined ? { lat: place.lat, lon: place.lon } : {}),
      geo_precision: place?.precision === 1 || place?.precision === 2 ? place.precision : 3,
    },
    event_type: known ? e.event_type! : 'Battles',
    sub_event_type: known ? e.sub_event_type! : 'Armed clash',
    actors: (e.actors ?? []).slice(0, 50).map((a) => ({ name: a.name, side: a.side && sides.has(a.side) ? a.side : null, role: 'other' as const })),
    ...(killed || injured ? { casualties: { ...(killed ? { killed: { unknown: killed } } : {}), ...(injured ? { injured: { unknown: injured } } : {}) } } : {}),
    narrative: draftNarrative(e),
    sources: [],
    clauses: [],
    accused: [],
  };
}
