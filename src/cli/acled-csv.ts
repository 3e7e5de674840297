// An ACLED CSV file from outside, read as untrusted input: the rows as report bodies or refusals, each with its line,
// or one TruceError for a file that is not CSV at all. Pure, so the whole-file fuzz target and `truce import` share it.
import { parse } from 'csv-parse/sync';
import { TruceError } from '../domain/errors.js';
import { acledRowToReportBody, type AcledRow } from '../domain/acled.js';
import type { ReportBody } from '../domain/records/report-schema.js';

export type AcledCsvRow = { readonly line: number } & ({ readonly ok: true; readonly body: ReportBody } | { readonly ok: false; readonly detail: string });

export function readAcledCsv(bytes: Uint8Array, name: string): AcledCsvRow[] {
  let records: { record: Partial<AcledRow>; info: { lines: number } }[];
  try {
    records = parse(Buffer.from(bytes), { columns: header, bom: true, skip_empty_lines: true, relax_column_count: true, info: true, trim: true });
  } catch (e) {
    throw new TruceError('bad_request', `${name} is not a readable CSV: ${(e as Error).message}`);
  }
  return records.map(({ record, info }) => {
    const body = acledRowToReportBody(record);
    return body.ok ? { line: info.lines, ok: true, body: body.value } : { line: info.lines, ok: false, detail: body.detail };
  });
}

/** The header row as column names; a repeated name would let a later cell silently replace an earlier one, so refuse it. */
function header(names: string[]): string[] {
  const seen = new Set<string>();
  for (const n of names) {
    if (seen.has(n)) throw new Error(`the column "${n}" appears twice in the header`);
    seen.add(n);
  }
  return names;
}
