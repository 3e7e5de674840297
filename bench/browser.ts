/**
 * The browser at scale (issue 14, part 4), in Debian's headless Chromium through playwright-core, against the real
 * server (PostgreSQL store, the built UI in dist/web, the training mechanism):
 * 1. The overview (`#/`) with BENCH_BROWSER_INCIDENTS (default 100,000) generated incidents in the projection
 *    (bench/incident-generator.ts), beside the same page on the training demo alone (its 8 reports) as the baseline:
 *    first contentful paint, and "interactive": the map has drawn its points, the latest incidents are listed, and the
 *    main thread answers at once; plus the main thread's long tasks (over 50 ms) while loading, and the page's
 *    heap. Median of LOADS fresh page loads each.
 * 2. "Verify in this browser" (the Log page) on a log grown (bench/log-growth.ts) to each of BENCH_BROWSER_LOG
 *    entries (default 10,000 and 100,000; a run that fails is reported, not thrown): time to the verdict, its entries
 *    per second, the page's JS heap (main thread, sampled every 250 ms: the peak and at the verdict), and the progress
 *    bar sampled while it runs (how often it moved and its longest pause); baselines from the same run: `truce
 *    verify`'s own code in Node on the same log over HTTP (auditMechanism, node:crypto), and Ed25519 verifications/s
 *    on one core in Node with node:crypto and with the browser's JavaScript fallback (noble, node:crypto's rule).
 * BENCH_LOG_KEEP=1 keeps the verify part's grown log for the next run (bench/log-growth.ts, keptLog: database
 * truce_bench_log_browser and /tmp/truce-bench-log-browser; reopening a million entries reads the state snapshot,
 * 5 minutes at load 13 instead of 7 to grow it); a kept log larger than asked is verified whole. While the browser
 * verifies, what goes wrong is printed: failed requests with Chromium's net:: error, answers that are not 2xx, the
 * tile requests the server answered slower than 1 s, this process's (the server's) heap and event-loop delay.
 * BENCH_BROWSER_NODE_MAX (default 100,000): the largest log `truce verify` in Node is run on, after the browser.
 * Run alone: node --import tsx bench/browser.ts
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import pg from 'pg';
import { chromium, type Browser } from 'playwright-core';
import { type Ed25519Verify, verifyEd25519 } from '../src/log/ed25519.js';
import { httpSource } from '../src/cli/commands/verify.js';
import { auditMechanism } from '../src/services/audit.js';
import { verifyEd25519Node } from '../src/services/node-ed25519.js';
import { utf8 } from '../src/log/encoding.js';
import { Mechanism } from '../src/services/mechanism.js';
import { loadDemo } from '../src/services/demo-loader.js';
import { buildApp } from '../src/server/app.js';
import { postgresClient } from '../src/store/postgres-store.js';
import { createScratchDatabase } from '../src/store/postgres-test-db.js';
import { member, signed } from '../test/e2e/helpers/members.js';
import { loadGeneratedIncidents } from './incident-load.js';
import { benchMember, grow, KEEP_LOG, keptLog } from './log-growth.js';

const INCIDENTS = Number(process.env.BENCH_BROWSER_INCIDENTS ?? 100_000);
const LOG_SIZES = (process.env.BENCH_BROWSER_LOG ?? '10000,100000').split(',').map(Number);
const LOADS = Number(process.env.BENCH_BROWSER_LOADS ?? 5);
/** Which parts to run: overview, verify (default both). */
const PARTS = (process.env.BENCH_BROWSER_PARTS ?? 'overview,verify').split(',');
/** `truce verify` in Node, the baseline, runs on logs up to this size (it holds the whole log in memory). */
const NODE_MAX = Number(process.env.BENCH_BROWSER_NODE_MAX ?? 100_000);
const ROOT = fileURLToPath(new URL('../', import.meta.url));
const WEB_ROOT = join(ROOT, 'dist', 'web');
const VIEWPORT = { width: 1280, height: 800 };

/** This process's event loop (the server's, in the verify part): its delays show a stalled server. */
const loopDelay = monitorEventLoopDelay({ resolution: 20 });

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

interface Served {
  readonly url: string;
  readonly mechanism: Mechanism;
  close(): Promise<void>;
}

/** A tile request the server answered slowly or not with 200, as the server saw it. */
interface TileAnswer {
  readonly url: string;
  readonly status: number;
  readonly ms: number;
  readonly at: string;
}

async function serve(db: string, demo: boolean, kept?: string): Promise<Served & { readonly tiles: { count: number; slow: TileAnswer[]; slowest: number } }> {
  const dataDir = kept ?? (await mkdtemp(join(tmpdir(), 'truce-bench-browser-')));
  const mechanism = await Mechanism.open({ dataDir, db, checkpointIntervalMs: 1_000 });
  if (demo) await loadDemo(mechanism, undefined, 'training');
  const app = await buildApp(mechanism, { webRoot: WEB_ROOT, rateLimits: false });
  // What the server saw of the tile requests: how many, the slowest, and each one slower than 1 s or not a 200.
  const tiles = { count: 0, slow: [] as TileAnswer[], slowest: 0 };
  app.addHook('onResponse', async (request, reply) => {
    if (!request.url.startsWith('/tile/')) return;
    tiles.count += 1;
    tiles.slowest = Math.max(tiles.slowest, reply.elapsedTime);
    if (reply.elapsedTime > 1_000 || reply.statusCode !== 200) tiles.slow.push({ url: request.url, status: reply.statusCode, ms: Math.round(reply.elapsedTime), at: new Date().toISOString() });
  });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    url,
    mechanism,
    tiles,
    async close() {
      await app.close();
      await mechanism.close();
      if (!kept) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

interface OverviewLoad {
  readonly firstPaint: number;
  readonly interactive: number;
  readonly longTasks: number;
  readonly longestTask: number;
  readonly heapMiB: number;
  readonly points: number;
}

/** One fresh load of the overview, timed from navigation start. */
async function loadOverview(browser: Browser, url: string): Promise<OverviewLoad> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    const page = await context.newPage();
    await page.addInitScript(() => {
      const w = window as unknown as { __long: number[] };
      w.__long = [];
      new PerformanceObserver((list) => list.getEntries().forEach((e) => w.__long.push(e.duration))).observe({ type: 'longtask', buffered: true });
    });
    await page.goto(`${url}/#/`);
    // Interactive: the map drew its points, the latest incidents are listed, and a task posted now runs at once.
    await page.waitForFunction(() => {
      const map = document.querySelector('[data-testid="incident-map"]');
      return map?.getAttribute('data-state') === 'ready' && Number(map.getAttribute('data-rendered')) > 0 && document.querySelector('.recent-grid li') !== null;
    }, null, { timeout: 120_000, polling: 50 });
    return await page.evaluate(async () => {
      await new Promise<void>((resolve) => setTimeout(resolve, 0));
      const interactive = performance.now();
      const paint = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN;
      const long = (window as unknown as { __long: number[] }).__long;
      const memory = (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory;
      return {
        firstPaint: paint,
        interactive,
        longTasks: long.reduce((a, b) => a + b, 0),
        longestTask: Math.max(0, ...long),
        heapMiB: (memory?.usedJSHeapSize ?? 0) / 2 ** 20,
        points: Number(document.querySelector('[data-testid="incident-map"]')?.getAttribute('data-rendered')),
      };
    });
  } finally {
    await context.close();
  }
}

async function overviewFigures(browser: Browser, url: string, label: string): Promise<Record<string, number>> {
  await loadOverview(browser, url); // warm the server's caches and the HTTP cache of the first context alike
  const loads: OverviewLoad[] = [];
  for (let i = 0; i < LOADS; i++) loads.push(await loadOverview(browser, url));
  const pick = (f: (l: OverviewLoad) => number) => +median(loads.map(f)).toFixed(1);
  return {
    [`overview, ${label}: first contentful paint, ms`]: pick((l) => l.firstPaint),
    [`overview, ${label}: interactive (map drawn, list shown), ms`]: pick((l) => l.interactive),
    [`overview, ${label}: long tasks while loading, total ms`]: pick((l) => l.longTasks),
    [`overview, ${label}: longest task, ms`]: pick((l) => l.longestTask),
    [`overview, ${label}: JS heap, MiB`]: pick((l) => l.heapMiB),
    [`overview, ${label}: points on the map`]: pick((l) => l.points),
  };
}

/**
 * Memory of this process's descendants (the browser: its tab, workers, GPU and network processes), MiB: the sum of
 * their proportional set sizes (shared pages counted once across them).
 */
function browserRssMiB(): number {
  const rows = execFileSync('ps', ['-eo', 'pid=,ppid=']).toString().trim().split('\n').map((l) => l.trim().split(/\s+/).map(Number));
  const pss = (pid: number) => {
    try {
      return Number(/^Pss:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'))?.[1] ?? 0);
    } catch {
      return 0;
    }
  };
  const mine = new Set([process.pid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [pid, ppid] of rows) {
      if (!mine.has(pid!) && mine.has(ppid!)) {
        mine.add(pid!);
        grew = true;
      }
    }
  }
  mine.delete(process.pid);
  return [...mine].reduce((sum, pid) => sum + pss(pid), 0) / 1024;
}

/** "Verify in this browser" on the Log page, to its verdict, sampling the progress bar meanwhile. */
async function verifyInBrowser(browser: Browser, url: string): Promise<{ seconds: number; samples: number; moves: number; longestStill: number; verdict: string; peakHeapMiB: number; endHeapMiB: number; liveNearEndMiB: number | null; rssBeforeMiB: number; peakRssMiB: number; loopMaxMs: number }> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    const page = await context.newPage();
    // What the browser saw go wrong: a failed request's network error (net::ERR_…), an answer that was not a 2xx,
    // the console's errors, a crashed tab.
    page.on('requestfailed', (r) => console.error(`${new Date().toISOString()} request failed: ${r.url()} ${r.failure()?.errorText ?? ''}`));
    page.on('response', (r) => r.status() >= 400 && console.error(`${new Date().toISOString()} answer ${r.status()}: ${r.url()}`));
    page.on('console', (m) => m.type() === 'error' && console.error(`${new Date().toISOString()} console: ${m.text()}`));
    page.on('crash', () => console.error(`${new Date().toISOString()} the tab crashed`));
    // The server shares this process with a million-entry state: its first answers after growing the log may be slow.
    await page.goto(`${url}/#/log`, { timeout: 300_000 });
    await page.getByTestId('checkpoint').waitFor({ timeout: 300_000 });
    const t0 = performance.now();
    loopDelay.reset();
    loopDelay.enable();
    await page.getByTestId('verify-run').click();
    const verdict = page.getByTestId('verify-verdict');
    let samples = 0;
    let moves = 0;
    let last = '';
    let lastMove = performance.now();
    let longestStill = 0;
    let peakHeap = 0;
    // The heap's peak counts garbage not yet collected (V8 lets it grow towards its limit, which a phone sets lower).
    // What the verification holds is read once, near its end: the live heap after a full collection (DevTools'
    // HeapProfiler.collectGarbage), when every step's bar has passed nine tenths.
    const cdp = await context.newCDPSession(page);
    let liveNearEnd: number | null = null;
    const heap = () => page.evaluate(() => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0);
    let lastPrinted = 0;
    let rssAt = 0;
    let peakRss = browserRssMiB();
    const rssBefore = peakRss;
    while (!(await verdict.isVisible())) {
      const now = await page.evaluate(() => [...document.querySelectorAll('progress')].map((p) => `${p.getAttribute('aria-label')}:${p.value.toFixed(3)}`).join('|'));
      peakHeap = Math.max(peakHeap, await heap());
      samples += 1;
      const bars = now.split('|').map((bar) => Number(bar.slice(bar.lastIndexOf(':') + 1)));
      if (liveNearEnd === null && bars.length > 1 && bars.every((value) => value >= 0.9 && value < 1)) {
        await cdp.send('HeapProfiler.collectGarbage');
        liveNearEnd = (await cdp.send('Runtime.getHeapUsage')).usedSize;
      }
      if (performance.now() - rssAt > 5_000) {
        rssAt = performance.now();
        peakRss = Math.max(peakRss, browserRssMiB());
      }
      if (performance.now() - lastPrinted > 30_000) {
        lastPrinted = performance.now();
        const server = process.memoryUsage();
        console.error(`${((lastPrinted - t0) / 1000).toFixed(0)} s: ${now} heap ${(peakHeap / 2 ** 20).toFixed(0)} MiB peak, browser PSS ${peakRss.toFixed(0)} MiB peak; ` +
          `this process (server and bench): heap ${(server.heapUsed / 2 ** 20).toFixed(0)} MiB, RSS ${(server.rss / 2 ** 20).toFixed(0)} MiB, event loop delay max ${(loopDelay.max / 1e6).toFixed(0)} ms, p99 ${(loopDelay.percentile(99) / 1e6).toFixed(0)} ms; load ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
      }
      if (now !== last && now !== '') {
        moves += 1;
        longestStill = Math.max(longestStill, performance.now() - lastMove);
        lastMove = performance.now();
        last = now;
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const seconds = (performance.now() - t0) / 1000;
    loopDelay.disable();
    const endHeap = await heap();
    const outcome = (await verdict.getAttribute('data-verdict')) ?? '';
    if (outcome !== 'ok') throw new Error(`the browser's verification failed: ${await verdict.innerText()}`);
    return { seconds, samples, moves, longestStill: longestStill / 1000, verdict: outcome, peakHeapMiB: Math.max(peakHeap, endHeap) / 2 ** 20, endHeapMiB: endHeap / 2 ** 20, liveNearEndMiB: liveNearEnd === null ? null : liveNearEnd / 2 ** 20, rssBeforeMiB: rssBefore, peakRssMiB: peakRss, loopMaxMs: loopDelay.max / 1e6 };
  } finally {
    await context.close();
  }
}

/** Ed25519 verifications per second on one core in Node: the browser's JavaScript fallback (noble, node:crypto's rule) or node:crypto. */
function nodeVerifyRate(verify: Ed25519Verify, n = 2_000): number {
  const m = member('bench');
  const message = utf8('x'.repeat(300));
  const signature = m.sign(message);
  const t0 = performance.now();
  for (let i = 0; i < n; i++) verify(m.publicKey, message, signature);
  return n / ((performance.now() - t0) / 1000);
}

/** `truce verify`'s code in Node on the same log over HTTP (without comparing the server's projections): seconds. */
async function verifyInNode(url: string, size: number): Promise<number> {
  const t0 = performance.now();
  const report = await auditMechanism(httpSource(url), { projections: false });
  if (!report.ok || report.size !== size) throw new Error(`truce verify in Node: ${JSON.stringify(report.checks.filter((c) => !c.ok))}`);
  return (performance.now() - t0) / 1000;
}

export async function benchBrowser(): Promise<Record<string, number>> {
  if (!existsSync(join(WEB_ROOT, 'index.html'))) execFileSync('npm', ['run', 'build:web'], { cwd: ROOT, stdio: 'inherit' });
  const out: Record<string, number> = {};
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--enable-precise-memory-info'] });
  try {
    // 1. The overview: the training demo alone, then with the generated incidents added to the same projection.
    const scratch = PARTS.includes('overview') ? await createScratchDatabase() : null;
    if (scratch) try {
      const server = await serve(scratch.url, true);
      try {
        Object.assign(out, await overviewFigures(browser, server.url, 'baseline: training demo alone'));
        const client = postgresClient(new pg.Pool({ connectionString: scratch.url, max: 1 }));
        try {
          await loadGeneratedIncidents(client, INCIDENTS);
        } finally {
          await client.close();
        }
        Object.assign(out, await overviewFigures(browser, server.url, `${INCIDENTS} incidents`));
        console.error(JSON.stringify(out));
      } finally {
        await server.close();
      }
    } finally {
      await scratch.drop();
    }
    // 2. Verification of a large log in the browser.
    // BENCH_LOG_KEEP=1: the log is kept (bench/log-growth.ts, keptLog) and reopened by the next run, which grows it
    // only if it is smaller than asked; its members' keys are derived from their ids (benchMember).
    const kept = PARTS.includes('verify') && KEEP_LOG ? await keptLog('browser') : null;
    const logDb = kept ? { url: kept.db, drop: async () => {} } : PARTS.includes('verify') ? await createScratchDatabase() : null;
    if (logDb) try {
      const opened = performance.now();
      const server = await serve(logDb.url, false, kept?.dataDir);
      try {
        const operator = benchMember('secretariat');
        const monitor = benchMember('monitor');
        const m = server.mechanism;
        if (m.size > 0) console.error(`kept log reopened at ${m.size} entries in ${((performance.now() - opened) / 1000).toFixed(0)} s`);
        else {
          await m.submit(await signed(operator, 'member.admit', { member: operator.id, name: 'Secretariat', role: 'operator', key: operator.key, mechanism: 'bench' }), true);
          await m.submit(await signed(operator, 'member.admit', { member: monitor.id, name: 'Monitor', role: 'monitor', key: monitor.key }), true);
        }
        const rate = nodeVerifyRate(verifyEd25519Node);
        out['baseline: Ed25519 in Node with node:crypto, one core, verifications/s'] = Math.round(rate);
        out['baseline: the browser\'s JavaScript Ed25519 (fallback) in Node, one core, verifications/s'] = Math.round(nodeVerifyRate(verifyEd25519));
        for (const wanted of LOG_SIZES) {
          // A kept log larger than asked is verified whole (it is never cut).
          const size = Math.max(wanted, m.size);
          const grown = performance.now();
          await grow(m, monitor, size);
          console.error(`grown to ${size} entries in ${((performance.now() - grown) / 1000).toFixed(0)} s (${new Date().toISOString()})`);
          await m.publishCheckpoint();
          const label = `verify in the browser, ${size} entries`;
          try {
            const run = await verifyInBrowser(browser, server.url);
            out[`${label}: to the verdict, s`] = +run.seconds.toFixed(1);
            out[`${label}: entries/s`] = Math.round(size / run.seconds);
            out[`${label}: ÷ node:crypto's one-core signature rate`] = +(size / run.seconds / rate).toFixed(2);
            out[`${label}: JS heap (main thread), peak MiB`] = +run.peakHeapMiB.toFixed(1);
            out[`${label}: JS heap (main thread) at the verdict, MiB`] = +run.endHeapMiB.toFixed(1);
            if (run.liveNearEndMiB !== null) out[`${label}: JS heap held (main thread, after a full collection at nine tenths), MiB`] = +run.liveNearEndMiB.toFixed(1);
            out[`${label}: browser's processes' PSS before, MiB`] = +run.rssBeforeMiB.toFixed(0);
            out[`${label}: browser's processes' PSS, peak (every 5 s), MiB`] = +run.peakRssMiB.toFixed(0);
            out[`${label}: progress bar samples (every 250 ms)`] = run.samples;
            out[`${label}: progress bar changes seen`] = run.moves;
            out[`${label}: longest time the bar stood still, s`] = +run.longestStill.toFixed(1);
            out[`${label}: server's event loop, longest delay, ms`] = Math.round(run.loopMaxMs);
            out[`${label}: tile requests served`] = server.tiles.count;
            out[`${label}: slowest tile answer, ms`] = Math.round(server.tiles.slowest);
          } catch (error) {
            console.error(`${label}: ${(error as Error).message} (${new Date().toISOString()})`);
            console.error(`tile requests served: ${server.tiles.count}, slowest ${server.tiles.slowest.toFixed(0)} ms; slow or refused: ${JSON.stringify(server.tiles.slow.slice(-20))}`);
            out[`${label}: FAILED`] = 1;
          }
          // The baseline after the browser's run: at a million it holds the whole log in this process's memory.
          if (size <= NODE_MAX) try {
            const node = await verifyInNode(server.url, size);
            out[`baseline: truce verify in Node, ${size} entries: s`] = +node.toFixed(1);
            out[`baseline: truce verify in Node, ${size} entries: entries/s`] = Math.round(size / node);
            out[`baseline: truce verify in Node, ${size} entries: this process's heap after (server included), MiB`] = Math.round(process.memoryUsage().heapUsed / 2 ** 20);
            console.error(JSON.stringify(out));
          } catch (error) {
            console.error(`truce verify in Node, ${size} entries: ${(error as Error).message}`);
            out[`baseline: truce verify in Node, ${size} entries: FAILED`] = 1;
          }
          console.error(JSON.stringify(out));
        }
        // What the log costs on disk per entry (docs/SCALING.md, the 100-million-entry log), measured on this log.
        const client = postgresClient(new pg.Pool({ connectionString: logDb.url, max: 1 }));
        try {
          const [sizes] = await client.query(
            `SELECT count(*)::float8 AS n, pg_total_relation_size('entries')::float8 AS entries, pg_total_relation_size('tree_nodes')::float8 AS nodes, (SELECT avg(octet_length(bytes))::float8 FROM entries) AS bytes FROM entries`,
          );
          const n = Number(sizes!['n']);
          out['log on PostgreSQL: entries table with indexes, bytes per entry'] = Math.round(Number(sizes!['entries']) / n);
          out['log on PostgreSQL: statement bytes per entry (key.add)'] = Math.round(Number(sizes!['bytes']));
          out['log on PostgreSQL: tree nodes, bytes per entry'] = +(Number(sizes!['nodes']) / n).toFixed(2);
        } finally {
          await client.close();
        }
      } finally {
        await server.close();
      }
    } finally {
      await logDb.drop();
    }
  } finally {
    await browser.close();
  }
  return out;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) console.table(await benchBrowser());
