import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { loadMigrations } from './migrate.js';

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'truce-migrations-'));
  for (const [name, sql] of Object.entries(files)) writeFileSync(join(dir, name), sql);
  return dir;
}

describe('loadMigrations', () => {
  it('loads the shipped migrations in version order', () => {
    const versions = loadMigrations().map((m) => m.version);
    assert.ok(versions.length >= 2);
    assert.deepEqual(versions, [...versions].sort((a, b) => a - b));
    assert.equal(versions[0], 1);
  });

  it('orders by number, not by listing order', () => {
    const dir = folder({ '010_ten.sql': 'SELECT 10;', '002_two.sql': 'SELECT 2;', 'notes.txt': 'ignored' });
    try {
      assert.deepEqual(loadMigrations(dir).map((m) => [m.version, m.name]), [[2, 'two'], [10, 'ten']]);
    } finally {
      rmSync(dir, { recursive: true });
    }
  });

  it('refuses badly named files and duplicate versions', () => {
    const cases: Record<string, string>[] = [{ '1_short.sql': '' }, { '001_a.sql': '', '001_b.sql': '' }];
    for (const files of cases) {
      const dir = folder(files);
      try {
        assert.throws(() => loadMigrations(dir));
      } finally {
        rmSync(dir, { recursive: true });
      }
    }
  });
});
