// Builds the server and CLI as plain JavaScript into build/, a mirror of src/ (the browser UI excepted), so
// `bin/truce.mjs` starts without a TypeScript loader: a command loads in about half the CPU time, which every
// `truce` run and every spawned server pays (docs/decisions.md, "The CLI runs compiled JavaScript").
// Each .ts becomes a .js beside a link to its source; every other file (data, migrations, workers) is linked, so paths
// taken from import.meta.url resolve as in src/. build/manifest.json records what was built from; bin/truce.mjs
// compares it with src/ (build/fresh.mjs) and falls back to tsx when anything changed since.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { sourceListing } from './node-build-sources.mjs';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const OUT = join(ROOT, 'build');
const started = performance.now();

const listing = sourceListing(ROOT);
rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });

const typescript = Object.keys(listing).filter((path) => path.endsWith('.ts'));
await build({
  entryPoints: typescript.map((path) => join(ROOT, path)),
  outdir: join(OUT, 'src'),
  outbase: join(ROOT, 'src'),
  format: 'esm',
  platform: 'node',
  target: 'node20',
  logLevel: 'warning',
});

const link = (from, to) => {
  mkdirSync(dirname(to), { recursive: true });
  symlinkSync(relative(dirname(to), from), to);
};
for (const path of Object.keys(listing)) {
  // Workers are copied, not linked: Node runs a linked module from its real path, where no .js sits beside it.
  if (path.endsWith('.mjs')) copyFileSync(join(ROOT, path), join(OUT, path));
  else link(join(ROOT, path), join(OUT, path));
}
// What src/ reaches outside itself by relative path: the examples, the built UI, the benchmarks.
for (const dir of ['examples', 'dist', 'bench']) link(join(ROOT, dir), join(OUT, dir));
// Written last: a build cut short has no manifest and is never used.
writeFileSync(join(OUT, 'manifest.json'), JSON.stringify({ files: listing }));
console.log(`build/: ${typescript.length} modules compiled in ${Math.round(performance.now() - started)} ms`);
