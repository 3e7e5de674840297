// One timed start of a mechanism in a process of its own (bench/restart.ts runs it), so the memory figures are this
// start's alone: open with the state loading in the background, as `truce serve` does; memory when the log is
// served and again once the state is loaded (heap after a full GC: what the state holds). Prints one JSON line.
// Usage: node --expose-gc --import tsx bench/restart-open.ts DATA_DIR [postgres://...] [--deep]
import { Mechanism } from '../src/services/mechanism.js';
import { tuneServerGc } from '../src/server/gc-tuning.js';

const [dataDir, ...rest] = process.argv.slice(2);
if (!dataDir) throw new Error('usage: restart-open.ts DATA_DIR [postgres://...] [--deep]');
const db = rest.find((a) => a.startsWith('postgres'));
const deepCheck = rest.includes('--deep');
const mib = (bytes: number) => Math.round(bytes / 2 ** 20);
/** Memory, and CPU seconds this process used so far (less sensitive to the box's load than wall time). */
const memory = () => {
  const { user, system } = process.cpuUsage();
  (globalThis as { gc?: () => void }).gc?.();
  const { rss, heapUsed } = process.memoryUsage();
  return { rssMiB: mib(rss), heapMiB: mib(heapUsed), cpuS: (user + system) / 1e6 };
};

tuneServerGc();
const m = await Mechanism.open({ dataDir, ...(db ? { db } : {}), checkpointIntervalMs: 3_600_000, deepCheck, stateInBackground: true });
const atLog = memory();
await m.stateReady;
const atState = memory();
const startup = m.startup;
await m.close();
console.log(JSON.stringify({ startup, atLog, atState }));
