// A new embedded store can start as a copy of a freshly initialised, cleanly closed PGlite cluster instead of
// running initdb again: initdb in WebAssembly costs about 4 s of CPU, reopening a copy about 0.7 s. The test
// runner makes one template per run (scripts/run-test-files.mjs) and names it in TRUCE_PGLITE_TEMPLATE, so the
// suite's few hundred fresh stores do not each pay for initdb. A template is only taken when it was made by the same
// PGlite build (its marker file says which); anything else falls back to initdb. The copy holds no migrations and
// no data: those are applied to the copy exactly as to a cluster initdb made.
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const MARKER = 'truce-pglite-template.json';

/** The installed PGlite's version, from the package.json above its entry point (the package exports no such path). */
function pgliteVersion(): string {
  let dir = dirname(fileURLToPath(import.meta.resolve('@electric-sql/pglite')));
  while (!existsSync(join(dir, 'package.json'))) dir = dirname(dir);
  return (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string }).version;
}

/** The template folder to copy new stores from, or null when none is set or it was made by another PGlite. */
export function pgliteTemplate(env: NodeJS.ProcessEnv = process.env): string | null {
  const folder = env.TRUCE_PGLITE_TEMPLATE;
  if (!folder || !existsSync(join(folder, 'PG_VERSION'))) return null;
  try {
    const marker = JSON.parse(readFileSync(join(folder, MARKER), 'utf8')) as { pglite?: unknown };
    return marker.pglite === pgliteVersion() ? folder : null;
  } catch {
    return null;
  }
}

/** Copy the template's cluster into an empty folder (the marker stays behind). */
export function copyTemplate(template: string, folder: string): void {
  cpSync(template, folder, { recursive: true, filter: (source) => !source.endsWith(MARKER) });
}

/** Mark a freshly initialised and closed cluster as a template for this PGlite build. */
export function markTemplate(folder: string): void {
  writeFileSync(join(folder, MARKER), JSON.stringify({ pglite: pgliteVersion() }) + '\n');
}
