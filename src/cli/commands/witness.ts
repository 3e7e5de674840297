import type { Command } from 'commander';
import { setTimeout as sleep } from 'node:timers/promises';
import { readKeyFile } from '../../services/key-file.js';
import { witnessOnce, type WitnessSource } from '../../services/witness.js';
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

export function registerWitness(program: Command): void {
  program
    .command('witness')
    .description("watch a Truce log as a party's or mediator's witness: check each checkpoint is consistent with the last one cosigned, then cosign it")
    .argument('<url>', 'the Truce server')
    .requiredOption('--key <file>', "the member's key file (the witness cosigns as that member)")
    .option('--state <file>', 'where the witness keeps its last cosigned checkpoint', undefined)
    .option('--vkey <vkey>', "pin the log's verifier key (default: the one stored, or trust on first use)")
    .option('--once', 'one round, then exit')
    .option('--interval <seconds>', 'seconds between rounds', (v) => Number(v), 5)
    .option('--json', 'print one JSON object per round')
    .action(async (url: string, opts: { key: string; state?: string; vkey?: string; once?: boolean; interval: number; json?: boolean }) => {
      const server = baseUrl(url);
      const key = await readKeyFile(opts.key);
      const statePath = opts.state ?? `witness-${key.member}.json`;
      const source = httpSource(server);
      for (;;) {
        const step = await witnessOnce(source, key, statePath, opts.vkey);
        process.stdout.write(
          opts.json ? JSON.stringify(step) + '\n' : step.outcome === 'cosigned' ? step.previous === 0 ? `cosigned checkpoint ${step.size} (the first this witness has seen)\n` : `cosigned checkpoint ${step.size} (consistent with ${step.previous})\n` : `checkpoint ${step.size} unchanged\n`,
        );
        if (opts.once) return;
        await sleep(opts.interval * 1000);
      }
    });
}
