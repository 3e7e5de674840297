// The checkout's root and the shared folder beside it, found from this file's place whether it runs from test/ or
// from its compiled copy in build/test/ (scripts/build-tests.mjs), where "../../" would land inside build/.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function checkoutRoot(): string {
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error('no package.json above test/repo-paths');
  }
}

export const REPO_ROOT = checkoutRoot();
/** The shared material beside the checkout: the scenario, the design and the known-answer vectors. */
export const SHARED = join(REPO_ROOT, '..', 'shared');
