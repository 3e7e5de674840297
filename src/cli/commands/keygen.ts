import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import { TruceError } from '../../domain/errors.js';
import { toBase64 } from '../../domain/encoding.js';
import { generateKeyPair } from '../../services/node-ed25519.js';
import { writeKeyFile } from '../../services/key-file.js';
import { keyFingerprint } from '../../domain/records/admission.js';

export function registerKeygen(program: Command): void {
  program
    .command('keygen')
    .description('make an Ed25519 key file for a member ({"member","seed","key"}); the private key stays on this machine')
    .requiredOption('--member <id>', 'the member id the key is for')
    .option('--out <file>', 'where to write the key file', undefined)
    .option('--force', 'overwrite an existing file')
    .option('--json', 'print JSON')
    .action(async (opts: { member: string; out?: string; force?: boolean; json?: boolean }) => {
      const out = opts.out ?? `${opts.member}.key.json`;
      if (existsSync(out) && !opts.force) throw new TruceError('conflict', `${out} exists; pass --force to overwrite it`);
      const pair = generateKeyPair();
      await writeKeyFile(out, opts.member, pair);
      const key = toBase64(pair.publicKey);
      const fingerprint = keyFingerprint(pair.publicKey);
      process.stdout.write(opts.json ? JSON.stringify({ member: opts.member, key, fingerprint, file: out }) + '\n' : `wrote ${out}\npublic key: ${key}\nfingerprint: ${fingerprint}\n`);
    });
}
