import type { Command } from 'commander';
import { readFile } from 'node:fs/promises';
import { TruceError } from '../../domain/errors.js';
import { toBase64 } from '../../domain/encoding.js';
import { canonicalBytes } from '../../domain/jcs.js';
import { signStatement } from '../../domain/statement.js';
import { readKeyFile } from '../../services/key-file.js';
import { announceServer, serverOption } from '../server-option.js';
import { EXIT } from '../exit-codes.js';
import { readAcledCsv } from '../acled-csv.js';
import { BATCH_STATEMENTS, type Sent, batchesOf, sendBatch } from './submit-batch.js';

/** Rows' statements in batch requests; a request refused as a whole (429, a 4xx) refuses each of its rows with that reason. */
async function sendRows(server: string, statements: readonly Uint8Array[]): Promise<Sent[]> {
  const results: Sent[] = [];
  for (const batch of batchesOf(statements, (s) => s)) {
    try {
      results.push(...(await sendBatch(server, batch)));
    } catch (e) {
      if (!(e instanceof TruceError) || e.code === 'unavailable') throw e;
      results.push(...batch.map((): Sent => ({ ok: false, error: e })));
    }
  }
  return results;
}

interface Outcome {
  readonly line: number;
  readonly ok: boolean;
  readonly detail: string;
}

export function registerImport(program: Command): void {
  program
    .command('import')
    .description('import rows of an ACLED CSV as signed report.file statements; bad rows are reported by line, good rows kept')
    .argument('<format>', 'acled')
    .argument('<file>', 'the CSV file (ACLED column names)')
    .requiredOption('--key <file>', "the filing member's key file")
    .addOption(serverOption())
    .option('--dry-run', 'check every row, send nothing')
    .option('--json', 'print one JSON object per row')
    .action(async (format: string, file: string, opts: { key: string; server?: string; dryRun?: boolean; json?: boolean }) => {
      if (format !== 'acled') throw new TruceError('bad_request', 'the only import format is acled');
      const key = await readKeyFile(opts.key);
      // A CSV file from outside is untrusted: read by the library, each row kept with its line for the report.
      const bytes = await readFile(file).catch((e: Error) => {
        throw new TruceError('bad_request', `${file} cannot be read: ${e.message}`);
      });
      const rows = readAcledCsv(bytes, file);
      const outcomes: Outcome[] = [];
      const server = opts.dryRun ? '' : announceServer(opts.server, 'sending report.file statements to');
      const report = (outcome: Outcome): void => {
        outcomes.push(outcome);
        if (opts.json) process.stdout.write(JSON.stringify(outcome) + '\n');
        else if (!outcome.ok) process.stderr.write(`${file}:${outcome.line}: ${outcome.detail}\n`);
      };
      // The good rows go BATCH_STATEMENTS to a request (POST /v1/statements/batch), each still checked alone by the
      // server; the rows are reported in file order.
      for (let start = 0; start < rows.length; start += BATCH_STATEMENTS) {
        const chunk = rows.slice(start, start + BATCH_STATEMENTS);
        const signed: Uint8Array[] = [];
        if (!opts.dryRun) {
          const at = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
          for (const row of chunk) {
            if (!row.ok) continue;
            const statement = await signStatement({ v: 1, type: 'report.file', by: key.member, key: toBase64(key.publicKey), at, body: row.body as Record<string, unknown> }, key.sign);
            signed.push(canonicalBytes(statement));
          }
        }
        const sent = signed.length > 0 ? await sendRows(server, signed) : [];
        let next = 0;
        for (const row of chunk) {
          if (!row.ok) {
            report({ line: row.line, ok: false, detail: row.detail });
            continue;
          }
          if (opts.dryRun) {
            report({ line: row.line, ok: true, detail: 'valid' });
            continue;
          }
          const result = sent[next++]!;
          // The server could not write (as a single request answering 503 would say): stop here, exit 3.
          if (!result.ok && result.error.code === 'unavailable') throw result.error;
          report(result.ok ? { line: row.line, ok: true, detail: `appended at index ${result.index}` } : { line: row.line, ok: false, detail: result.error.message });
        }
      }
      const good = outcomes.filter((o) => o.ok).length;
      if (!opts.json) process.stdout.write(`${opts.dryRun ? 'valid' : 'imported'} ${good} of ${outcomes.length} rows; ${outcomes.length - good} refused\n`);
      if (good < outcomes.length) process.exitCode = EXIT.failed;
    });
}
