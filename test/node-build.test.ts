// bin/truce.mjs runs build/ only when it was made from the sources as they are now (scripts/node-build-sources.mjs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// @ts-expect-error plain JavaScript module without types
import { buildIsFresh, sourceListing } from '../scripts/node-build-sources.mjs';

test('a build is used only while src/ holds exactly the files it was made from', async () => {
  const root = await mkdtemp(join(tmpdir(), 'truce-build-'));
  try {
    await mkdir(join(root, 'src', 'cli'), { recursive: true });
    await mkdir(join(root, 'src', 'web'), { recursive: true });
    await writeFile(join(root, 'src', 'cli', 'main.ts'), 'export {};\n');
    await writeFile(join(root, 'src', 'cli', 'main.test.ts'), 'export {};\n');
    await writeFile(join(root, 'src', 'web', 'page.ts'), 'export {};\n');
    assert.equal(buildIsFresh(root), false, 'no build at all');
    const listing = sourceListing(root);
    assert.deepEqual(Object.keys(listing), ['src/cli/main.ts'], 'tests and the browser UI are not built');
    await mkdir(join(root, 'build'));
    await writeFile(join(root, 'build', 'manifest.json'), JSON.stringify({ files: listing }));
    assert.equal(buildIsFresh(root), true);
    await writeFile(join(root, 'src', 'web', 'page.ts'), 'export const x = 1;\n');
    assert.equal(buildIsFresh(root), true, 'an edit to the browser UI does not matter');
    await utimes(join(root, 'src', 'cli', 'main.ts'), new Date(), new Date(Date.now() + 5_000));
    assert.equal(buildIsFresh(root), false, 'an edited source');
    await writeFile(join(root, 'build', 'manifest.json'), JSON.stringify({ files: sourceListing(root) }));
    await writeFile(join(root, 'src', 'cli', 'new.sql'), 'select 1;\n');
    assert.equal(buildIsFresh(root), false, 'a new file');
    await writeFile(join(root, 'build', 'manifest.json'), '{"files":');
    assert.equal(buildIsFresh(root), false, 'a manifest cut short');
  } finally {
    await rm(root, { recursive: true, force: true });
  }
});
