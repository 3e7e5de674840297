import type { Command } from 'commander';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { TruceError } from '../../domain/errors.js';
import { auditMechanism, type AuditSource } from '../../services/audit.js';
import { checkReceipt } from '../../services/receipts.js';
import { writeFileAtomic } from '../../services/atomic-file.js';
import { allIncidents, baseUrl, getBytes, getJson, request } from '../http.js';
import { EXIT } from '../exit-codes.js';

/** The server over HTTP; with `mirror`, every tile and the checkpoint are also written there as static files. */
export function httpSource(server: string, mirror?: string): AuditSource {
  const keep = async (path: string, data: string | Uint8Array) => {
    if (!mirror) return;
    await mkdir(dirname(join(mirror, path)), { recursive: true });
    await writeFile(join(mirror, path), data);
  };
  return {
    info: () => getJson(`${server}/v1/log`),
    checkpoint: async () => {
      const note = await (await request(`${server}/checkpoint`)).text();
      await keep('checkpoint', note);
      return note;
    },
    tile: async (path) => {
      const bytes = await getBytes(`${server}/${path}`);
      await keep(path, bytes);
      return bytes;
    },
    consistency: async (from, to) => (await getJson<{ proof: string[] }>(`${server}/v1/proof/consistency?from=${from}&to=${to}`)).proof,
    checkpoints: async () => (await getJson<{ items: { note: string }[] }>(`${server}/v1/checkpoints?limit=200`)).items.map((c) => c.note),
    agreement: (asOf) => getJson(`${server}/v1/agreement?asOf=${encodeURIComponent(asOf)}`),
    compliance: () => getJson(`${server}/v1/compliance`),
    incidents: () => allIncidents(server),
    notPublic: async () => (await getJson<{ notPublic: unknown }>(`${server}/v1/incidents?limit=1`)).notPublic,
  };
}

async function readPrevious(path: string | undefined): Promise<{ size: number; root: string; vkey: string } | undefined> {
  if (!path) return undefined;
  try {
    return JSON.parse(await readFile(path, 'utf8'));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new TruceError('bad_request', `cannot read ${path}: ${(e as Error).message}`);
  }
}

async function verifyReceiptFile(path: string, vkey: string | undefined, json?: boolean): Promise<void> {
  if (!vkey) throw new TruceError('bad_request', "checking a receipt offline needs the log's key: --vkey or --state");
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    throw new TruceError('not_found', `cannot read ${path}: ${(e as Error).message}`);
  }
  const proved = checkReceipt(text, vkey);
  const statement = proved.statement as { type?: string; by?: string; at?: string };
  process.stdout.write(json ? JSON.stringify({ ok: true, ...proved }) + '\n' : `VERIFIED receipt: entry ${proved.index} (${statement.type} by ${statement.by} at ${statement.at}) is in the log at size ${proved.size}\n`);
}

export function registerVerify(program: Command): void {
  const command = program
    .command('verify')
    .description('audit a Truce log on this machine: checkpoint signature, every tile and entry, every statement, witnesses, and the server\'s projections')
    .argument('[url]', 'the Truce server (or a mirror serving its tiles and API)')
    .option('--receipt <file>', 'instead: check a tlog-proof receipt offline (needs --vkey or --state)')
    .option('--vkey <vkey>', "the log's verifier key to trust (default: the one in --state, else as served)")
    .option('--state <file>', 'remember the verified checkpoint here, and check the next run is consistent with it')
    .option('--require-witnessed', 'fail unless the checkpoint carries the witness quorum')
    .option('--mirror <dir>', 'also keep the checkpoint and every tile fetched as static files (a C2SP tlog-tiles mirror)')
    .option('--json', 'print the report as JSON')
    .action(async (url: string | undefined, opts: { vkey?: string; state?: string; receipt?: string; requireWitnessed?: boolean; mirror?: string; json?: boolean }) => {
      const previous = await readPrevious(opts.state);
      if (opts.receipt) return verifyReceiptFile(opts.receipt, opts.vkey ?? previous?.vkey, opts.json);
      if (!url) return command.error('truce: give the server URL, or --receipt FILE', { exitCode: EXIT.usage });
      const server = baseUrl(url);
      const showProgress = !opts.json && process.stderr.isTTY;
      const report = await auditMechanism(httpSource(server, opts.mirror), {
        ...(opts.vkey ?? previous?.vkey ? { vkey: (opts.vkey ?? previous?.vkey)! } : {}),
        ...(previous ? { previous } : {}),
        onProgress: (p) => {
          if (showProgress) process.stderr.write(`\r${p.phase}: ${p.done}/${p.total}   `);
        },
      });
      if (showProgress) process.stderr.write('\r\x1b[K');
      const ok = report.ok && (!opts.requireWitnessed || report.checks.every((c) => c.ok));
      if (opts.json) {
        const { state: _state, ...plain } = report;
        process.stdout.write(JSON.stringify({ ...plain, ok }) + '\n');
      } else {
        for (const c of report.checks) process.stdout.write(`${c.ok ? 'ok  ' : c.warning ? 'warn' : 'FAIL'}  ${c.name}: ${c.detail}\n`);
        process.stdout.write(ok ? `VERIFIED ${report.origin} at size ${report.size}\n` : `NOT VERIFIED ${report.origin}\n`);
      }
      if (ok && opts.state && report.root) {
        const vkey = opts.vkey ?? previous?.vkey ?? (await getJson<{ vkey: string }>(`${server}/v1/log`)).vkey;
        await writeFileAtomic(opts.state, JSON.stringify({ size: report.size, root: report.root, vkey }, null, 2) + '\n');
      }
      if (!ok) process.exitCode = EXIT.failed;
    });
}
