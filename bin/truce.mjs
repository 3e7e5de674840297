#!/usr/bin/env node
// Runs the CLI from build/ (plain JavaScript, `npm run build:node`) when it was built from the sources as they are now,
// else from the TypeScript sources through tsx, so `npx truce ...` works right after `npm ci` and after any edit.
import { fileURLToPath } from 'node:url';
import { buildIsFresh } from '../scripts/node-build-sources.mjs';

const root = fileURLToPath(new URL('../', import.meta.url));
if (buildIsFresh(root)) {
  await import(new URL('../build/src/cli/main.js', import.meta.url).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import(new URL('../src/cli/main.ts', import.meta.url).href);
}
