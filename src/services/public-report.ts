import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { Geometry } from 'geojson';
import type { MechanismState } from '../domain/state.js';
import { buildPublicReport, publicReportHash, type PublicReport } from '../domain/report/public-report.js';
import { listPublications, type Publication } from '../domain/records/report-publish.js';
import { type Frame, type Outline, boxOf, frameOf, meets } from '../report/svg.js';
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

type Countries = Topology<{ countries: GeometryCollection }>;
const readTopology = async (file: string): Promise<Countries> => JSON.parse(await readFile(createRequire(import.meta.url).resolve(`world-atlas/${file}`), 'utf8')) as Countries;

const rings = (g: Geometry | null | undefined): Outline[] => (g?.type === 'Polygon' ? [g.coordinates as unknown as Outline] : g?.type === 'MultiPolygon' ? (g.coordinates as unknown as Outline[]) : []);

/** Each country's outline at 1:50m, decoded on first use; which countries lie near a frame is read at 1:110m. */
interface Atlas {
  readonly detailed: Countries;
  /** Each country's bounding box at 1:110m (a country too small for 1:110m has none, and is always decoded). */
  readonly boxes: ReadonlyMap<string, Frame>;
  readonly decoded: Map<string, Outline[]>;
}
let atlas: Promise<Atlas> | null = null;

function loadAtlas(): Promise<Atlas> {
  atlas ??= (async () => {
    const [coarse, detailed] = await Promise.all([readTopology('countries-110m.json'), readTopology('countries-50m.json')]);
    const boxes = new Map<string, Frame>();
    for (const f of feature(coarse, coarse.objects.countries).features) {
      const points = rings(f.geometry).flat();
      if (f.id !== undefined && points.length > 0) boxes.set(String(f.id), boxOf(points.flat()));
    }
    return { detailed, boxes, decoded: new Map() };
  })();
  return atlas;
}

/**
 * Country outlines for the report's map, from world-atlas (Natural Earth, shipped in the npm package): at 1:50m, and
 * only of the countries whose 1:110m box comes within a few degrees of `near` (the map's frame, svg.ts keeps a margin
 * of at least 2° around it), so a report decodes the countries it shows, not the world.
 */
export async function countryOutlines(near: Frame): Promise<Outline[]> {
  const { detailed, boxes, decoded } = await loadAtlas();
  const [mx, my] = [Math.max(3, (near.east - near.west) / 5), Math.max(3, (near.north - near.south) / 5)];
  const around = { west: near.west - mx, east: near.east + mx, south: near.south - my, north: near.north + my };
  const wanted = detailed.objects.countries.geometries.filter((g) => {
    const box = boxes.get(String(g.id));
    return !box || meets(box, around);
  });
  const missing = wanted.filter((g) => !decoded.has(String(g.id)));
  if (missing.length) {
    for (const f of feature(detailed, { type: 'GeometryCollection', geometries: missing }).features) decoded.set(String(f.id), rings(f.geometry));
  }
  return wanted.flatMap((g) => decoded.get(String(g.id)) ?? []);
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
  const points = computed.report.incidents.items.flatMap((i) => (i.lat !== undefined && i.lon !== undefined ? [{ lat: i.lat, lon: i.lon, label: '' }] : []));
  const outlines = points.length ? await countryOutlines(frameOf(points)) : [];
  return renderReportHtml(computed.report, { ...context, names, outlines, illustration: isIllustration(state.mechanism) });
}

/** The demo and the training mechanism say on every page that they are not a real record. */
export function isIllustration(mechanism: string | null): boolean {
  return mechanism !== null && /(^|-)(demo|training)(-|$)/.test(mechanism);
}
