// `engines` in package.json says which Node runs Truce: every Node it admits must satisfy every locked package's own
// `engines.node`, so `npm ci` on any of them prints no EBADENGINE warning. A dependency raising its floor fails here.
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import semver from 'semver';
import { REPO_ROOT } from './repo-paths.js';

const read = (file: string) => JSON.parse(readFileSync(join(REPO_ROOT, file), 'utf8')) as Record<string, unknown>;

it("package.json's engines admit only Node versions every locked dependency accepts, and this Node is one of them", () => {
  const range = (read('package.json').engines as { node: string }).node;
  const packages = read('package-lock.json').packages as Record<string, { engines?: { node?: string } }>;
  const narrower = Object.entries(packages)
    .filter(([path, p]) => path !== '' && typeof p.engines?.node === 'string')
    .filter(([, p]) => !semver.subset(range, p.engines!.node!))
    .map(([path, p]) => `${path.replace(/^.*node_modules\//, '')} wants ${p.engines!.node}`);
  assert.deepEqual(narrower, [], `engines "${range}" admits a Node these packages refuse`);
  assert.ok(semver.satisfies(process.version, range), `this Node (${process.version}) is outside engines "${range}"`);
});
