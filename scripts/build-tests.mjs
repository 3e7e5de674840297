// Compiles the tests into build/, beside the server's modules that scripts/build-node.mjs put there: every *.test.ts
// under src/, everything under test/, and the browser UI's sources that tests import. The test runner then starts each
// file as plain JavaScript, without tsx's loader, which cost every test process about a CPU-second of its own
// (docs/decisions.md, "The tests run compiled JavaScript").
// As in build-node.mjs, each .ts becomes a .js beside a link to its source and every other file is linked, so paths
// taken from import.meta.url resolve as in the sources; a file reaching outside the checkout (../shared) finds it
// through test/repo-paths.ts. Run by scripts/run-tests.mjs after build-node.mjs, every time: it takes about a second.
import { build } from 'esbuild';
import { existsSync, mkdirSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const OUT = join(ROOT, 'build');
const started = performance.now();
if (!existsSync(join(OUT, 'manifest.json'))) throw new Error('build/ holds no server build: run `npm run build:node` first');

/** Files under dir (relative to the root), those the filter keeps. */
function walk(dir, keep) {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return walk(path, keep);
    return keep(path) ? [path] : [];
  });
}
const isTypeScript = (path) => /\.tsx?$/.test(path) && !path.endsWith('.d.ts');
const files = [
  ...walk('test', () => true),
  ...walk('src/web', () => true),
  ...walk('src', (path) => path.endsWith('.test.ts') && !path.startsWith('src/web/')),
];
// A second run replaces what the first compiled; the server's build around it stays.
for (const dir of ['test', 'src/web']) rmSync(join(OUT, dir), { recursive: true, force: true });
for (const path of files.filter((p) => p.startsWith('src/') && !p.startsWith('src/web/'))) {
  rmSync(join(OUT, path), { force: true });
  rmSync(join(OUT, path.replace(/\.ts$/, '.js')), { force: true });
}

const typescript = files.filter(isTypeScript);
await build({
  entryPoints: typescript.map((path) => join(ROOT, path)),
  outdir: OUT,
  outbase: ROOT,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  logLevel: 'warning',
});
for (const path of files) {
  const to = join(OUT, path);
  mkdirSync(dirname(to), { recursive: true });
  symlinkSync(relative(dirname(to), join(ROOT, path)), to);
}
// The scripts a test imports (the build's own freshness check); the server's build links the rest it reaches.
rmSync(join(OUT, 'scripts'), { force: true });
symlinkSync(relative(OUT, join(ROOT, 'scripts')), join(OUT, 'scripts'));
console.log(`build/: ${typescript.length} test and browser modules compiled in ${Math.round(performance.now() - started)} ms`);
