// The files build/ is made from (scripts/build-node.mjs) and checked against (bin/truce.mjs): everything under src/
// but the browser UI and the tests, each with its modification time and size.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** @returns {Record<string, string>} path relative to root -> "mtimeMs:size" */
export function sourceListing(root) {
  /** @type {Record<string, string>} */
  const out = {};
  const walk = (dir) => {
    for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
      const path = `${dir}/${entry.name}`;
      if (entry.isDirectory()) {
        if (path !== 'src/web') walk(path);
      } else if (!entry.name.endsWith('.test.ts') && !entry.name.endsWith('.md')) {
        const stat = statSync(join(root, path));
        out[path] = `${stat.mtimeMs}:${stat.size}`;
      }
    }
  };
  walk('src');
  return out;
}

/** True when build/ was made from exactly the files src/ holds now. */
export function buildIsFresh(root) {
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(join(root, 'build', 'manifest.json'), 'utf8')).files;
  } catch {
    return false;
  }
  const now = sourceListing(root);
  const paths = Object.keys(now);
  return paths.length === Object.keys(manifest).length && paths.every((path) => manifest[path] === now[path]);
}
