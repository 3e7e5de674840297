// Where the machine's CPU goes while batches are appended (issue 14 part 2), run alone:
//   node --import tsx bench/append-cpu.ts [pg] [pool|inline] [singles]   (env: N statements, BATCH a request, IN_FLIGHT requests)
// The batch route's closed loop, the load generator in its own process. From the moment the generator has signed
// its statements and starts posting until it exits, read from /proc: the CPU of each of the server's threads (the
// event loop, the verifier thread, V8's helper threads), of every PostgreSQL process, of the generator, and the
// whole machine's busy and idle time, all in µs a statement. Idle time while the server is saturated says that
// its threads wait on one another (a handoff), not that the machine lacks CPU.
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { batchesVerifiedInWorkers } from '../src/services/mechanism.js';
import { bootstrap, member } from '../test/e2e/helpers/members.js';
import { ed25519VerifyRate } from './append.js';
import { benchServer } from './bench-server.js';

const N = Number(process.env.N ?? 40_000);
const BATCH = Number(process.env.BATCH ?? 500);
const IN_FLIGHT = Number(process.env.IN_FLIGHT ?? 4);
const pg = process.argv.includes('pg');
const CLIENT = fileURLToPath(new URL('./append-client.ts', import.meta.url));
/** Clock ticks a second in /proc's counters (USER_HZ). */
const TICKS = 100;

/** Seconds of CPU (user + system) of one /proc stat line, after the command's name. */
function statCpu(line: string): number {
  const fields = line.slice(line.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / TICKS;
}

/** CPU seconds of every thread of a process, by thread id. */
function threadCpu(pid: number): Map<string, number> {
  const out = new Map<string, number>();
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    try {
      out.set(tid, statCpu(readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8')));
    } catch {
      // the thread ended
    }
  }
  return out;
}

/** A thread's name as the kernel keeps it (V8's and libuv's helpers, piscina's workers name theirs). */
function threadName(tid: string): string {
  try {
    return readFileSync(`/proc/${process.pid}/task/${tid}/comm`, 'utf8').trim();
  } catch {
    return '?';
  }
}

/** CPU seconds of the processes whose name is `name`, or of one pid. */
function processCpu(which: { name: string } | { pid: number }): number {
  const pids = 'pid' in which ? [String(which.pid)] : readdirSync('/proc').filter((p) => /^\d+$/.test(p));
  let sum = 0;
  for (const pid of pids) {
    try {
      const line = readFileSync(`/proc/${pid}/stat`, 'utf8');
      if ('name' in which && line.slice(line.indexOf('(') + 1, line.lastIndexOf(')')) !== which.name) continue;
      sum += statCpu(line);
    } catch {
      // the process ended
    }
  }
  return sum;
}

/** The machine's busy and idle seconds (all cores) from /proc/stat's first line. */
function machineCpu(): { busy: number; idle: number } {
  const [user, nice, system, idle, iowait, irq, softirq] = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.split(/\s+/).slice(1).map(Number) as number[];
  return { busy: (user! + nice! + system! + irq! + softirq!) / TICKS, idle: (idle! + iowait!) / TICKS };
}

const mode = process.argv.includes('pool') ? { verifyBatchesInWorkers: true } : process.argv.includes('inline') ? { verifyBatchesInWorkers: false } : {};
const server = await benchServer(pg, { ...mode, verifyInWorkers: process.argv.includes('singles') });
const { url } = server;
const monitor = member('monitor');
try {
  await bootstrap(url, member('secretariat'), 'bench', [{ m: monitor, role: 'monitor' }]);
  const verify = ed25519VerifyRate(5000);
  const child = spawn(process.execPath, ['--import', 'tsx', CLIENT, url, monitor.id, Buffer.from(monitor.seed).toString('base64'), String(N), String(IN_FLIGHT), '0', String(BATCH)], {
    env: { ...process.env, BENCH_CLIENT_SAY_POSTING: '1' },
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  // The window opens when the generator has signed everything and starts posting.
  await new Promise<void>((resolve) => child.stderr.on('data', (d: Buffer) => d.toString().includes('posting') && resolve()));
  const before = { threads: threadCpu(process.pid), postgres: processCpu({ name: 'postgres' }), machine: machineCpu(), client: processCpu({ pid: child.pid! }) };
  let clientCpu = before.client;
  // The generator's CPU is read until it exits (after that /proc no longer has it).
  const sampler = setInterval(() => (clientCpu = processCpu({ pid: child.pid! }) || clientCpu), 50);
  await new Promise((resolve) => child.on('exit', resolve));
  clearInterval(sampler);
  const after = { threads: threadCpu(process.pid), postgres: processCpu({ name: 'postgres' }), machine: machineCpu() };
  const perStatement = (seconds: number) => +((seconds * 1e6) / N).toFixed(1);
  const { perSecond } = JSON.parse(out) as { perSecond: number };
  const threads = [...after.threads].map(([tid, cpu]) => [tid, cpu - (before.threads.get(tid) ?? 0)] as const).sort((a, b) => b[1] - a[1]);
  const names = (tid: string) => (tid === String(process.pid) ? 'event loop' : `thread ${tid} (${threadName(tid)})`);
  const table: Record<string, number | string> = {
    'store, batches verified': `${pg ? 'PostgreSQL' : 'PGlite'}, ${(mode.verifyBatchesInWorkers ?? batchesVerifiedInWorkers()) ? 'shared with the verifier thread' : 'on the event loop'}`,
    'appended /s': Math.round(perSecond),
    'ed25519 verify /s just before (1 core)': Math.round(verify.perSecond),
    'append / verify': +(perSecond / verify.perSecond).toFixed(3),
    'one verify, µs': +(1e6 / verify.perSecond).toFixed(1),
  };
  for (const [tid, cpu] of threads) if (perStatement(cpu) >= 0.5) table[`server ${names(tid)}, µs a statement`] = perStatement(cpu);
  table['PostgreSQL processes, µs a statement'] = perStatement(after.postgres - before.postgres);
  table['load generator, µs a statement'] = perStatement(clientCpu - before.client);
  table['machine busy, µs a statement'] = perStatement(after.machine.busy - before.machine.busy);
  table['machine idle, µs a statement'] = perStatement(after.machine.idle - before.machine.idle);
  console.table(table);
} finally {
  await server.close();
}
