// Every parser of hostile input answers a value or a refusal, never an exception it did not mean to throw:
// statements, signed notes, checkpoints, receipts, proofs, tile paths and entry bundles, key files, article HTML,
// RSS/Atom, ACLED rows and whole ACLED files. fast-check, FUZZ_RUNS cases per target (see runs.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { parseStatement } from '../../src/domain/statement.js';
import { parseStrictJson } from '../../src/domain/strict-json.js';
import { acledRowToReportBody } from '../../src/domain/acled.js';
import { ACLED_COLUMNS } from '../../src/domain/acled-tables.js';
import { readAcledCsv } from '../../src/cli/acled-csv.js';
import { parseNote, openNote } from '../../src/log/signed-note.js';
import { parseCheckpoint } from '../../src/log/checkpoint.js';
import { openCheckpoint } from '../../src/log/checkpoint-note.js';
import { parseReceipt } from '../../src/log/receipt.js';
import { parseEntryBundle, parseTilePath } from '../../src/log/tiles.js';
import { parseVerifierKey, parseSignerKey } from '../../src/log/note-keys.js';
import { verifyConsistency, verifyInclusion } from '../../src/log/proof-verify.js';
import { noteVerifierFromKey } from '../../src/log/note-ed25519.js';
import { extractHtml } from '../../src/ingest/html-article.js';
import { parseFeed } from '../../src/ingest/feed.js';
import { readKeyFile } from '../../src/services/key-file.js';
import { TruceError } from '../../src/domain/errors.js';
import { RUNS } from './runs.js';

const text = fc.oneof(fc.string({ maxLength: 300 }), fc.string({ unit: 'binary', maxLength: 300 }), fc.string({ unit: 'grapheme-ascii', maxLength: 300 }));
const bytes = fc.uint8Array({ maxLength: 600 });
const run = (p: fc.IProperty<any>) => fc.assert(p, { numRuns: RUNS });

// Near-misses of each format find more than random text: take a valid sample and splice random text into it.
const mutate = (valid: string) =>
  fc.tuple(fc.nat(valid.length), fc.nat(20), text).map(([at, cut, insert]) => valid.slice(0, at) + insert + valid.slice(at + cut));

const STATEMENT = '{"at":"2025-11-07T12:00:00Z","body":{"key":"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="},"by":"pk","key":"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=","sig":"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA==","type":"key.add","v":1}';
const NOTE = 'truce/pk-af-2025-demo\n5\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n\n— truce/pk-af-2025-demo Abcd1234AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\n';
const VKEY = 'truce/pk-af-2025-demo+d802bae8+AUXMu3O0zU4LR389P2VDPBmDn7Ldw5NrbYaNZ0nhS5Kh';

test('statements: parseStatement refuses, never throws', () => {
  run(fc.property(fc.oneof(bytes, mutate(STATEMENT).map((s) => new TextEncoder().encode(s))), (b) => {
    const r = parseStatement(b);
    assert.ok(r.ok || typeof r.detail === 'string');
  }));
  run(fc.property(fc.oneof(text, mutate(STATEMENT)), (s) => void parseStrictJson(s)));
});

test('signed notes and checkpoints: parse and open refuse, never throw', () => {
  const log = noteVerifierFromKey(VKEY)!;
  run(fc.property(fc.oneof(text, mutate(NOTE)), (s) => {
    parseNote(s);
    openNote(s, [log]);
    parseCheckpoint(s);
    const opened = openCheckpoint(s, { origin: 'truce/pk-af-2025-demo', log });
    assert.equal(typeof opened.ok, 'boolean');
  }));
  run(fc.property(fc.oneof(text, mutate(VKEY)), (s) => {
    parseVerifierKey(s);
    parseSignerKey(s);
  }));
});

test('receipts, proofs, tile paths and entry bundles: refuse, never throw', () => {
  run(fc.property(fc.oneof(text, mutate(`c2sp.org/tlog-proof@v1\nextra AAAA\nindex 3\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n\n${NOTE}`)), (s) => void parseReceipt(s)));
  run(fc.property(fc.oneof(text, mutate('tile/entries/x001/234.p/17'), mutate('tile/0/000')), (s) => void parseTilePath(s)));
  run(fc.property(bytes, fc.option(fc.nat(300)), (b, n) => void parseEntryBundle(b, n ?? undefined)));
  const hash = fc.uint8Array({ minLength: 0, maxLength: 40 });
  run(fc.property(fc.integer({ min: -5, max: 2 ** 53 }), fc.integer({ min: -5, max: 2 ** 53 }), fc.array(hash, { maxLength: 70 }), hash, hash, (a, b, proof, leaf, root) => {
    assert.equal(typeof verifyInclusion(leaf, a, b, proof, root), "boolean");
    assert.equal(typeof verifyConsistency(a, b, proof, leaf, root), 'boolean');
  }));
});

test('article HTML and RSS/Atom: extract or refuse, never throw', () => {
  const tag = fc.constantFrom('<p>', '</p>', '<div>', '<article>', '<script>', '<![CDATA[', '<item>', '<title>', '<rss version="2.0">', '<entry>', '&amp;', '&#0;', '<?xml version="1.0"?>', '<!DOCTYPE x [<!ENTITY a "aaaa">]>');
  const markup = fc.array(fc.oneof(tag, text), { maxLength: 30 }).map((xs) => xs.join(''));
  run(fc.property(markup, (s) => {
    const a = extractHtml(s);
    assert.equal(typeof a.text, 'string');
    const f = parseFeed(s);
    assert.ok('error' in f || Array.isArray(f.items));
  }));
});

test('ACLED rows: a report body or a refusal, never a throw', () => {
  const cell = fc.oneof(text, fc.constantFrom('2025-02-30', '0000-01-01', '1e400', '-91', 'NaN', 'Battles', 'Armed clash', '12 October 2025', 'toString', 'constructor', '__proto__'));
  run(fc.property(fc.dictionary(fc.constantFrom(...ACLED_COLUMNS), cell), (row) => {
    const r = acledRowToReportBody(row);
    assert.ok(r.ok || typeof r.detail === 'string');
  }));
});

const ACLED_FILE = [
  'event_id_cnty,event_date,time_precision,event_type,sub_event_type,actor1,inter1,actor2,inter2,iso,country,admin1,location,latitude,longitude,geo_precision,source,notes,fatalities',
  'PAK1001,2025-10-20,1,Battles,Armed clash,Military Forces of Pakistan,State forces,Taliban,Rebel group,586,Pakistan,Balochistan,Chaman,30.92,66.45,1,Dawn,"Clashes at the crossing, ""quoted"".",3',
  'AFG2001,19 October 2025,1,Explosions/Remote violence,Air/drone strike,Military Forces of Pakistan,State forces,Civilians (Afghanistan),Civilians,4,Afghanistan,Kandahar,Spin Boldak,31.0,66.39,1,Tolo News,Drone strike.,0',
].join('\r\n');

test('ACLED files: whole CSV files give rows with their lines (a body or a refusal each), or one refusal, never another exception', () => {
  // Whole files as `truce import acled` reads them: random bytes, the valid file cut and spliced anywhere (quotes,
  // separators and line ends broken), a BOM, and headers with columns repeated, missing or unknown.
  const header = fc.array(fc.constantFrom(...ACLED_COLUMNS, '__proto__', 'constructor', ''), { minLength: 1, maxLength: 25 });
  const file = fc.oneof(
    bytes,
    mutate(ACLED_FILE).map((s) => new TextEncoder().encode(s)),
    mutate('\uFEFF' + ACLED_FILE).map((s) => new TextEncoder().encode(s)),
    fc.tuple(header, fc.array(fc.array(text, { maxLength: 25 }), { maxLength: 5 })).map(([h, rows]) =>
      new TextEncoder().encode([h.join(','), ...rows.map((r) => r.map((c) => `"${c.replace(/"/g, '""')}"`).join(','))].join('\n')),
    ),
  );
  run(fc.property(file, (b) => {
    let rows;
    try {
      rows = readAcledCsv(b, 'fuzz.csv');
    } catch (e) {
      assert.ok(e instanceof TruceError && e.code === 'bad_request', `only a bad_request refusal, got ${String(e)}`);
      return;
    }
    for (const row of rows) {
      assert.ok(Number.isInteger(row.line) && row.line >= 1, 'every row has its line');
      assert.ok(row.ok || typeof row.detail === 'string');
    }
  }));
});

test('ACLED files: a repeated column is refused rather than one cell silently replacing the other', () => {
  const twice = new TextEncoder().encode('event_date,location,event_date\n2025-10-20,Chaman,2025-02-30\n');
  assert.throws(() => readAcledCsv(twice, 'twice.csv'), (e: unknown) => e instanceof TruceError && /event_date.*twice/.test(e.message));
  const good = readAcledCsv(new TextEncoder().encode(ACLED_FILE), 'good.csv');
  assert.deepEqual(good.map((r) => [r.line, r.ok]), [[2, true], [3, true]]);
});

test('key files: read or refuse with a TruceError, never another exception', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'truce-fuzz-key-'));
  try {
    const sample = '{"key":"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=","member":"pk","seed":"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="}';
    let i = 0;
    await fc.assert(
      fc.asyncProperty(fc.oneof(text, mutate(sample)), async (s) => {
        const path = join(dir, `k${i++}.json`);
        await writeFile(path, s);
        try {
          await readKeyFile(path);
        } catch (error) {
          assert.ok(error instanceof TruceError, String(error));
        }
      }),
      { numRuns: Math.min(RUNS, 200) },
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
