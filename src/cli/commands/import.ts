import type { Command } from 'commander';
import { readFile } from 'node:fs/promises';
import { TruceError } from '../../domain/errors.js';
import { toBase64 } from '../../domain/encoding.js';
import { canonicalBytes } from '../../domain/jcs.js';
import { signStatement } from '../../domain/statement.js';
import { readKeyFile } from '../../services/key-file.js';
import { request } from '../http.js';
import { announceServer, serverOption } from '../server-option.js';
import { EXIT } from '../exit-codes.js';
import { readAcledCsv } from '../acled-csv.js';

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
      for (const row of rows) {
        if (!row.ok) {
          outcomes.push({ line: row.line, ok: false, detail: row.detail });
        } else if (opts.dryRun) {
          outcomes.push({ line: row.line, ok: true, detail: 'valid' });
        } else {
          const at = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
          const statement = await signStatement({ v: 1, type: 'report.file', by: key.member, key: toBase64(key.publicKey), at, body: row.body as Record<string, unknown> }, key.sign);
          try {
            const answer = await request(`${server}/v1/statements`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: Buffer.from(canonicalBytes(statement)) });
            const { index } = (await answer.json()) as { index: number };
            outcomes.push({ line: row.line, ok: true, detail: `appended at index ${index}` });
          } catch (e) {
            if (e instanceof TruceError && e.code === 'unavailable') throw e;
            outcomes.push({ line: row.line, ok: false, detail: (e as Error).message });
          }
        }
        const last = outcomes[outcomes.length - 1]!;
        if (opts.json) process.stdout.write(JSON.stringify(last) + '\n');
        else if (!last.ok) process.stderr.write(`${file}:${last.line}: ${last.detail}\n`);
      }
      const good = outcomes.filter((o) => o.ok).length;
      if (!opts.json) process.stdout.write(`${opts.dryRun ? 'valid' : 'imported'} ${good} of ${outcomes.length} rows; ${outcomes.length - good} refused\n`);
      if (good < outcomes.length) process.exitCode = EXIT.failed;
    });
}
