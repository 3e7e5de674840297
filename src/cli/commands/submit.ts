import type { Command } from 'commander';
import { readFile, writeFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { TruceError } from '../../domain/errors.js';
import { toBase64 } from '../../domain/encoding.js';
import { canonicalBytes } from '../../domain/jcs.js';
import { STATEMENT_TYPES, signStatement, type StatementType } from '../../domain/statement.js';
import { readKeyFile } from '../../services/key-file.js';
import { request } from '../http.js';
import { announceServer, serverOption } from '../server-option.js';

async function readBody(arg: string): Promise<unknown> {
  const text = arg === '-' ? await readStdin() : arg.startsWith('@') ? await readFile(arg.slice(1), 'utf8') : arg;
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new TruceError('bad_request', `the body is not JSON: ${(e as Error).message}`);
  }
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
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

export function registerSubmit(program: Command): void {
  program
    .command('submit')
    .description('sign a statement with a key file and append it to the log')
    .argument('<type>', `statement type (${STATEMENT_TYPES.join(', ')})`)
    .argument('<body>', 'the body as JSON, @file, or - for stdin; the string "$KEY" stands for your own public key')
    .requiredOption('--key <file>', 'your key file')
    .addOption(serverOption())
    .option('--at <time>', 'RFC 3339 UTC time to sign (default: now)')
    .option('--dry-run', 'print the signed statement instead of sending it')
    .option('--receipt <file>', 'wait for the next checkpoint and save a tlog-proof receipt of the statement here')
    .option('--json', 'print JSON')
    .action(async (type: string, bodyArg: string, opts: { key: string; server?: string; at?: string; dryRun?: boolean; receipt?: string; json?: boolean }) => {
      if (!(STATEMENT_TYPES as readonly string[]).includes(type)) throw new TruceError('bad_request', `unknown statement type ${type}`);
      const key = await readKeyFile(opts.key);
      const publicKey = toBase64(key.publicKey);
      const body = JSON.parse(JSON.stringify(await readBody(bodyArg)).replaceAll('"$KEY"', JSON.stringify(publicKey)));
      if (!body || typeof body !== 'object' || Array.isArray(body)) throw new TruceError('bad_request', 'the body must be a JSON object');
      const at = opts.at ?? new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
      const statement = await signStatement({ v: 1, type: type as StatementType, by: key.member, key: publicKey, at, body }, key.sign);
      const bytes = canonicalBytes(statement);
      if (opts.dryRun) {
        process.stdout.write(new TextDecoder().decode(bytes) + '\n');
        return;
      }
      const server = announceServer(opts.server, `sending ${type} to`);
      const response = await request(`${server}/v1/statements`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: Buffer.from(bytes) });
      const result = (await response.json()) as { index: number; id: string };
      if (opts.receipt) await saveReceipt(server, result.index, opts.receipt);
      process.stdout.write(opts.json ? JSON.stringify(result) + '\n' : `appended ${type} at index ${result.index}\nid ${result.id}\n`);
    });
}
