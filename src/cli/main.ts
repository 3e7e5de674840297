import { Command, CommanderError } from 'commander';
import { TruceError } from '../domain/errors.js';
import { EXIT, EXIT_CODE } from './exit-codes.js';
import { registerServe } from './commands/serve.js';
import { registerKeygen } from './commands/keygen.js';
import { registerSubmit } from './commands/submit.js';
import { registerVerify } from './commands/verify.js';
import { registerWitness } from './commands/witness.js';
import { registerExport } from './commands/export.js';
import { registerImport } from './commands/import.js';
import { registerIngest } from './commands/ingest.js';
import { registerBench } from './commands/bench.js';
import { registerBackup } from './commands/backup.js';
import { registerAdmit } from './commands/admit.js';
import { registerOutbox } from './commands/outbox.js';
import { registerUnseal } from './commands/unseal.js';
import { registerReport } from './commands/report.js';

const program = new Command('truce')
  .description('Truce: a ceasefire monitoring and verification mechanism on a Merkle transparency log')
  .version('0.1.0')
  .exitOverride()
  .configureOutput({ outputError: (text, write) => write(`truce: ${text.replace(/^error: /, '')}`) });

for (const register of [registerServe, registerKeygen, registerSubmit, registerAdmit, registerVerify, registerWitness, registerExport, registerImport, registerIngest, registerReport, registerBench, registerBackup, registerOutbox, registerUnseal]) {
  register(program);
}
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
