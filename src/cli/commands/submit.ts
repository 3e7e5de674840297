import type { Command } from 'commander';
import { readFile, writeFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { TruceError } from '../../domain/errors.js';
import { toBase64 } from '../../domain/encoding.js';
import { canonicalBytes } from '../../domain/jcs.js';
import { contentHash } from '../../domain/records/fields.js';
import { STATEMENT_TYPES, signStatement, statementId, type StatementType } from '../../domain/statement.js';
import { type MemberKey, readKeyFile } from '../../services/key-file.js';
import { request } from '../http.js';
import { readStrictJson } from '../read-json.js';
import { announceServer, serverOption } from '../server-option.js';
import { readMembers, recipients, sealBody } from './seal-fields.js';
import { deriveEncryptionKey } from '../../domain/seal/hpke.js';
import { resolveTimes, usesTimes } from '../../domain/relative-times.js';
import { NAME, type Names, namesPath, readNames, recordName, resolveNames, usesNames } from './submit-names.js';

/** The body argument: JSON text, @file, or - for stdin. */
export async function readBody(arg: string): Promise<unknown> {
  const text = arg === '-' ? await readStdin() : arg.startsWith('@') ? await readFile(arg.slice(1), 'utf8') : arg;
  return readStrictJson(text, 'the body');
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export interface SignedBody {
  /** The statement's canonical bytes, exactly what is posted and logged. */
  readonly bytes: Uint8Array;
  /** Its id (hex leaf hash), which the server answers too. */
  readonly id: string;
  /** SHA-256 of the JCS of its body: what "@hash:NAME" stands for once it is named. */
  readonly hash: string;
}

export interface SignOptions {
  /** RFC 3339 UTC time to sign; default now. */
  readonly at?: string;
  /** The names "@id:NAME" / "@hash:NAME" refer to, and the file they came from (for messages). */
  readonly names?: { readonly names: Names; readonly path: string; readonly server?: string };
  /** Seal fields of the resolved body before it is signed (--seal, seal-fields.ts). */
  readonly seal?: (body: Record<string, unknown>) => Promise<Record<string, unknown>>;
}

/**
 * What `truce submit` signs, in-process: "$KEY" becomes the signer's public key, "$ENCKEY" its encryption key (derived
 * from the key file, as the browser does), "@id:NAME" and "@hash:NAME" the named statements' id and body hash; the
 * fields to seal are sealed; then the statement is signed with the key file's key.
 * @example await signBody('report.reply', { report: '@id:R1', stance: 'denies', text: '…' }, key, { names: { names, path } })
 */
export async function signBody(type: string, body: unknown, key: MemberKey, opts: SignOptions = {}): Promise<SignedBody> {
  if (!(STATEMENT_TYPES as readonly string[]).includes(type)) throw new TruceError('bad_request', `unknown statement type ${type}`);
  const publicKey = toBase64(key.publicKey);
  let text = JSON.stringify(body).replaceAll('"$KEY"', JSON.stringify(publicKey));
  if (text.includes('"$ENCKEY"')) text = text.replaceAll('"$ENCKEY"', JSON.stringify((await deriveEncryptionKey(key.seed)).publicKey));
  let resolved: unknown = JSON.parse(text);
  if (usesNames(resolved)) {
    if (!opts.names) throw new TruceError('bad_request', 'the body refers to a named statement ("@id:NAME" or "@hash:NAME") but no names file was read');
    resolved = resolveNames(resolved, opts.names.names, opts.names.path, opts.names.server);
  }
  const at = opts.at ?? new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
  if (usesTimes(resolved)) resolved = resolveTimes(resolved, at);
  if (!resolved || typeof resolved !== 'object' || Array.isArray(resolved)) throw new TruceError('bad_request', 'the body must be a JSON object');
  if (opts.seal) resolved = await opts.seal(resolved as Record<string, unknown>);
  const statement = await signStatement({ v: 1, type: type as StatementType, by: key.member, key: publicKey, at, body: resolved as Record<string, unknown> }, key.sign);
  const bytes = canonicalBytes(statement);
  return { bytes, id: statementId(bytes), hash: contentHash(statement.body) };
}

/** Poll for the receipt (the checkpoint follows within a second or so) and write it. */
async function saveReceipt(server: string, index: number, path: string): Promise<void> {
  for (let attempt = 0; attempt < 30; attempt++) {
    const response = await fetch(`${server}/v1/receipts/${index}`);
    if (response.ok) return writeFile(path, await response.text());
    await sleep(500);
  }
  throw new TruceError('unavailable', `appended, but no checkpoint covered entry ${index} within 15 s: fetch ${server}/v1/receipts/${index} later`);
}

interface SubmitOptions {
  key: string;
  server?: string;
  at?: string;
  dryRun?: boolean;
  receipt?: string;
  json?: boolean;
  name?: string;
  names?: string;
  seal: string[];
  to?: string;
  members?: string;
}

export function registerSubmit(program: Command): void {
  program
    .command('submit')
    .description('sign a statement with a key file and append it to the log')
    .argument('<type>', `statement type (${STATEMENT_TYPES.join(', ')})`)
    .argument('<body>', 'the body as JSON, @file, or - for stdin; the string "$KEY" stands for your own public key, "@id:NAME" and "@hash:NAME" for the id and body hash of the statement submitted with --name NAME, "@at:+7d6h" and "@date:+60d" for a time or day after the signing time')
    .requiredOption('--key <file>', 'your key file')
    .addOption(serverOption())
    .option('--at <time>', 'RFC 3339 UTC time to sign (default: now); the server accepts it up to the late limit of the terms (lateLimitHours) in the past')
    .option('--name <name>', 'once appended, record the statement\'s id and body hash under this name in the names file, for later bodies to refer to as "@id:NAME" / "@hash:NAME"')
    .option('--names <file>', 'the names file, one per server (default: $TRUCE_NAMES, else truce-names.json here)')
    .option('--seal <pointer>', 'seal this field of the body (a JSON pointer, e.g. /protected or /where/exact) to --to: it is taken out of the body and encrypted here (HPKE, as the browser does); repeat for more fields', (p: string, all: string[]) => [...all, p], [] as string[])
    .option('--to <recipients>', 'who may read the sealed fields: member ids, "mediators", "side:<side>", comma-separated (each with a registered encryption key)')
    .option('--members <file>', 'read the recipients\' encryption keys from this saved GET /v1/members answer instead of the server (to seal with no network)')
    .option('--dry-run', 'print the signed statement instead of sending it')
    .option('--receipt <file>', 'wait for the next checkpoint and save a tlog-proof receipt of the statement here')
    .option('--json', 'print JSON')
    .addHelpText(
      'after',
      [
        '',
        'Referring to earlier statements: an id is a hash of the signed statement, so a body written in advance names',
        'what it answers by a name of your choosing instead:',
        '  truce submit report.file @report.json --key north.json --name R1',
        '  truce submit report.reply \'{"report": "@id:R1", "stance": "denies", "text": "..."}\' --key south.json',
        '  truce submit finding.sign \'{"finding": "@id:F1", "hash": "@hash:F1", "position": "concur"}\' --key med-b.json',
        'Only a string that is exactly "@id:NAME" or "@hash:NAME" is replaced; a name unknown to the names file is refused.',
        'Times after the signing time (--at, else now), for what must lie ahead of it (a patrol plan, a deadline):',
        '  truce submit patrol.plan \'{"from": "@at:+7d", "until": "@at:+7d8h", ...}\' --key med-a.json',
        '  truce submit request.make \'{"deadline": "@date:+60d", ...}\' --key north.json',
        '',
        'Sealing a field: its value leaves the public body and is encrypted to each recipient\'s encryption key:',
        '  truce submit enckey.add \'{"key": "$ENCKEY"}\' --key qa.json          (once, by each recipient)',
        '  truce submit report.file @report.json --key team.json --seal /protected --to mediators',
        '  truce unseal <report id> --key qa.json                                (a recipient reads it)',
      ].join('\n'),
    )
    .action(async (type: string, bodyArg: string, opts: SubmitOptions) => {
      if (opts.name !== undefined && !NAME.test(opts.name)) throw new TruceError('bad_request', '--name is 1-64 of A-Z a-z 0-9 _ -');
      if (opts.name !== undefined && opts.dryRun) throw new TruceError('bad_request', '--name records an appended statement; with --dry-run nothing is appended');
      if (opts.seal.length > 0 !== (opts.to !== undefined)) throw new TruceError('bad_request', opts.to === undefined ? '--seal needs --to: who may read the sealed fields' : '--to names who reads sealed fields: give the fields with --seal');
      const key = await readKeyFile(opts.key);
      const body = await readBody(bodyArg);
      const path = namesPath(opts.names);
      const server = opts.dryRun ? undefined : announceServer(opts.server, `sending ${type} to`);
      const names = usesNames(body) ? { names: await readNames(path), path, server } : undefined;
      const to = opts.to;
      const membersFrom = () => (opts.members !== undefined ? { file: opts.members } : { server: server ?? announceServer(opts.server, "reading the recipients' encryption keys from") });
      const seal = to === undefined ? undefined : async (b: Record<string, unknown>) => sealBody(b, opts.seal, recipients(to, await readMembers(membersFrom())));
      const signed = await signBody(type, body, key, { at: opts.at, names, seal });
      if (opts.dryRun || server === undefined) {
        process.stdout.write(new TextDecoder().decode(signed.bytes) + '\n');
        return;
      }
      const response = await request(`${server}/v1/statements`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: Buffer.from(signed.bytes) });
      const result = (await response.json()) as { index: number; id: string };
      if (opts.name !== undefined) await recordName(path, opts.name, { type, id: result.id, hash: signed.hash, index: result.index, server });
      if (opts.receipt) await saveReceipt(server, result.index, opts.receipt);
      const named = opts.name !== undefined ? `named ${opts.name} in ${path}\n` : '';
      process.stdout.write(opts.json ? JSON.stringify({ ...result, ...(opts.name !== undefined ? { name: opts.name, hash: signed.hash } : {}) }) + '\n' : `appended ${type} at index ${result.index}\nid ${result.id}\n${named}`);
    });
}
