// `truce ingest [inputs...]`: news articles (files, folders, `-` for stdin) -> candidate events. A thin command over
// src/ingest: read, ingest, print; with --send, read and send to the server's review queue instead. One line per bad input on stderr; exit 0 if any input was processed, 1 if none,
// 2 on a usage error.
import type { Command } from 'commander';
import { createHash } from 'node:crypto';
import { DEFAULT_MAX_BYTES, ingest, mechanisms, readInputs, summarize } from '../../ingest/index.js';
import type { ArticleInput } from '../../ingest/types.js';
import { toBase64 } from '../../domain/encoding.js';
import { signedRequestMessage } from '../../domain/request-message.js';
import { readKeyFile } from '../../services/key-file.js';
import { request } from '../http.js';
import { announceServer, serverOption } from '../server-option.js';

interface IngestFlags { json?: boolean; now?: string; mechanism?: string; maxBytes?: string; send?: boolean; key?: string; server?: string }

/** The server takes at most this many articles per request (ingestRequestSchema). */
const PER_REQUEST = 500;

/**
 * --send: the articles go to the server's review queue (POST /v1/ingest, a request signed with the member's key, which
 * must be one that may file reports or review candidates), where the server reads them into candidates for the review
 * page. Prints what the server answered: how many articles it read and candidates it made, per request.
 */
async function send(inputs: readonly ArticleInput[], flags: IngestFlags): Promise<void> {
  const key = await readKeyFile(flags.key!);
  const server = announceServer(flags.server, `sending ${inputs.length} articles to the review queue of`);
  let candidates = 0;
  for (let i = 0; i < inputs.length; i += PER_REQUEST) {
    const body = new TextEncoder().encode(JSON.stringify({ articles: inputs.slice(i, i + PER_REQUEST), ...(flags.now ? { now: flags.now } : {}), ...(flags.mechanism ? { mechanism: flags.mechanism } : {}) }));
    const at = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
    const signature = await key.sign(signedRequestMessage('ingest', at, createHash('sha256').update(body).digest('hex')));
    const response = await request(`${server}/v1/ingest`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'truce-key': toBase64(key.publicKey), 'truce-at': at, 'truce-signature': toBase64(signature) },
      body: Buffer.from(body),
    });
    const result = (await response.json()) as { batch: string; candidates: string[]; articles: unknown[] };
    candidates += result.candidates.length;
    process.stdout.write(flags.json ? JSON.stringify(result) + '\n' : `sent ${Math.min(PER_REQUEST, inputs.length - i)} articles: the server read ${result.articles.length} into ${result.candidates.length} candidates (batch ${result.batch})\n`);
  }
  if (!flags.json) process.stdout.write(`${candidates} candidates wait for review at ${server}/#/review\n`);
}

function usage(message: string): never {
  process.stderr.write(`truce ingest: ${message}\n`);
  process.exit(2);
}

export function registerIngest(program: Command): void {
  program
    .command('ingest')
    .description('read news articles (text, HTML, RSS/Atom; files, folders or - for stdin) and print candidate events, or send them to the review queue (--send)')
    .argument('[inputs...]', 'files, folders, or - for standard input')
    .option('--json', 'print the result as JSON (design.md shape)')
    .option('--now <date>', 'reference date (YYYY-MM-DD) for undated articles')
    .option('--mechanism <id>', 'alias table to use for actors')
    .option('--max-bytes <n>', `largest input accepted, in bytes (default ${DEFAULT_MAX_BYTES})`)
    .option('--send', "send the articles to the server's review queue (POST /v1/ingest) instead of only printing candidates here")
    .option('--key <file>', 'with --send: the key file of a member who may file reports or review candidates (it signs the request)')
    .addOption(serverOption())
    .action(async (names: string[], flags: IngestFlags) => {
      if (names.length === 0) usage('name at least one input (a file, a folder, or - for stdin)');
      if (flags.now && !Number.isFinite(Date.parse(flags.now))) usage(`--now: not a date: ${flags.now}`);
      if (flags.mechanism && !mechanisms().includes(flags.mechanism)) usage(`--mechanism: unknown '${flags.mechanism}' (known: ${mechanisms().join(', ')})`);
      const maxBytes = flags.maxBytes ? Number(flags.maxBytes) : DEFAULT_MAX_BYTES;
      if (!Number.isInteger(maxBytes) || maxBytes <= 0) usage(`--max-bytes: not a positive integer: ${flags.maxBytes}`);
      if (flags.send && !flags.key) usage('--send needs --key: the key file of the member who signs the request');
      if (!flags.send && (flags.key || flags.server)) usage('--key and --server are for --send: without it, nothing leaves this machine');
      const { inputs, errors } = await readInputs(names, { maxBytes });
      if (flags.send) {
        for (const e of errors) process.stderr.write(`truce ingest: ${e.input}: ${e.message} (${e.code})\n`);
        if (inputs.length === 0) return void (process.exitCode = 1);
        return send(inputs, flags);
      }
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
