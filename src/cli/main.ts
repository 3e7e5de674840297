import { Command, CommanderError } from 'commander';
import { TruceError } from '../domain/errors.js';
import { EXIT, EXIT_CODE } from './exit-codes.js';
import type { Command as CommandType } from 'commander';

// Each command's module, loaded only when it runs: `truce verify` does not load the server, PGlite or the gazetteer,
// so a command starts in about a second. Only `truce --help` (and an unknown command) loads them all, for the list.
const COMMANDS: Record<string, () => Promise<(program: CommandType) => void>> = {
  serve: async () => (await import('./commands/serve.js')).registerServe,
  keygen: async () => (await import('./commands/keygen.js')).registerKeygen,
  submit: async () => (await import('./commands/submit.js')).registerSubmit,
  admit: async () => (await import('./commands/admit.js')).registerAdmit,
  verify: async () => (await import('./commands/verify.js')).registerVerify,
  witness: async () => (await import('./commands/witness.js')).registerWitness,
  export: async () => (await import('./commands/export.js')).registerExport,
  import: async () => (await import('./commands/import.js')).registerImport,
  ingest: async () => (await import('./commands/ingest.js')).registerIngest,
  'ingest-queue': async () => (await import('./commands/ingest-queue.js')).registerIngestQueue,
  report: async () => (await import('./commands/report.js')).registerReport,
  bench: async () => (await import('./commands/bench.js')).registerBench,
  backup: async () => (await import('./commands/backup.js')).registerBackup,
  outbox: async () => (await import('./commands/outbox.js')).registerOutbox,
  unseal: async () => (await import('./commands/unseal.js')).registerUnseal,
};

const program = new Command('truce')
  .description('Truce: a ceasefire monitoring and verification mechanism on a Merkle transparency log')
  .version('0.1.0')
  .exitOverride()
  .configureOutput({ outputError: (text, write) => write(`truce: ${text.replace(/^error: /, '')}`) });

const named = process.argv.slice(2).find((arg) => !arg.startsWith('-'));
const wanted = named !== undefined && Object.hasOwn(COMMANDS, named) ? [named] : Object.keys(COMMANDS);
for (const register of await Promise.all(wanted.map((name) => COMMANDS[name]!()))) register(program);
for (const command of program.commands) command.exitOverride();

try {
  await program.parseAsync(process.argv);
} catch (error) {
  process.exitCode = exitCodeFor(error);
}

function exitCodeFor(error: unknown): number {
  if (error instanceof CommanderError) {
    // --help and --version exit 0; everything else commander raises is a usage error (already printed).
    return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
  }
  if (error instanceof TruceError) {
    process.stderr.write(`truce: ${error.message}\n`);
    return EXIT_CODE[error.code];
  }
  process.stderr.write(`truce: ${(error as Error).message ?? String(error)}\n`);
  return EXIT.unavailable;
}
