import { createIntl, createIntlCache } from '@formatjs/intl';
import type { PublicReport, Tally } from '../domain/report/public-report.js';
import { REPORT_CATALOGS, RTL_LOCALES, type ReportLocale, type ReportMessageKey } from './messages.js';
import { esc, svgMap, svgTimeline, type Outline } from './svg.js';
import { REPORT_CSS } from './style.js';

export interface RenderOptions {
  readonly locale: ReportLocale;
  /** The log's origin, e.g. truce/pk-af-2025. */
  readonly origin: string;
  /** The signed checkpoint text (a C2SP signed note) of a tree at least as large as the report's size. */
  readonly checkpoint: string | null;
  /** Where the log is served, for links to each entry's receipt; without it entries are shown by index only. */
  readonly server?: string;
  /** Members' names by id, so readers see names, not ids. */
  readonly names?: Readonly<Record<string, string>>;
  readonly outlines?: readonly Outline[];
  /** Say on the first line that the mechanism is an illustration (the demo) or training. */
  readonly illustration?: boolean;
}

const cache = createIntlCache();
const DIGITS: Readonly<Record<ReportLocale, string>> = { en: 'latn', ur: 'latn', ps: 'arabext', 'fa-AF': 'arabext', ar: 'arab', tr: 'latn' };

/**
 * The public report as one self-contained HTML file (inline CSS and SVG, no script, no request to anywhere), in the
 * reader's language and direction; print it to PDF from the browser. Every figure links to the log entries it counts.
 * @example renderReportHtml(report, { locale: 'ur', origin: 'truce/pk-af-2025', checkpoint })
 */
export function renderReportHtml(report: PublicReport, options: RenderOptions): string {
  const { locale } = options;
  const intl = createIntl({ locale: `${locale}-u-nu-${DIGITS[locale]}`, messages: REPORT_CATALOGS[locale], defaultLocale: 'en' }, cache);
  const t = (key: ReportMessageKey, values?: Record<string, string | number>) => esc(String(intl.formatMessage({ id: key }, values)));
  // A message with markup in some arguments (links to log entries): format with markers, escape, then put the markup in.
  const tHtml = (key: ReportMessageKey, values: Record<string, string | number>, html: Record<string, string>) => {
    let out = t(key, { ...values, ...Object.fromEntries(Object.keys(html).map((k) => [k, `\u0001${k}\u0001`])) });
    for (const [k, v] of Object.entries(html)) out = out.replace(`\u0001${k}\u0001`, v);
    return out;
  };
  const num = (n: number) => intl.formatNumber(n);
  const date = (iso: string) => intl.formatDate(iso, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });
  const name = (id: string) => options.names?.[id] ?? id;
  const entry = (index: number) =>
    options.server ? `<a href="${esc(`${options.server}/v1/receipts/${index}`)}">#${index}</a>` : `#${index}`;
  const entries = (indexes: readonly number[]) => indexes.map(entry).join(' ');
  const tallyList = (items: readonly Tally[], label: (key: string) => string = (k) => k) =>
    items.length === 0 ? `<p>${t('none')}</p>` : `<ul class="tally">${items.map((i) => `<li><bdi>${esc(label(i.key))}</bdi>: <b>${num(i.count)}</b> <small>${entries(i.entries)}</small></li>`).join('')}</ul>`;

  const s = report.status;
  const status = [
    `<h2>${t('statusHeading')}</h2>`,
    s.basis
      ? `<p class="status ${s.stands ? 'stands' : 'not'}">${t('statusStands', { asOf: date(s.asOf), state: String(intl.formatMessage({ id: 'ceasefireState' }, { state: s.state })) })}</p>` +
        `<p>${tHtml('statusBasis', { signers: s.basis.signers.map(name).join(', '), effective: date(s.basis.effective) }, { entries: entries(s.basis.indexes) })}</p>` +
        (s.expires ? `<p>${t('statusExpires', { expires: date(s.expires) })}</p>` : '')
      : `<p class="status not">${t('statusNone', { asOf: date(s.asOf) })}</p>`,
    s.claims.length ? `<p>${t('statusClaims')}</p><ul>${s.claims.map((c) => `<li>${esc(name(c.side))}: ${esc(String(intl.formatMessage({ id: 'ceasefireState' }, { state: c.status })))} (${esc(date(c.effective))}) ${entry(c.index)}</li>`).join('')}</ul>` : '',
  ].join('');

  const perDay: Record<string, number> = {};
  for (const i of report.incidents.items) perDay[i.start.slice(0, 10)] = (perDay[i.start.slice(0, 10)] ?? 0) + 1;
  const points = report.incidents.items.flatMap((i) => (i.lat !== undefined && i.lon !== undefined ? [{ lat: i.lat, lon: i.lon, label: `${i.place} ${i.start.slice(0, 10)}` }] : []));
  const rows = report.incidents.items
    .map((i) => `<tr><td>${esc(date(i.start))}</td><td dir="auto">${esc(i.place)}, ${esc(i.country)}</td><td>${esc(i.eventType)} · ${esc(i.subEventType)}</td><td>${esc(i.accused.map(name).join(', ') || t('noneNamed'))}</td><td>${esc(name(i.filedBy))}</td><td>${esc(i.status.replace(/_/g, ' '))}</td><td>${entry(i.index)}</td></tr>`)
    .join('');
  const incidents = [
    `<h2>${t('incidentsHeading')}</h2>`,
    `<p><b>${t('incidentsTotal', { count: report.incidents.total })}</b> ${t('incidentsNote')}</p>`,
    points.length ? `<figure>${svgMap(points, options.outlines ?? [], t('mapCaption'))}<figcaption>${t('mapCaption')}</figcaption></figure>` : '',
    report.incidents.total ? `<figure>${svgTimeline(perDay, report.period.from, report.period.to, t('timelineCaption'))}<figcaption>${t('timelineCaption')}</figcaption></figure>` : '',
    `<div class="cols"><section><h3>${t('byType')}</h3>${tallyList(report.incidents.byType)}</section>`,
    `<section><h3>${t('byAccused')}</h3>${tallyList(report.incidents.byAccused, name)}</section>`,
    `<section><h3>${t('byPlace')}</h3>${tallyList(report.incidents.byPlace)}</section></div>`,
    rows ? `<table><thead><tr><th>${t('colDate')}</th><th>${t('colPlace')}</th><th>${t('colType')}</th><th>${t('colAccused')}</th><th>${t('colFiledBy')}</th><th>${t('colStatus')}</th><th>${t('colEntry')}</th></tr></thead><tbody>${rows}</tbody></table>` : '',
  ].join('');

  const determination = (v: string) => String(intl.formatMessage({ id: 'determination' }, { value: v }));
  const findings = report.findings.length
    ? `<ul>${report.findings.map((f) => `<li>${t('findingLine', { determination: determination(f.determination), responsible: f.responsible ? name(f.responsible) : 'none', basis: f.responsibility ? String(intl.formatMessage({ id: 'responsibility' }, { value: f.responsibility })) : 'none', date: date(f.decidedAt) })} ${entry(f.index)}</li>`).join('')}</ul>`
    : `<p>${t('findingsNone')}</p>`;
  const list = <T,>(items: readonly T[], line: (item: T) => string) => (items.length ? `<ul>${items.map((i) => `<li>${line(i)}</li>`).join('')}</ul>` : `<p>${t('none')}</p>`);
  const c = report.commitments.counts;
  const sel = (id: 'basisKind' | 'acknowledged', value: string) => esc(String(intl.formatMessage({ id }, { value })));
  const basis = (b: PublicReport['terms'][number]['parties'][number]['bases'][number]) => `${sel('basisKind', b.kind)}${b.acknowledged === null ? '' : ` (${sel('acknowledged', b.acknowledged ? 'yes' : 'no')})`} ${entry(b.index)}`;
  const terms = report.terms.length
    ? `<p>${t('termsNote', { asOf: date(report.status.asOf) })}</p><ul>${report.terms.map((term) => `<li><b dir="ltr">${esc(term.id)}</b> <bdi dir="auto">${esc(term.text)}</bdi><ul>${term.parties.map((p) => `<li>${t('termParty', { side: name(p.side), inForce: p.inForce ? 'yes' : 'no' })}${p.bases.length ? ` — ${p.bases.map(basis).join('; ')}` : ''}</li>`).join('')}</ul></li>`).join('')}</ul>`
    : `<p>${t('termsNone')}</p>`;

  const body = [
    `<header><h1>${t('title')}</h1><p>${t('period', { from: date(report.period.from), to: date(report.period.to) })} · <code dir="ltr">${esc(options.origin)}</code></p>`,
    options.illustration ? `<p class="illustration">${t('illustration')}</p>` : '',
    `</header>`,
    status,
    `<h2>${t('termsHeading')}</h2>${terms}`,
    incidents,
    `<h2>${t('investigationsHeading')}</h2>${list(report.investigations, (i) => `${esc(date(i.at))} ${entry(i.index)}`)}`,
    `<h2>${t('findingsHeading')}</h2>${findings}`,
    `<h2>${t('penaltiesHeading')}</h2>${list(report.penalties, (p) => `${esc(name(p.side))}: ${esc(p.penalty)} (${esc(p.severity)}) ${entry(p.index)}`)}`,
    `<h2>${t('commitmentsHeading')}</h2><p>${t('commitmentCounts', { due: num(c.due), reported: num(c.reported), verified: num(c.verified), overdue: num(c.overdue) })}</p>`,
    `<h2>${t('meetingsHeading')}</h2>${list(report.meetings, (m) => `<bdi dir="auto">${esc(m.title)}</bdi>, ${esc(m.place)}, ${esc(date(m.start))} ${entry(m.index)}${m.joint ? ` — ${t('jointSigned', { signers: m.joint.signedBy.map(name).join(', ') })}` : ''}`)}`,
    `<h2>${t('notPublicHeading')}</h2><p>${t('notPublic', { count: report.notPublic })}</p>`,
    `<footer><h2>${t('recomputeHeading')}</h2><p>${t('recompute', { size: num(report.size), origin: options.origin, from: report.period.from, to: report.period.to })}</p>`,
    options.checkpoint ? `<p>${t('checkpoint')}</p><pre dir="ltr">${esc(options.checkpoint)}</pre>` : '',
    `</footer>`,
  ].join('\n');

  const dir = RTL_LOCALES.has(locale) ? 'rtl' : 'ltr';
  return `<!doctype html>\n<html lang="${locale}" dir="${dir}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${t('title')} · ${esc(report.period.from)} – ${esc(report.period.to)}</title><style>${REPORT_CSS}</style></head><body><main>\n${body}\n</main></body></html>\n`;
}
