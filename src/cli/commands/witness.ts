import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { readKeyFile } from '../../services/key-file.js';
import { witnessOnce, type WitnessSource, type WitnessStep } from '../../services/witness.js';
import { watchWitness, type WatchEvent } from '../../services/witness-watch.js';
import { baseUrl, getJson, request } from '../http.js';

function httpSource(server: string): WitnessSource {
  return {
    info: () => getJson(`${server}/v1/log`),
    checkpoint: async () => (await request(`${server}/checkpoint`)).text(),
    consistency: async (from, to) => (await getJson<{ proof: string[] }>(`${server}/v1/proof/consistency?from=${from}&to=${to}`)).proof,
    submit: async (size, cosignature) =>
      (await request(`${server}/v1/cosignatures`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ size, cosignature }) })).json(),
  };
}

const seconds = (ms: number) => (ms < 120_000 ? `${Math.round(ms / 1000)} s` : `${Math.round(ms / 60_000)} min`);

function stepLine(step: WitnessStep): string {
  if (step.outcome === 'unchanged') return `checkpoint ${step.size} unchanged`;
  return step.previous === 0 ? `cosigned checkpoint ${step.size} (the first, consistent with the checkpoint you confirmed)` : `cosigned checkpoint ${step.size} (consistent with ${step.previous})`;
}

function eventLine(event: WatchEvent): string {
  const at = new Date().toISOString();
  if (event.kind === 'step') return `${at} ${stepLine(event.step)}`;
  if (event.kind === 'outage') return `${at} outage (attempt ${event.attempt}): ${event.error}; no checkpoint seen for ${seconds(event.silentMs)}; retrying with backoff`;
  return `${at} the log is reachable again after an outage of ${seconds(event.outageMs)} (${event.attempts} failed attempts)`;
}

/** --trust-checkpoint: a file holding the confirmed checkpoint's signed note, or its root hash (base64 or hex). */
async function readTrust(value: string | undefined): Promise<string | undefined> {
  if (value === undefined) return undefined;
  return existsSync(value) ? readFile(value, 'utf8') : value;
}

export function registerWitness(program: Command): void {
  program
    .command('witness')
    .description("watch a Truce log as a party's or mediator's witness: check each checkpoint is consistent with the last one cosigned, then cosign it")
    .argument('<url>', 'the Truce server')
    .requiredOption('--key <file>', "the member's key file (the witness cosigns as that member)")
    .option('--state <file>', 'where the witness keeps its last cosigned checkpoint', undefined)
    .option('--vkey <vkey>', "pin the log's verifier key (default: the one stored, or the one served)")
    .option('--trust-checkpoint <file or hash>', 'with no state (first run, or state lost): the checkpoint you compared with the other parties, as its note file or root hash')
    .option('--once', 'one round, then exit')
    .option('--interval <seconds>', 'seconds between rounds', (v) => Number(v), 5)
    .option('--max-backoff <seconds>', 'longest wait between retries while the log is unreachable', (v) => Number(v), 60)
    .option('--json', 'print one JSON object per round or event')
    .action(async (url: string, opts: { key: string; state?: string; vkey?: string; trustCheckpoint?: string; once?: boolean; interval: number; maxBackoff: number; json?: boolean }) => {
      const server = baseUrl(url);
      const key = await readKeyFile(opts.key);
      const statePath = resolve(opts.state ?? `witness-${key.member}.json`);
      // Said before anything else: the file is the witness's memory (the log's pinned key, the last checkpoint it
      // cosigned), to be kept and backed up; losing it means confirming a checkpoint at the table again.
      process.stderr.write(`truce: witnessing ${server} as ${key.member}; the log's key and the last checkpoint cosigned are kept in ${statePath}\n`);
      const options = { ...(opts.vkey ? { vkey: opts.vkey } : {}), ...(opts.trustCheckpoint ? { trust: await readTrust(opts.trustCheckpoint) } : {}) };
      if (opts.once) {
        const step = await witnessOnce(httpSource(server), key, statePath, options);
        process.stdout.write(opts.json ? JSON.stringify(step) + '\n' : stepLine(step) + '\n');
        return;
      }
      const stop = new AbortController();
      for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => stop.abort());
      try {
        await watchWitness(httpSource(server), key, statePath, {
          ...options,
          intervalMs: opts.interval * 1000,
          maxBackoffMs: opts.maxBackoff * 1000,
          signal: stop.signal,
          onEvent: (event) => (event.kind === 'step' ? process.stdout : process.stderr).write((opts.json ? JSON.stringify({ at: new Date().toISOString(), ...event }) : eventLine(event)) + '\n'),
        });
      } catch (error) {
        // The one failure a witness exists to catch: say it where no one can miss it, then exit non-zero.
        process.stderr.write(`\n!!! WITNESS STOPPED: ${(error as Error).message}\n!!! Do not cosign anything more from this log; show the evidence files to the other parties.\n\n`);
        throw error;
      }
    });
}
