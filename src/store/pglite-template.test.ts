import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openPgliteDatabase } from './pglite-store.js';
import { markTemplate, pgliteTemplate } from './pglite-template.js';

test('a new store starts as a copy of a marked template of the same PGlite, and works as one initdb made', async () => {
  const root = await mkdtemp(join(tmpdir(), 'truce-template-test-'));
  const saved = process.env.TRUCE_PGLITE_TEMPLATE;
  try {
    const template = join(root, 'template');
    await (await openPgliteDatabase(template)).store.close();
    assert.equal(pgliteTemplate({ TRUCE_PGLITE_TEMPLATE: template }), null, 'an unmarked cluster is no template');
    markTemplate(template);
    assert.equal(pgliteTemplate({ TRUCE_PGLITE_TEMPLATE: template }), template);
    assert.equal(pgliteTemplate({ TRUCE_PGLITE_TEMPLATE: join(root, 'nowhere') }), null);
    assert.equal(pgliteTemplate({}), null);

    process.env.TRUCE_PGLITE_TEMPLATE = template;
    const copy = join(root, 'copy');
    const { store, client } = await openPgliteDatabase(copy);
    assert.ok(existsSync(join(copy, 'PG_VERSION')));
    assert.ok(!existsSync(join(copy, 'truce-pglite-template.json')), 'the marker stays with the template');
    await store.migrate();
    assert.equal(await store.logSize(), 0, 'a copy holds no entries');
    await client.query('CREATE TABLE scratch (n int)');
    await store.close();
    // The template itself is untouched by what the copy did.
    const again = await openPgliteDatabase(join(root, 'again'));
    assert.deepEqual(await again.client.query("SELECT count(*)::int AS n FROM pg_tables WHERE tablename = 'scratch'"), [{ n: 0 }]);
    await again.store.close();

    // A template from another PGlite build is not taken.
    const marker = join(template, 'truce-pglite-template.json');
    writeFileSync(marker, JSON.stringify({ pglite: '0.0.1' }));
    assert.equal(pgliteTemplate({ TRUCE_PGLITE_TEMPLATE: template }), null);
    writeFileSync(marker, 'not json');
    assert.equal(pgliteTemplate({ TRUCE_PGLITE_TEMPLATE: template }), null);
    assert.equal(readFileSync(join(template, 'PG_VERSION'), 'utf8').trim().length > 0, true);
  } finally {
    if (saved === undefined) delete process.env.TRUCE_PGLITE_TEMPLATE;
    else process.env.TRUCE_PGLITE_TEMPLATE = saved;
    await rm(root, { recursive: true, force: true });
  }
});
