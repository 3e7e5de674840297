import { type Command, Option } from 'commander';
import { pino } from 'pino';
import { fileURLToPath } from 'node:url';
import { TruceError } from '../../domain/errors.js';
import { Mechanism } from '../../services/mechanism.js';
import { loadDemo } from '../../services/demo-loader.js';
import { buildApp } from '../../server/app.js';
import { tuneServerGc } from '../../server/gc-tuning.js';
import { readStatementExamples } from '../../server/statement-examples.js';

const WEB_ROOT = fileURLToPath(new URL('../../../dist/web', import.meta.url));

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new TruceError('bad_request', `--port must be 0-65535, not ${value}`);
  return port;
}

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('run the server and web UI on a data folder (embedded PGlite store, or PostgreSQL with --db)')
    .option('--port <n>', 'port to listen on', parsePort, 8080)
    .option('--host <address>', 'address to listen on', '127.0.0.1')
    .requiredOption('--data <dir>', 'data folder: store, evidence, the log key, demo keys')
    .option('--db <url>', 'postgres://… to use a PostgreSQL server instead of the embedded store')
    .option('--demo [kind]', 'load a demo into an EMPTY store (never over existing data): "case" (default, the 2025 Pakistan-Afghanistan case as reported) or "training" (a fictional mechanism with the whole workflow)')
    .option('--checkpoint-interval <ms>', 'how often to publish a checkpoint while the log grows', (v) => Number(v), 1000)
    .addOption(new Option('--log-level <level>', 'structured (JSON) logs on stdout from this level up').choices(LOG_LEVELS).default('info'))
    .option('--deep-check', 'an audit at startup: recompute every stored leaf hash and tree node and replay the whole log, not only what changed since the last start')
    .action(async (opts: { port: number; host: string; data: string; db?: string; demo?: boolean | string; checkpointInterval: number; logLevel: string; deepCheck?: boolean }) => {
      if (opts.demo !== undefined && opts.demo !== true && opts.demo !== 'case' && opts.demo !== 'training') {
        throw new TruceError('bad_request', `--demo takes "case" or "training", not "${String(opts.demo)}"`);
      }
      tuneServerGc();
      const progress = (message: string) => process.stderr.write(`truce: ${message}\n`);
      const logger = pino({ level: opts.logLevel, timestamp: pino.stdTimeFunctions.isoTime });
      // The state loads in the background: the log (checkpoints, tiles, proofs) is served as soon as it is checked.
      const mechanism = await Mechanism.open({
        dataDir: opts.data, ...(opts.db ? { db: opts.db } : {}), checkpointIntervalMs: opts.checkpointInterval, onProgress: progress, logger,
        deepCheck: opts.deepCheck ?? false, stateInBackground: true,
      });
      progress(`log served after ${Math.round(mechanism.startup.ms)} ms: ${mechanism.startup.checked} entries checked; loading the state`);
      mechanism.stateReady.then(
        () => {
          const s = mechanism.startup;
          progress(`state loaded after ${Math.round(s.stateReadyMs ?? 0)} ms: ${s.stateFolder !== null ? `state folder read at ${s.stateFolder}` : s.snapshot === null ? 'replayed from the log' : `snapshot read at ${s.snapshot}`}, ${s.replayed} replayed`);
        },
        (error: unknown) => {
          // As a start that could not replay its log always did: stop, and say why (nothing was written).
          progress(`the state could not be loaded: ${(error as Error).message}`);
          logger.flush();
          process.exit(1);
        },
      );
      if (opts.demo) await loadDemo(mechanism, progress, opts.demo === 'training' ? 'training' : 'case');
      const app = await buildApp(mechanism, { webRoot: WEB_ROOT, statementExamples: await readStatementExamples() });
      const address = await app.listen({ port: opts.port, host: opts.host });
      progress(`serving ${mechanism.origin ?? '(empty log: awaiting genesis)'} at ${address} (${mechanism.store.kind} store, ${mechanism.size} entries)`);
      // SIGTERM: refuse new requests (503), let those in flight finish, commit what is queued, sign a last checkpoint.
      const stop = async (signal: string) => {
        progress(`stopping (${signal})`);
        logger.info({ signal, size: mechanism.size }, 'stopping');
        try {
          await app.close();
          await mechanism.close();
        } catch (error) {
          logger.error({ err: error }, 'the server did not stop cleanly');
          process.exit(1);
        }
        logger.info({ size: mechanism.size, checkpoint: mechanism.published?.size ?? 0 }, 'stopped');
        logger.flush();
        process.exit(0);
      };
      process.once('SIGINT', () => void stop('SIGINT'));
      process.once('SIGTERM', () => void stop('SIGTERM'));
    });
}
