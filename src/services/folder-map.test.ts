// The state folder's Maps keep a Map's semantics: random sequences of get/set/has/delete/iteration, records mutated in
// place while a batch is applied, commits (read back before and after LMDB's thread has written them), drops and
// reopenings, checked step by step against a real Map.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { StateFolder } from './state-folder.js';
import { framed, RECORD_HEAD, recordKey } from './folder-map.js';
import { StateFolderDamaged, unseal } from './folder-seal.js';
import { deserialize, serialize } from 'node:v8';
import { failNextFolderWrite } from './test-failing-folder.js';

interface Value {
  n: number;
  tags: string[];
}

type Op =
  | { op: 'set'; key: string; n: number }
  | { op: 'delete' | 'get' | 'has' | 'mutate'; key: string }
  | { op: 'iterate' | 'begin' | 'commit' | 'drop' | 'reopen' | 'clear' | 'settle' }
  | { op: 'wait'; ms: number };

const key = fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'toString', 'a\u0000b');
const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ op: fc.constant('set' as const), key, n: fc.integer() }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constantFrom('delete' as const, 'get' as const, 'has' as const, 'mutate' as const), key }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constantFrom('iterate' as const, 'begin' as const, 'commit' as const, 'drop' as const, 'settle' as const) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constantFrom('reopen' as const, 'clear' as const) }) },
  // A pause in which LMDB's thread may write some of the commits handed to it and not others.
  { weight: 2, arbitrary: fc.record({ op: fc.constant('wait' as const), ms: fc.integer({ min: 0, max: 3 }) }) },
);

const copy = (m: Map<string, Value>) => new Map([...m].map(([k, v]) => [k, structuredClone(v)]));

test('a folder Map answers as a Map: order, overlay, commit, drop, reopen', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'truce-folder-map-'));
  let run = 0;
  try {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { maxLength: 60 }), async (ops) => {
        const path = join(dir, `run-${run++}`);
        let folder = StateFolder.open(path);
        let map = folder.map<Value>('c');
        let live = new Map<string, Value>();
        let stored = new Map<string, Value>();
        const check = () => {
          assert.equal(map.size, live.size);
          assert.deepEqual([...map.keys()], [...live.keys()]);
          assert.deepEqual([...map.entries()], [...live.entries()]);
          assert.deepEqual([...map.values()], [...live.values()]);
          const each: [string, Value][] = [];
          map.forEach((v, k) => each.push([k, v]));
          assert.deepEqual(each, [...live]);
          const values = [...map.values()];
          [...map.keys()].forEach((k, i) => assert.equal(map.get(k), values[i], 'a record read twice is one object, as in a Map'));
        };
        try {
          for (const o of ops) {
            if (o.op === 'set') {
              map.set(o.key, { n: o.n, tags: [o.key] });
              live.set(o.key, { n: o.n, tags: [o.key] });
            } else if (o.op === 'delete') assert.equal(map.delete(o.key), live.delete(o.key));
            else if (o.op === 'get') assert.deepEqual(map.get(o.key), live.get(o.key));
            else if (o.op === 'has') assert.equal(map.has(o.key), live.has(o.key));
            else if (o.op === 'mutate') {
              // A handler mutating what it read, as records/*.ts do: only while a batch is applied.
              folder.begin();
              const got = map.get(o.key);
              assert.deepEqual(got, live.get(o.key));
              if (got) {
                got.n += 1;
                got.tags.push('x');
                live.get(o.key)!.n += 1;
                live.get(o.key)!.tags.push('x');
              }
            } else if (o.op === 'iterate') check();
            else if (o.op === 'begin') folder.begin();
            else if (o.op === 'commit') {
              folder.commit(folder.state(), null);
              stored = copy(live);
            } else if (o.op === 'drop') {
              folder.drop();
              live = copy(stored);
            } else if (o.op === 'wait') {
              await new Promise((resolve) => setTimeout(resolve, o.ms));
            } else if (o.op === 'settle') {
              // The commits so far reach the file (LMDB's thread): reads go from the pending records to the file.
              await folder.written();
              assert.equal(folder.pending.size, 0);
            } else if (o.op === 'clear') {
              map.clear();
              live.clear();
            } else {
              await folder.close();
              live = copy(stored);
              folder = StateFolder.open(path);
              map = folder.map<Value>('c');
            }
          }
          check();
          folder.commit(folder.state(), null);
          await folder.close();
          folder = StateFolder.open(path);
          map = folder.map<Value>('c');
          check();
        } finally {
          await folder.close();
        }
      }),
      {
        numRuns: 150,
        examples: [
          // Committed, then mutated in place by a batch that is dropped before LMDB's thread wrote the commit: the
          // pending record is the object the batch was handed, and must read as committed again (seed -307030938).
          [[{ op: 'set', key: 'c', n: 0 }, { op: 'commit' }, { op: 'mutate', key: 'c' }, { op: 'drop' }, { op: 'get', key: 'c' }, { op: 'iterate' }, { op: 'settle' }, { op: 'get', key: 'c' }]],
          // Deleted, committed, and set again before LMDB's thread wrote the deletion: a new position, one more record.
          [[{ op: 'set', key: 'a', n: 1 }, { op: 'set', key: 'b', n: 2 }, { op: 'commit' }, { op: 'settle' }, { op: 'delete', key: 'a' }, { op: 'commit' }, { op: 'set', key: 'a', n: 3 }, { op: 'iterate' }, { op: 'commit' }, { op: 'iterate' }, { op: 'settle' }, { op: 'iterate' }]],
        ],
      },
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

/** A folder in a scratch directory, removed after `run`. */
async function withScratchFolder(run: (dir: string) => Promise<void>): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'truce-folder-'));
  try {
    await run(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

test('a commit LMDB could not write makes every later one fail: the file keeps the state before it', () =>
  withScratchFolder(async (dir) => {
    let folder = StateFolder.open(dir);
    const map = folder.map<Value>('c');
    map.set('a', { n: 1, tags: [] });
    await folder.commit(folder.state(), null);
    failNextFolderWrite(folder);
    map.set('b', { n: 2, tags: [] });
    await assert.rejects(folder.commit(folder.state(), null), /no space left/);
    map.set('c', { n: 3, tags: [] });
    await assert.rejects(folder.commit(folder.state(), null), /holds commit 1, not 2/);
    assert.deepEqual([...map.keys()], ['a', 'b', 'c'], 'this process still answers from what it committed');
    await folder.close();
    folder = StateFolder.open(dir);
    assert.deepEqual([...folder.map<Value>('c').entries()], [['a', { n: 1, tags: [] }]]);
    await folder.close();
  }));

test('commits in a loop that gives the event loop no turn stay bounded in memory: backlog() makes it wait', () =>
  withScratchFolder(async (dir) => {
    let folder = StateFolder.open(dir);
    const map = folder.map<Value>('c');
    let most = 0;
    for (let i = 0; i < 40; i++) {
      map.set(`k${i}`, { n: i, tags: [] });
      void folder.commit(folder.state(), null);
      most = Math.max(most, folder.pending.size);
      // Only promises in this loop (as PGlite's are): without the backlog, LMDB's transactions would never run.
      await folder.backlog();
    }
    assert.ok(most <= 6, `at most a few commits' records wait in memory (${most})`);
    await folder.written();
    assert.equal(folder.pending.size, 0);
    await folder.close();
    folder = StateFolder.open(dir);
    assert.equal(folder.map<Value>('c').size, 40);
    await folder.close();
  }));

test('while a batch is applied, has() then set() of a new id reads the file once; between batches nothing is remembered', () =>
  withScratchFolder(async (dir) => {
    const folder = StateFolder.open(dir);
    const map = folder.map<Value>('c');
    let reads = 0;
    const { db } = folder;
    const get = db.get.bind(db);
    const doesExist = db.doesExist.bind(db);
    db.get = (key) => (reads++, get(key));
    db.doesExist = ((key: (string | number)[]) => (reads++, doesExist(key))) as typeof db.doesExist;
    folder.begin();
    assert.equal(map.has('new'), false);
    map.set('new', { n: 1, tags: [] });
    assert.equal(map.get('gone'), undefined);
    assert.equal(map.has('gone'), false);
    assert.equal(reads, 2, 'one read of the file for each id');
    folder.pause();
    await folder.commit(folder.state(), null);
    assert.equal(map.has('other'), false);
    assert.equal(folder.absent.size, 0, 'absences are not kept outside a batch');
    assert.equal(map.get('new')?.n, 1);
    await folder.close();
  }));

test('a framed record is its seal, its position, then exactly the V8 serialization of the value (two-byte strings, buffers, Maps)', () => {
  const values: unknown[] = [
    { n: 1, tags: ['a'] },
    { text: 'ﬀ 😀 مرحبا', odd: 'x', bytes: Buffer.from([1, 2, 3]), view: new Uint8Array([4, 5]) },
    new Map([['k', { at: new Date(0), s: new Set([1]) }]]),
    'ﬀ',
    [undefined, null, -0, 1.5, 2n],
  ];
  for (const [i, value] of values.entries()) {
    const key = recordKey('c', `id${i}`);
    const record = framed(key, i * 1.5, value);
    const payload = unseal(key, record);
    assert.equal(payload.readDoubleBE(0), i * 1.5);
    assert.deepEqual(record.subarray(RECORD_HEAD), serialize(value));
    assert.deepEqual(deserialize(payload.subarray(8)), value);
    // Sealed under its own key: the same bytes read as another record's are damage.
    assert.throws(() => unseal(recordKey('c', `other${i}`), record), StateFolderDamaged);
  }
});

test('a folder whose process crashed on three starts in a row is started anew; a clean close or a marked damage', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'truce-folder-starts-'));
  const path = join(dir, 'state');
  const filled = async () => {
    const folder = StateFolder.open(path);
    const state = folder.state();
    folder.begin();
    state.members.set('m', { id: 'm' } as never);
    state.size = 1;
    await folder.commit(state, new Uint8Array(32));
    return folder;
  };
  const starts = () => Number(readFileSync(join(path, 'starts'), 'utf8'));
  try {
    await (await filled()).close();
    assert.ok(!existsSync(join(path, 'starts')), 'a clean close forgets the starts');
    // Three starts that never close (a process that crashes on a read of a damaged page, or is killed).
    for (let i = 1; i <= 3; i++) {
      const folder = StateFolder.open(path);
      assert.equal(folder.discarded, null);
      assert.equal(folder.meta()?.size, 1, 'the folder is read');
      assert.equal(starts(), i);
      await folder.db.close(); // the process dies: LMDB's file closed, the folder never told
    }
    const fourth = StateFolder.open(path);
    assert.equal(fourth.discarded, '3 starts in a row ended without closing it');
    assert.equal(fourth.meta(), null, 'started anew: the state is rebuilt from the log');
    assert.equal(starts(), 1);
    await fourth.close();

    // A folder marked damaged by a read is started anew at the next open, whatever its starts.
    const folder = await filled();
    await folder.close();
    writeFileSync(join(path, 'damaged'), 'x');
    const next = StateFolder.open(path);
    assert.equal(next.discarded, 'a read found it damaged');
    assert.equal(next.meta(), null);
    await next.close();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
