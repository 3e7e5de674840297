import type { Command } from 'commander';
import { writeFile } from 'node:fs/promises';
import { stringify } from 'csv-stringify/sync';
import { TruceError } from '../../domain/errors.js';
import { ACLED_COLUMNS, incidentToAcledRow } from '../../domain/acled.js';
import { incidentsToGeoJson } from '../../domain/geojson.js';
import type { IncidentView } from '../../domain/views/incident.js';
import { allIncidents } from '../http.js';
import { announceServer, serverOption } from '../server-option.js';

const FORMATS = ['acled-csv', 'geojson', 'jsonl'] as const;
type Format = (typeof FORMATS)[number];

/** The incidents in one of the exchange formats: ACLED-style CSV, GeoJSON, or JSON lines of the views. */
export function formatIncidents(format: Format, incidents: readonly IncidentView[]): string {
  switch (format) {
    case 'acled-csv':
      return stringify(incidents.map(incidentToAcledRow), { header: true, columns: [...ACLED_COLUMNS] });
    case 'geojson':
      return JSON.stringify(incidentsToGeoJson(incidents), null, 2) + '\n';
    case 'jsonl':
      return incidents.map((i) => JSON.stringify(i)).join('\n') + (incidents.length ? '\n' : '');
  }
}

export function registerExport(program: Command): void {
  program
    .command('export')
    .description('export the incidents as ACLED-style CSV, GeoJSON or JSON lines')
    .requiredOption('--format <format>', FORMATS.join(' | '))
    .addOption(serverOption())
    .option('--out <file>', 'write here instead of stdout')
    .action(async (opts: { format: string; server?: string; out?: string }) => {
      if (!(FORMATS as readonly string[]).includes(opts.format)) throw new TruceError('bad_request', `--format must be one of ${FORMATS.join(', ')}`);
      const text = formatIncidents(opts.format as Format, await allIncidents<IncidentView>(announceServer(opts.server, 'reading incidents from')));
      if (opts.out) await writeFile(opts.out, text);
      else process.stdout.write(text);
    });
}
