// Runs every *.test.ts under src/ and test/ with node's own test runner, so CI reads its summary. Each file runs as its
// compiled copy in build/ (scripts/build-tests.mjs, after the server's build when that is stale), without a TypeScript
// loader; TEST_FROM_SOURCE=1 runs the .ts files through tsx instead.
// Usage: node scripts/run-tests.mjs [substring filters...]
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { buildIsFresh } from './node-build-sources.mjs';

function find(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...find(path));
    else if (name.endsWith('.test.ts')) out.push(path);
  }
  return out;
}
const filters = process.argv.slice(2);
const files = ['src', 'test'].flatMap(find).filter((f) => filters.length === 0 || filters.some((s) => f.includes(s))).sort();
if (files.length === 0) {
  console.error('no test files matched');
  process.exit(1);
}
// The slowest files start first (longest first is what keeps three queues even), from the times the last full runs
// printed; every other file follows in path order.
const SLOWEST_FIRST = [
  'test/e2e/web-i18n.test.ts',
  'test/e2e/web-pages.test.ts',
  'test/e2e/web-first-hour.test.ts',
  'test/e2e/web-forms.test.ts',
  'test/e2e/startup.test.ts',
  'test/e2e/restart.test.ts',
  'test/e2e/cli.test.ts',
  'test/e2e/web-field.test.ts',
  'test/e2e/web-agreement.test.ts',
  'test/e2e/first-hour.test.ts',
  'src/store/pglite-store.test.ts',
  'src/store/postgres-store.test.ts',
  'test/e2e/backup-restore.test.ts',
  'test/e2e/web-sw-cache.test.ts',
  'test/e2e/web-verify.test.ts',
  'test/e2e/operations.test.ts',
  'test/e2e/cli-field.test.ts',
  'test/e2e/cli-seal.test.ts',
];
const rank = (file) => {
  const i = SLOWEST_FIRST.findIndex((slow) => file.endsWith(slow));
  return i === -1 ? SLOWEST_FIRST.length : i;
};
const ordered = [...files].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : 1));
// Three files at a time: the suite is CPU-bound (Chromium's processes included), yet three still run it in less wall
// time than two (945 s against 1,146 s for two at a time, 617 tests passing in
// both, 2026-12-04); four gained nothing (935 s against 934 s for three, 731 tests, 2026-12-05, idle machine).
// TEST_CONCURRENCY=1 runs them one by one.
const concurrency = Number(process.env.TEST_CONCURRENCY ?? 3);
const fromSource = process.env.TEST_FROM_SOURCE === '1';
if (!fromSource) {
  const script = (name) => fileURLToPath(new URL(name, import.meta.url));
  const steps = [...(buildIsFresh(fileURLToPath(new URL('../', import.meta.url))) ? [] : ['build-node.mjs']), 'build-tests.mjs'];
  for (const step of steps) {
    const built = spawnSync(process.execPath, [script(step)], { stdio: 'inherit' });
    if (built.status !== 0) process.exit(built.status ?? 1);
  }
}
const toRun = fromSource ? ordered : ordered.map((file) => join('build', file.replace(/\.ts$/, '.js')));
const loader = fromSource ? ['--import', 'tsx'] : [];
const result = spawnSync(process.execPath, [...loader, 'scripts/run-test-files.mjs', String(concurrency), ...toRun], { stdio: 'inherit' });
process.exit(result.status ?? 1);
