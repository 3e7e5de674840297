// What a state folder says about itself before it is read (state-folder.ts): whether a read found it damaged, how
// many starts in a row ended without closing it, and whether its file is an LMDB file at all. Any of these and the
// folder is started anew, the state rebuilt from the log: damage to LMDB's own pages can crash the process on a read,
// which no check inside the process catches, and every start would crash again.
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, readSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/** LMDB's page size for the state folder. */
export const PAGE_SIZE = 4096;
/** Left in the folder when a read found damage. */
const DAMAGED_MARK = 'damaged';
/** The starts since the folder was last closed, or had served HEALTHY_AFTER_MS. */
const STARTS_FILE = 'starts';
/** Starts in a row that never closed the folder after which it is rebuilt (a few SIGKILLs in a row cost one rebuild). */
const CRASHED_STARTS = 3;
const HEALTHY_AFTER_MS = 10 * 60_000;

/** Why the folder at `path` must be started anew rather than read, or null. */
export function whyStartAnew(path: string): string | null {
  if (existsSync(join(path, DAMAGED_MARK))) return 'a read found it damaged';
  const starts = startsSinceClose(path);
  if (starts >= CRASHED_STARTS) return `${starts} starts in a row ended without closing it`;
  if (!looksLikeLmdb(join(path, 'data.mdb'))) return 'its file is not an LMDB file';
  return null;
}

/** The starts STARTS_FILE counts (0: none, or unreadable). */
export function startsSinceClose(path: string): number {
  try {
    const starts = Number(readFileSync(join(path, STARTS_FILE), 'utf8'));
    return Number.isSafeInteger(starts) && starts > 0 ? starts : 0;
  } catch {
    return 0;
  }
}

/** Record that this is the `starts`-th start in a row (synced); forgotten once the folder has served HEALTHY_AFTER_MS. Returns the timer. */
export function countStart(path: string, starts: number): NodeJS.Timeout {
  writeSynced(join(path, STARTS_FILE), String(starts));
  const healthy = setTimeout(() => forgetStarts(path), HEALTHY_AFTER_MS);
  healthy.unref();
  return healthy;
}

/** The folder was closed cleanly (or served long enough): its starts start again from none. */
export function forgetStarts(path: string): void {
  rmSync(join(path, STARTS_FILE), { force: true });
}

/** Mark the folder damaged (synced), with why; a failure to write the mark is ignored (the damage is found again). */
export function markDamaged(path: string, why: string): void {
  try {
    writeSynced(join(path, DAMAGED_MARK), `${new Date().toISOString()} ${why}\n`);
  } catch {
    // The mark is a convenience: a damaged value fails its seal again at the next start's reads.
  }
}

function writeSynced(file: string, text: string): void {
  const fd = openSync(file, 'w');
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Whether a data file starts with LMDB's two meta pages (page number, magic 0xBEEFC0DE, format 2 at offset 24), or
 * does not exist yet: garbage or a truncated file is refused before LMDB maps it (lmdb-js crashed the process on a
 * file of garbage).
 */
function looksLikeLmdb(file: string): boolean {
  if (!existsSync(file)) return true;
  const head = Buffer.alloc(2 * PAGE_SIZE);
  const fd = openSync(file, 'r');
  try {
    if (readSync(fd, head, 0, head.length, 0) < head.length) return false;
  } finally {
    closeSync(fd);
  }
  return [0, 1].every((page) => {
    const at = page * PAGE_SIZE;
    return head.readBigUInt64LE(at) === BigInt(page) && head.readUInt32LE(at + 24) === 0xbeefc0de && head.readUInt32LE(at + 28) === 2;
  });
}
