// What one byte changed anywhere in a state folder's LMDB file does to a start (figures in docs/THREATS.md, "Figures
// from the tests"): the training demo's folder is built once, then each trial changes one random byte of a copy and reads
// the whole state in a child process (damage to LMDB's own pages can crash a process). Each trial is one of:
// unchanged (free space), label unreadable (the start rebuilds), damage found on read, another error, a crash, or a
// silent difference (the state read differs and nothing said so).
//   npm run fuzz:state-folder -- [trials=300]
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serialize } from 'node:v8';
import { loadDemo } from '../src/services/demo-loader.js';
import { Mechanism } from '../src/services/mechanism.js';
import { StateFolder } from '../src/services/state-folder.js';

const SELF = fileURLToPath(import.meta.url);

/** The child: the whole state of the folder at `path`, hashed, or the error its read threw. */
function readAll(path: string): void {
  const folder = StateFolder.open(path);
  let damaged = false;
  folder.onDamage = () => (damaged = true);
  try {
    const meta = folder.meta();
    const state = folder.state();
    const hash = createHash('sha256').update(JSON.stringify(meta));
    for (const [k, v] of state.members) hash.update(k).update(serialize(v));
    for (const [k, v] of state.keys) hash.update(k).update(serialize(v));
    for (const name of [...state.records.keys()].sort()) for (const [k, v] of state.records.get(name)!) hash.update(name + k).update(serialize(v));
    console.log(JSON.stringify({ hash: hash.digest('hex'), label: meta !== null }));
  } catch (error) {
    console.log(JSON.stringify({ error: String((error as Error).message).slice(0, 100), damaged }));
  }
}

function child(path: string): { kind: 'out'; out: { hash?: string; label?: boolean; error?: string; damaged?: boolean } } | { kind: 'crash'; how: string } {
  const run = spawnSync(process.execPath, ['--import', 'tsx', SELF, '--read', path], { encoding: 'utf8', timeout: 60_000 });
  if (run.signal) return { kind: 'crash', how: run.signal };
  try {
    return { kind: 'out', out: JSON.parse(run.stdout.trim().split('\n').pop()!) };
  } catch {
    return { kind: 'crash', how: `exit ${run.status}` };
  }
}

async function main(trials: number): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'truce-fuzz-folder-'));
  try {
    const m = await Mechanism.open({ dataDir: join(dir, 'data'), checkpointIntervalMs: 3_600_000 });
    await loadDemo(m, () => undefined, 'training');
    await m.close();
    const template = join(dir, 'data', 'state');
    const clean = child(template);
    if (clean.kind !== 'out' || !clean.out.hash) throw new Error('the clean folder does not read');
    const size = readFileSync(join(template, 'data.mdb')).length;
    const counts: Record<string, number> = {};
    const where: Record<string, string[]> = {};
    for (let i = 0; i < trials; i++) {
      const path = join(dir, 'trial');
      rmSync(path, { recursive: true, force: true });
      cpSync(template, path, { recursive: true });
      const bytes = readFileSync(join(path, 'data.mdb'));
      const at = Math.floor(Math.random() * bytes.length);
      bytes[at]! ^= 1 + Math.floor(Math.random() * 255);
      writeFileSync(join(path, 'data.mdb'), bytes);
      const got = child(path);
      let kind: string;
      if (got.kind === 'crash') kind = `crash (${got.how})`;
      else if (got.out.hash === clean.out.hash) kind = 'unchanged';
      else if (got.out.hash && !got.out.label) kind = 'label unreadable: rebuilt at start';
      else if (got.out.hash) kind = 'SILENT DIFFERENCE';
      else if (got.out.damaged) kind = 'damage found on read';
      else kind = `another error: ${got.out.error}`;
      counts[kind] = (counts[kind] ?? 0) + 1;
      (where[kind] ??= []).push(`page ${Math.floor(at / 4096)} +${at % 4096}`);
      if ((i + 1) % 50 === 0) process.stderr.write(`${i + 1}/${trials} trials\n`);
    }
    console.log(JSON.stringify({ trials, fileBytes: size, counts }, null, 1));
    for (const [kind, list] of Object.entries(where)) if (kind !== 'unchanged') console.log(`${kind}: ${list.slice(0, 10).join(', ')}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--read') readAll(process.argv[3]!);
else await main(Number(process.argv[2] ?? 300));
