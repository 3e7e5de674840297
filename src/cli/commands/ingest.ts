// `truce ingest [inputs...]`: news articles (files, folders, `-` for stdin) -> candidate events. A thin command over
// src/ingest: read, ingest, print. One line per bad input on stderr; exit 0 if any input was processed, 1 if none,
// 2 on a usage error.
import type { Command } from 'commander';
import { DEFAULT_MAX_BYTES, ingest, mechanisms, readInputs, summarize } from '../../ingest/index.js';

interface IngestFlags { json?: boolean; now?: string; mechanism?: string; maxBytes?: string }

function usage(message: string): never {
  process.stderr.write(`truce ingest: ${message}\n`);
  process.exit(2);
}

export function registerIngest(program: Command): void {
  program
    .command('ingest')
    .description('read news articles (text, HTML, RSS/Atom; files, folders or - for stdin) and print candidate events')
    .argument('[inputs...]', 'files, folders, or - for standard input')
    .option('--json', 'print the result as JSON (design.md shape)')
    .option('--now <date>', 'reference date (YYYY-MM-DD) for undated articles')
    .option('--mechanism <id>', 'alias table to use for actors')
    .option('--max-bytes <n>', `largest input accepted, in bytes (default ${DEFAULT_MAX_BYTES})`)
    .action(async (names: string[], flags: IngestFlags) => {
      if (names.length === 0) usage('name at least one input (a file, a folder, or - for stdin)');
      if (flags.now && !Number.isFinite(Date.parse(flags.now))) usage(`--now: not a date: ${flags.now}`);
      if (flags.mechanism && !mechanisms().includes(flags.mechanism)) usage(`--mechanism: unknown '${flags.mechanism}' (known: ${mechanisms().join(', ')})`);
      const maxBytes = flags.maxBytes ? Number(flags.maxBytes) : DEFAULT_MAX_BYTES;
      if (!Number.isInteger(maxBytes) || maxBytes <= 0) usage(`--max-bytes: not a positive integer: ${flags.maxBytes}`);
      const { inputs, errors } = await readInputs(names, { maxBytes });
      const tty = process.stderr.isTTY;
      const result = ingest(inputs, {
        ...(flags.now ? { now: flags.now } : {}),
        ...(flags.mechanism ? { mechanism: flags.mechanism } : {}),
        ...(tty ? { onProgress: (done: number, total: number) => void process.stderr.write(`\ringest: ${done}/${total} articles`) } : {}),
      });
      if (tty && inputs.length) process.stderr.write('\r\x1b[K');
      const allErrors = [...errors, ...result.errors];
      for (const e of allErrors) process.stderr.write(`truce ingest: ${e.input}: ${e.message} (${e.code})\n`);
      const out = flags.json ? JSON.stringify({ ...result, errors: allErrors }, null, 2) : summarize({ ...result, errors: allErrors });
      process.stdout.write(`${out}\n`);
      process.exitCode = result.articles.length > 0 ? 0 : 1;
    });
}
