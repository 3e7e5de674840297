/**
 * Views that read the whole state, on a log of BENCH_VIEWS_N entries (default 100,000) grown as a mechanism's log
 * mostly is, four report.file to a key.add (bench/log-growth.ts), on PostgreSQL, with the state in its folder:
 * - GET /v1/compliance (the overview asks it on every load): computed from every report, finding and action; then
 *   asked again at the same log size, when the server gives the view it kept (services/queries.ts, getCompliance);
 * - the count of reports the public waits for, which every page of GET /v1/incidents carries (notPublic): read from
 *   the staging handlers' index, beside what it cost before, a scan of every report (the baseline);
 * - GET /v1/incidents?limit=50 over HTTP, the page every reader's list starts with, asked by a client in its own process;
 * - compliance asked after every new statement for 15 s, as a busy overview would while the log grows: how often it is
 *   computed anew and what the asks cost (getCompliance keeps a costly view for 1/COMPLIANCE_SHARE of its cost).
 * Baseline: one report read by id from the state.
 * Run alone: node --import tsx bench/state-views.ts
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { getReport, listReports } from '../src/domain/records/reports.js';
import { getStaging } from '../src/domain/records/staging.js';
import { complianceView } from '../src/domain/views/compliance.js';
import { isPublic, notPublic } from '../src/domain/views/publication.js';
import { buildApp } from '../src/server/app.js';
import { Mechanism } from '../src/services/mechanism.js';
import { getCompliance } from '../src/services/queries.js';
import { createScratchDatabase } from '../src/store/postgres-test-db.js';
import { member, signed } from '../test/e2e/helpers/members.js';
import { grow } from './log-growth.js';
import { p50p95 } from './percentiles.js';
import { repeated, timedGets } from './timed-gets.js';

const N = Number(process.env.BENCH_VIEWS_N ?? 100_000);

/** Median and p95 of `runs` calls, in ms, after one call not counted. */
async function timed(runs: number, run: () => unknown): Promise<{ p50: number; p95: number }> {
  await run();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  return p50p95(times, 3);
}

export async function benchStateViews(): Promise<Record<string, number>> {
  const scratch = await createScratchDatabase();
  const dataDir = await mkdtemp(join(tmpdir(), 'truce-bench-views-'));
  const m = await Mechanism.open({ dataDir, db: scratch.url, checkpointIntervalMs: 3_600_000 });
  const out: Record<string, number> = { 'log entries': N };
  try {
    const operator = member('secretariat');
    const monitor = member('monitor');
    await m.submit(await signed(operator, 'member.admit', { member: operator.id, name: 'Secretariat', role: 'operator', key: operator.key, mechanism: 'bench' }), true);
    await m.submit(await signed(operator, 'member.admit', { member: monitor.id, name: 'Monitor', role: 'monitor', key: monitor.key }), true);
    const t0 = performance.now();
    await grow(m, monitor, N, 'reports');
    out['grow, entries/s'] = Math.round((N - 2) / ((performance.now() - t0) / 1000));
    const reports = listReports(m.state);
    out['reports in the state'] = reports.length;
    const some = reports[Math.floor(reports.length / 2)]!.id;
    out['baseline: one report by id, p50 ms'] = (await timed(200, () => getReport(m.state, some))).p50;

    out['compliance, computed (complianceView), p50 ms'] = (await timed(3, () => complianceView(m.state))).p50;
    out['compliance, kept (getCompliance at the same size), p50 ms'] = (await timed(50, () => getCompliance(m))).p50;
    const asks: number[] = [];
    let computed = 0;
    const growing = performance.now();
    while (performance.now() - growing < 15_000) {
      await m.submit(await signed(monitor, 'key.add', { key: randomBytes(32).toString('base64') }));
      const start = performance.now();
      if (getCompliance(m).size === m.size) computed += 1;
      asks.push(performance.now() - start);
    }
    const growingMs = performance.now() - growing;
    const askMs = asks.reduce((a, b) => a + b, 0);
    out['compliance while the log grows for 15 s: asks'] = asks.length;
    out['compliance while the log grows: computed anew'] = computed;
    out['compliance while the log grows: p50 ms an ask'] = p50p95(asks, 3).p50;
    out['compliance while the log grows: p95 ms an ask'] = p50p95(asks, 3).p95;
    out['compliance while the log grows: share of the time'] = +(askMs / growingMs).toFixed(3);
    out['reports awaiting review, from the index (notPublic), p50 ms'] = (await timed(50, () => notPublic(m.state))).p50;
    out['baseline: the same by a scan of every report (before), p50 ms'] = (await timed(3, () => listReports(m.state).filter((r) => !isPublic(getStaging(m.state, r.id))).length)).p50;

    const app = await buildApp(m, { rateLimits: false });
    try {
      const url = await app.listen({ port: 0, host: '127.0.0.1' });
      // Asked by a client in a process of its own (bench/timed-gets.ts), as a reader's browser asks.
      const http = await timedGets(url, { page: repeated('/v1/incidents?limit=50', 50), compliance: repeated('/v1/compliance', 50) });
      out['GET /v1/incidents?limit=50, p50 ms'] = http.page!.p50;
      out['GET /v1/incidents?limit=50, p95 ms'] = http.page!.p95;
      out['GET /v1/compliance (kept), p50 ms'] = http.compliance!.p50;
      out['GET /v1/compliance (kept), p95 ms'] = http.compliance!.p95;
    } finally {
      await app.close();
    }
  } finally {
    await m.close();
    await rm(dataDir, { recursive: true, force: true });
    await scratch.drop();
  }
  return out;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) console.table(await benchStateViews());
