// The HTTP client of the benchmarks (bench/queries.ts, bench/state-views.ts), in its own process as a reader's browser or an HTTP load tool is: in the
// server's process its requests, decompression and garbage would run on the event loop under test. Asks each path of
// each kind one at a time over one keep-alive connection (node:http: fetch costs several times the CPU a request),
// with `accept-encoding: br, gzip` as a browser sends, and times each to the body's last byte. Every answer must be
// a 200 with a JSON object, checked after the clock stops. Started by bench/timed-gets.ts.
// Input: a JSON file {url, kinds: {name: {warmup: [path], runs: [path]}}}. Prints {name: {p50, p95}} in ms as JSON.
import { readFileSync } from 'node:fs';
import { Agent, get } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { p50p95 } from './percentiles.js';

interface Plan {
  readonly url: string;
  readonly kinds: Record<string, { readonly warmup: readonly string[]; readonly runs: readonly string[] }>;
}

const plan = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as Plan;
const agent = new Agent({ keepAlive: true, maxSockets: 1 });

/** One GET, timed to the last byte; the body is checked after. */
function timedGet(path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    get(new URL(path, plan.url), { agent, headers: { 'accept-encoding': 'br, gzip' } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c)).on('error', reject).on('end', () => {
        const ms = performance.now() - start;
        const raw = Buffer.concat(chunks);
        const encoding = res.headers['content-encoding'];
        const body = encoding === 'br' ? brotliDecompressSync(raw) : encoding === 'gzip' ? gunzipSync(raw) : raw;
        if (res.statusCode !== 200 || !res.headers['content-type']?.startsWith('application/json') || body[0] !== 0x7b) {
          reject(new Error(`GET ${path}: ${res.statusCode} ${body.subarray(0, 300).toString()}`));
        } else resolve(ms);
      });
    }).on('error', reject);
  });
}

const out: Record<string, { p50: number; p95: number }> = {};
for (const [name, { warmup, runs }] of Object.entries(plan.kinds)) {
  for (const path of warmup) await timedGet(path);
  const times: number[] = [];
  for (const path of runs) times.push(await timedGet(path));
  out[name] = p50p95(times);
}
agent.destroy();
process.stdout.write(JSON.stringify(out));
