import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { MechanismState } from '../domain/state.js';
import { buildPublicReport, publicReportHash, type PublicReport } from '../domain/report/public-report.js';
import { listPublications, type Publication } from '../domain/records/report-publish.js';
import type { Outline } from '../report/svg.js';
import { renderReportHtml } from '../report/render-html.js';
import type { ReportLocale } from '../report/messages.js';

export interface ReportPeriod {
  readonly from: string;
  readonly to: string;
}

export interface ComputedReport {
  readonly report: PublicReport;
  /** What a mediator signs in report.publish. */
  readonly sha256: string;
  /** The mediators' report.publish statements for exactly this period and content. */
  readonly publications: readonly Publication[];
}

/** The report of a period from a state (the server's, or one `truce verify` rebuilt from tiles), with its hash. */
export function computeReport(state: MechanismState, period: ReportPeriod): ComputedReport {
  const report = buildPublicReport(state, period);
  const sha256 = publicReportHash(report);
  return { report, sha256, publications: listPublications(state).filter((p) => p.from === period.from && p.to === period.to && p.sha256 === sha256) };
}

let outlines: Promise<Outline[]> | null = null;

/** Country outlines for the report's map, from world-atlas (Natural Earth 1:50m, shipped in the npm package). */
export function countryOutlines(): Promise<Outline[]> {
  outlines ??= (async () => {
    const path = createRequire(import.meta.url).resolve('world-atlas/countries-50m.json');
    const topology = JSON.parse(await readFile(path, 'utf8')) as Topology<{ countries: GeometryCollection }>;
    const collection = feature(topology, topology.objects.countries);
    return collection.features.flatMap((f): Outline[] => {
      const g = f.geometry;
      if (g?.type === 'Polygon') return [g.coordinates as unknown as Outline];
      if (g?.type === 'MultiPolygon') return (g.coordinates as unknown as Outline[]);
      return [];
    });
  })();
  return outlines;
}

export interface HtmlContext {
  readonly locale: ReportLocale;
  readonly origin: string;
  readonly checkpoint: string | null;
  readonly server?: string;
}

/** The report as one printable HTML file, members named, with the map's outlines. */
export async function reportHtml(state: MechanismState, computed: ComputedReport, context: HtmlContext): Promise<string> {
  const names = Object.fromEntries([...state.members.values()].map((m) => [m.side ?? m.id, m.name]).concat([...state.members.values()].map((m) => [m.id, m.name])));
  return renderReportHtml(computed.report, { ...context, names, outlines: await countryOutlines(), illustration: isIllustration(state.mechanism) });
}

/** The demo and the training mechanism say on every page that they are not a real record. */
export function isIllustration(mechanism: string | null): boolean {
  return mechanism !== null && /(^|-)(demo|training)(-|$)/.test(mechanism);
}
