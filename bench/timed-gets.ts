// The parent's side of bench/query-client.ts: GETs timed by a client in a process of its own, as a reader's browser
// or an HTTP load tool is, so its requests, decompression and garbage stay off the server's event loop.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const CLIENT = fileURLToPath(new URL('./query-client.ts', import.meta.url));

/** The paths of one kind of request: asked once each first (not timed), then the timed runs. */
export interface GetKind {
  readonly warmup: readonly string[];
  readonly runs: readonly string[];
}

/**
 * p50 and p95 in ms of each kind's GETs on the server at `url`, asked one at a time over one keep-alive connection.
 * @example const t = await timedGets(url, { page: { warmup: ['/v1/incidents'], runs: ['/v1/incidents'] } }); t.page.p95
 */
export async function timedGets(url: string, kinds: Readonly<Record<string, GetKind>>): Promise<Record<string, { p50: number; p95: number }>> {
  const dir = await mkdtemp(join(tmpdir(), 'truce-bench-gets-'));
  try {
    const file = join(dir, 'plan.json');
    await writeFile(file, JSON.stringify({ url, kinds }));
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', CLIENT, file], { maxBuffer: 1 << 20 });
    return JSON.parse(stdout) as Record<string, { p50: number; p95: number }>;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The same path `runs` times, after `warmup` untimed. */
export const repeated = (path: string, runs: number, warmup = Math.min(10, runs)): GetKind => ({ warmup: Array(warmup).fill(path), runs: Array(runs).fill(path) });
