import * as nodeFs from 'node:fs/promises';
import { dirname } from 'node:path';

/** The part of node:fs/promises the writer uses; a parameter so a test can watch the sync calls on a real disk. */
export type AtomicFs = Pick<typeof nodeFs, 'open' | 'rename' | 'mkdir' | 'rm'>;

export interface AtomicWriteOptions {
  /** Permissions of the new file; owner-only by default (key files, witness state). */
  readonly mode?: number;
  readonly fs?: AtomicFs;
}

/**
 * Write a file so that a crash leaves either the old or the new content, never a torn one: temp file, fsync, rename,
 * fsync of the folder.
 * @example await writeFileAtomic('data/log.key', text); // 0600
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array, options: AtomicWriteOptions = {}): Promise<void> {
  const fs = options.fs ?? nodeFs;
  await fs.mkdir(dirname(path), { recursive: true });
  const tmp = `${path}.tmp-${process.pid}-${Date.now()}`;
  const handle = await fs.open(tmp, 'wx', options.mode ?? 0o600);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } catch (error) {
    await handle.close();
    await fs.rm(tmp, { force: true });
    throw error;
  }
  await handle.close();
  await fs.rename(tmp, path);
  // fsync the folder so the rename itself survives a power loss.
  const dir = await fs.open(dirname(path), 'r');
  try {
    await dir.sync();
  } finally {
    await dir.close();
  }
}

/** fsync a file written by other means (a stream, a tar library), so it is on disk before we say it is done. */
export async function syncFile(path: string): Promise<void> {
  const handle = await nodeFs.open(path, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
