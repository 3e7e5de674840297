import type { Command } from 'commander';
import { readFile } from 'node:fs/promises';
import { TruceError } from '../../domain/errors.js';
import { deriveEncryptionKey, openField } from '../../domain/seal/hpke.js';
import { type SealedField, sealedSchema } from '../../domain/seal/sealed.js';
import { parseStatement } from '../../domain/statement.js';
import { readKeyFile } from '../../services/key-file.js';
import { EXIT } from '../exit-codes.js';
import { getJson } from '../http.js';
import { announceServer, serverOption } from '../server-option.js';

/** A report's sealed fields as the server shows them to everyone (ciphertexts only), with what was released. */
interface SealedOnServer {
  readonly field: string;
  readonly sealed: SealedField;
  readonly release: { readonly released: { readonly value: unknown } | null };
}

/** The sealed fields of a statement file (e.g. one of an outbox folder): read as hostile input, like the server does. */
async function sealedOfFile(path: string): Promise<SealedField[]> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(path));
  } catch (e) {
    throw new TruceError('not_found', `cannot read ${path}: ${(e as Error).message}`);
  }
  while (bytes.length && (bytes[bytes.length - 1] === 0x0a || bytes[bytes.length - 1] === 0x0d)) bytes = bytes.subarray(0, -1);
  const parsed = parseStatement(bytes);
  if (!parsed.ok) throw new TruceError(parsed.code, `${path}: ${parsed.detail}`);
  const sealed = sealedSchema.safeParse((parsed.value.body as { sealed?: unknown }).sealed ?? []);
  if (!sealed.success) throw new TruceError('bad_request', `${path}: its "sealed" is not a list of sealed fields: ${sealed.error.issues[0]?.message}`);
  return sealed.data;
}

export function registerUnseal(program: Command): void {
  program
    .command('unseal')
    .description("read a report's sealed fields as one of their recipients: decrypted here with your key file, checked against the commitment in the log")
    .argument('[report]', 'the report id (as in /v1/incidents/<id>); or give --file')
    .requiredOption('--key <file>', 'your key file (your encryption key is derived from it, as in the browser)')
    .option('--file <statement>', 'read the sealed fields from a signed statement file instead of the server')
    .option('--field <pointer>', 'only this field, e.g. /protected or /where/exact')
    .addOption(serverOption())
    .option('--json', 'print JSON')
    .action(async (report: string | undefined, opts: { key: string; file?: string; field?: string; server?: string; json?: boolean }, command: Command) => {
      if (!report === !opts.file) return command.error('truce: give a report id or --file, not both', { exitCode: EXIT.usage });
      const key = await readKeyFile(opts.key);
      let fields: SealedField[];
      const released = new Map<string, unknown>();
      if (opts.file) fields = await sealedOfFile(opts.file);
      else {
        const server = announceServer(opts.server, 'reading the report from');
        const view = await getJson<{ sealed?: SealedOnServer[] }>(`${server}/v1/incidents/${encodeURIComponent(report!)}`);
        fields = (view.sealed ?? []).map((s) => s.sealed);
        for (const s of view.sealed ?? []) if (s.release.released) released.set(s.field, s.release.released.value);
      }
      if (opts.field) fields = fields.filter((f) => f.field === opts.field);
      if (fields.length === 0) throw new TruceError('not_found', opts.field ? `no sealed field ${opts.field} there` : 'nothing is sealed there');
      const mine = await deriveEncryptionKey(key.seed);
      const out: { field: string; value: unknown; salt: string; commit: string; released: boolean }[] = [];
      for (const f of fields) {
        const opened = await openField(f, key.member, mine);
        // Not a recipient, or a ciphertext that does not open or match its commitment: one line, exit 1.
        if (!opened.ok) throw new TruceError('forbidden', opened.reason);
        out.push({ field: f.field, value: opened.value, salt: opened.salt, commit: f.commit, released: released.has(f.field) });
      }
      if (opts.json) process.stdout.write(JSON.stringify({ member: key.member, fields: out }) + '\n');
      else {
        for (const o of out) {
          const value = typeof o.value === 'string' ? o.value : JSON.stringify(o.value);
          process.stdout.write(`${o.field}: ${value}\n  matches its commitment ${o.commit.slice(0, 16)}…; ${o.released ? 'released: public' : 'not public'}\n`);
        }
      }
    });
}
