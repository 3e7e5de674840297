import type { Command } from 'commander';
import { backupMechanism } from '../../services/backup.js';
import { restoreMechanism } from '../../services/restore.js';

const progress = (message: string) => process.stderr.write(`truce: ${message}\n`);

/** `truce backup` and `truce restore`: the whole mechanism to a folder or tarball and back, on either store. */
export function registerBackup(program: Command): void {
  program
    .command('backup')
    .description('write the log, checkpoints, evidence and public keys (never a private key) to a folder or a .tar.gz')
    .requiredOption('--data <dir>', 'the data folder of the mechanism (with PGlite, stop the server first)')
    .option('--db <url>', 'postgres://… when the mechanism runs on a PostgreSQL server')
    .requiredOption('--out <path>', 'a new folder, or a file ending in .tar.gz')
    .option('--json', 'print the manifest as JSON')
    .action(async (opts: { data: string; db?: string; out: string; json?: boolean }) => {
      const manifest = await backupMechanism({ dataDir: opts.data, out: opts.out, onProgress: progress, ...(opts.db ? { db: opts.db } : {}) });
      process.stdout.write(
        opts.json
          ? JSON.stringify(manifest) + '\n'
          : `backed up ${manifest.origin ?? '(empty log)'}: ${manifest.size} entries, root ${manifest.root ?? '-'}, ${manifest.checkpoints} checkpoints, ${manifest.evidence.length} evidence items to ${opts.out}\n` +
              (manifest.vkey ? '' : 'note: the data folder held no log key; keep the log key apart, it is never in a backup\n'),
      );
    });

  program
    .command('restore')
    .description('check a backup whole, then load it into a fresh store (PGlite folder or PostgreSQL database)')
    .requiredOption('--from <path>', 'a backup folder or .tar.gz')
    .requiredOption('--data <dir>', 'the new data folder')
    .option('--db <url>', 'postgres://… of an EMPTY database to restore into instead of PGlite')
    .option('--log-key <file>', "the log's signing key (log.key, kept apart from backups); checked against the backup")
    .action(async (opts: { from: string; data: string; db?: string; logKey?: string }) => {
      const restored = await restoreMechanism({ from: opts.from, dataDir: opts.data, onProgress: progress, ...(opts.db ? { db: opts.db } : {}), ...(opts.logKey ? { logKey: opts.logKey } : {}) });
      const m = restored.manifest;
      process.stdout.write(`restored ${m.origin ?? '(empty log)'}: ${m.size} entries, root ${m.root ?? '-'}, ${m.checkpoints} checkpoints, ${m.evidence.length} evidence items\n`);
      if (!restored.logKeyRestored && m.vkey) process.stdout.write(`the log key was not given: put the key for ${m.vkey} in ${opts.data}/log.key before truce serve\n`);
    });
}
