// A byte changed at rest inside any value of the state folder (a record, an entry of the insertion order) is found
// when the folder is opened (the label's look at a few records) or read, never decoded into the state: the read
// throws StateFolderDamaged, the folder is marked, and the next open starts it anew (the state is then rebuilt from
// the log). Real LMDB files: each case changes one byte of a copy of the file on disk. Damage to LMDB's own pages is
// measured by scripts/fuzz-state-folder.ts (out of process, since it can crash one); its figures are in
// docs/THREATS.md.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { collection } from '../../src/domain/state.js';
import { StateFolderDamaged } from '../../src/services/folder-seal.js';
import { StateFolder } from '../../src/services/state-folder.js';
import { RUNS } from './runs.js';

const RECORDS = 120;

test('a byte changed inside any value of the state folder is found by the read, and the next open starts anew', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'truce-folder-damage-'));
  try {
    // The template: records of many sizes (some on LMDB's overflow pages), committed at once.
    const template = join(dir, 'template');
    const folder = StateFolder.open(template);
    const state = folder.state();
    folder.begin();
    const records = collection(state, 'c');
    for (let i = 0; i < RECORDS; i++) records.set(`r${i}`, { i, text: 'x'.repeat((i * 97) % 5000), at: `2025-10-${10 + (i % 20)}` });
    state.size = RECORDS;
    await folder.commit(state, new Uint8Array(32));
    const values: Buffer[] = [];
    for (let i = 0; i < RECORDS; i++) values.push(folder.db.get(['r', 'c', `r${i}`])!, folder.db.get(['o', 'c', i])!);
    await folder.close();
    const file = readFileSync(join(template, 'data.mdb'));
    // Where each value is in the file: LMDB may leave stale copies in a page's free space (a page split), so every
    // copy is changed alike.
    const spans = values.map((value) => {
      const at: number[] = [];
      for (let i = file.indexOf(value); i >= 0; i = file.indexOf(value, i + 1)) at.push(i);
      assert.ok(at.length > 0, 'the value is in the file');
      return { at, length: value.length };
    });
    let run = 0;
    let found = 0;
    await fc.assert(
      fc.asyncProperty(fc.nat(spans.length - 1), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), fc.integer({ min: 1, max: 255 }), async (which, where, mask) => {
        const path = join(dir, `case-${run++}`);
        mkdirSync(path);
        copyFileSync(join(template, 'lock.mdb'), join(path, 'lock.mdb'));
        const damaged = Buffer.from(file);
        const span = spans[which]!;
        for (const at of span.at) damaged[at + Math.floor(where * span.length)]! ^= mask;
        writeFileSync(join(path, 'data.mdb'), damaged);
        const opened = StateFolder.open(path);
        const told: StateFolderDamaged[] = [];
        opened.onDamage = (damage) => told.push(damage);
        try {
          // Found at open (a record among those the label check looks at: the label does not hold, the folder is
          // started anew), or else by the read.
          if (opened.meta() === null) found += 1;
          else {
            assert.throws(() => [...collection(opened.state(), 'c').entries()], StateFolderDamaged);
            assert.equal(told.length, 1, 'told once');
            assert.ok(existsSync(join(path, 'damaged')), 'the folder is marked');
          }
        } finally {
          await opened.close();
        }
        const next = StateFolder.open(path);
        try {
          assert.equal(next.meta(), null, 'the next open starts anew');
        } finally {
          await next.close();
        }
      }),
      { numRuns: RUNS },
    );
    assert.ok(found < run, 'some damage is left to the read');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
