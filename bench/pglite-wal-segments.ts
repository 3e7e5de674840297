// What a new WAL segment costs a PGlite commit, run alone:
//   node --import tsx bench/pglite-wal-segments.ts [zero]   (zero: segments filled with zeros, PostgreSQL's default)
// 120 commits of 500 rows of ~1.3 KB of random hex (~1 MB of WAL each, so a new 16 MB segment every ~16 commits) on
// PGlite opened as the store opens it (pglite-durable-fs.ts: every commit fsyncs the WAL); prints each commit's p50,
// p99 and max, and the commits over 40 ms with their number.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { DurableNodeFS, durableStartParams } from '../src/store/pglite-durable-fs.js';

const zero = process.argv.includes('zero');
const dir = await mkdtemp(join(tmpdir(), 'truce-wal-'));
const params = durableStartParams().map((p) => (zero && p === 'wal_init_zero=off' ? 'wal_init_zero=on' : p));
const db = new PGlite({ fs: new DurableNodeFS(dir), startParams: params });
try {
  await db.query('CREATE TABLE t (id bigint PRIMARY KEY, b text)');
  const times: number[] = [];
  for (let i = 0; i < 120; i++) {
    const t0 = performance.now();
    await db.query(`INSERT INTO t SELECT s.g, (SELECT string_agg(md5(random()::text || k.n || s.g), '') FROM generate_series(1, 40) AS k(n))
      FROM generate_series(${i * 500}, ${i * 500 + 499}) AS s(g)`);
    times.push(performance.now() - t0);
  }
  const sorted = [...times].sort((a, b) => a - b);
  const { rows } = await db.query<{ wal_init_zero: string }>('SHOW wal_init_zero');
  console.table({
    'wal_init_zero': rows[0]?.wal_init_zero,
    'commit ms p50 / p99 / max': `${sorted[60]!.toFixed(1)} / ${sorted[118]!.toFixed(1)} / ${sorted[119]!.toFixed(1)}`,
    'commits over 40 ms (number: ms)': times.flatMap((t, i) => (t > 40 ? [`${i}: ${t.toFixed(0)}`] : [])).join(', ') || 'none',
  });
} finally {
  await db.close();
  await rm(dir, { recursive: true, force: true });
}
