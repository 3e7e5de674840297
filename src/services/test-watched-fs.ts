import * as fs from 'node:fs/promises';
import type { AtomicFs } from './atomic-file.js';

/** The real file system, with each call that matters written down in order. */
export function watchedFs(calls: string[], root: string): AtomicFs {
  const rel = (p: unknown) => String(p).replace(root, '').replace(/\.tmp-.*$/, '.tmp');
  return {
    mkdir: fs.mkdir,
    rm: fs.rm,
    rename: async (from, to) => {
      calls.push(`rename ${rel(from)} -> ${rel(to)}`);
      return fs.rename(from, to);
    },
    open: (async (path: string, flags?: string, mode?: number) => {
      const handle = await fs.open(path, flags, mode);
      const sync = handle.sync.bind(handle);
      handle.sync = async () => {
        calls.push(`sync ${rel(path) || '/'}`);
        return sync();
      };
      return handle;
    }) as AtomicFs['open'],
  };
}
