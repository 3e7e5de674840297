// An ingest result as text a monitor can read in a terminal: the articles, then each candidate with its sources,
// figures and claims, then the disagreements between sources.
import type { IngestResult } from './result.js';

const range = (r: { min: number; max: number; open?: boolean } | null): string => (r ? `${r.min === r.max ? r.min : `${r.min}–${r.max}`}${r.open ? '+' : ''}` : '—');

/**
 * The readable summary `truce ingest` prints without --json.
 * @example console.log(summarize(ingest(inputs)))
 */
export function summarize(r: IngestResult): string {
  const out: string[] = [];
  const undated = r.articles.filter((a) => !a.published).length;
  out.push(`${r.articles.length} article${r.articles.length === 1 ? '' : 's'} read (${undated} undated), ${r.events.length} candidate event${r.events.length === 1 ? '' : 's'}, ${r.discrepancies.length} discrepanc${r.discrepancies.length === 1 ? 'y' : 'ies'}, ${r.errors.length} input error${r.errors.length === 1 ? '' : 's'}.`);
  out.push('These are candidates from news reports, not verified incidents: every figure is as a source gave it.', '');
  for (const e of r.events) {
    const when = e.when ? `${e.when.start}${e.when.end !== e.when.start ? ` to ${e.when.end}` : ''} (${e.when.precision})` : 'date unknown';
    out.push(`${e.id}  [${e.kind}] ${e.event_type} / ${e.sub_event_type}`);
    out.push(`    ${e.summary}`);
    out.push(`    when: ${when}`);
    if (e.where.length) out.push(`    where: ${e.where.map((p) => `${p.name} (${p.country}, ${p.lat.toFixed(2)}, ${p.lon.toFixed(2)}, precision ${p.precision})`).join('; ')}`);
    if (e.actors.length) out.push(`    actors: ${e.actors.map((a) => a.name).join(', ')}`);
    if (e.fatalities || e.injured) out.push(`    killed: ${range(e.fatalities)}   injured: ${range(e.injured)}`);
    for (const m of e.mentions) {
      // each claimant's figures, per party: "Pakistan Army: Afghan Taliban 201+ killed; Pakistan Army 23 killed, 29 injured"
      const byClaimant = new Map<string, string[]>();
      for (const t of m.tolls) {
        const party = t.civilian ? 'civilians' : (t.actor?.name ?? t.side ?? 'unspecified');
        const what = [t.killed ? `${range(t.killed)} killed` : '', t.injured ? `${range(t.injured)} injured` : ''].filter(Boolean).join(', ');
        byClaimant.set(t.claimant, [...(byClaimant.get(t.claimant) ?? []), `${party} ${what}`]);
      }
      const figures = [...byClaimant.entries()].map(([who, parts]) => `${who}: ${parts.join('; ')}`).join(' | ');
      out.push(`    - ${m.article}${figures ? `: ${figures}` : ''}`);
    }
    for (const c of e.claims.slice(0, 4)) out.push(`    > ${c.speaker}${c.role ? ` (${c.role})` : ''}: "${c.quote.length > 140 ? `${c.quote.slice(0, 137)}...` : c.quote}" [${c.article}]`);
    if (e.claims.length > 4) out.push(`    > … ${e.claims.length - 4} more claims`);
    out.push('');
  }
  if (r.discrepancies.length) {
    out.push('Discrepancies between sources:');
    for (const d of r.discrepancies) out.push(`  ${d.event} ${d.field}: ${d.values.map((v) => `${v.value} (${v.article})`).join(' vs ')}`);
    out.push('');
  }
  for (const a of r.articles) if (a.notes.length) out.push(`note: ${a.id}: ${a.notes.join('; ')}`);
  for (const a of r.articles) {
    if (!a.found || (!a.found.dates.length && !a.found.places.length)) continue;
    const dates = a.found.dates.map((d) => `${d.start}${d.end !== d.start ? ` to ${d.end}` : ''} ("${d.text}")`);
    const places = a.found.places.map((p) => `${p.name} (${p.country}, precision ${p.precision}, "${p.text}")`);
    out.push(`found in ${a.id}: ${[...dates, ...places].join('; ')}`);
  }
  return out.join('\n').trimEnd();
}
