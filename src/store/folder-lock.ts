import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { TruceError } from '../domain/errors.js';

/** Whether a process with this id is running (EPERM: it exists but is not ours; a zombie has stopped running). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  try {
    // Linux: "pid (name) S ...": Z is a zombie (killed, not yet reaped by its parent), X is dead.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return !/^\d+ \(.*\) [ZX]/s.test(stat);
  } catch {
    return true; // no /proc: trust kill(0)
  }
}

/** The lock's holder, or null if the file is gone or unreadable (a holder writing it right now). */
function holderOf(path: string): number | null {
  try {
    const pid = Number.parseInt(readFileSync(path, 'utf8'), 10);
    return Number.isSafeInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

export interface LockOptions {
  /**
   * How long to wait for a holder that is still running to go away. A process killed with SIGKILL keeps running for
   * a moment while the kernel tears down its memory (hundreds of MiB for PGlite), so a restart right after a kill
   * would otherwise find it "in use". Default 10 s.
   */
  readonly waitMs?: number;
}

/**
 * Take an exclusive lock file for a folder (`<folder>.lock`, holding our process id); resolves to its release.
 * PGlite does not stop a second process from opening the same data folder (its postmaster.pid check cannot see other
 * processes from inside WebAssembly: we opened one folder from two processes at once), and two Postgres instances on
 * one folder corrupt it. A lock left by a process that no longer runs (killed, or a zombie) is taken over; a running
 * holder is waited for up to `waitMs`. Not a guard against two processes taking over the same stale lock in the same
 * instant, nor across machines (network file systems).
 * @example const release = await lockFolder('.truce-data/pglite'); ...; release();
 */
export async function lockFolder(folder: string, options: LockOptions = {}): Promise<() => void> {
  const path = `${folder}.lock`;
  const deadline = Date.now() + (options.waitMs ?? 10_000);
  for (;;) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(path, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = holderOf(path);
    if (holder !== null && !alive(holder)) {
      rmSync(path, { force: true }); // stale: its process is gone
      continue;
    }
    if (holder === process.pid || Date.now() >= deadline) {
      throw new TruceError('unavailable', `${folder} is in use by process ${holder ?? '?'} (if it is not, delete ${path})`);
    }
    await sleep(50);
  }
}
