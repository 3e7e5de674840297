import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { TruceError } from '../domain/errors.js';

/** Whether a process with this id exists (EPERM: it exists but is not ours). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Take an exclusive lock file for a folder (`<folder>.lock`, holding our process id); returns its release.
 * PGlite does not stop a second process from opening the same data folder (its postmaster.pid check cannot see other
 * processes from inside WebAssembly: we opened one folder from two processes at once), and two Postgres instances on
 * one folder corrupt it. A lock left by a process that no longer runs (killed) is taken over. Not a guard against two
 * processes taking over the same stale lock in the same instant, nor across machines (network file systems).
 * @example const release = lockFolder('.truce-data/pglite'); ...; release();
 */
export function lockFolder(folder: string): () => void {
  const path = `${folder}.lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(path, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = Number.parseInt(readFileSync(path, 'utf8'), 10);
    if (Number.isSafeInteger(holder) && holder > 0 && alive(holder)) {
      throw new TruceError('unavailable', `${folder} is in use by process ${holder} (if it is not, delete ${path})`);
    }
    rmSync(path, { force: true }); // stale: its process is gone
  }
  throw new TruceError('unavailable', `could not lock ${folder}`);
}
