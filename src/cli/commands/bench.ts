import type { Command } from 'commander';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export function registerBench(program: Command): void {
  program
    .command('bench')
    .description('run the benchmarks (the same as npm run bench) and print their figures')
    .option('--only <names>', 'comma-separated subset: log,store,append,ingest')
    .action((opts: { only?: string }) => {
      const main = fileURLToPath(new URL('../../../bench/main.ts', import.meta.url));
      const result = spawnSync(process.execPath, ['--import', 'tsx', main, ...(opts.only ? ['--only', opts.only] : [])], { stdio: 'inherit' });
      process.exitCode = result.status ?? 1;
    });
}
