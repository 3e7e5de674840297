// The periodic public report's speed, before and after, in ONE run: for each checkout given (e.g. the commit before a
// change and the working tree), a `truce serve --demo` of that checkout, then rounds that alternate between them:
// the first and a repeated GET /v1/report.html (the server's report page) and `truce report` over HTTP (a party's
// machine: tiles verified, log replayed, report recomputed and rendered). Prints medians of wall time and, for the
// CLI, of its CPU time (user + system), the figure that holds on a loaded machine. Not a test: a long run of its own.
// Usage: node scripts/bench-report.mjs [--rounds 5] CHECKOUT...   (each CHECKOUT a directory with bin/truce.mjs)
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { performance } from 'node:perf_hooks';

const { fetch } = globalThis;
import { join, resolve } from 'node:path';

const args = process.argv.slice(2);
const roundsAt = args.indexOf('--rounds');
const rounds = roundsAt >= 0 ? Number(args.splice(roundsAt, 2)[1]) : 5;
const checkouts = args.map((a) => resolve(a));
if (checkouts.length === 0) throw new Error('usage: node scripts/bench-report.mjs [--rounds N] CHECKOUT...');
const PERIOD = ['--from', '2025-10-11', '--to', '2025-11-10'];
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function serve(checkout) {
  const data = mkdtempSync(join(tmpdir(), 'truce-bench-report-'));
  const child = spawn(process.execPath, [join(checkout, 'bin', 'truce.mjs'), 'serve', '--port', '0', '--data', data, '--demo'], { cwd: checkout, stdio: ['ignore', 'ignore', 'pipe'] });
  let err = '';
  return new Promise((ok, fail) => {
    child.stderr.setEncoding('utf8').on('data', (d) => {
      err += d;
      const m = / at (http:\/\/\S+)/.exec(err);
      if (m) ok({ url: m[1], stop: () => (child.kill('SIGTERM'), rmSync(data, { recursive: true, force: true })) });
    });
    child.on('exit', () => fail(new Error(`serve exited: ${err}`)));
  });
}

async function timeGet(url) {
  const t = performance.now();
  const r = await fetch(url);
  await r.arrayBuffer();
  if (!r.ok) throw new Error(`${url}: ${r.status}`);
  return performance.now() - t;
}

/** `truce report` of the demo period as HTML, timed by /usr/bin/time: [wall ms, cpu ms, bytes written]. */
function timeCli(checkout, url) {
  const out = join(tmpdir(), `truce-bench-report-${process.pid}.html`);
  const r = spawnSync('/usr/bin/time', ['-f', '%e %U %S', process.execPath, join(checkout, 'bin', 'truce.mjs'), 'report', ...PERIOD, '--lang', 'en', '--out', out, '--server', url], { cwd: checkout, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`truce report: ${r.stderr}`);
  const [wall, user, sys] = r.stderr.trim().split('\n').at(-1).split(' ').map(Number);
  const bytes = readFileSync(out).length;
  rmSync(out, { force: true });
  return [wall * 1000, (user + sys) * 1000, bytes];
}

/**
 * Inside one process of the checkout: loading the modules, then the report's own work, each phase cold as on a party's
 * machine (audit: tiles fetched and checked, log replayed; compute; HTML with the map). CPU milliseconds per phase.
 */
const PHASES = `
// CPU time (user + system) of this process, which a loaded machine stretches far less than wall time.
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const t = [cpu()];
const { auditMechanism } = await import('./src/services/audit.ts');
const { computeReport, reportHtml } = await import('./src/services/public-report.ts');
const { httpSource } = await import('./src/cli/commands/verify.ts');
t.push(cpu());
const audit = await auditMechanism(httpSource(process.argv.at(-1)), { projections: false });
t.push(cpu());
const computed = computeReport(audit.state, { from: '2025-10-11', to: '2025-11-10' });
t.push(cpu());
await reportHtml(audit.state, computed, { locale: 'en', origin: audit.origin, checkpoint: '' });
t.push(cpu());
console.log(JSON.stringify(t.slice(1).map((x, i) => x - t[i])));
`;
function timePhases(checkout, url) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', PHASES, url], { cwd: checkout, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`phases: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').at(-1));
}

console.log(`bench-report: Node ${process.version}, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')} at the start, ${rounds} rounds`);
const servers = [];
for (const c of checkouts) servers.push(await serve(c));
const figures = checkouts.map(() => ({ first: 0, page: [], wall: [], cpu: [], bytes: 0, phases: [] }));
try {
  for (const [i, s] of servers.entries()) figures[i].first = await timeGet(`${s.url}/v1/report.html?from=2025-10-11&to=2025-11-10&lang=en`);
  for (let round = 0; round < rounds; round++) {
    for (const [i, c] of checkouts.entries()) {
      const url = servers[i].url;
      figures[i].page.push(await timeGet(`${url}/v1/report.html?from=2025-10-11&to=2025-11-10&lang=en`));
      const [wall, cpu, bytes] = timeCli(c, url);
      figures[i].wall.push(wall);
      figures[i].cpu.push(cpu);
      figures[i].bytes = bytes;
      figures[i].phases.push(timePhases(c, url));
    }
  }
} finally {
  for (const s of servers) s.stop();
}
console.log('| checkout | GET /v1/report.html, first | again (median) | truce report, wall (median) | truce report, CPU (median) | HTML bytes |');
console.log('|---|---|---|---|---|---|');
for (const [i, c] of checkouts.entries()) {
  const f = figures[i];
  console.log(`| ${c} | ${f.first.toFixed(0)} ms | ${median(f.page).toFixed(0)} ms | ${(median(f.wall) / 1000).toFixed(2)} s | ${(median(f.cpu) / 1000).toFixed(2)} s | ${f.bytes.toLocaleString('en')} |`);
}
console.log('\nIn one process, CPU time (medians): loading the modules, then the report itself, phase by phase:\n');
console.log('| checkout | loading modules | audit (tiles, replay) | compute | HTML | the report itself |');
console.log('|---|---|---|---|---|---|');
for (const [i, c] of checkouts.entries()) {
  const m = [0, 1, 2, 3].map((k) => median(figures[i].phases.map((p) => p[k])));
  console.log(`| ${c} | ${m[0].toFixed(0)} ms | ${m[1].toFixed(0)} ms | ${m[2].toFixed(0)} ms | ${m[3].toFixed(0)} ms | ${(m[1] + m[2] + m[3]).toFixed(0)} ms |`);
}
console.log(`load average ${loadavg().map((l) => l.toFixed(2)).join(' ')} at the end`);
