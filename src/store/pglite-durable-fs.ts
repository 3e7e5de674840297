/**
 * Making PGlite's folder durable. What we found in @electric-sql/pglite 0.5.17 on Node 20 (read in its dist/ and
 * measured; src/store/README.md has the figures):
 *
 * 1. PGlite starts Postgres with `-F` (PGlite.defaultStartParams), i.e. fsync=off: Postgres never asks for a sync.
 * 2. Even when asked, nothing reaches the disk: Emscripten's NODEFS has no `fsync` stream operation, so fsync() is a
 *    silent success, and fdatasync() (Postgres' default wal_sync_method on Linux) is a no-op in the glue code.
 *    The NodeFS filesystem's syncToFs() is empty too, so `relaxedDurability` changes nothing on Node.
 * 3. Writes do go to the real files synchronously (fs.writeSync), so a killed process loses nothing the kernel got;
 *    an OS crash or power cut can lose acknowledged commits, or tear a checkpoint.
 *
 * So we: start Postgres without `-F` and with wal_sync_method=fsync (the one method that reaches the stream
 * operation), give NODEFS an fsync that calls fs.fsyncSync on the real file descriptor (directories too), and fsync a
 * freshly created data folder once. Each commit then costs one real fsync of the WAL, like PostgreSQL; checkpoints
 * fsync the data files they wrote. This reaches into Emscripten internals on purpose: if they move, opening fails
 * loudly instead of silently running without durability. We never set relaxedDurability.
 */
import { fsyncSync } from 'node:fs';
import { open, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { NodeFS } from '@electric-sql/pglite/nodefs';

interface EmscriptenStream {
  readonly nfd: number;
}
interface EmscriptenNodeFs {
  stream_ops: { fsync?: (stream: EmscriptenStream) => number };
  tryFSOperation?: <T>(operation: () => T) => T;
}

/**
 * NodeFS whose fsync really syncs. `syncs` counts them, so tests can see durability at work.
 * @example new PGlite({ fs: new DurableNodeFS(dir), startParams: durableStartParams() })
 */
export class DurableNodeFS extends NodeFS {
  syncs = 0;

  override async init(...args: Parameters<NodeFS['init']>): ReturnType<NodeFS['init']> {
    const result = await super.init(...args);
    const options = result.emscriptenOpts;
    const patch = (module: unknown): void => {
      const nodefs = (module as { NODEFS?: EmscriptenNodeFs }).NODEFS;
      if (!nodefs?.stream_ops) throw new Error('PGlite internals changed: NODEFS not found, cannot make fsync durable');
      const run = nodefs.tryFSOperation?.bind(nodefs) ?? (<T>(op: () => T): T => op());
      nodefs.stream_ops.fsync = (stream) => {
        run(() => fsyncSync(stream.nfd));
        this.syncs++;
        return 0;
      };
    };
    return { emscriptenOpts: { ...options, preRun: [...(options.preRun ?? []), patch] } };
  }
}

/**
 * PGlite's own start parameters without `-F` (fsync off), with the one WAL sync method that reaches NODEFS, and new
 * WAL segments not filled with zeros (`wal_init_zero=off`): PGlite writes on the event loop, so the commit that
 * needed a new 16 MB segment stalled every request while it wrote and synced 16 MB of zeros (bench/pglite-wal-segments.ts:
 * commits of ~0.7 MB of WAL, one stall of 63-137 ms every 24 commits with zeros, none over 31 ms without). Durability is the same: each commit still fsyncs the WAL file, which syncs the blocks it wrote and
 * the file's size (fsync, not fdatasync); recovery reads a never-written part of a segment as zeros, the end of the
 * WAL, as with a zero-filled one. What is lost: space is no longer reserved when a segment is created, so a full
 * disk stops a commit when it writes rather than when the segment is made (PostgreSQL refuses the commit either way).
 * @example new PGlite({ fs: new DurableNodeFS(dir), startParams: durableStartParams() })
 */
export function durableStartParams(): string[] {
  const defaults = PGlite.defaultStartParams.filter((p) => p !== '-F');
  if (defaults.length !== PGlite.defaultStartParams.length - 1) throw new Error('PGlite internals changed: no -F in defaultStartParams');
  return [...defaults, '-c', 'fsync=on', '-c', 'wal_sync_method=fsync', '-c', 'wal_init_zero=off'];
}

/**
 * fsync every file and folder under dir (once, after initdb, or the copy of a template, wrote a fresh data folder
 * without syncing). A thousand files: synced 16 at a time, which lets the file system fold them into fewer journal
 * commits (1.0 s against 2.2-3.1 s one by one, measured here under load), files before the folders that list them.
 * @example await fsyncTree('/var/lib/truce/pglite')
 */
export async function fsyncTree(dir: string): Promise<void> {
  const { files, folders } = await listTree(dir);
  const syncAll = async (paths: readonly string[]): Promise<void> => {
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < paths.length) await syncPath(paths[next++]!);
    };
    await Promise.all(Array.from({ length: Math.min(16, paths.length) }, worker));
  };
  await syncAll(files);
  await syncAll(folders);
}

async function listTree(dir: string): Promise<{ files: string[]; folders: string[] }> {
  const files: string[] = [];
  const folders: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      const inner = await listTree(path);
      files.push(...inner.files);
      folders.push(...inner.folders);
    } else if (entry.isFile()) files.push(path);
  }
  folders.push(dir);
  return { files, folders };
}

async function syncPath(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
