// The annotated news sets stay consistent with their own rules (see test/fixtures/*/README.md): a broken annotation
// would make the quality figures meaningless, so it fails here first.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const VALIDATOR = fileURLToPath(new URL('./fixtures/validate-gold.mjs', import.meta.url));

for (const set of ['news', 'news-heldout']) {
  test(`gold.json of test/fixtures/${set} matches its files and rules`, () => {
    const run = spawnSync(process.execPath, [VALIDATOR, fileURLToPath(new URL(`./fixtures/${set}`, import.meta.url))], { encoding: 'utf8' });
    assert.equal(run.status, 0, run.stdout + run.stderr);
    assert.match(run.stdout, /gold\.json OK/);
  });
}
